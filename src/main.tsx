import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LabStore } from './ui/app/lab-store-context';
import type { SweepStoreLike } from './ui/features/sweeps/sweep-store-context';
import { loadCatalog } from './ui/catalog/catalog';
import { App } from './ui/app/app';

const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element');
const root = createRoot(element);

/**
 * The real lab (IndexedDB + the training worker), or with `?fake-store` an in-memory one
 * with made-up curves, for UI work and demos without training. Both load as their own
 * chunks, so the first paint does not wait for IndexedDB, zod or the worker.
 */
async function openStore(): Promise<{ lab: LabStore; sweeps?: SweepStoreLike }> {
  if (new URLSearchParams(window.location.search).has('fake-store')) {
    const { createFakeStore } = await import('./ui/dev/fake-store');
    return { lab: createFakeStore({ autoplay: true }) };
  }
  const { createSweepLab } = await import('./client/sweeps/create-sweep-lab');
  return createSweepLab();
}

Promise.all([openStore(), loadCatalog()]).then(
  ([{ lab, sweeps }, catalog]) =>
    root.render(
      <StrictMode>
        <App store={lab} catalog={catalog} sweeps={sweeps} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '3rem auto' }}>
        <h1>Optimizer Lab could not start</h1>
        <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
        <p>The lab keeps its comparisons in IndexedDB; a private window or blocked site storage can prevent that.</p>
      </main>
    ),
);
