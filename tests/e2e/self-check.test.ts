/**
 * Self-check questions as a reader meets them (chapter 0-4, "Check your understanding"): a wrong then
 * a right answer by keyboard alone gives the right feedback in a live region, keeps focus on the
 * Check button and reveals the explanation; a numeric answer within the tolerance is accepted (typed
 * as a percentage or a fraction too); progress survives a reload and shows in the contents; Reset
 * clears it; without JavaScript the answer is behind a "Show answer" reveal.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession('book');
const CHAPTER = 'machine-learning-fundamentals/';
let page: Page;

beforeAll(async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

/** Tab until the focused element matches `selector` (at most `limit` presses). */
async function tabTo(selector: string, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('a multiple-choice question', () => {
  it('should give feedback for a wrong then a right answer by keyboard, and reveal the explanation', async () => {
    await page.goto(session.book.url(CHAPTER));
    const form = page.locator('#sc-prep-monotone-scores');
    const feedback = form.locator('.self-check-feedback');
    const reveal = form.locator('details.self-check-reveal');
    // The question is a fieldset named by its legend; its live region is polite.
    expect(await form.locator('fieldset legend').textContent()).toContain('replaces every score');
    expect(await feedback.getAttribute('aria-live')).toBe('polite');
    await form.locator('input').first().focus();
    // Wrong: the first option (the ROC curve), chosen with Space, checked with Enter from the Check button.
    await page.keyboard.press('Space');
    await tabTo('#sc-prep-monotone-scores button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => feedback.textContent()).toContain('Not quite.');
    expect(await feedback.textContent()).toContain('depends only on how the scores rank the cases');
    // The verdict and the option's feedback are two sentences, apart in the text that is read aloud.
    expect(await feedback.textContent()).toMatch(/^Not quite\. \S/);
    expect(await reveal.getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
    // Right: back to the radio group, arrow down twice to the third option, then Check.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await form.locator('input').nth(2).isChecked()).toBe(true);
    await tabTo('#sc-prep-monotone-scores button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => feedback.textContent()).toContain('Correct.');
    expect(await feedback.textContent()).not.toContain('Not quite');
    expect(await reveal.getAttribute('open')).toBe('');
    expect(await form.locator('.self-check-explanation').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
  });

  it('should judge a select-all question by the whole selection', async () => {
    const form = page.locator('#sc-prep-condition-on-outcome');
    const feedback = form.locator('.self-check-feedback');
    await form.locator('input').nth(0).check();
    await form.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => feedback.textContent()).toContain('Not quite.');
    await form.locator('input').nth(1).check();
    await form.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => feedback.textContent()).toContain('Correct.');
  });
});

describe('a numeric question', () => {
  it('should accept an answer within the tolerance, as a decimal, a percentage or a fraction, and refuse one outside', async () => {
    const form = page.locator('#sc-prep-ppv-from-rates');
    const input = form.getByLabel('Your answer');
    const feedback = form.locator('.self-check-feedback');
    const check = async (value: string) => {
      await input.fill(value);
      await input.press('Enter');
      await expect.poll(() => feedback.textContent()).not.toBe('');
      return feedback.textContent();
    };
    expect(await check('0.7')).toContain('Not quite.');
    expect(await check('zero point six')).toBe('Enter a number, such as 0.25, 25% or 1/4.');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await check('66.7%')).toContain('Correct.');
    expect(await check('2/3')).toContain('Correct.');
    expect(await check('.67')).toContain('Correct.');
    expect(await form.locator('details').getAttribute('open')).toBe('');
  });
});

describe('progress', () => {
  it('should survive a reload, show in the chapter and the contents, and reset', async () => {
    // The three questions answered right above: 3 of the chapter's 4.
    await page.reload();
    const progress = page.locator('.self-check-progress');
    expect(await progress.textContent()).toContain('Self-check: 3 of 4 correct');
    const sidebarLink = page.locator(`#sidebar a[href="/${CHAPTER}"]`);
    expect(await sidebarLink.locator('.self-check-tally').textContent()).toBe('3/4, self-check: 3 of 4 correct');
    // The home page's contents too.
    await page.goto(session.book.url(''));
    expect(await page.locator(`.home-chapters a[href="/${CHAPTER}"] .self-check-tally`).first().textContent()).toContain('3 of 4 correct');
    // Reset: no progress in the chapter or the contents.
    await page.goto(session.book.url(CHAPTER));
    await progress.getByRole('button', { name: 'Reset answers' }).click();
    expect(await progress.textContent()).toContain('0 of 4 correct');
    expect(await sidebarLink.locator('.self-check-tally').count()).toBe(0);
    await page.reload();
    expect(await page.locator('.self-check-progress').textContent()).toContain('0 of 4 correct');
  });
});

describe('without JavaScript', () => {
  it('should keep the answer and explanation behind a “Show answer” reveal, and no dead Check button', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    const noScript = await context.newPage();
    await noScript.goto(session.book.url(CHAPTER));
    const form = noScript.locator('#sc-prep-cost-threshold');
    expect(await form.getByRole('button', { name: 'Check' }).count()).toBe(0);
    const explanation = form.locator('.self-check-explanation');
    expect(await explanation.isVisible()).toBe(false);
    await form.locator('summary').click();
    expect(await form.locator('summary').textContent()).toBe('Show answer');
    expect(await form.locator('.self-check-answer').textContent()).toContain('Answer: 0.2');
    expect(await explanation.isVisible()).toBe(true);
    await context.close();
  });
});
