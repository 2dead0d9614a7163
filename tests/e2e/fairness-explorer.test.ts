/**
 * The fairness explorers of Chapters 1.2 (criteria) and 1.3 (post-processing), as a reader meets them
 * in Chromium: driven by the keyboard alone, the matrices, rates, gaps, holds/fails marks and ROC
 * markers follow and the results are announced; without JavaScript the data and the starting state are
 * there; they fit a phone; markers do not move with animation for readers who ask for reduced motion.
 * (The weight gate, tests/e2e/weight-budgets.test.ts, checks their pages' JavaScript budget.)
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rocX, rocY, SQUARE_MARKER_HALF } from '../../src/interactive/classification/roc-plot.js';
import { useBrowserSession } from '../support/browser-session.js';
import { widgetReady, widgetScripts } from '../support/figure-checks.js';

const MEASURE = 'measuring-fairness/';
const MITIGATION = 'mitigating-bias/';
const MEASURE_FIGURE = '#fig-measure-fairness-explorer';
const MITIGATION_FIGURE = '#fig-mitigation-post-explorer';

const session = useBrowserSession('book');

/** The criteria's marks, by criterion. */
async function marks(figure: Locator) {
  const mark = (criterion: string) => figure.locator(`tr[data-criterion="${criterion}"] [data-mark]`).textContent();
  return {
    dp: await mark('demographic-parity'),
    eop: await mark('equal-opportunity'),
    eodds: await mark('equalized-odds'),
    pp: await mark('predictive-parity'),
  };
}

/** A group's matrix and rates, as shown. */
async function group(figure: Locator, key: 'a' | 'b') {
  const box = figure.locator(`.fe-group[data-group="${key}"]`);
  const count = (cell: string) => box.locator(`[data-count="${cell}"]`).textContent();
  const metric = (name: string) => box.locator(`[data-metric="${name}"]`).textContent();
  return {
    caption: await box.locator('caption').textContent(),
    matrix: { tp: await count('tp'), fp: await count('fp'), fn: await count('fn'), tn: await count('tn') },
    selection: await metric('selection'),
    tpr: await metric('tpr'),
    fpr: await metric('fpr'),
    ppv: await metric('ppv'),
    accuracy: await metric('accuracy'),
  };
}

async function marker(figure: Locator, key: 'a' | 'b') {
  return figure.locator(`[data-marker="${key}"]`).evaluate((element, half) =>
    element.tagName === 'circle'
      ? [Number(element.getAttribute('cx')), Number(element.getAttribute('cy'))]
      : [Number(element.getAttribute('x')) + half, Number(element.getAttribute('y')) + half],
  SQUARE_MARKER_HALF);
}

const point = (fpr: number, tpr: number) => [rocX(fpr), rocY(tpr)];
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.closest('label')?.textContent?.trim() ?? document.activeElement?.textContent?.trim());

