import { LabError } from '../lib/errors';
import type { ErrorPayload } from '../protocol/messages';

/**
 * Flattens any thrown value for postMessage. A LabError (ConfigError, DatasetError,
 * DownloadError) keeps its code, expected, found and where, so the UI can show the
 * message beside the field or file the user acted on.
 */
export function toErrorPayload(error: unknown, fallbackCode = 'internal-error'): ErrorPayload {
  if (error instanceof LabError) {
    return {
      code: error.code,
      message: error.message,
      expected: error.expected,
      found: error.found,
      ...(error.where !== undefined ? { where: error.where } : {}),
    };
  }
  if (error instanceof Error) return { code: fallbackCode, message: error.message || error.name };
  return { code: fallbackCode, message: String(error) };
}
