import { expect } from 'vitest';
import { ConfigError, LabError } from '../../src/lib/errors';

/** Asserts that `run` throws (or rejects with) a LabError of this class and code. */
export async function expectLabError(
  run: () => unknown,
  errorClass: abstract new (...args: never[]) => LabError,
  code: string,
): Promise<LabError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${errorClass.name} '${code}'`).toBeInstanceOf(errorClass);
  const error = caught as LabError;
  expect(error.code, error.message).toBe(code);
  expect(error.expected.length).toBeGreaterThan(0);
  expect(error.found.length).toBeGreaterThan(0);
  return error;
}

/** The ConfigError `run` throws (synchronously); anything else, or nothing, fails the test. */
export function thrownConfigError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** The LabError `promise` rejects with; anything else, or fulfilment, fails the test. */
export async function rejection<E extends LabError = LabError>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LabError) return error as E;
    throw error;
  }
  throw new Error('expected a LabError');
}
