import type { RunGallery } from '../protocol/gallery';
import type { ComparisonRepository } from '../persistence/types';
import type { ComparisonView } from './types';

/** The view with this run's gallery in place of its last one: new objects along that path only. */
export function withGallery(view: ComparisonView, gallery: RunGallery): ComparisonView {
  return { ...view, galleries: { ...view.galleries, [gallery.runId]: gallery } };
}

/**
 * The view with the galleries saved for it. Images are not worth failing to open a
 * comparison for: a gallery that cannot be read becomes a notice, and the rest shows.
 */
export async function withSavedGalleries(
  view: ComparisonView,
  repository: Pick<ComparisonRepository, 'getGalleries'>,
  notify: (kind: 'error' | 'info', text: string) => void,
): Promise<ComparisonView> {
  try {
    const galleries = await repository.getGalleries(view.id);
    return Object.keys(galleries).length > 0 ? { ...view, galleries } : view;
  } catch (error) {
    notify('error', `Could not read the saved images of “${view.name}”: ${error instanceof Error ? error.message : String(error)}`);
    return view;
  }
}
