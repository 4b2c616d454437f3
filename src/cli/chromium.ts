/**
 * Headless Chromium for the browser tests and `npm run bench:browser`: Debian's
 * /usr/bin/chromium (or CHROMIUM_PATH), launched through playwright-core.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * How Chromium gets (or does not get) WebGL:
 * - 'swiftshader': WebGL through SwiftShader, a software renderer, slow but real; tfjs
 *   accepts it because the lab sets SOFTWARE_WEBGL_ENABLED. What a machine without a GPU has.
 * - 'no-webgl': no GPU and no software rasteriser, so no WebGL anywhere (`--disable-webgl`
 *   alone leaves WebGL on OffscreenCanvas in workers); the lab falls back to its cpu backend.
 * - 'gpu': a real GPU in headless Chromium over EGL (ANGLE on the system's OpenGL ES driver),
 *   for a machine with one (e.g. NVIDIA's driver with libEGL_nvidia); untested here.
 */
export type WebGlMode = 'swiftshader' | 'no-webgl' | 'gpu';

const COMMON_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const WEBGL_ARGS: Readonly<Record<WebGlMode, readonly string[]>> = {
  swiftshader: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  'no-webgl': ['--disable-gpu', '--disable-software-rasterizer'],
  gpu: ['--ignore-gpu-blocklist', '--enable-gpu', '--use-gl=angle', '--use-angle=gl-egl'],
};

export function launchChromium(mode: WebGlMode = 'swiftshader', extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...COMMON_ARGS, ...WEBGL_ARGS[mode], ...extraArgs],
  });
}
