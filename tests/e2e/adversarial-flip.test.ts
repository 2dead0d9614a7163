/**
 * The adversarial-flip figure of the robustness chapter, as a reader meets it in Chromium: moved with
 * the keyboard, the point, its smallest L2 and L∞ flips, the FGSM step, the flip rate and the table
 * follow and a summary is announced; a click on the plot moves the point; without JavaScript the
 * state at x = (2, 1), ε = 0.5 is there; it fits a phone; its marks do not animate for readers who ask
 * for reduced motion; and its script is loaded on its page only.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plotX, plotY } from '../../src/interactive/adversarial-flip/plot.js';
import { useBrowserSession } from '../support/browser-session.js';
import { widgetReady, widgetScripts } from '../support/figure-checks.js';

const CHAPTER = 'robustness/';
const OTHER_CHAPTER = 'measuring-fairness/';
const FIGURE = '#fig-robust-adversarial-flip';

const session = useBrowserSession('book');

/** What the figure shows in its readout, and where its point is drawn. */
async function shown(figure: Locator) {
  const text = (name: string) => figure.locator(`[data-text="${name}"]`).textContent();
  return {
    score: await text('score'),
    l2: await text('l2'),
    linf: await text('linf'),
    fgsm: await text('fgsm'),
    rate: await text('rate'),
    random: await text('random'),
    flippedRows: await figure.locator('tr.af-row-flipped').count(),
    ringed: await figure.locator('g.af-flipped').count(),
    point: await figure.locator('[data-point]').evaluate((mark) => [Number(mark.getAttribute('cx')), Number(mark.getAttribute('cy'))]),
  };
}

const OPENING = {
  score: 'f(x) = 4.00: positive',
  l2: '0.800, landing at (1.52, 0.36)',
  linf: '0.571, landing at (1.43, 0.43)',
  fgsm: 'x + ε·sign(∇) = (1.50, 0.50), f = 0.50: does not flip the class.',
  rate: '7 of 12 points can be flipped within ε = 0.50',
  random: '0 of 500 random perturbations in the ε-box flip x',
  flippedRows: 7,
  ringed: 7,
  point: [plotX(2), plotY(1)],
};

