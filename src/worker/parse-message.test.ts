import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { parseToWorker } from './parse-message';

const v = PROTOCOL_VERSION;

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
