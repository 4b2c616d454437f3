/**
 * The fixed problem the optimizer tests minimise: three variables of different shapes
 * (a vector, a 2×2 matrix, a scalar) and a loss with non-trivial, coupled gradients,
 *
 *   L = Σᵥ Σᵢ (cᵥᵢ · wᵥᵢ² + sin wᵥᵢ) + w₃ · Σᵢ w₁ᵢ
 *
 * so ∂L/∂wᵥᵢ = 2 cᵥᵢ wᵥᵢ + cos wᵥᵢ, plus w₃ on each w₁ᵢ and Σᵢ w₁ᵢ on w₃. The test
 * computes gradients analytically in float64 (no tfjs) for the reference.
 */
import * as tf from '@tensorflow/tfjs';

export const SHAPES: readonly number[][] = [[3], [2, 2], []];
export const INITIAL: readonly number[][] = [
  [0.5, -1.2, 2.0],
  [0.3, -0.7, 1.5, -0.1],
  [0.8],
];
const COEFFICIENTS: readonly number[][] = [
  [1.0, 0.5, 2.0],
  [0.2, 1.5, 0.8, 3.0],
  [0.6],
];

/** ∂L/∂w in float64, flattened like the variables. */
export function analyticGradient(params: number[][]): number[][] {
  const [w1, , w3] = params as [number[], number[], number[]];
  const base = params.map((values, v) => values.map((w, i) => 2 * COEFFICIENTS[v]![i]! * w + Math.cos(w)));
  const sumW1 = w1.reduce((a, b) => a + b, 0);
  base[0] = base[0]!.map((g) => g + w3[0]!);
  base[2] = [base[2]![0]! + sumW1];
  return base;
}

/** The problem's variables (fresh, trainable) and loss, in tfjs. Call `dispose` after. */
export function createProblem(initial: readonly number[][] = INITIAL): {
  variables: tf.Variable[];
  loss: () => tf.Scalar;
  dispose: () => void;
} {
  const variables = initial.map((values, v) => tf.variable(tf.tensor(values, SHAPES[v]), true));
  const coefficients = COEFFICIENTS.map((values, v) => tf.tensor(values, SHAPES[v]));
  const loss = (): tf.Scalar =>
    tf.tidy(() => {
      let total: tf.Tensor = tf.scalar(0);
      variables.forEach((w, v) => {
        total = tf.add(total, tf.add(tf.sum(tf.mul(coefficients[v]!, tf.square(w))), tf.sum(tf.sin(w))));
      });
      return tf.add(total, tf.mul(variables[2]!, tf.sum(variables[0]!))) as tf.Scalar;
    });
  return {
    variables,
    loss,
    dispose: () => {
      variables.forEach((v) => v.dispose());
      coefficients.forEach((c) => c.dispose());
    },
  };
}

/** |a − b| ≤ rel·|b| + abs, element by element; returns a description of the worst miss, or null. */
export function worstMismatch(
  actual: ArrayLike<number>,
  expected: readonly number[],
  rel = 1e-5,
  abs = 1e-6,
): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} vs ${expected.length}`;
  let worst: string | null = null;
  let worstRatio = 1;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const b = expected[i]!;
    const ratio = Math.abs(a - b) / (rel * Math.abs(b) + abs);
    if (!(ratio <= worstRatio)) {
      worstRatio = ratio;
      worst = `[${i}] got ${a}, expected ${b} (off by ${Math.abs(a - b).toExponential(2)})`;
    }
  }
  return worst;
}
