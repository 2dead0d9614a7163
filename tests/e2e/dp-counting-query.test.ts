/**
 * The counting-query explorer of the privacy-mechanisms chapter, as a reader meets it in Chromium:
 * driven by the keyboard (ε slider, Δ menu, k field, redraw button), its histogram, table, statistics
 * and budget follow the same arithmetic as the unit tests and a summary is announced; without
 * JavaScript the state of the chapter's directive is there, with the histogram as a table; it fits a
 * phone; its bars do not animate for readers who ask for reduced motion.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countingState, formatFixed, formatNumber } from '../../src/interactive/dp-counting-query/laplace.js';
import { useBrowserSession } from '../support/browser-session.js';
import { widgetReady } from '../support/figure-checks.js';

const CHAPTER = 'privacy-mechanisms/';
const FIGURE = '#fig-dp-counting-query';
const OPENING = { epsilon: 0.5, sensitivity: 1, queries: 10, releases: 500, seed: 7 };

const session = useBrowserSession('book');

/** What the figure shows: the statistics, the table's counts and the bars' heights. */
async function shown(figure: Locator) {
  const stat = (key: string) => figure.locator(`[data-stat="${key}"]`).textContent();
  return {
    scale: await stat('scale'),
    expectedError: await stat('expected-error'),
    observedError: await stat('observed-error'),
    budget: await stat('budget'),
    counts: await figure.locator('[data-row] [data-count]').allTextContents(),
  };
}

/** What the figure should show for `settings`, from the widget's own arithmetic. */
function expected(settings: typeof OPENING) {
  const state = countingState(settings);
  return {
    scale: formatFixed(state.scale),
    expectedError: formatFixed(state.scale),
    observedError: formatFixed(state.meanAbsoluteError),
    budget: formatNumber(state.budget),
    counts: state.histogram.bins.map((bin) => String(bin.count)),
  };
}

describe('the counting-query explorer', () => {
  it('should follow the keyboard through ε, Δ, k and new draws, and announce a summary', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    expect(await figure.locator('figcaption .figure-number').textContent()).toBe('Figure 3.2.2');
    expect(await page.locator(`.chapter-body a.xref-figure[href="${FIGURE}"]`).first().textContent()).toBe('Figure 3.2.2');
    expect(await figure.locator('[data-static]').isVisible()).toBe(false);

    // Opens at the chapter's settings: ε = 0.5, Δ = 1, k = 10.
    const slider = figure.getByRole('slider', { name: /Privacy level ε/ });
    expect(await slider.getAttribute('aria-valuetext')).toBe('ε = 0.5');
    expect(await shown(figure)).toEqual(expected(OPENING));
    expect(await figure.locator('[data-budget]').textContent()).toBe(
      '10 queries at ε = 0.5 each spend ε = 5 in total: the odds of any conclusion about one person change by a factor of at most e^5 ≈ 148.',
    );

    // Two steps right: ε = 0.75, then ε = 1.
    await slider.focus();
    expect(await slider.evaluate((input) => input.matches(':focus-visible') && getComputedStyle(input).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toBe('ε = 0.75');
    await page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toBe('ε = 1');
    expect(await shown(figure)).toEqual(expected({ ...OPENING, epsilon: 1 }));

    // Tab to the sensitivity menu; one step down selects Δ = 2 and doubles the scale.
    await page.keyboard.press('Tab');
    const menu = figure.getByRole('combobox', { name: /Sensitivity Δ/ });
    expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await menu.inputValue()).toBe('2');
    expect(await shown(figure)).toEqual(expected({ ...OPENING, epsilon: 1, sensitivity: 2 }));

    // Tab to k and type 20 queries: the budget is 20 × 1 = 20.
    await page.keyboard.press('Tab');
    const queries = figure.getByRole('spinbutton', { name: /Queries k/ });
    expect(await queries.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20');
    expect(await figure.locator('[data-stat="budget"]').textContent()).toBe('20');

    // Tab to the button; Enter draws 500 new releases from the next seed.
    await page.keyboard.press('Tab');
    const redraw = figure.getByRole('button', { name: 'Draw 500 new releases' });
    expect(await redraw.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const redrawn = { ...OPENING, epsilon: 1, sensitivity: 2, queries: 20, seed: OPENING.seed + 1 };
    expect(await shown(figure)).toEqual(expected(redrawn));
    const state = countingState(redrawn);
    // The bars are drawn from the same counts: the tallest bar is the table's largest count.
    const heights = await figure.locator('[data-bar]').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('height'))));
    const counts = state.histogram.bins.map((bin) => bin.count);
    expect(heights.indexOf(Math.max(...heights))).toBe(counts.indexOf(Math.max(...counts)));

    // Once the reader pauses, the polite live region announces one summary.
    await expect
      .poll(() => figure.locator('[aria-live="polite"]').textContent(), { timeout: 5000 })
      .toBe(`ε = 1, sensitivity 2: scale b = 2.00, expected error 2.00, observed mean error ${formatFixed(state.meanAbsoluteError)} over 500 releases. 20 queries spend ε = 20.`);
    await page.close();
  });

  it('should show the chapter’s state and the histogram as a table without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    const figure = page.locator(FIGURE);
    expect(await figure.getByRole('slider').count()).toBe(0);
    expect(await figure.locator('[data-static]').textContent()).toContain('Shown at ε = 0.5, sensitivity Δ = 1 and k = 10 queries.');
    expect(await figure.locator('[data-row]').count()).toBe(20);
    expect(await shown(figure)).toEqual(expected(OPENING));
    expect(await figure.locator('svg[role="img"]').getAttribute('aria-label')).toBe(
      'Histogram of 500 noisy releases of the count, true answer 13, at ε = 0.5 and sensitivity 1: centred on 13, spread with scale b = 2.00.',
    );
    await context.close();
  });

  it('should fit a phone’s width without scrolling the page sideways', async () => {
    const context = await session.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    await figure.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const box = await figure.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await context.close();
  });

  it('should redraw its bars without animation for readers who ask for reduced motion', async () => {
    const durations: Record<string, string> = {};
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await session.browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(session.book.url(CHAPTER));
      durations[reducedMotion] = await page.locator(`${FIGURE} [data-bar]`).first().evaluate((bar) => getComputedStyle(bar).transitionDuration);
      await context.close();
    }
    expect(durations.reduce).toBe('0s');
    expect(durations['no-preference']).not.toBe('0s');
  });
});
