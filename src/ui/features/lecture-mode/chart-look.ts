/**
 * How a comparison's line charts look, normal and in lecture mode: read from the back of
 * a hall, axis titles of 24 px and ticks of 20 px (the issue's floor), lines twice as
 * thick, and the names at the lines' ends instead of a legend.
 */
export interface ChartLook {
  /** Type sizes in px; none: the page's own type. */
  readonly type?: { readonly tick: number; readonly axisTitle: number };
  readonly mainStrokeWidth: number;
  readonly faintStrokeWidth: number;
  /** Names at the ends of the main lines (the legend is hidden). */
  readonly endLabels: boolean;
  /** Room on the right for those names, and below for the x axis' title. */
  readonly margin: { readonly right: number; readonly bottom: number };
  /** How far below the plot the x axis' title sits. */
  readonly xTitleOffset: number;
  /** The y axis' width: room for its ticks. */
  readonly yAxisWidth: number;
  /** The plot's height as CSS, where the stylesheet sizes it to the screen; none: the card's own height. */
  readonly plotHeight?: string;
}

export const CHART_LOOKS = {
  normal: { mainStrokeWidth: 2, faintStrokeWidth: 1.5, endLabels: false, margin: { right: 16, bottom: 20 }, xTitleOffset: -12, yAxisWidth: 64 },
  lecture: {
    type: { tick: 20, axisTitle: 24 },
    mainStrokeWidth: 4,
    faintStrokeWidth: 2.5,
    endLabels: true,
    margin: { right: 150, bottom: 32 },
    xTitleOffset: -24,
    yAxisWidth: 96,
    plotHeight: 'var(--lecture-chart-height, 320px)',
  },
} as const satisfies Record<string, ChartLook>;
