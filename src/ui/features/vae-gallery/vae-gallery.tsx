/**
 * What a VAE run has learnt, as pictures (the reference's E1 figures, live): held-out
 * images above their reconstructions, one row per latent dimension swept over [-3, 3]
 * with the others at 0, and images decoded from fixed-seed N(0, I) vectors (the same
 * vectors for every run and epoch, so they compare). Any run can be picked; each
 * gallery is the latest its run posted (after every epoch).
 */
import { useMemo, useState } from 'react';
import type { ComparisonView } from '../../../client/types';
import { safeFileName } from '../../components/download';
import { bestRun, resultRows } from '../results/results-model';
import { galleryMoment, latentLabels, walkLabel } from './gallery-model';
import { ImageGridFigure } from './image-grid-figure';
import './vae-gallery.css';

export function VaeGallery({ comparison }: { comparison: ComparisonView }) {
  const { galleries = {}, runs } = comparison;
  const withGallery = runs.filter((run) => galleries[run.id]);
  const bestId = useMemo(() => bestRun(resultRows(runs))?.runId, [runs]);
  const [chosen, setChosen] = useState<string>();
  if (comparison.config.architecture !== 'vae' && withGallery.length === 0) return null;
  const run = withGallery.find((r) => r.id === chosen) ?? withGallery.find((r) => r.id === bestId) ?? withGallery[0];
  const gallery = run ? galleries[run.id] : undefined;
  return (
    <section aria-labelledby="gallery-heading" className="panel">
      <h2 id="gallery-heading">Generated images</h2>
      {!run || !gallery ? (
        <p className="field-help">Reconstructions, the latent walk and random samples appear here as each epoch ends.</p>
      ) : (
        <>
          <div className="field inline-field">
            <label htmlFor="gallery-run">Run</label>
            <select id="gallery-run" value={run.id} onChange={(event) => setChosen(event.target.value)}>
              {withGallery.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
            <span className="field-help" aria-live="polite">
              {run.label}, {galleryMoment(gallery)}.
            </span>
          </div>
          <div className="vae-gallery-grids">
            <ImageGridFigure
              title="Reconstructions"
              description={`Reconstructions by ${run.label} ${galleryMoment(gallery)}: ${gallery.reconstructions.columns} test images above, their reconstructions below`}
              grid={gallery.reconstructions}
              imageShape={gallery.imageShape}
              rowLabels={['original', 'reconstructed']}
              fileName={`${safeFileName(comparison.name)}-${run.id}-reconstructions-epoch-${gallery.epoch}`}
            />
            <ImageGridFigure
              title="Latent walk"
              description={`Latent walk of ${run.label} ${galleryMoment(gallery)}: ${gallery.latentWalk.rows} latent dimensions, each swept from ${walkLabel(gallery.walkValues[0]!)} to ${walkLabel(gallery.walkValues.at(-1)!)} with the others at 0`}
              grid={gallery.latentWalk}
              imageShape={gallery.imageShape}
              rowLabels={latentLabels(gallery.latentWalk.rows)}
              columnLabels={gallery.walkValues.map(walkLabel)}
              fileName={`${safeFileName(comparison.name)}-${run.id}-latent-walk-epoch-${gallery.epoch}`}
            />
            <ImageGridFigure
              title="Random samples"
              description={`Random samples of ${run.label} ${galleryMoment(gallery)}: ${gallery.samples.columns} images decoded from fixed random latent vectors`}
              grid={gallery.samples}
              imageShape={gallery.imageShape}
              fileName={`${safeFileName(comparison.name)}-${run.id}-samples-epoch-${gallery.epoch}`}
            />
          </div>
          <p className="field-help">
            The samples decode the same N(0, I) vectors for every run and epoch, so they can be compared across optimizers and over time.
          </p>
        </>
      )}
    </section>
  );
}
