/** A sweep path as words for the problem list: `grid[1].values.count` → "Setting 2: count". */
const NAMES: Readonly<Record<string, string>> = {
  name: 'Sweep name',
  sweep: 'Sweep',
  base: 'Base comparison',
  grid: 'Grid',
  random: 'Random search',
  groupSize: 'Runs per group',
  objective: 'Rank trials by',
  'random.trials': 'Trials',
  'random.seed': 'Search seed',
  'base.training.epochs': 'Epochs per trial',
  'base.training.batchSize': 'Batch size',
  'base.dataset.count': 'Points to generate',
  'base.dataset.subset': 'Training subset',
  'base.training.stopRule': 'Stop rule',
  'base.training.stopRule.target.value': 'Target value',
  'base.training.stopRule.maxSeconds': 'Time limit',
  'base.training.stopRule.maxEpochs': 'Epoch limit',
};

export function sweepPathLabel(path: string): string {
  if (NAMES[path]) return NAMES[path];
  const axis = /^(?:grid|random\.space)\[(\d+)\]\.?(.*)$/.exec(path);
  if (axis) {
    const rest = axis[2]!.replace(/^values\.?/, '').replace(/^param$/, 'which setting');
    return `Setting ${Number(axis[1]) + 1}${rest ? `: ${rest}` : ': values'}`;
  }
  return path;
}
