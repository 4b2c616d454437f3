/** A config path as words for the error summary: `runs[1].optimizer.hyperparameters.beta_1` → "Run 2 (Adam): beta_1". */
const NAMES: Readonly<Record<string, string>> = {
  name: 'Name',
  config: 'Setup',
  architecture: 'Architecture',
  runs: 'Optimizers',
  'dataset.name': 'Dataset',
  'dataset.subset': 'Training subset',
  'dataset.validation': 'Validation size',
  'dataset.testSubset': 'Test subset',
  'dataset.count': 'Points to generate',
  'model.dropout': 'Dropout',
  'model.l2': 'L2',
  'model.batchNorm': 'Batch normalisation',
  'model.hiddenUnits': 'Hidden units',
  'model.activation': 'Activation',
  'model.kernelInitializer': 'Kernel initializer',
  'training.epochs': 'Epochs',
  'training.batchSize': 'Batch size',
  'training.scaling': 'Input scaling',
  'training.seed': 'Seed',
};

export function pathLabel(path: string, runLabels: readonly string[]): string {
  const run = /^runs\[(\d+)\]\.?(.*)$/.exec(path);
  if (run) {
    const index = Number(run[1]);
    const rest = run[2]!
      .replace(/^optimizer\.hyperparameters\./, '')
      .replace(/^optimizer\.?/, 'optimizer')
      .replace(/^model\./, '')
      .replace(/\./g, ' › ');
    const label = runLabels[index];
    return `Run ${index + 1}${label ? ` (${label})` : ''}${rest ? `: ${rest}` : ''}`;
  }
  if (NAMES[path]) return NAMES[path];
  const early = /^training\.earlyStopping\.(.+)$/.exec(path);
  if (early) return `Early stopping: ${early[1]}`;
  return path;
}
