/** Where things are on screen, for the layout tests: what a person sees without scrolling. */
import type { Locator, Page } from 'playwright-core';

/** Whether the element's whole box lies inside the window as it is scrolled now. */
export async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height + 0.5 && box.x + box.width <= size.width + 0.5;
}
