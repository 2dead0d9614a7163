/**
 * The book's first interactive figure, the threshold explorer of the machine-learning chapter, as a
 * reader meets it in Chromium: moved with the keyboard, the confusion matrix, metrics, approved rows
 * and ROC marker follow and a summary is announced; without JavaScript the data and the state at
 * t = 0.5 are there; it fits a phone; and its script is loaded on its page only.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rocX, rocY } from '../../src/interactive/classification/roc-plot.js';
import { useBrowserSession } from '../support/browser-session.js';
import { sidewaysOverflow, transitionDurations, widgetReady, widgetScripts } from '../support/figure-checks.js';

const CHAPTER = 'machine-learning-fundamentals/';
const OTHER_CHAPTER = 'measuring-fairness/';
const FIGURE = '#fig-prep-threshold-explorer';

const session = useBrowserSession('book');

/** What the figure shows: the matrix, the metrics, the approved rows, the marker. */
async function shownState(figure: Locator) {
  const count = (cell: string) => figure.locator(`[data-count="${cell}"]`).textContent();
  const metric = (name: string) => figure.locator(`[data-metric="${name}"]`).textContent();
  return {
    matrix: { tp: await count('tp'), fp: await count('fp'), fn: await count('fn'), tn: await count('tn') },
    metrics: {
      accuracy: await metric('accuracy'),
      tpr: await metric('tpr'),
      fpr: await metric('fpr'),
      ppv: await metric('ppv'),
      npv: await metric('npv'),
      f1: await metric('f1'),
    },
    approvedRows: await figure.locator('.te-table tbody tr', { hasText: 'Approve' }).evaluateAll((rows) => rows.map((row) => row.querySelector('th')?.textContent)),
    highlightedRows: await figure.locator('tr.te-approved').count(),
    marker: await figure.locator('[data-marker]').evaluate((marker) => [Number(marker.getAttribute('cx')), Number(marker.getAttribute('cy'))]),
  };
}

const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));

