/**
 * A 2-D loss surface for the optimizer race: its value and analytic gradient in float64,
 * where its minima are, and how to show it. Plain data and pure functions, free of tfjs,
 * so the page can draw the surface while the race worker steps on it.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The part of the plane a surface is shown on. */
export interface ViewBox {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** A stationary point worth marking besides the minima (a saddle, a local maximum). */
export interface CriticalPoint extends Point {
  readonly kind: 'saddle' | 'maximum';
}

export interface Surface {
  /** What a person reads, e.g. `Rosenbrock`. */
  readonly label: string;
  /** f(x, y) as one line of text. */
  readonly formula: string;
  /** What the surface shows about optimizers, in a sentence. */
  readonly lesson: string;
  readonly value: (x: number, y: number) => number;
  /** (∂f/∂x, ∂f/∂y), exact. */
  readonly gradient: (x: number, y: number) => readonly [number, number];
  /** Every global minimum, each with value `minimumValue`. */
  readonly minima: readonly Point[];
  readonly minimumValue: number;
  readonly criticalPoints: readonly CriticalPoint[];
  readonly view: ViewBox;
  /** Where a race starts until someone clicks elsewhere. */
  readonly start: Point;
}
