import * as tf from '@tensorflow/tfjs';

export interface BackendInfo {
  readonly name: string;
  /** Whether the backend computes in float32; false on float16 WebGL devices (tfjs-notes: epsilon 1e-4). */
  readonly float32: boolean;
  /** Why this backend and not an earlier preference, for the UI and the records. */
  readonly reason: string;
}

/**
 * Tries backends in order of preference and returns the first that initialises. Backends
 * must already be registered (by importing their packages) by the caller: the engine
 * does not know whether it runs in Node, a worker or a tab.
 */
export async function selectBackend(preferences: readonly string[]): Promise<BackendInfo> {
  const refusals: string[] = [];
  for (const name of preferences) {
    if (!tf.findBackendFactory(name)) {
      refusals.push(`${name}: not registered`);
      continue;
    }
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return {
          name,
          float32: name !== 'webgl' || tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'),
          reason: refusals.length === 0 ? 'first preference' : `fell back (${refusals.join('; ')})`,
        };
      }
      refusals.push(`${name}: failed to initialise`);
    } catch (error) {
      refusals.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`expected one of the backends ${preferences.join(', ')} to start, found: ${refusals.join('; ')}`);
}
