import { describe, expect, it } from 'vitest';
import { pathLabel } from './path-label';

describe('pathLabel', () => {
  it('names fields the way the form labels them', () => {
    expect(pathLabel('runs[1].optimizer.hyperparameters.beta_1', ['SGD', 'Adam'])).toBe('Run 2 (Adam): beta_1');
    expect(pathLabel('runs[0].optimizer.hyperparameters.learning_rate.decay_steps', ['SGD'])).toBe('Run 1 (SGD): learning_rate › decay_steps');
    expect(pathLabel('runs[2].batchSize', [])).toBe('Run 3: batchSize');
    expect(pathLabel('training.epochs', [])).toBe('Epochs');
    expect(pathLabel('training.earlyStopping.patience', [])).toBe('Early stopping: patience');
    expect(pathLabel('something.else', [])).toBe('something.else');
  });
});
