/**
 * One grid of a VAE gallery on a canvas: drawn at its native size with putImageData and
 * scaled up by CSS with pixelated rendering (no blur), row and column labels beside it,
 * and a PNG download of the pixels (each one a 4x4 block).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImageGrid } from '../../../protocol/gallery';
import { canvasToPng, downloadBlob, safeFileName } from '../../components/download';
import { GAP, gridToRgba } from './gallery-model';

export interface ImageGridFigureProps {
  readonly title: string;
  /** What the canvas shows, for screen readers (and tests): its accessible name. */
  readonly description: string;
  readonly grid: ImageGrid;
  readonly imageShape: readonly [number, number, number];
  readonly fileName: string;
  readonly rowLabels?: readonly string[];
  readonly columnLabels?: readonly string[];
  /** CSS pixels per image pixel. */
  readonly scale?: number;
}

const PNG_SCALE = 4;

export function ImageGridFigure({ title, description, grid, imageShape, fileName, rowLabels, columnLabels, scale = 2 }: ImageGridFigureProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [problem, setProblem] = useState<string>();
  const image = useMemo(() => gridToRgba(grid, imageShape), [grid, imageShape]);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    context?.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  }, [image]);
  const [h, w] = imageShape;
  const save = async () => {
    setProblem(undefined);
    try {
      downloadBlob(await canvasToPng(canvas.current!, PNG_SCALE), `${safeFileName(fileName)}.png`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <figure className="chart-card image-grid-figure" aria-label={title}>
      <figcaption>
        <h3>{title}</h3>
        <span className="chart-download">
          <button type="button" className="small" onClick={() => void save()} aria-label={`Download ${title} as PNG`}>
            PNG
          </button>
          {problem && (
            <span role="alert" className="field-error">
              {problem}
            </span>
          )}
        </span>
      </figcaption>
      <div className="image-grid" style={{ gridTemplateColumns: rowLabels ? 'auto auto' : 'auto' }}>
        {columnLabels && (
          <div className="image-grid-columns" style={{ gridColumn: rowLabels ? 2 : 1, gap: GAP * scale, gridTemplateColumns: `repeat(${columnLabels.length}, ${w * scale}px)` }} aria-hidden="true">
            {columnLabels.map((label, i) => (
              <span key={i}>{label}</span>
            ))}
          </div>
        )}
        {rowLabels && (
          <div className="image-grid-rows" style={{ gap: GAP * scale, gridTemplateRows: `repeat(${rowLabels.length}, ${h * scale}px)` }} aria-hidden="true">
            {rowLabels.map((label, i) => (
              <span key={i}>{label}</span>
            ))}
          </div>
        )}
        <canvas ref={canvas} width={image.width} height={image.height} role="img" aria-label={description} style={{ width: image.width * scale, height: image.height * scale }} />
      </div>
    </figure>
  );
}
