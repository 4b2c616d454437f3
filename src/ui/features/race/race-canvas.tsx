/**
 * The race on screen: one canvas (see RacePainter) sized to the surface's aspect,
 * repainted on animation frames from the trails as they grow. A click sets
 * the start; so does the keyboard (SURFACE_KEYS): focus the surface, move the cross with
 * the arrow keys (Shift for bigger moves), Enter to start there, Escape to drop the cross.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { RaceStore } from '../../../client/race-store';
import type { RaceEntryState } from '../../../engine/race/types';
import { surfaces, type Point, type SurfaceName } from '../../../engine/surfaces';
import { RacePainter } from './race-painter';
import type { Arrows } from './race-settings';
import { SURFACE_KEYS, SURFACE_MOVES } from './race-shortcuts';
import { fitViewport, roundToView, toPlane } from './viewport';

export interface RaceCanvasProps {
  readonly surfaceName: SurfaceName;
  readonly store: RaceStore | undefined;
  readonly generation: number;
  readonly states: readonly RaceEntryState[];
  readonly colors: readonly string[];
  readonly arrows: readonly Arrows[];
  readonly start: Point;
  readonly projector: boolean;
  readonly onStart: (start: Point) => void;
  /** Filled with the visible canvas, for the PNG export. */
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  /** Shown right of the canvas (projector mode's key), which leaves it room. */
  readonly beside?: ReactNode;
}

/** The frame's width less what sits beside the canvas in it (and the gap before that). */
function useAvailableWidth(frame: RefObject<HTMLElement | null>, beside: RefObject<HTMLElement | null>, hasBeside: boolean): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const target = frame.current;
    if (!target) return;
    const measure = () => {
      const aside = hasBeside ? beside.current : null;
      const taken = aside ? aside.getBoundingClientRect().width + (parseFloat(getComputedStyle(target).columnGap) || 0) : 0;
      setWidth(Math.max(0, Math.floor(target.getBoundingClientRect().width - taken)));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    if (hasBeside && beside.current) observer.observe(beside.current);
    return () => observer.disconnect();
  }, [frame, beside, hasBeside]);
  return width;
}

export function RaceCanvas(props: RaceCanvasProps) {
  const { surfaceName, projector, onStart, canvasRef, beside } = props;
  const surface = surfaces[surfaceName];
  const frame = useRef<HTMLDivElement>(null);
  const aside = useRef<HTMLDivElement>(null);
  const painter = useRef<RacePainter | null>(null);
  const [cursor, setCursor] = useState<Point | undefined>();
  const latest = useRef({ ...props, cursor });
  latest.current = { ...props, cursor };

  const available = useAvailableWidth(frame, aside, beside !== undefined);
  const viewport = fitViewport(surface.view, available || 640, Math.max(240, (typeof window === 'undefined' ? 800 : window.innerHeight) * (projector ? 0.8 : 0.68)));

  useEffect(() => {
    if (!canvasRef.current) return;
    painter.current ??= new RacePainter(canvasRef.current);
    painter.current.setScene(surface, viewport, window.devicePixelRatio || 1, projector);
  }, [surface, viewport.width, viewport.height, projector]);

  useEffect(() => {
    let handle = 0;
    const draw = () => {
      const p = latest.current;
      if (p.store) painter.current?.paint({ generation: p.generation, trails: p.store.trails(), colors: p.colors, states: p.states, arrows: p.arrows, start: p.start, cursor: p.cursor });
      handle = requestAnimationFrame(draw);
    };
    handle = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(handle);
  }, []);

  const span = { x: surface.view.xMax - surface.view.xMin, y: surface.view.yMax - surface.view.yMin };
  const choose = (x: number, y: number) => onStart({ x: roundToView(x, span.x), y: roundToView(y, span.y) });

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    choose(...toPlane(viewport, event.clientX - box.left, event.clientY - box.top));
    setCursor(undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = cursor ?? props.start;
    if (SURFACE_KEYS.move.matches(event)) {
      const move = SURFACE_MOVES[event.key]!;
      const share = event.shiftKey ? 0.1 : 0.02;
      const { xMin, xMax, yMin, yMax } = surface.view;
      const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
      setCursor({ x: clamp(at.x + move[0] * share * span.x, xMin, xMax), y: clamp(at.y + move[1] * share * span.y, yMin, yMax) });
    } else if (SURFACE_KEYS.start.matches(event)) {
      choose(at.x, at.y);
      setCursor(undefined);
    } else if (SURFACE_KEYS.drop.matches(event) && cursor) {
      setCursor(undefined);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={frame} className="race-canvas-frame">
      <div
        className="race-canvas"
        style={{ width: viewport.width, height: viewport.height }}
        role="application"
        aria-roledescription="loss surface"
        aria-label={`${surface.label} surface. Click, or use the arrow keys and Enter, to start the race from another point.`}
        tabIndex={0}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onBlur={() => setCursor(undefined)}
      >
        <canvas ref={canvasRef} />
      </div>
      {beside !== undefined && (
        <div ref={aside} className="race-canvas-beside">
          {beside}
        </div>
      )}
    </div>
  );
}