describe('the threshold explorer', () => {
  it('should move with the keyboard, updating the matrix, metrics, approved rows and ROC marker, and announce a summary', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    // A numbered figure, referred to from the text by its number.
    expect(await figure.locator('figcaption .figure-number').textContent()).toBe('Figure 0.4.1');
    expect(await page.locator(`.chapter-body a.xref-figure[href="${FIGURE}"]`).first().textContent()).toBe('Figure 0.4.1');

    // The slider is labelled, starts at t = 0.5 and says so; the figure opens in the chapter's state.
    const slider = figure.getByRole('slider', { name: 'Threshold t' });
    expect(Number(await slider.inputValue())).toBe(0.5);
    expect(await slider.getAttribute('aria-valuetext')).toBe('t = 0.50: 10 of 20 approved');
    expect(await figure.locator('[data-static]').isVisible()).toBe(false);
    expect(await shownState(figure)).toEqual({
      matrix: { tp: '7', fp: '3', fn: '2', tn: '8' },
      metrics: { accuracy: '15/20 = 0.75', tpr: '7/9 ≈ 0.78', fpr: '3/11 ≈ 0.27', ppv: '7/10 = 0.70', npv: '8/10 = 0.80', f1: '14/19 ≈ 0.74' },
      approvedRows: numbers(1, 10),
      highlightedRows: 10,
      marker: [rocX(3 / 11), rocY(7 / 9)],
    });

    // One arrow key down steps to the next score, 0.45: applicant 11 (a defaulter) is approved too.
    await slider.focus();
    expect(await slider.evaluate((input) => input.matches(':focus-visible') && getComputedStyle(input).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(Number(await slider.inputValue())).toBe(0.45);
    expect(await figure.locator('[data-value]').textContent()).toBe('0.45');
    expect(await shownState(figure)).toEqual({
      matrix: { tp: '7', fp: '4', fn: '2', tn: '7' },
      metrics: { accuracy: '14/20 = 0.70', tpr: '7/9 ≈ 0.78', fpr: '4/11 ≈ 0.36', ppv: '7/11 ≈ 0.64', npv: '7/9 ≈ 0.78', f1: '14/20 = 0.70' },
      approvedRows: numbers(1, 11),
      highlightedRows: 11,
      marker: [rocX(4 / 11), rocY(7 / 9)],
    });

    // Three more reach t = 0.3, the chapter's second threshold (its comparison table's column).
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowDown');
    expect(Number(await slider.inputValue())).toBe(0.3);
    expect(await shownState(figure)).toEqual({
      matrix: { tp: '9', fp: '5', fn: '0', tn: '6' },
      metrics: { accuracy: '15/20 = 0.75', tpr: '9/9 = 1.00', fpr: '5/11 ≈ 0.45', ppv: '9/14 ≈ 0.64', npv: '6/6 = 1.00', f1: '18/23 ≈ 0.78' },
      approvedRows: numbers(1, 14),
      highlightedRows: 14,
      marker: [rocX(5 / 11), rocY(1)],
    });
    // Once the reader pauses, the polite live region announces one summary.
    const announcement = figure.locator('[aria-live="polite"]');
    await expect.poll(() => announcement.textContent(), { timeout: 5000 }).toBe(
      'Threshold 0.30: 14 of 20 approved. TP 9, FP 5, FN 0, TN 6. Accuracy 0.75, TPR 1.00, FPR 0.45, PPV 0.64, NPV 1.00, F1 0.78.',
    );

    // Up again steps back through the scores; End approves no one (PPV is 0/0), Home everyone.
    await page.keyboard.press('ArrowRight');
    expect(Number(await slider.inputValue())).toBe(0.35);
    await page.keyboard.press('End');
    expect(await slider.getAttribute('aria-valuetext')).toBe('t = 1.00: 0 of 20 approved');
    expect((await shownState(figure)).metrics.ppv).toBe('0/0, undefined');
    expect(await figure.locator('tr.te-approved').count()).toBe(0);
    await page.keyboard.press('Home');
    expect(await slider.getAttribute('aria-valuetext')).toBe('t = 0.00: 20 of 20 approved');
    expect((await shownState(figure)).marker).toEqual([rocX(1), rocY(1)]);

    // A pointer snaps to the nearest score: a click at 0.47 of the track lands on 0.45 or 0.5, not 0.47.
    const track = (await slider.boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.click(track.x + 0.47 * track.width, track.y + track.height / 2);
    expect([0.45, 0.5]).toContain(Number(await slider.inputValue()));
    await page.close();
  });

  it('should show the data and the state at t = 0.5 without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    const figure = page.locator(FIGURE);
    // No dead slider: a sentence says which threshold is shown.
    expect(await figure.getByRole('slider').count()).toBe(0);
    expect(await figure.locator('[data-static]').textContent()).toContain('Shown at threshold t = 0.50: 10 of 20 approved.');
    expect(await figure.locator('.te-table tbody tr').count()).toBe(20);
    expect(await shownState(figure)).toEqual({
      matrix: { tp: '7', fp: '3', fn: '2', tn: '8' },
      metrics: { accuracy: '15/20 = 0.75', tpr: '7/9 ≈ 0.78', fpr: '3/11 ≈ 0.27', ppv: '7/10 = 0.70', npv: '8/10 = 0.80', f1: '14/19 ≈ 0.74' },
      approvedRows: numbers(1, 10),
      highlightedRows: 10,
      marker: [rocX(3 / 11), rocY(7 / 9)],
    });
    expect(await figure.locator('svg.te-roc').getAttribute('aria-label')).toBe('ROC curve of the 20 examples. At t = 0.50 the point is (FPR, TPR) = (0.27, 0.78).');
    await context.close();
  });

  it('should fit a phone’s width without scrolling the page sideways', async () => {
    const overflow = await sidewaysOverflow(session.browser, session.book.url(CHAPTER), FIGURE);
    expect(overflow.page).toBe(0);
    expect(overflow.outside).toBe(0);
  });

  it('should move its marker without animation for readers who ask for reduced motion', async () => {
    const durations = await transitionDurations(session.browser, session.book.url(CHAPTER), `${FIGURE} [data-marker]`);
    expect(durations.reduce).toBe('0s');
    expect(durations['no-preference']).not.toBe('0s');
  });

  it('should load its code on its page only, once the figure nears the screen', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER), { waitUntil: 'networkidle' });
    await widgetReady(page, FIGURE);
    expect(await page.evaluate(() => customElements.get('threshold-explorer') !== undefined)).toBe(true);
    // Another chapter, read to its end, never defines it.
    await page.goto(session.book.url(OTHER_CHAPTER), { waitUntil: 'networkidle' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => customElements.get('threshold-explorer'))).toBeUndefined();
    await page.close();

    // Its code is what the chapter requests beyond another chapter read to its end.
    const scripts = await widgetScripts(session.browser, session.book.url(CHAPTER), FIGURE, session.book.url(OTHER_CHAPTER));
    expect(scripts.widget.length).toBeGreaterThanOrEqual(1);
  });
});
