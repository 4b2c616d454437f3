/** Pure number functions over predictions: no tfjs, so the UI and tests can use them too. */

/** counts[trueClass][predictedClass], like sklearn's confusion_matrix. */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  numClasses: number,
): number[][] {
  if (labels.length !== predictions.length) {
    throw new RangeError(`expected as many predictions as labels (${labels.length}), found ${predictions.length}`);
  }
  const counts = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const row = counts[labels[i]!];
    const column = predictions[i]!;
    if (!row || column < 0 || column >= numClasses) {
      throw new RangeError(`class index out of range 0..${numClasses - 1} at row ${i}`);
    }
    row[column]! += 1;
  }
  return counts;
}

export function accuracyFromConfusion(matrix: readonly (readonly number[])[]): number {
  let correct = 0;
  let total = 0;
  matrix.forEach((row, i) => {
    row.forEach((count, j) => {
      total += count;
      if (i === j) correct += count;
    });
  });
  return total === 0 ? Number.NaN : correct / total;
}

/** Recall per class: the diagonal over the row sums (NaN for a class with no samples). */
export function perClassAccuracy(matrix: readonly (readonly number[])[]): number[] {
  return matrix.map((row, i) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return total === 0 ? Number.NaN : row[i]! / total;
  });
}

/** Each row divided by its sum, for a heatmap of shares. */
export function rowNormalized(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((row) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return row.map((count) => (total === 0 ? 0 : count / total));
  });
}
