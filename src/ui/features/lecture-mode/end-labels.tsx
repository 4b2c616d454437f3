/**
 * The names at the ends of a chart's lines, in each line's colour, placed by
 * placeEndLabels so that none overlap; a thin leader joins a name that had to move to
 * its line. Rendered inside a recharts chart (it reads the chart's scales).
 */
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { placeEndLabels } from './end-labels-layout';

export interface EndLabelLine {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  /** The line's last point, in data units. */
  readonly x: number;
  readonly y: number;
}

export function EndLabels({ lines, fontSize }: { lines: readonly EndLabelLine[]; fontSize: number }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (!xScale || !yScale || !plot) return null;
  const byKey = new Map(lines.map((line) => [line.key, line]));
  const ends = lines.map((line) => ({ key: line.key, y: yScale(line.y) ?? Number.NaN }));
  const placed = placeEndLabels(ends, { top: plot.y, bottom: plot.y + plot.height, gap: fontSize * 1.15 });
  const labelX = plot.x + plot.width + 10;
  return (
    <g className="end-labels" aria-hidden="true">
      {placed.map(({ key, y, anchorY }) => {
        const line = byKey.get(key)!;
        const lineX = xScale(line.x) ?? plot.x + plot.width;
        return (
          <g key={key} data-end-label={line.label}>
            <line x1={lineX} y1={anchorY} x2={labelX - 3} y2={y} stroke={line.color} strokeWidth={1.5} strokeOpacity={0.7} />
            <text x={labelX} y={y} dominantBaseline="central" fontSize={fontSize} fontWeight={700} fill={line.color}>
              {line.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