describe('the fairness explorer of Chapter 1.2', () => {
  it('should move both thresholds by keyboard, find each criterion’s thresholds and show that all four cannot hold', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(MEASURE));
    await widgetReady(page, MEASURE_FIGURE);
    const figure = page.locator(MEASURE_FIGURE);
    expect(await figure.locator('figcaption .figure-number').textContent()).toBe('Figure 1.2.3');
    expect(await page.locator(`.chapter-body a.xref-figure[href="${MEASURE_FIGURE}"]`).first().textContent()).toBe('Figure 1.2.3');
    expect(await figure.locator('[data-static]').isVisible()).toBe(false);

    // The chapter's state at t = 0.5: equalized odds holds, demographic and predictive parity fail.
    expect(await marks(figure)).toEqual({ dp: '✗ fails', eop: '✓ holds', eodds: '✓ holds', pp: '✗ fails' });
    expect(await group(figure, 'a')).toEqual({ caption: 'Group A, t = 0.50', matrix: { tp: '40', fp: '10', fn: '10', tn: '40' }, selection: '50/100 = 0.50', tpr: '40/50 = 0.80', fpr: '10/50 = 0.20', ppv: '40/50 = 0.80', accuracy: '80/100 = 0.80' });
    expect(await group(figure, 'b')).toEqual({ caption: 'Group B, t = 0.50', matrix: { tp: '16', fp: '16', fn: '4', tn: '64' }, selection: '32/100 = 0.32', tpr: '16/20 = 0.80', fpr: '16/80 = 0.20', ppv: '16/32 = 0.50', accuracy: '80/100 = 0.80' });
    expect(await figure.locator('tr[data-criterion="predictive-parity"] [data-gap]').textContent()).toBe('0.30');
    expect(await marker(figure, 'a')).toEqual(point(0.2, 0.8));
    expect(await marker(figure, 'b')).toEqual(point(0.2, 0.8));

    // The first slider, focused with the keyboard; both thresholds are locked together at first.
    const sliderA = figure.getByRole('slider', { name: 'Threshold t of group A' });
    const sliderB = figure.getByRole('slider', { name: 'Threshold t of group B' });
    await sliderA.focus();
    expect(await sliderA.evaluate((input) => input.matches(':focus-visible') && getComputedStyle(input).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('ArrowRight'); // 0.55: the same decisions
    await page.keyboard.press('ArrowRight'); // 0.65
    expect(await sliderA.getAttribute('aria-valuetext')).toBe('t = 0.65');
    expect(Number(await sliderB.inputValue())).toBe(0.65);
    expect((await group(figure, 'a')).matrix).toEqual({ tp: '30', fp: '5', fn: '20', tn: '45' });
    expect((await group(figure, 'b')).matrix).toEqual({ tp: '12', fp: '8', fn: '8', tn: '72' });
    const announcement = figure.locator('[aria-live="polite"]');
    await expect.poll(() => announcement.textContent(), { timeout: 5000 }).toContain('Group A: t = 0.65, selection 0.35, TPR 0.60, FPR 0.10, PPV 0.86, accuracy 0.75.');

    // Tab to group B's slider, then the lock: unlocked, B moves alone.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('Threshold t of group B');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Same threshold for both groups');
    await page.keyboard.press('Space');
    expect(await figure.locator('input[data-lock]').isChecked()).toBe(false);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowLeft'); // B: 0.55
    expect(Number(await sliderB.inputValue())).toBe(0.55);
    expect(Number(await sliderA.inputValue())).toBe(0.65);

    // The buttons, each pressed with Enter: demographic parity, then the others; all four: none.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Demographic parity');
    await page.keyboard.press('Enter');
    expect(await figure.locator('[data-find-result]').textContent()).toBe('Most accurate thresholds with demographic parity: A at t = 0.65, B at t = 0.55, accuracy 0.78.');
    expect(await marks(figure)).toEqual({ dp: '✓ holds', eop: '✗ fails', eodds: '✗ fails', pp: '✗ fails' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await figure.locator('[data-find-result]').textContent()).toBe('Most accurate thresholds with equal opportunity: A at t = 0.55, B at t = 0.55, accuracy 0.80.');
    expect(await marks(figure)).toEqual({ dp: '✗ fails', eop: '✓ holds', eodds: '✓ holds', pp: '✗ fails' });
    expect(await figure.locator('input[data-lock]').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await marks(figure)).toEqual({ dp: '✗ fails', eop: '✓ holds', eodds: '✓ holds', pp: '✗ fails' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Predictive parity');
    await page.keyboard.press('Enter');
    expect(await figure.locator('[data-find-result]').textContent()).toBe('Most accurate thresholds with predictive parity: A at t = 0.35, B at t = 0.65, accuracy 0.72.');
    expect(await marks(figure)).toEqual({ dp: '✗ fails', eop: '✗ fails', eodds: '✗ fails', pp: '✓ holds' });
    expect(Number(await sliderA.inputValue())).toBe(0.35);
    expect(Number(await sliderB.inputValue())).toBe(0.65);
    expect((await group(figure, 'b')).ppv).toBe('12/20 = 0.60');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('All four');
    await page.keyboard.press('Enter');
    expect(await figure.locator('[data-find-result]').textContent()).toBe('None of the 100 pairs of thresholds satisfies all four criteria within 0.05; the thresholds are unchanged.');
    await expect.poll(() => announcement.textContent(), { timeout: 5000 }).toContain('None of the 100 pairs of thresholds satisfies all four criteria within 0.05');
    await page.close();
  });
});

describe('the fairness explorer of Chapter 1.3 (post-processing)', () => {
  it('should apply the text’s equal-opportunity and equalized-odds policies by keyboard, with the randomised threshold', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(MITIGATION));
    await widgetReady(page, MITIGATION_FIGURE);
    const figure = page.locator(MITIGATION_FIGURE);
    expect(await figure.locator('figcaption .figure-number').textContent()).toBe('Figure 1.3.3');
    // The single threshold 0.50, the policy table's first row.
    expect(await group(figure, 'a')).toMatchObject({ tpr: '4/5 = 0.80', fpr: '1/5 = 0.20', accuracy: '8/10 = 0.80' });
    expect(await group(figure, 'b')).toMatchObject({ tpr: '2/5 = 0.40', fpr: '0/5 = 0.00', accuracy: '7/10 = 0.70' });
    expect(await figure.locator('[data-overall]').textContent()).toBe('15/20 = 0.75');
    expect(await marker(figure, 'b')).toEqual(point(0, 0.4));

    // Keyboard only: from group a's threshold, Tab through the six sliders and the lock to the first button.
    await figure.getByRole('slider', { name: 'Threshold t of group a' }).focus();
    for (let press = 0; press < 7; press++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Equal opportunity: match b’s TPR to a’s');
    await page.keyboard.press('Enter');
    expect(Number(await figure.getByRole('slider', { name: 'Threshold t of group b' }).inputValue())).toBe(0.37);
    expect(await group(figure, 'b')).toMatchObject({ caption: 'Group b, t = 0.37', matrix: { tp: '4', fp: '3', fn: '1', tn: '2' }, tpr: '4/5 = 0.80', fpr: '3/5 = 0.60', accuracy: '6/10 = 0.60' });
    expect(await figure.locator('[data-overall]').textContent()).toBe('14/20 = 0.70');
    expect(await marks(figure)).toMatchObject({ eop: '✓ holds', eodds: '✗ fails' });

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Equalized odds at a’s TPR');
    await page.keyboard.press('Enter');
    expect(await figure.locator('[data-find-result]').textContent()).toBe(
      'Equalized odds at TPR 0.80: the lowest FPR both groups reach is 0.40; group a at t = 0.45, group b at t = 0.44, coin p = 0.50 from t⁻ = 0.21.',
    );
    const b = figure.locator('.fe-group-controls[data-group="b"]');
    expect(await b.getByRole('slider', { name: 'Threshold t of group b' }).inputValue()).toBe('0.44');
    expect(await b.getByRole('slider', { name: 'Coin band from t⁻ of group b' }).inputValue()).toBe('0.21');
    expect(await b.getByRole('slider', { name: 'Coin probability p of group b' }).inputValue()).toBe('0.5');
    expect(await group(figure, 'a')).toMatchObject({ caption: 'Group a, t = 0.45', tpr: '4/5 = 0.80', fpr: '2/5 = 0.40', accuracy: '7/10 = 0.70' });
    expect(await group(figure, 'b')).toMatchObject({ caption: 'Group b, t = 0.44, coin p = 0.50 from t⁻ = 0.21', matrix: { tp: '4', fp: '2', fn: '1', tn: '3' }, tpr: '4/5 = 0.80', fpr: '2/5 = 0.40', accuracy: '7/10 = 0.70' });
    expect(await figure.locator('[data-overall]').textContent()).toBe('14/20 = 0.70');
    expect(await marks(figure)).toEqual({ dp: '✓ holds', eop: '✓ holds', eodds: '✓ holds', pp: '✓ holds' });
    expect(await figure.locator('table.fe-scores[data-group="b"] tr.fe-coin th').allTextContents()).toEqual(['0.41', '0.39', '0.37', '0.21']);
    expect(await marker(figure, 'a')).toEqual(point(0.4, 0.8));
    expect(await marker(figure, 'b')).toEqual(point(0.4, 0.8));

    // The coin at 1 approves the whole band: group b moves to (0.6, 1) and equalized odds fails.
    await b.getByRole('slider', { name: 'Coin probability p of group b' }).focus();
    await page.keyboard.press('End');
    expect(await group(figure, 'b')).toMatchObject({ matrix: { tp: '5', fp: '3', fn: '0', tn: '2' }, fpr: '3/5 = 0.60' });
    expect(await marks(figure)).toMatchObject({ eodds: '✗ fails' });
    await page.keyboard.press('Home');
    expect(await group(figure, 'b')).toMatchObject({ matrix: { tp: '3', fp: '1', fn: '2', tn: '4' } });
    await expect.poll(() => figure.locator('[aria-live="polite"]').textContent(), { timeout: 5000 }).toContain('Group b: t = 0.44, selection 0.40, TPR 0.60, FPR 0.20');
    await page.close();
  });
});

describe('both fairness explorers', () => {
  it('should show the data and the starting state without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.book.url(MEASURE));
    let figure = page.locator(MEASURE_FIGURE);
    expect(await figure.getByRole('slider').count()).toBe(0);
    expect(await figure.getByRole('button').count()).toBe(0);
    expect(await figure.locator('[data-static]').textContent()).toContain('Shown with group A at t = 0.50 and group B at t = 0.50.');
    expect(await marks(figure)).toEqual({ dp: '✗ fails', eop: '✓ holds', eodds: '✓ holds', pp: '✗ fails' });
    expect((await group(figure, 'b')).matrix).toEqual({ tp: '16', fp: '16', fn: '4', tn: '64' });
    expect(await figure.locator('table.fe-scores[data-group="a"] tbody tr').count()).toBe(8);
    expect(await figure.locator('svg.fe-roc').getAttribute('aria-label')).toBe(
      'ROC curves of groups A (solid line, circle) and B (dashed line, square), with group A at (FPR, TPR) = (0.20, 0.80); group B at (FPR, TPR) = (0.20, 0.80).',
    );
    await page.goto(session.book.url(MITIGATION));
    figure = page.locator(MITIGATION_FIGURE);
    expect(await figure.getByRole('slider').count()).toBe(0);
    expect(await figure.locator('[data-overall]').textContent()).toBe('15/20 = 0.75');
    expect(await figure.locator('table.fe-scores tbody tr').count()).toBe(20);
    await context.close();
  });

  it('should fit a phone’s width (390 px) without scrolling the page sideways', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    for (const [chapter, selector] of [[MEASURE, MEASURE_FIGURE], [MITIGATION, MITIGATION_FIGURE]] as const) {
      await page.goto(session.book.url(chapter));
      await widgetReady(page, selector);
      const figure = page.locator(selector);
      await figure.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), chapter).toBe(0);
      const box = await figure.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, chapter).toBe(true);
      // The criteria table fits without its own sideways scrolling.
      expect(await figure.locator('table.fe-criteria').evaluate((table) => table.scrollWidth - table.clientWidth), chapter).toBeLessThanOrEqual(1);
    }
    await context.close();
  });

  it('should move its markers without animation for readers who ask for reduced motion', async () => {
    const durations: Record<string, string[]> = {};
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await session.browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(session.book.url(MITIGATION));
      await widgetReady(page, MITIGATION_FIGURE);
      durations[reducedMotion] = await page.locator(`${MITIGATION_FIGURE} [data-marker]`).evaluateAll((markers) => markers.map((marker) => getComputedStyle(marker).transitionDuration));
      await context.close();
    }
    expect(durations.reduce).toEqual(['0s', '0s']);
    expect(durations['no-preference']).not.toContain('0s');
  });

  it('should load its code only once the figure nears the screen, not with the page', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(session.book.url(MEASURE), { waitUntil: 'networkidle' });
    // The figure is further down than the screen and the screen's height ahead that loading starts at.
    const top = await page.locator(MEASURE_FIGURE).evaluate((figure) => figure.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(2 * 900);
    expect(await page.evaluate(() => customElements.get('fairness-explorer'))).toBeUndefined();
    // Its static state is there meanwhile: the data and the starting thresholds, no dead controls.
    expect(await page.locator(`${MEASURE_FIGURE} [data-static]`).isVisible()).toBe(true);
    await page.locator(MEASURE_FIGURE).evaluate((figure) => window.scrollTo(0, window.scrollY + figure.getBoundingClientRect().top - 1.5 * window.innerHeight));
    await page.waitForFunction(() => customElements.get('fairness-explorer') !== undefined);
    expect(await page.locator(`${MEASURE_FIGURE} [data-static]`).isVisible()).toBe(false);
    await page.close();
    // What the page requested on load had none of the figure's code; reaching it brought it.
    const scripts = await widgetScripts(session.browser, session.book.url(MEASURE), MEASURE_FIGURE, session.book.url('generative-ai/'));
    expect(scripts.widget.length).toBeGreaterThanOrEqual(1);
    expect(scripts.onLoad).toEqual([]);
  });
});