describe('the adversarial-flip figure', () => {
  it('should move with the keyboard, updating the flips, the FGSM step and the flip rate, and announce a summary', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    expect(await figure.locator('figcaption .figure-number').textContent()).toBe('Figure 4.3.1');
    expect(await page.locator(`.chapter-body a.xref-figure[href="${FIGURE}"]`).first().textContent()).toBe('Figure 4.3.1');

    const x1 = figure.getByRole('slider', { name: 'x₁' });
    const epsilon = figure.getByRole('slider', { name: 'ε' });
    expect(await figure.locator('[data-static]').isVisible()).toBe(false);
    expect(await epsilon.getAttribute('aria-valuetext')).toBe('ε = 0.50: 7 of 12 points can be flipped within ε = 0.50');
    expect(await shown(figure)).toEqual(OPENING);

    // Ten steps of 0.01 up: ε = 0.60 and the FGSM step now flips x = (2, 1), as the chapter says.
    await epsilon.focus();
    expect(await epsilon.evaluate((input) => input.matches(':focus-visible') && getComputedStyle(input).outlineStyle !== 'none')).toBe(true);
    for (let press = 0; press < 10; press++) await page.keyboard.press('ArrowRight');
    expect(Number(await epsilon.inputValue())).toBeCloseTo(0.6, 10);
    expect(await shown(figure)).toEqual({
      ...OPENING,
      fgsm: 'x + ε·sign(∇) = (1.40, 0.40), f = -0.20: flips the class.',
      rate: '8 of 12 points can be flipped within ε = 0.60',
      random: '3 of 500 random perturbations in the ε-box flip x',
      flippedRows: 8,
      ringed: 8,
    });
    const announcement = figure.locator('[aria-live="polite"]');
    await expect.poll(() => announcement.textContent(), { timeout: 5000 }).toBe(
      'Point (2.00, 1.00), f(x) = 4.00: positive. Smallest flip: L2 0.800, L∞ 0.571. FGSM with ε = 0.60 flips it. 8 of 12 points can be flipped within ε = 0.60; 3 of 500 random perturbations in the ε-box flip x.',
    );

    // Home takes ε to 0: no point can be flipped.
    await page.keyboard.press('Home');
    expect(await figure.locator('[data-text="rate"]').textContent()).toBe('0 of 12 points can be flipped within ε = 0.00');

    // x₁ down by ten steps of 0.05: x = (1.5, 1), f = 2.5, smallest flips 0.5 and 2.5/7.
    await x1.focus();
    for (let press = 0; press < 10; press++) await page.keyboard.press('ArrowLeft');
    expect(Number(await x1.inputValue())).toBeCloseTo(1.5, 10);
    expect(await x1.getAttribute('aria-valuetext')).toBe('x₁ = 1.50');
    const moved = await shown(figure);
    expect(moved.score).toBe('f(x) = 2.50: positive');
    expect(moved.l2).toBe('0.500, landing at (1.20, 0.60)');
    expect(moved.linf).toBe(`${(2.5 / 7).toFixed(3)}, landing at (1.14, 0.64)`);
    expect(moved.point).toEqual([plotX(1.5), plotY(1)]);
    await page.close();
  });

  it('should move the point where the plot is clicked', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const plot = page.locator(`${FIGURE} svg[data-plot]`);
    await plot.scrollIntoViewIfNeeded();
    // Click where (0.5, 0.5) is drawn: the point moves there, on the negative side.
    const box = (await plot.boundingBox()) as { x: number; y: number; width: number; height: number };
    const viewBox = await plot.evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
    const scale = box.width / viewBox;
    await page.mouse.click(box.x + plotX(0.5) * scale, box.y + plotY(0.5) * scale);
    const figure = page.locator(FIGURE);
    expect(await figure.locator('[data-text="score"]').textContent()).toBe('f(x) = -2.50: negative');
    expect(Number(await figure.getByRole('slider', { name: 'x₁' }).inputValue())).toBe(0.5);
    await page.close();
  });

  it('should show the state at x = (2, 1), ε = 0.5 and the table of points without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    const figure = page.locator(FIGURE);
    expect(await figure.getByRole('slider').count()).toBe(0);
    expect(await figure.locator('[data-static]').textContent()).toContain('Shown at x = (2.00, 1.00) and ε = 0.50.');
    expect(await figure.locator('.af-table tbody tr').count()).toBe(12);
    expect(await shown(figure)).toEqual(OPENING);
    expect(await figure.locator('.af-table tbody tr').first().textContent()).toBe('(0.5, 0.5)-2.50negative0.357yes');
    await context.close();
  });

  it('should fit a phone’s width without scrolling the page or its table sideways', async () => {
    const context = await session.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    await figure.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const box = await figure.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    expect(await figure.locator('.af-table').evaluate((table) => table.scrollWidth - table.clientWidth)).toBe(0);
    await context.close();
  });

  it('should move its marks without animation for readers who ask for reduced motion', async () => {
    const durations: Record<string, string> = {};
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await session.browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(session.book.url(CHAPTER));
      durations[reducedMotion] = await page.locator(`${FIGURE} [data-point]`).evaluate((mark) => getComputedStyle(mark).transitionDuration);
      await context.close();
    }
    expect(durations.reduce).toBe('0s');
    expect(durations['no-preference']).not.toBe('0s');
  });

  it('should load its code on its page only, once the figure nears the screen', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER), { waitUntil: 'networkidle' });
    await widgetReady(page, FIGURE);
    expect(await page.evaluate(() => customElements.get('adversarial-flip') !== undefined)).toBe(true);
    // Another chapter, read to its end, never defines it.
    await page.goto(session.book.url(OTHER_CHAPTER), { waitUntil: 'networkidle' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => customElements.get('adversarial-flip'))).toBeUndefined();
    await page.close();

    // Its code is what the chapter requests beyond another chapter read to its end.
    const scripts = await widgetScripts(session.browser, session.book.url(CHAPTER), FIGURE, session.book.url(OTHER_CHAPTER));
    expect(scripts.widget.length).toBeGreaterThanOrEqual(1);
  });
});
