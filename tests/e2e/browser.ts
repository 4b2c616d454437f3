import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../src/cli/chromium';

export { CHROMIUM_PATH };

/**
 * Headless Debian Chromium. WebGL there is SwiftShader: a software renderer, slow but
 * real; tfjs accepts it because the lab sets SOFTWARE_WEBGL_ENABLED.
 */
export function launchBrowser(): Promise<Browser> {
  return launchChromium('swiftshader');
}

/** Collects console errors and page errors, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
