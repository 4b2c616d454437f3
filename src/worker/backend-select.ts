import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../engine/training/backend';
import type { BackendReport } from '../protocol/messages';

/** Where the training host runs: a dedicated worker, or the page itself (the fallback). */
export type TrainingPlace = 'worker' | 'main-thread';

type WebGlProbe = { readonly ok: true; readonly version: 1 | 2; readonly renderer: string } | { readonly ok: false; readonly why: string };

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

function createProbeCanvas(place: TrainingPlace): OffscreenCanvas | HTMLCanvasElement | undefined {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1);
  if (place === 'main-thread' && typeof document !== 'undefined') return document.createElement('canvas');
  return undefined;
}

function rendererOf(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return typeof name === 'string' ? name : 'unknown renderer';
}

/**
 * Feature-tests WebGL the way tfjs will use it, before asking tfjs (which logs and
 * throws deep inside). In a worker tfjs needs OffscreenCanvas with WebGL 2, and it
 * refuses Safari there (no fences on its OffscreenCanvas, tfjs PR #7436).
 */
export function probeWebGl(place: TrainingPlace): WebGlProbe {
  if (place === 'worker') {
    if (typeof OffscreenCanvas === 'undefined') return { ok: false, why: 'this browser has no OffscreenCanvas in workers' };
    if (tf.env().getBool('IS_SAFARI')) return { ok: false, why: 'tfjs does not run WebGL in Safari workers (its OffscreenCanvas lacks fences)' };
  }
  let canvas: OffscreenCanvas | HTMLCanvasElement | undefined;
  try {
    canvas = createProbeCanvas(place);
  } catch (error) {
    return { ok: false, why: `no canvas (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!canvas) return { ok: false, why: 'no canvas in this context' };
  // Software renderers count (headless test browsers, machines without a GPU driver):
  // SwiftShader still trains dense nets ~3x faster than the cpu backend (tfjs-notes).
  const attributes = { failIfMajorPerformanceCaveat: false };
  const versions = place === 'worker' ? ([2] as const) : ([2, 1] as const);
  for (const version of versions) {
    const gl = canvas.getContext(version === 2 ? 'webgl2' : 'webgl', attributes) as WebGLRenderingContext | null;
    if (gl) {
      const renderer = rendererOf(gl);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      return { ok: true, version, renderer };
    }
  }
  return { ok: false, why: place === 'worker' ? 'no WebGL 2 context on OffscreenCanvas' : 'no WebGL context on a canvas' };
}

function allowSoftwareWebGl(): void {
  try {
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  } catch {
    // The flag exists only where the webgl backend is bundled.
  }
}

function describeWebGl(probe: Extract<WebGlProbe, { ok: true }>, place: TrainingPlace, float32: boolean): string {
  const where = place === 'worker' ? 'in the worker through OffscreenCanvas' : 'on the main thread';
  const software = SOFTWARE_RENDERERS.test(probe.renderer) ? ', a software renderer' : '';
  const precision = float32 ? 'float32 render targets' : 'float16 render targets only (epsilon 1e-4)';
  return `WebGL ${probe.version} ${where} (${probe.renderer}${software}), ${precision}`;
}

/**
 * Picks the first backend of `preferences` that starts, WebGL feature-tested first, and
 * says why in words: the UI shows the reason and every run records it. Records
 * WEBGL_RENDER_FLOAT32_ENABLED as `float32` (float16 devices change the epsilons).
 */
export async function selectTrainingBackend(preferences: readonly string[], place: TrainingPlace): Promise<BackendReport> {
  const refusals: string[] = [];
  const inWorker = place === 'worker';
  for (const name of preferences) {
    let webgl: Extract<WebGlProbe, { ok: true }> | undefined;
    if (name === 'webgl') {
      const probe = probeWebGl(place);
      if (!probe.ok) {
        refusals.push(`WebGL unavailable ${inWorker ? 'in the worker' : 'on the main thread'}: ${probe.why}`);
        continue;
      }
      webgl = probe;
      allowSoftwareWebGl();
    }
    try {
      const info = await selectBackend([name]);
      const described = webgl
        ? describeWebGl(webgl, place, info.float32)
        : `${name} backend ${inWorker ? 'in the worker' : 'on the main thread'}`;
      const reason = refusals.length === 0 ? described : `${described}, because ${refusals.join('; ')}`;
      return { name, float32: info.float32, reason, inWorker };
    } catch (error) {
      refusals.push(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`no backend could start (${refusals.join('; ')})`);
}
