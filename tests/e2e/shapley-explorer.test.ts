/**
 * The Shapley explorer of the local-interpretation chapter, as a reader meets it in Chromium: edited
 * with the keyboard, the waterfall, the attribution and coalition tables follow and a summary is
 * announced; without JavaScript the state of the worked example is there; it fits a phone; its bars
 * move without animation for readers who ask for reduced motion; its script is on its page only.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';
import { widgetReady, widgetScripts } from '../support/figure-checks.js';

const CHAPTER = 'local-interpretation/';
const OTHER_CHAPTER = 'measuring-fairness/';
const FIGURE = '#fig-local-shapley-explorer';

const session = useBrowserSession('book');

/** What the figure shows: the attribution table, its sums, the bar labels and the coalition values. */
async function shownState(figure: Locator) {
  const cell = (name: string) => figure.locator(`[data-cell="${name}"]`).textContent();
  return {
    shapley: [await cell('shapley-0'), await cell('shapley-1'), await cell('shapley-2')],
    linear: [await cell('linear-0'), await cell('linear-1'), await cell('linear-2')],
    totals: [await cell('shapley-total'), await cell('linear-total')],
    bars: await figure.locator('[data-bar-label]').allTextContents(),
    coalitions: await figure.locator('[data-coalition]').evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-coalition')}:${c.textContent}`).sort()),
  };
}

const WORKED_EXAMPLE = {
  shapley: ['+10', '+16', '+4'],
  linear: ['+4', '+6', '+4'],
  totals: ['+30', '+14'],
  bars: ['24', '+10', '+16', '+4', '54'],
  coalitions: ['0:24', '1:32', '2:38', '3:50', '4:28', '5:36', '6:42', '7:54'],
};

describe('the Shapley explorer', () => {
  it('should open at the worked example, follow keyboard edits, and announce a summary', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    expect(await figure.locator('figcaption .figure-number').textContent()).toBe('Figure 2.3.2');
    expect(await page.locator(`.chapter-body a.xref-figure[href="${FIGURE}"]`).first().textContent()).toBe('Figure 2.3.2');
    expect(await figure.locator('[data-static]').isVisible()).toBe(false);
    expect(await shownState(figure)).toEqual(WORKED_EXAMPLE);

    // The inputs are labelled; ArrowDown on "years in job" lowers it from 4 to 3.
    const tenure = figure.getByRole('spinbutton', { name: /Years in job/ });
    expect(await tenure.inputValue()).toBe('4');
    await tenure.focus();
    expect(await tenure.evaluate((input) => input.matches(':focus-visible') && getComputedStyle(input).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await tenure.inputValue()).toBe('3');
    // x = (6, 3, 1): f = 10 + 12 + 9 − 4 + 18 = 45; tenure's value is 3 × 1 + (3 − 2)(6 + 4)/2 = 8.
    expect(await shownState(figure)).toEqual({
      shapley: ['+9', '+8', '+4'],
      linear: ['+4', '+3', '+4'],
      totals: ['+21', '+11'],
      bars: ['24', '+9', '+8', '+4', '45'],
      coalitions: ['0:24', '1:32', '2:31', '3:41', '4:28', '5:36', '6:35', '7:45'],
    });

    // Tab to "open loans" and type 5: a negative contribution, drawn as a step down.
    await page.keyboard.press('Tab');
    const loans = figure.getByRole('spinbutton', { name: /Open loans/ });
    expect(await loans.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    expect((await shownState(figure)).shapley).toEqual(['+9', '+8', '−12']);
    expect(await figure.locator('[data-bar="3"]').getAttribute('class')).toBe('sx-bar sx-down');
    const announcement = figure.locator('[aria-live="polite"]');
    await expect.poll(() => announcement.textContent(), { timeout: 5000 }).toBe(
      'Applicant with income 6, years in job 3, open loans 5: prediction 29, baseline 24, difference +5. Shapley values: income +9, years in job +8, open loans −12.',
    );

    // A value out of range is flagged and ignored: the figure keeps the last valid applicant.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('9');
    expect(await loans.getAttribute('aria-invalid')).toBe('true');
    expect((await shownState(figure)).shapley).toEqual(['+9', '+8', '−12']);
    await page.close();
  });

  it('should show the worked example without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    const figure = page.locator(FIGURE);
    expect(await figure.getByRole('spinbutton').count()).toBe(0);
    expect(await figure.locator('[data-static]').textContent()).toContain('Shown for the applicant with income 6, years in job 4, open loans 1.');
    expect(await shownState(figure)).toEqual(WORKED_EXAMPLE);
    expect(await figure.locator('svg.sx-chart').getAttribute('aria-label')).toBe(
      'Waterfall chart. Applicant with income 6, years in job 4, open loans 1: prediction 54, baseline 24, difference +30. Shapley values: income +10, years in job +16, open loans +4.',
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

  it('should move its bars without animation for readers who ask for reduced motion', async () => {
    const durations: Record<string, string> = {};
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await session.browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(session.book.url(CHAPTER));
      durations[reducedMotion] = await page.locator(`${FIGURE} [data-bar="1"]`).evaluate((bar) => getComputedStyle(bar).transitionDuration);
      await context.close();
    }
    expect(durations.reduce).toBe('0s');
    expect(durations['no-preference']).not.toBe('0s');
  });

  it('should load its code on its page only, once the figure nears the screen', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER), { waitUntil: 'networkidle' });
    await widgetReady(page, FIGURE);
    expect(await page.evaluate(() => customElements.get('shapley-explorer') !== undefined)).toBe(true);
    // Another chapter, read to its end, never defines it.
    await page.goto(session.book.url(OTHER_CHAPTER), { waitUntil: 'networkidle' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => customElements.get('shapley-explorer'))).toBeUndefined();
    await page.close();

    // Its code is what the chapter requests beyond another chapter read to its end.
    const scripts = await widgetScripts(session.browser, session.book.url(CHAPTER), FIGURE, session.book.url(OTHER_CHAPTER));
    expect(scripts.widget.length).toBeGreaterThanOrEqual(1);
  });
});
