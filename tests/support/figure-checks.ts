/**
 * What every interactive figure's browser test checks the same way: that the figure fits a phone,
 * and that it does not animate for readers who ask for reduced motion.
 */
import type { Browser } from 'playwright-core';

/** How far the page and the figure scroll sideways at a phone's width, in CSS pixels (0 when they fit). */
export async function sidewaysOverflow(browser: Browser, url: string, figure: string, width = 375): Promise<{ page: number; figure: number; outside: number }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const element = page.locator(figure);
    await element.scrollIntoViewIfNeeded();
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // Content wider than the figure (a table, a chart) that neither wraps nor scrolls in its own box.
    const figureOverflow = await element.evaluate((node) => node.scrollWidth - node.clientWidth);
    const box = await element.boundingBox();
    const outside = box ? Math.max(0, box.x + box.width - width) + Math.max(0, -box.x) : Number.NaN;
    return { page: pageOverflow, figure: figureOverflow, outside };
  } finally {
    await context.close();
  }
}

/** The CSS transition duration of `selector` with reduced motion asked for, and without. */
export async function transitionDurations(browser: Browser, url: string, selector: string): Promise<{ reduce: string; 'no-preference': string }> {
  const durations = { reduce: '', 'no-preference': '' };
  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto(url);
    durations[reducedMotion] = await page.locator(selector).first().evaluate((element) => getComputedStyle(element).transitionDuration);
    await context.close();
  }
  return durations;
}
