/**
 * What every interactive figure's browser test checks the same way: that the figure fits a phone,
 * that it does not animate for readers who ask for reduced motion, and that its script is on its page only,
 * loaded when the figure nears the screen.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** How far the page and the figure scroll sideways at a phone's width, in CSS pixels (0 when they fit). */
export async function sidewaysOverflow(browser: Browser, url: string, figure: string, width = 375): Promise<{ page: number; figure: number; outside: number }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const element = page.locator(figure);
    await widgetReady(page, figure);
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
    await widgetReady(page, selector);
    durations[reducedMotion] = await page.locator(selector).first().evaluate((element) => getComputedStyle(element).transitionDuration);
    await context.close();
  }
  return durations;
}

/**
 * Bring an interactive figure near the screen and wait until its code has run: the layout script
 * loads a widget's code only when the widget nears the screen (src/interactive/load-when-near.ts), and
 * the custom element, once defined, upgrades the figure's element and reveals its controls.
 */
export async function widgetReady(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.waitForFunction((figure) => {
    const root = document.querySelector(figure);
    // No custom element around it or inside it is waiting for its definition.
    return root !== null && root.closest(':not(:defined)') === null && root.querySelector(':not(:defined)') === null;
  }, selector);
}

/** The site's scripts (`/_astro/….js`) a page requests: on load, then once `figure` is ready (if given), or after scrolling to its end. */
export async function scriptsRequested(browser: Browser, url: string, figure?: string): Promise<{ onLoad: string[]; all: string[] }> {
  const page = await browser.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (request.resourceType() === 'script' && pathname.includes('/_astro/')) scripts.push(path.posix.basename(pathname));
  });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    const onLoad = [...scripts];
    if (figure) await widgetReady(page, figure);
    else {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
    }
    return { onLoad, all: [...new Set(scripts)] };
  } finally {
    await page.close();
  }
}

/**
 * The scripts a widget's page loads for it (what it requests, once the figure is ready, beyond what
 * another chapter requests when read to its end): none of them on load unless the figure is near the
 * first screen.
 */
export async function widgetScripts(browser: Browser, url: string, figure: string, otherUrl: string): Promise<{ widget: string[]; onLoad: string[] }> {
  const own = await scriptsRequested(browser, url, figure);
  const other = await scriptsRequested(browser, otherUrl);
  const widget = own.all.filter((script) => !other.all.includes(script));
  return { widget, onLoad: own.onLoad.filter((script) => widget.includes(script)) };
}
