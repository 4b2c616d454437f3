import { expect } from 'vitest';
import { LabError } from '../../src/lib/errors';

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
