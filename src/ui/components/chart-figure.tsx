/** A chart's card: a figure named by its title, the title with PNG and SVG downloads, then the chart. */
import { useRef, type ReactNode } from 'react';
import { ChartDownload } from './chart-download';

export function ChartFigure({ title, fileName, className, children }: { title: string; fileName: string; className?: string; children: ReactNode }) {
  const figure = useRef<HTMLElement>(null);
  return (
    <figure className={`chart-card ${className ?? ''}`} ref={figure} aria-label={title}>
      <figcaption>
        <h3>{title}</h3>
        <ChartDownload target={figure} name={fileName} title={title} />
      </figcaption>
      {children}
    </figure>
  );
}
