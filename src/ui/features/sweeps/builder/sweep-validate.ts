/**
 * A sweep's problems by the path of the builder field that shows them: text that is not
 * a number (sweep-form.ts) first, then the engine's verdict (parseSweep stops at its
 * first ConfigError, whose `where` names the field, or a trial).
 */
import type { SweepPlan } from '../../../../engine/sweeps/sweep-config';
import type { FieldErrors } from '../../config/form-to-config';
import { configErrorMessage, fieldPath } from '../../config/validate';

/** Fields the builder shows; any other path is shown with its section. */
const FIELD = /^(name|groupSize|objective|random\.(trials|seed)|grid\[\d+\]\.(param|values(\.(from|to|count))?)|random\.space\[\d+\]\.(param|values|from|to)|base\.training\.(epochs|batchSize|stopRule(\.target\.value|\.maxSeconds|\.maxEpochs)?)|base\.dataset\.(count|subset))$/;

export function sweepFieldPath(where: string | undefined, mode: 'grid' | 'random'): string {
  if (!where) return 'sweep';
  const path = fieldPath(where);
  if (FIELD.test(path)) return path;
  if (path.startsWith('trial ')) return mode;
  if (path.startsWith('random')) return 'random';
  if (path.startsWith('grid')) return 'grid';
  return path.startsWith('base') ? 'base' : 'sweep';
}

export function validateSweep(
  parse: (config: unknown) => SweepPlan,
  config: unknown,
  textErrors: FieldErrors,
  mode: 'grid' | 'random',
): { plan?: SweepPlan; errors: FieldErrors } {
  if (Object.keys(textErrors).length > 0) return { errors: textErrors };
  try {
    return { plan: parse(config), errors: {} };
  } catch (error) {
    const where = (error as { where?: string }).where;
    return { errors: { [sweepFieldPath(where, mode)]: configErrorMessage(error) } };
  }
}
