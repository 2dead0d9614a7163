/**
 * A display formula wider than a phone scrolls sideways inside its box; the reader must see that it
 * does (a shadow at each edge where the formula goes on out of sight) and a numbered equation keeps its
 * number in view whatever the scroll position. At 390 px, on the real book's widest numbered formula
 * of 0.3 (the prioritarian welfare sum, eq-philosophy-prioritarian).
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';
import { makeTempDir } from '../support/temp-dir.js';

const session = useBrowserSession('book');
const WIDTH = 390;

/** Mean brightness (0–255) of a region of the page, from a real screenshot. */
async function brightness(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await page.screenshot({ clip });
  const { data } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return data.reduce((sum, value) => sum + value, 0) / data.length;
}

/**
 * The same region with the scroll cue switched off (`property: value` set on every element `selector`
 * matches, through the CSSOM: the page's Content-Security-Policy forbids an added `<style>`), to measure
 * what the cue draws.
 */
async function withoutCue(page: Page, selector: string, property: string, value: string, measure: () => Promise<number>): Promise<number> {
  const set = (to: string | null) =>
    page.evaluate(
      ([css, name, setting]) => document.querySelectorAll<HTMLElement>(css as string).forEach((node) => (setting === null ? node.style.removeProperty(name as string) : node.style.setProperty(name as string, setting, 'important'))),
      [selector, property, to] as const,
    );
  await set(value);
  const result = await measure();
  await set(null);
  return result;
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not rendered');
  return found;
}

describe('wide formulas on a phone', () => {
  it('should show that a wide numbered formula scrolls and keep its number in view', async () => {
    const context = await session.browser.newContext({ viewport: { width: WIDTH, height: 844 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(session.book.url('philosophical-foundations/'), { waitUntil: 'networkidle' });
    const display = page.locator('[id="eq-philosophy-prioritarian"] .katex-display');
    await display.scrollIntoViewIfNeeded();
    const tag = display.locator('.tag');

    // The formula is wider than its box: it scrolls.
    const [scrollWidth, clientWidth] = await display.evaluate((node) => [node.scrollWidth, node.clientWidth]);
    expect(scrollWidth).toBeGreaterThan(clientWidth + 40);

    // At the start, its number is inside the viewport and on top (not covered by the formula).
    // The screenshots, to look at: in SCREENSHOT_DIR when it is set, else in the run's temporary folder.
    const shots = process.env.SCREENSHOT_DIR ?? makeTempDir('wide-formulas-');
    await page.screenshot({ path: path.join(shots, 'start.png') });
    const start = await box(tag);
    expect(start.x).toBeGreaterThanOrEqual(0);
    expect(start.x + start.width).toBeLessThanOrEqual(WIDTH);
    expect(await tag.textContent()).toMatch(/^\(0\.3\.\d+\)$/);
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('.tag') !== null, [start.x + start.width - 6, start.y + start.height / 2]);
    expect(hit).toBe(true);

    // The cue at the cut edge: the number's shadow darkens the formula just left of it.
    const displayBox = await box(display);
    const edge = { x: Math.round(start.x) - 10, y: Math.round(displayBox.y) + 4, width: 8, height: Math.round(displayBox.height) - 8 };
    const withShadow = await brightness(page, edge);
    const plain = await withoutCue(page, '.katex-display .tag', 'animation', 'none', () => brightness(page, edge));
    expect(plain - withShadow).toBeGreaterThan(4);

    // Scrolled to the end: the number is still in view, no shadow is left at the right, and a shadow
    // at the left edge shows that the formula goes on that way.
    await display.evaluate((node) => node.scrollTo({ left: node.scrollWidth }));
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(shots, 'end.png') });
    const end = await box(tag);
    expect(end.x).toBeGreaterThanOrEqual(0);
    expect(end.x + end.width).toBeLessThanOrEqual(WIDTH);
    const left = { x: Math.round(displayBox.x) + 1, y: edge.y, width: 6, height: edge.height };
    const leftShadow = await brightness(page, left);
    const leftPlain = await withoutCue(page, '.katex-display', 'background', 'none', () => brightness(page, left));
    expect(leftPlain - leftShadow).toBeGreaterThan(4);
    await context.close();
  });

  it('should draw no shadow on a numbered formula that fits', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(session.book.url('philosophical-foundations/'), { waitUntil: 'networkidle' });
    const display = page.locator('[id="eq-philosophy-utilitarian-sum"] .katex-display');
    await display.scrollIntoViewIfNeeded();
    const [scrollWidth, clientWidth] = await display.evaluate((node) => [node.scrollWidth, node.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const shadow = await display.locator('.tag').evaluate((node) => getComputedStyle(node).boxShadow);
    expect(shadow).toBe('none');
    await context.close();
  });
});
