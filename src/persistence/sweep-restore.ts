/**
 * The one door for a sweep read back from IndexedDB: version, shape (zod), then the
 * definition checked as a new sweep would be (parseSweep), then what must agree: the
 * stored trials are the ones the definition expands into, one group per `groupSize`
 * of them, outcomes only for known trials. A failure is an ImportError with a path.
 */
import { LabError } from '../lib/errors';
import { parseSweep, type SweepPlan } from '../engine/sweeps/sweep-config';
import { ImportError } from './errors';
import { describeValue, isPlainObject, joinPath, validatePart } from './restore';
import { storedSweepSchema } from './sweep-schema';
import { STORED_SWEEP_VERSION, type StoredSweep } from './sweep-types';

export function restoreSweep(raw: unknown, where: string): StoredSweep {
  if (!isPlainObject(raw)) throw new ImportError('wrong-format', 'a sweep record (an object)', describeValue(raw), where);
  if (typeof raw.version === 'number' && raw.version > STORED_SWEEP_VERSION) {
    throw new ImportError(
      'newer-version',
      `sweep version ${STORED_SWEEP_VERSION} or older (what this version of the lab reads)`,
      `version ${raw.version}, saved by a newer version of the lab: update the lab to open it`,
      joinPath(where, ['version']),
    );
  }
  const sweep: StoredSweep = validatePart(storedSweepSchema, raw, where);
  const plan = checkDefinition(sweep, where);
  checkConsistency(sweep, plan, where);
  return sweep;
}

function checkDefinition(sweep: StoredSweep, where: string): SweepPlan {
  try {
    return parseSweep(sweep.config);
  } catch (error) {
    const base = joinPath(where, ['config']);
    if (error instanceof LabError) throw new ImportError('invalid-config', error.expected, error.found, error.where ? `${base}.${error.where}` : base);
    throw error;
  }
}

function checkConsistency(sweep: StoredSweep, plan: SweepPlan, where: string): void {
  const expected = plan.trials.map((trial) => trial.id);
  const stored = sweep.trials.map((trial) => trial.id);
  if (expected.length !== stored.length || expected.some((id, i) => stored[i] !== id)) {
    throw new ImportError('invalid-record', `the ${expected.length} trials its definition expands into`, `${stored.length} trials (${stored.slice(0, 3).join(', ')}…)`, joinPath(where, ['trials']));
  }
  const groups = Math.ceil(expected.length / plan.groupSize);
  if (sweep.groups.length !== groups) {
    throw new ImportError('invalid-record', `${groups} groups of at most ${plan.groupSize} trials`, `${sweep.groups.length} groups`, joinPath(where, ['groups']));
  }
  const known = new Set(stored);
  for (const id of Object.keys(sweep.outcomes)) {
    if (!known.has(id)) throw new ImportError('invalid-record', 'outcomes of its own trials', `an outcome for "${id}"`, joinPath(where, ['outcomes', id]));
  }
}
