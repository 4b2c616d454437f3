/**
 * Layout only: the providers, the header with the views, then either the comparison
 * (setup and history on the left, the comparison on screen on the right) or the
 * optimizer race. The store and the catalog come from main.tsx (the real lab, or the
 * fake in src/ui/dev).
 */
import { Suspense } from 'react';
import type { Catalog } from '../catalog/catalog';
import { BackendBadge } from '../features/backend-badge/backend-badge';
import { ConfigFormProvider } from '../features/config/config-form-context';
import { ConfigPanel } from '../features/config/config-panel';
import { HistoryPanel } from '../features/history/history-panel';
import { ViewTabs } from '../features/navigation/view-tabs';
import { NoticeBanner } from '../features/notice/notice-banner';
import { RacePage } from '../features/race';
import { useHashView } from '../features/url-state/hash-view';
import { CatalogProvider } from './catalog-context';
import { ComparisonArea } from './comparison-area';
import { LabStoreProvider, type LabStore } from './lab-store-context';
import './app.css';

export function App({ store, catalog }: { store: LabStore; catalog: Catalog }) {
  const view = useHashView();
  return (
    <CatalogProvider catalog={catalog}>
      <LabStoreProvider store={store}>
        <ConfigFormProvider>
          <div className="app">
            <header className="app-header">
              <h1>Optimizer Lab</h1>
              <ViewTabs view={view} />
              <p className="tagline">Optimizers side by side, from identical weights, on identical batches.</p>
              <BackendBadge />
            </header>
            <NoticeBanner />
            {view === 'race' ? (
              <Suspense fallback={<p className="race">Loading the race…</p>}>
                <RacePage />
              </Suspense>
            ) : (
              <div className="layout">
                <div className="sidebar">
                  <ConfigPanel />
                  <HistoryPanel />
                </div>
                <main className="main">
                  <ComparisonArea />
                </main>
              </div>
            )}
          </div>
        </ConfigFormProvider>
      </LabStoreProvider>
    </CatalogProvider>
  );
}
