/**
 * Wait until the book's page script has done what it defers past the first frame. It measures
 * which formulas and tables overflow (and makes those focusable) in a timer started from the first
 * animation frame, so as not to delay the first paint. `networkidle` does not imply that: on a busy
 * machine the page's main thread can still be laying out when the network has been quiet for 500 ms,
 * and a check run then sees a scrollable formula the script has not reached yet.
 */
import type { Page } from 'playwright-core';

export async function pageSettled(page: Page): Promise<void> {
  // A frame callback queued now runs after the page's own in the same frame; a timer queued from it
  // runs after the timer the page queued from its callback.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}
