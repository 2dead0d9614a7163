/**
 * The effect plots of the global-interpretation chapter, as a reader meets them in Chromium: the
 * correlation slider moved with the keyboard redraws the curves, scatter plot and table and a summary
 * is announced; the curve checkboxes hide and show curves; without JavaScript the state at ρ = 0.9 is
 * there in full; it fits a phone; reduced motion turns its transitions off.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { effectState, formatNumber } from '../../src/interactive/effect-plots/effects.js';
import { dataY } from '../../src/interactive/effect-plots/plot.js';
import { useBrowserSession } from '../support/browser-session.js';
import { widgetReady } from '../support/figure-checks.js';

const CHAPTER = 'global-interpretation/';
const FIGURE = '#fig-global-effect-plots';
const SETTINGS = { seed: 1, points: 80, intervals: 8 } as const;

const session = useBrowserSession('book');

/** The table's PD and ALE columns as shown. */
async function shownTable(figure: Locator) {
  return {
    pd: await figure.locator('[data-cell="pd"]').allTextContents(),
    ale: await figure.locator('[data-cell="ale"]').allTextContents(),
  };
}

/** The table the figure should show at correlation rho. */
function expectedTable(rho: number) {
  const state = effectState(SETTINGS, rho);
  return { pd: state.pd.map(formatNumber), ale: state.ale.map(formatNumber) };
}

describe('the effect plots', () => {
  it('should change the correlation with the keyboard, redraw the table and scatter plot, and announce a summary', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    expect(await figure.locator('figcaption .figure-number').textContent()).toBe('Figure 2.2.2');

    const slider = figure.getByRole('slider', { name: 'Correlation ρ' });
    expect(Number(await slider.inputValue())).toBe(0.9);
    expect(await slider.getAttribute('aria-valuetext')).toBe('ρ = 0.90 (sample correlation 0.88)');
    expect(await figure.locator('[data-static]').isVisible()).toBe(false);
    expect(await shownTable(figure)).toEqual(expectedTable(0.9));
    expect(await figure.locator('[data-gap]').textContent()).toBe('Largest gap between PD and ALE: 1.95, at x₁ = 1.66.');

    await slider.focus();
    expect(await slider.evaluate((input) => input.matches(':focus-visible') && getComputedStyle(input).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('Home');
    expect(Number(await slider.inputValue())).toBe(0);
    expect(await slider.getAttribute('aria-valuetext')).toBe('ρ = 0.00 (sample correlation 0.03)');
    expect(await shownTable(figure)).toEqual(expectedTable(0));
    expect(await figure.locator('[data-gap]').textContent()).toBe('Largest gap between PD and ALE: 0.26, at x₁ = 0.31.');
    const independent = effectState(SETTINGS, 0);
    const firstPoint = figure.locator('[data-point]').first();
    expect(Number(await firstPoint.getAttribute('cy'))).toBe(dataY(independent.data[0]!.x2));

    // Arrow keys step by 0.05.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    expect(Number(await slider.inputValue())).toBeCloseTo(0.1, 10);
    expect(await shownTable(figure)).toEqual(expectedTable(0.1));
    const announcement = figure.locator('[aria-live="polite"]');
    const state = effectState(SETTINGS, 0.1);
    await expect.poll(() => announcement.textContent(), { timeout: 5000 }).toContain(`Correlation ρ = 0.10 (sample correlation ${formatNumber(state.sampleCorrelation)}).`);
    expect(await announcement.textContent()).toContain(`Largest gap between PD and ALE: ${formatNumber(state.maxGap)}`);

    // The checkboxes hide and show the curves, by keyboard.
    const ice = figure.getByRole('checkbox', { name: 'ICE' });
    await ice.focus();
    await page.keyboard.press('Space');
    expect(await ice.isChecked()).toBe(false);
    expect(await figure.locator('[data-group="ice"]').evaluate((group) => getComputedStyle(group).display)).toBe('none');
    await page.keyboard.press('Space');
    expect(await figure.locator('[data-group="ice"]').evaluate((group) => getComputedStyle(group).display)).not.toBe('none');
    expect(await figure.getByRole('checkbox').count()).toBe(3);
    await page.close();
  });

  it('should show the state at ρ = 0.9 without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    const figure = page.locator(FIGURE);
    expect(await figure.getByRole('slider').count()).toBe(0);
    expect(await figure.getByRole('checkbox').count()).toBe(0);
    expect(await figure.locator('[data-static]').textContent()).toContain('Shown at correlation ρ = 0.90 (sample correlation 0.88).');
    expect(await figure.locator('tbody tr').count()).toBe(9);
    expect(await shownTable(figure)).toEqual(expectedTable(0.9));
    expect(await figure.locator('.ep-ice-line').count()).toBe(80 + 1); // 80 curves and the legend's sample
    expect(await figure.locator('svg[data-chart]').getAttribute('aria-label')).toContain('PD ranges from −3.60 to 1.04; ALE from −2.13 to 1.52.');
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

  it('should move its points without animation for readers who ask for reduced motion', async () => {
    const durations: Record<string, string> = {};
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await session.browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(session.book.url(CHAPTER));
      durations[reducedMotion] = await page.locator(`${FIGURE} [data-point]`).first().evaluate((point) => getComputedStyle(point).transitionDuration);
      await context.close();
    }
    expect(durations.reduce).toBe('0s');
    expect(durations['no-preference']).not.toBe('0s');
  });
});
