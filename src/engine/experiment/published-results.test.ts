/**
 * The published numbers as the lab holds them, checked against the spec's own text: the
 * E1 table parsed from shared/spec/reference-experiments.md (beside the repository in
 * CI, ../shared; inside it in some checkouts, shared/). No spec, no pass: the test fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { E1_PUBLISHED, E1_SETUP, E2_DROPOUT_UNSCALED_ACCURACY, E2_OPTIMIZERS, E2_SETUP, publishedBest, type E1Model, type E1Optimizer } from './published-results';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const sharedCandidates = [join(repoRoot, 'shared'), join(repoRoot, '..', 'shared')];

function sharedFile(relative: string): string {
  const found = sharedCandidates.map((dir) => join(dir, relative)).find((path) => existsSync(path));
  if (!found) throw new Error(`Expected ${relative} in one of ${sharedCandidates.join(', ')}; found none of them. The published numbers cannot be checked without it.`);
  return readFileSync(found, 'utf8');
}

const spec = sharedFile('spec/reference-experiments.md');

function section(heading: string): string {
  const start = spec.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`Expected a section "## ${heading}" in reference-experiments.md; found none.`);
  const end = spec.indexOf('\n## ', start + 3);
  return spec.slice(start, end < 0 ? undefined : end);
}

const e1 = section('E1.');
const e2 = section('E2.');
/** Prose as one line: the spec wraps its sentences. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

interface ParsedCell {
  readonly value: number;
  readonly bold: boolean;
}

/** The markdown table whose header row starts with `| model |`: optimizer name → cell, per model. */
function parsePublishedTable(text: string): Map<string, Map<string, ParsedCell>> {
  const lines = text.split('\n');
  const headerAt = lines.findIndex((line) => /^\|\s*model\s*\|/.test(line));
  if (headerAt < 0) throw new Error('Expected a table with a "| model |" header in E1; found none.');
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  const optimizers = cells(lines[headerAt]!).slice(1).map((name) => name.toLowerCase());
  const table = new Map<string, Map<string, ParsedCell>>();
  for (const line of lines.slice(headerAt + 2)) {
    if (!line.startsWith('|')) break;
    const [model, ...values] = cells(line);
    const row = new Map<string, ParsedCell>();
    values.forEach((raw, i) => {
      const bold = raw.startsWith('**');
      const plain = raw.replace(/\*\*/g, '').replace(/,/g, '');
      const value = plain.endsWith('%') ? Number(plain.slice(0, -1)) / 100 : Number(plain);
      if (!Number.isFinite(value)) throw new Error(`Expected a number in row ${model}, column ${optimizers[i]}; found "${raw}".`);
      row.set(optimizers[i]!, { value, bold });
    });
    table.set(model!.split(' ')[0]!.toLowerCase(), row);
  }
  return table;
}

describe('the published results, against the spec', () => {
  const table = parsePublishedTable(e1);

  it('has every E1 model and optimizer of the spec’s table, and no other', () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(E1_PUBLISHED).sort());
    for (const [model, row] of table) expect([...row.keys()].sort()).toEqual(Object.keys(E1_PUBLISHED[model as E1Model].values).sort());
  });

  it('holds each E1 figure as the spec prints it: accuracies for the classifiers, losses for the VAEs', () => {
    for (const [model, row] of table) {
      const held = E1_PUBLISHED[model as E1Model];
      expect(held.metric).toBe(model.startsWith('vae') ? 'loss' : 'accuracy');
      for (const [optimizer, cell] of row) expect(held.values[optimizer as E1Optimizer], `${model} ${optimizer}`).toBeCloseTo(cell.value, 10);
    }
  });

  it('finds the published best where the spec sets it in bold', () => {
    for (const [model, row] of table) {
      const bold = [...row].filter(([, cell]) => cell.bold).map(([optimizer]) => optimizer);
      expect(bold, model).toEqual([publishedBest(model as E1Model)]);
    }
  });

  it('describes E1’s setup as the spec does', () => {
    expect(flat(e1)).toContain(`${E1_SETUP.trainImages.toLocaleString('en-US')} train / ${E1_SETUP.testImages.toLocaleString('en-US')} test`);
    expect(flat(e1)).toContain(`${E1_SETUP.epochs} epochs, batch size ${E1_SETUP.batchSize}`);
  });

  it('holds E2’s published figure and setup: chance accuracy with dropout, 50,000 images in batches of 128, 200 epochs', () => {
    expect(flat(e2)).toContain(`with dropout every optimizer stayed at ${E2_DROPOUT_UNSCALED_ACCURACY.toFixed(2)}`);
    expect(flat(e2)).toContain(`${E2_SETUP.trainImages.toLocaleString('en-US')} train / ${E2_SETUP.testImages.toLocaleString('en-US')} test`);
    expect(flat(e2)).toContain(`batch ${E2_SETUP.batchSize}`);
    expect(flat(e2).toLowerCase()).toContain(`optimizers ${E2_OPTIMIZERS.join(', ')}`);
    // The spec leaves E2's epochs out; the source it summarises says them.
    const seeds = sharedCandidates.map((dir) => join(dir, 'seeds')).find((dir) => existsSync(dir));
    if (!seeds) throw new Error(`Expected shared/seeds in one of ${sharedCandidates.join(', ')}; found none.`);
    const source = readdirSync(seeds).find((name) => name.startsWith('000_'));
    if (!source) throw new Error(`Expected E2's source, 000_*.txt, in ${seeds}; found none.`);
    expect(readFileSync(join(seeds, source), 'utf8')).toContain(`epochs=${E2_SETUP.epochs}, batch_size=${E2_SETUP.batchSize}`);
  });
});
