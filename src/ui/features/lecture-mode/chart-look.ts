/**
 * How a comparison's line charts look, normal and in lecture mode: read from the back of
 * a hall, axis titles of 24 px and ticks of 20 px (the issue's floor), lines twice as
 * thick, and the names at the lines' ends instead of a legend.
 */
export interface ChartLook {
  readonly tickFontSize: number;
  readonly axisTitleFontSize: number;
  readonly mainStrokeWidth: number;
  readonly faintStrokeWidth: number;
  /** Names at the ends of the main lines (the legend is hidden). */
  readonly endLabels: boolean;
  /** Room on the right for those names. */
  readonly rightMargin: number;
  /** The y axis' width: room for its ticks. */
  readonly yAxisWidth: number;
}

export const CHART_LOOKS = {
  normal: { tickFontSize: 15, axisTitleFontSize: 15, mainStrokeWidth: 2, faintStrokeWidth: 1.5, endLabels: false, rightMargin: 16, yAxisWidth: 64 },
  lecture: { tickFontSize: 20, axisTitleFontSize: 24, mainStrokeWidth: 4, faintStrokeWidth: 2.5, endLabels: true, rightMargin: 150, yAxisWidth: 96 },
} as const satisfies Record<string, ChartLook>;
