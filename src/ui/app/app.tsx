/**
 * Layout only: the providers, the header with the views, then the view on screen:
 * comparing optimizers (setup and history on the left, the comparison on the right),
 * sweeping settings (the same for sweeps), or the optimizer race. The stores and the
 * catalog come from main.tsx (the real lab, or the fake in src/ui/dev, which has no
 * sweeps).
 */
import { Suspense, type ReactNode } from 'react';
import type { Catalog } from '../catalog/catalog';
import { BackendBadge } from '../features/backend-badge/backend-badge';
import { ConfigFormProvider } from '../features/config/config-form-context';
import { ConfigPanel } from '../features/config/config-panel';
import { HistoryPanel } from '../features/history/history-panel';
import { NoticeBanner } from '../features/notice/notice-banner';
import { RacePage } from '../features/race';
import { SweepBuilder } from '../features/sweeps/builder/sweep-builder';
import { SweepArea } from '../features/sweeps/sweep-area';
import { SweepHistory } from '../features/sweeps/sweep-history';
import { SweepNotice } from '../features/sweeps/sweep-notice';
import type { SweepStoreLike } from '../features/sweeps/sweep-store-context';
import { hasSweepHash } from '../features/url-state/sweep-url';
import { CatalogProvider } from './catalog-context';
import { ComparisonArea } from './comparison-area';
import { LabStoreProvider, type LabStore } from './lab-store-context';
import { LabViewProvider } from './lab-view-context';
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
  const compare = <Layout sidebar={<><ConfigPanel /><HistoryPanel /></>} main={<ComparisonArea />} />;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Optimizer Lab</h1>
        <ViewNav withSweeps={withSweeps} />
        <p className="tagline">Optimizers side by side, from identical weights, on identical batches.</p>
        <BackendBadge />
      </header>
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
          <ConfigFormProvider>{sweeps ? <WithSweeps sweeps={sweeps}>{page}</WithSweeps> : page}</ConfigFormProvider>
        </LabViewProvider>
      </LabStoreProvider>
    </CatalogProvider>
  );
}
