/** The surface's view box on a canvas of CSS pixels: y grows upwards on the plane, downwards on screen. */
import type { ViewBox } from '../../../engine/surfaces';

export interface Viewport {
  readonly view: ViewBox;
  /** CSS pixels. */
  readonly width: number;
  readonly height: number;
}

export function toPixel(viewport: Viewport, x: number, y: number): [number, number] {
  const { view, width, height } = viewport;
  return [((x - view.xMin) / (view.xMax - view.xMin)) * width, ((view.yMax - y) / (view.yMax - view.yMin)) * height];
}

export function toPlane(viewport: Viewport, px: number, py: number): [number, number] {
  const { view, width, height } = viewport;
  return [view.xMin + (px / width) * (view.xMax - view.xMin), view.yMax - (py / height) * (view.yMax - view.yMin)];
}

/** The largest canvas of the view's aspect (so circles stay round) within the given box. */
export function fitViewport(view: ViewBox, maxWidth: number, maxHeight: number): Viewport {
  const aspect = (view.yMax - view.yMin) / (view.xMax - view.xMin);
  const width = Math.max(120, Math.floor(Math.min(maxWidth, maxHeight / aspect)));
  return { view, width, height: Math.round(width * aspect) };
}

/** A coordinate rounded to what a click can mean: a thousandth of the view's span. */
export function roundToView(value: number, span: number): number {
  const step = 10 ** Math.floor(Math.log10(span / 1000));
  return Number((Math.round(value / step) * step).toPrecision(12));
}
