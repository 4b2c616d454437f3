// Helpers shared by this folder's tests (not exported from index.ts).
import { ConfigError } from '../../lib/errors';
import { parseExperiment } from './config';

/** The ConfigError parseExperiment throws for `config`; fails the test when it throws none. */
export function configErrorOf(config: unknown): ConfigError {
  try {
    parseExperiment(config);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
