/**
 * What every interactive figure's browser test checks the same way: that the figure fits a phone,
 * that it does not animate for readers who ask for reduced motion, and that its script is on its page only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

/**
 * The module scripts a built page's HTML refers to (`<script type="module" src>`), as file names.
 * Read from the HTML rather than from the network: scripts loaded on intent or on idle (search,
 * previews) come and go with timing, the page's own script list does not.
 */
export function moduleScriptsOf(siteDir: string, pagePath: string): string[] {
  const html = readFileSync(path.join(siteDir, pagePath, 'index.html'), 'utf8');
  return [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((match) => path.posix.basename(match[1] as string));
}

/**
 * The one script that `pagePath` has beyond what `otherPagePath` has (the widget's), and the HTML
 * pages of the site that refer to it.
 */
export function widgetScriptPages(siteDir: string, pagePath: string, otherPagePath: string): { widgetScripts: string[]; referringPages: string[] } {
  const other = moduleScriptsOf(siteDir, otherPagePath);
  const widgetScripts = moduleScriptsOf(siteDir, pagePath).filter((script) => !other.includes(script));
  const pages = (readdirSync(siteDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => name.endsWith('.html'));
  const referringPages = widgetScripts.length !== 1 ? [] : pages
    .filter((name) => readFileSync(path.join(siteDir, name), 'utf8').includes(widgetScripts[0] as string))
    .map((name) => name.split(path.sep).join('/'));
  return { widgetScripts, referringPages };
}
