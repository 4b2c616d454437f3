/**
 * Layout only: the providers, the header with the views, then the view on screen:
 * comparing optimizers (compare-view.tsx: setup first, then the comparison with the
 * charts taking the page), sweeping settings (setup and history on the left, the sweep on
 * the right), or the optimizer race. The stores and the catalog come from main.tsx (the
 * real lab, or the fake in src/ui/dev, which has no sweeps).
 */
import { Suspense, type ReactNode } from 'react';
import type { Catalog } from '../catalog/catalog';
import { BackendBadge } from '../features/backend-badge/backend-badge';
import { ConfigFormProvider } from '../features/config/config-form-context';
import { NoticeBanner } from '../features/notice/notice-banner';
import { RacePage } from '../features/race';
import { SweepBuilder } from '../features/sweeps/builder/sweep-builder';
import { SweepArea } from '../features/sweeps/sweep-area';
import { SweepHistory } from '../features/sweeps/sweep-history';
import { SweepNotice } from '../features/sweeps/sweep-notice';
import type { SweepStoreLike } from '../features/sweeps/sweep-store-context';
import { hasSweepHash } from '../features/url-state/sweep-url';
import { CatalogProvider } from './catalog-context';
import { CompareView } from './compare-view';
import { CompareKeys, SkipToStart } from './lab-keys';
import { LabStoreProvider, type LabStore } from './lab-store-context';
import { LabViewProvider } from './lab-view-context';
import { SetupFoldProvider } from './setup-fold';
import { ShortcutHelp } from './shortcut-help';
import { useKeepOnScreen } from './keep-on-screen';
import { useOnScreenView, ViewNav } from './view-nav';
import { ViewPanels, WithSweeps } from './view-tabs';
import './app.css';

function Layout({ sidebar, main }: { sidebar: ReactNode; main: ReactNode }) {
  return (
    <div className="layout">
      <div className="sidebar">{sidebar}</div>
      <main className="main">{main}</main>
    </div>
  );
}

function Page({ withSweeps }: { withSweeps: boolean }) {
  const onScreen = useOnScreenView();
  useKeepOnScreen();
  const compare = <CompareView />;
  return (
    <div className="app">
      {onScreen === 'compare' && (
        <>
          <SkipToStart />
          <CompareKeys />
        </>
      )}
      <header className="app-header">
        <h1>Optimizer Lab</h1>
        <ViewNav withSweeps={withSweeps} />
        <p className="tagline">Optimizers side by side, from identical weights, on identical batches.</p>
        <BackendBadge />
      </header>
      <ShortcutHelp />
      <NoticeBanner />
      {withSweeps && onScreen !== 'race' && <SweepNotice />}
      {onScreen === 'race' ? (
        <Suspense fallback={<p className="race">Loading the race…</p>}>
          <RacePage />
        </Suspense>
      ) : withSweeps ? (
        <ViewPanels views={{ compare, sweep: <Layout sidebar={<><SweepBuilder /><SweepHistory /></>} main={<SweepArea />} /> }} />
      ) : (
        compare
      )}
    </div>
  );
}

export function App({ store, catalog, sweeps }: { store: LabStore; catalog: Catalog; sweeps?: SweepStoreLike }) {
  const page = <Page withSweeps={sweeps !== undefined} />;
  return (
    <CatalogProvider catalog={catalog}>
      <LabStoreProvider store={store}>
        <LabViewProvider initial={sweeps && typeof window !== 'undefined' && hasSweepHash(window.location.hash) ? 'sweep' : 'compare'}>
          <ConfigFormProvider>
            <SetupFoldProvider>{sweeps ? <WithSweeps sweeps={sweeps}>{page}</WithSweeps> : page}</SetupFoldProvider>
          </ConfigFormProvider>
        </LabViewProvider>
      </LabStoreProvider>
    </CatalogProvider>
  );
}
