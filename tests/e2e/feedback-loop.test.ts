/**
 * The feedback-loop explorer of chapter 0.2 as a reader meets it in Chromium: it opens at the chapter's
 * worked example, its sliders move by keyboard alone and the chart, readouts and table follow, a
 * summary is announced, the reset button restores the example; without JavaScript the example is
 * there in full; it fits a phone; its points do not animate for readers who ask for reduced motion.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartY } from '../../src/interactive/feedback-loop/chart.js';
import { useBrowserSession } from '../support/browser-session.js';
import { sidewaysOverflow, transitionDurations, widgetReady } from '../support/figure-checks.js';

const CHAPTER = 'framework/';
const FIGURE = '#fig-framework-feedback-explorer';

const session = useBrowserSession('book');

/** What the figure shows: the readouts and the table's estimate and approval columns. */
async function shown(figure: Locator) {
  const cells = (cell: string) => figure.locator(`td[data-cell="${cell}"]`).allTextContents();
  return {
    crossing: await figure.locator('[data-readout="crossing"]').textContent(),
    bound: await figure.locator('[data-readout="bound"]').textContent(),
    se: await figure.locator('[data-readout="se"]').textContent(),
    estimates: (await cells('estimate')).slice(0, 6),
    approved: (await cells('approved')).slice(0, 6),
    firstApprovedRow: await figure.locator('tr.fl-first-approved th').allTextContents(),
  };
}

const EXAMPLE = {
  crossing: 'Approved from round 3: estimate 0.805 ≥ 0.80.',
  bound: 'Bound: k ≥ 2.50, so round 3.',
  se: 'Standard error in round 3: 0.018.',
  estimates: ['0.750', '0.779', '0.794', '0.805', '0.812', '0.817'],
  approved: ['no', 'no', 'no', 'yes', 'yes', 'yes'],
  firstApprovedRow: ['3'],
};

describe('the feedback-loop explorer (Figure 0.2.3)', () => {
  it('should open at the chapter’s example and follow its sliders, moved by keyboard alone', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    expect(await figure.locator('figcaption').textContent()).toContain('Figure 0.2.3');
    expect(await figure.locator('[data-static]').isVisible()).toBe(false);
    expect(await shown(figure)).toEqual(EXAMPLE);

    // Tab from the true-rate slider reaches the loans-per-round slider; four steps left halve the budget to 20.
    const rate = figure.getByRole('slider', { name: 'True repayment rate p' });
    const loans = figure.getByRole('slider', { name: 'Exploratory loans per round m' });
    await rate.focus();
    await page.keyboard.press('Tab');
    expect(await loans.evaluate((input) => input === document.activeElement && input.matches(':focus-visible'))).toBe(true);
    for (let press = 0; press < 4; press++) await page.keyboard.press('ArrowLeft');
    expect(await loans.inputValue()).toBe('20');
    expect(await figure.locator('output[data-output="loansPerRound"]').textContent()).toBe('20');
    // Exercise 4: a tie at exactly 0.80 in round 5, approved under the book's rule.
    expect(await shown(figure)).toEqual({
      crossing: 'Approved from round 5: estimate 0.800 ≥ 0.80.',
      bound: 'Bound: k ≥ 5.00, so round 5.',
      se: 'Standard error in round 5: 0.018.',
      estimates: ['0.750', '0.767', '0.779', '0.788', '0.794', '0.800'],
      approved: ['no', 'no', 'no', 'no', 'no', 'yes'],
      firstApprovedRow: ['5'],
    });
    // The marked point moved to round 5's estimate.
    expect(Number(await figure.locator('[data-crossing]').getAttribute('cy'))).toBe(chartY(0.8));
    const announcement = figure.locator('[aria-live="polite"]');
    await expect
      .poll(() => announcement.textContent(), { timeout: 5000 })
      .toBe('True rate 0.85, 20 exploratory loans per round, 100 old loans (75 repaid). Approved from round 5: estimate 0.800 ≥ 0.80.');

    // Home: no exploration, the estimate never moves and the ring disappears.
    await page.keyboard.press('Home');
    expect((await shown(figure)).crossing).toBe('Never approved: without exploration no new labels arrive and the estimate stays at 0.750.');
    expect(await figure.locator('[data-crossing]').getAttribute('visibility')).toBe('hidden');

    // Back with the reset button, pressed from the keyboard.
    await figure.getByRole('button', { name: 'Back to the chapter’s example' }).focus();
    await page.keyboard.press('Enter');
    expect(await loans.inputValue()).toBe('40');
    expect(await shown(figure)).toEqual(EXAMPLE);

    // A true rate below the threshold: denying the segment is right, and the figure says so.
    await rate.focus();
    for (let press = 0; press < 10; press++) await page.keyboard.press('ArrowLeft');
    expect(await rate.inputValue()).toBe('0.75');
    expect((await shown(figure)).crossing).toBe('Never approved: the true rate 0.75 is below the threshold 0.80, so denying is right.');
    await page.close();
  });

  it('should show the chapter’s example in full without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    const figure = page.locator(FIGURE);
    expect(await figure.getByRole('slider').count()).toBe(0);
    expect(await figure.locator('[data-static]').textContent()).toContain('Shown for the chapter’s example: true rate 0.85, 40 exploratory loans per round, 100 old loans (75 repaid), threshold 0.80.');
    expect(await shown(figure)).toEqual(EXAMPLE);
    expect(await figure.locator('svg[role="img"]').getAttribute('aria-label')).toBe(
      'Pooled estimate by round, 0 to 10, against the threshold 0.80 and the true rate 0.85. Approved from round 3: estimate 0.805 ≥ 0.80.',
    );
    await context.close();
  });

  it('should fit a phone’s width without scrolling the page sideways', async () => {
    expect(await sidewaysOverflow(session.browser, session.book.url(CHAPTER), `${FIGURE} feedback-loop-explorer`)).toEqual({ page: 0, figure: 0, outside: 0 });
  });

  it('should move its points without animation for readers who ask for reduced motion', async () => {
    const durations = await transitionDurations(session.browser, session.book.url(CHAPTER), `${FIGURE} [data-crossing]`);
    expect(durations.reduce).toBe('0s');
    expect(durations['no-preference']).not.toBe('0s');
  });
});
