import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openComparisonRepository } from './repository';
import { rejection } from '../../tests/helpers/expect-lab-error';
import { finishedComparison, makeComparison, makeGallery } from './test-fixtures';

const freshRepository = async () => {
  const dbName = `galleries-test-${Math.random().toString(36).slice(2)}`;
  return { dbName, repo: await openComparisonRepository({ dbName }) };
};


type Row = { gallery: Record<string, unknown> & { samples: { pixels: unknown } } };

describe('saved galleries', () => {
  it('keep the latest gallery of each run, pixels as bytes, and give them back by run', async () => {
    const { repo } = await freshRepository();
    await repo.create(makeComparison());
    expect(await repo.getGalleries('cmp-1')).toEqual({});
    await repo.saveGallery('cmp-1', makeGallery('adam', 1));
    await repo.saveGallery('cmp-1', makeGallery('sgd', 1));
    await repo.saveGallery('cmp-1', makeGallery('adam', 2));

    const galleries = await repo.getGalleries('cmp-1');
    expect(galleries).toEqual({ adam: makeGallery('adam', 2), sgd: makeGallery('sgd', 1) });
    expect(galleries.adam!.samples.pixels).toBeInstanceOf(Uint8Array);
  });

  it('stay out of the JSON export, and go with their comparison', async () => {
    const { repo } = await freshRepository();
    await repo.create(finishedComparison());
    await repo.create(makeComparison({ id: 'other' }));
    await repo.saveGallery('cmp-1', makeGallery());
    await repo.saveGallery('other', makeGallery());
    expect(await repo.exportJson('cmp-1')).not.toMatch(/gallery|pixels/i);
    await repo.delete('cmp-1');
    expect(await repo.getGalleries('cmp-1')).toEqual({});
    expect(Object.keys(await repo.getGalleries('other'))).toEqual(['adam']);
  });

  it('are refused when malformed, or for a comparison not saved, and nothing is written', async () => {
    const { repo } = await freshRepository();
    await repo.create(makeComparison());
    const short = { ...makeGallery(), samples: { rows: 1, columns: 4, pixels: new Uint8Array(3) } };
    const error = await rejection(repo.saveGallery('cmp-1', short));
    expect(error.code).toBe('invalid-record');
    expect(error.where).toBe('gallery.samples.pixels');
    expect(error.message).toMatch(/16 pixel values \(1 x 4 images of 2x2x1\)/);
    expect((await rejection(repo.saveGallery('nope', makeGallery()))).code).toBe('not-found');
    expect(await repo.getGalleries('cmp-1')).toEqual({});
  });

  it.each([
    ['pixels stored as a plain list', (row: Row) => (row.gallery.samples.pixels = [1, 2, 3]), 'invalid-record', 'gallery 1 of comparison "cmp-1".samples.pixels'],
    ['a newer gallery version', (row: Row) => (row.gallery.version = 7), 'newer-version', 'gallery 1 of comparison "cmp-1".version'],
  ])('read back with %s: a clear ImportError', async (_what, edit, code, where) => {
    const { repo, dbName } = await freshRepository();
    await repo.create(makeComparison());
    await repo.saveGallery('cmp-1', makeGallery());
    const db = await openDB(dbName);
    const row = (await db.get('galleries', ['cmp-1', 'adam'])) as Row;
    edit(row);
    await db.put('galleries', row);
    db.close();
    const error = await rejection(repo.getGalleries('cmp-1'));
    expect([error.name, error.code, error.where]).toEqual(['ImportError', code, where]);
  });
});
