import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

describe('countOf', () => {
  it('says "1 epoch" and "2 epochs", and 0 as plural', () => {
    expect(countOf(1, 'epoch')).toBe('1 epoch');
    expect(countOf(2, 'epoch')).toBe('2 epochs');
    expect(countOf(0, 'run')).toBe('0 runs');
  });

  it('groups thousands and takes an irregular plural', () => {
    expect(countOf(12000, 'sample')).toBe('12,000 samples');
    expect(countOf(3, 'batch', 'batches')).toBe('3 batches');
  });
});
