/** "PNG" and "SVG" buttons for the chart inside `target` (its main <svg>). */
import { useState, type RefObject } from 'react';
import { downloadBlob, downloadText, safeFileName, standaloneSvg, svgToPng } from './download';

function chartSvg(target: HTMLElement | null): SVGSVGElement | null {
  return target?.querySelector<SVGSVGElement>('svg[data-chart], svg.recharts-surface') ?? null;
}

export function ChartDownload({ target, name, title }: { target: RefObject<HTMLElement | null>; name: string; title: string }) {
  const [problem, setProblem] = useState<string>();
  const save = async (format: 'png' | 'svg') => {
    setProblem(undefined);
    const svg = chartSvg(target.current);
    if (!svg) {
      setProblem('Nothing drawn yet.');
      return;
    }
    const standalone = standaloneSvg(svg);
    const file = `${safeFileName(name)}.${format}`;
    try {
      if (format === 'svg') downloadText(standalone.text, file, 'image/svg+xml');
      else downloadBlob(await svgToPng(standalone), file);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <span className="chart-download">
      <button type="button" className="small" onClick={() => void save('png')} aria-label={`Download ${title} as PNG`}>
        PNG
      </button>
      <button type="button" className="small" onClick={() => void save('svg')} aria-label={`Download ${title} as SVG`}>
        SVG
      </button>
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </span>
  );
}
