import { describe, expect, it } from 'vitest';
import type { ComparisonCheckpoint } from '../engine/training/types';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { parseToWorker } from './parse-message';

const v = PROTOCOL_VERSION;

/** A checkpoint as plain data a test may break. */
interface RawCheckpoint {
  version: unknown;
  runs: { step: unknown; status: unknown; weights: unknown[]; optimizer: { slots: Record<string, unknown>[] } }[];
}

function checkpoint(): ComparisonCheckpoint {
  return {
    version: 1,
    epochsCompleted: 2,
    elapsedSeconds: 1.5,
    runs: [
      {
        runId: 'adam',
        status: 'running',
        step: 16,
        epochsCompleted: 2,
        totalSeconds: 1.2,
        monitor: { best: Number.NaN, bestEpoch: undefined, wait: 0 },
        weights: [new Float32Array([1, 2]), new Float32Array([3])],
        optimizer: { iterations: 16, slots: [{ m: new Float32Array(2), v: new Float32Array(2) }, null] },
      },
    ],
  };
}

describe('parseToWorker', () => {
  it('accepts every well-formed message', () => {
    const messages = [
      { v, type: 'init', backends: ['webgl', 'cpu'] },
      { v, type: 'load-dataset', requestId: 'r1', name: 'fashion-mnist', source: { kind: 'auto' } },
      { v, type: 'load-dataset', requestId: 'r2', name: 'cifar-10', source: { kind: 'files', files: [new File([new Uint8Array(3)], 'a.bin')] } },
      { v, type: 'start', comparisonId: 'c1', config: { name: 'x' } },
      { v, type: 'pause', comparisonId: 'c1' },
      { v, type: 'resume', comparisonId: 'c1' },
      { v, type: 'stop-run', comparisonId: 'c1', runId: 'adam' },
      { v, type: 'cancel', comparisonId: 'c1' },
    ];
    for (const message of messages) {
      const parsed = parseToWorker(message);
      expect(parsed, message.type).toEqual({ ok: true, message });
    }
  });

  it('accepts a start that resumes from a checkpoint, arrays and all', () => {
    const message = { v, type: 'start', comparisonId: 'c1', config: { name: 'x' }, resume: checkpoint() };
    const parsed = parseToWorker(message);
    expect(parsed).toEqual({ ok: true, message });
    expect(parsed.ok && parsed.message.type === 'start' && parsed.message.resume?.runs[0]?.weights[0]).toBeInstanceOf(Float32Array);
  });

  it.each([
    ['weights that are not Float32Arrays', (c: RawCheckpoint) => (c.runs[0]!.weights[1] = [3]), 'start.resume.runs.0.weights.1', 'a Float32Array'],
    ['a slot that is not a Float32Array', (c: RawCheckpoint) => (c.runs[0]!.optimizer.slots[0]!.m = new Float64Array(2)), 'start.resume.runs.0.optimizer.slots.0.m', 'a Float32Array'],
    ['a fractional step', (c: RawCheckpoint) => (c.runs[0]!.step = 1.5), 'start.resume.runs.0.step', undefined],
    ['an unknown run status', (c: RawCheckpoint) => (c.runs[0]!.status = 'asleep'), 'start.resume.runs.0.status', undefined],
    ['another checkpoint version', (c: RawCheckpoint) => (c.version = 2), 'start.resume.version', undefined],
    ['no runs', (c: RawCheckpoint) => (c.runs = []), 'start.resume.runs', undefined],
    ['two checkpoints of one run', (c: RawCheckpoint) => c.runs.push(c.runs[0]!), 'start.resume.runs', 'one checkpoint per run (the run ids must be unique)'],
    ['a checkpoint that is not an object', (c: RawCheckpoint) => ((c as { runs: unknown }).runs = 'all of them'), 'start.resume.runs', undefined],
  ])('rejects a checkpoint with %s, naming the field', (_what, edit, where, expected) => {
    const resume = checkpoint() as unknown as RawCheckpoint;
    edit(resume);
    const parsed = parseToWorker({ v, type: 'start', comparisonId: 'c1', config: {}, resume });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('bad-message');
    expect(parsed.error.where).toBe(where);
    if (expected) expect(parsed.error.expected).toBe(expected);
    expect(parsed.comparisonId).toBe('c1');
  });

  it('rejects another protocol version with a clear error, keeping the ids', () => {
    const parsed = parseToWorker({ v: v + 1, type: 'start', comparisonId: 'c9', config: {} });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('protocol-version');
    expect(parsed.error.expected).toBe(`protocol version ${v}`);
    expect(parsed.error.found).toBe(`version ${v + 1}`);
    expect(parsed.error.message).toMatch(/Reload the page/);
    expect(parsed.comparisonId).toBe('c9');
  });

  it('says when the version is missing', () => {
    const parsed = parseToWorker({ type: 'init', backends: ['cpu'] });
    expect(parsed.ok || parsed.error.found).toBe('no version');
  });

  it('rejects non-objects and unknown types', () => {
    const notObject = parseToWorker('start');
    expect(notObject.ok || notObject.error.code).toBe('bad-message');
    const unknown = parseToWorker({ v, type: 'explode' });
    expect(unknown.ok || unknown.error.expected).toMatch(/one of init, load-dataset, start/);
    expect(unknown.ok || unknown.error.found).toBe('"explode"');
  });

  it('names the field of a malformed message', () => {
    const parsed = parseToWorker({ v, type: 'load-dataset', requestId: 'r3', name: 'mnist', source: { kind: 'auto' } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.where).toBe('load-dataset.name');
    expect(parsed.error.found).toBe('"mnist"');
    expect(parsed.requestId).toBe('r3');
  });

  it('requires File objects for picked files', () => {
    const parsed = parseToWorker({ v, type: 'load-dataset', requestId: 'r4', name: 'cifar-10', source: { kind: 'files', files: ['a.bin'] } });
    expect(parsed.ok || parsed.error.where).toBe('load-dataset.source.files.0');
  });
});
