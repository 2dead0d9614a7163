/**
 * Light and dark themes: the system theme is followed, the toggle's choice persists across a reload,
 * and the saved theme is in place at the first frame (no flash of the wrong theme).
 */
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession('book');

const background = () => getComputedStyle(document.body).backgroundColor;

describe('themes', () => {
  it('should follow the system theme when the reader has not chosen', async () => {
    const dark = await session.browser.newPage({ colorScheme: 'dark' });
    await dark.goto(session.book.url('generative-ai/'));
    expect(await dark.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const light = await session.browser.newPage({ colorScheme: 'light' });
    await light.goto(session.book.url('generative-ai/'));
    expect(await light.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await dark.evaluate(background)).not.toBe(await light.evaluate(background));
    await dark.close();
    await light.close();
  });

  it('should keep the toggled theme across a reload, already at the first frame', async () => {
    const context = await session.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(session.book.url('generative-ai/'));
    const lightBackground = await page.evaluate(background);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const darkBackground = await page.evaluate(background);
    expect(darkBackground).not.toBe(lightBackground);

    // Record the theme and background in the first animation frame, i.e. before the first paint.
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        const record = window as unknown as { firstFrame: { theme?: string; background: string } };
        record.firstFrame = { theme: document.documentElement.dataset.theme, background: getComputedStyle(document.body).backgroundColor };
      });
    });
    await page.reload();
    const firstFrame = await page.evaluate(() => (window as unknown as { firstFrame: { theme?: string; background: string } }).firstFrame);
    expect(firstFrame).toEqual({ theme: 'dark', background: darkBackground });
    // The choice holds on another page of the book too, and the toggle offers the way back.
    await page.goto(session.book.url(''));
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByRole('button', { name: 'Switch to light theme' }).count()).toBe(1);
    await context.close();
  });
});
