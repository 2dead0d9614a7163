/**
 * The syllabus page as an instructor uses it: it lists every published chapter of content/book.yaml in
 * book order with a reading time, exercises and interactive figures; "Copy as a list" puts one line
 * per chapter on the clipboard, as Markdown or plain text, and every copied link opens its chapter,
 * whose reading time under the title is the syllabus's; without JavaScript the list is on the page;
 * a planned chapter (the sample book's) is listed as forthcoming without a link.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession('book', 'sample');
let context: BrowserContext;
let page: Page;

/** The published chapters of content/book.yaml, in order (read from the file, not from the site). */
function publishedChapterIds(): string[] {
  const structure = parse(readFileSync('content/book.yaml', 'utf8')) as { parts: { chapters: (string | { id: string; planned?: boolean })[] }[] };
  return structure.parts.flatMap((part) => part.chapters).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.planned ? [] : [entry.id]));
}

beforeAll(async () => {
  context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The page writes to the clipboard and the test reads it back.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.book.url('')).origin });
  page = await context.newPage();
});

afterAll(async () => {
  await context.close();
});

/** Click "Copy as a list" in `format` and return what the clipboard then holds. */
async function copyAs(format: 'Markdown' | 'Plain text'): Promise<string> {
  await page.getByRole('radio', { name: format }).check();
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: 'Copy as a list' }).click();
  await expect.poll(() => page.locator('[data-syllabus-copy]').getByRole('status').textContent()).toMatch(/^Copied \d+ chapters as /);
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('the syllabus page', () => {
  it('should be linked from the home page and the contents', async () => {
    await page.goto(session.book.url(''));
    await page.locator('.home-back-matter').getByRole('link', { name: 'Syllabus' }).click();
    expect(page.url()).toBe(session.book.url('syllabus/'));
    expect(await page.locator('#sidebar a[aria-current="page"]').textContent()).toBe('Syllabus');
  });

  it('should list every published chapter of content/book.yaml in order, each with a reading time, exercises and interactive figures', async () => {
    await page.goto(session.book.url('syllabus/'));
    const chapters = page.locator('.syllabus-chapter');
    expect(await chapters.evaluateAll((items) => items.map((item) => item.getAttribute('data-chapter-id')))).toEqual(publishedChapterIds());
    for (const item of await chapters.all()) {
      expect(await item.locator('.syllabus-reading-time').textContent()).toMatch(/^About \d+ min read$/);
      expect(await item.locator('.syllabus-exercises').textContent()).toMatch(/^\d+ exercises?$/);
      expect(await item.locator('.syllabus-interactive').textContent()).toMatch(/^\d+ interactive figures?$/);
      expect(await item.locator('.syllabus-chapter-title a').count()).toBe(1);
    }
    // The measuring-fairness chapter's numbers, as its source has them: six exercises, one interactive figure.
    const measuring = page.locator('[data-chapter-id="1-2-measure"]');
    expect(await measuring.locator('.syllabus-exercises').textContent()).toBe('6 exercises');
    expect(await measuring.locator('.syllabus-interactive').textContent()).toBe('1 interactive figure');
    expect(await measuring.locator('.syllabus-objectives li').count()).toBe(5);
    // The author's 4.1 states no objectives: nothing is shown, not an empty list.
    expect(await page.locator('[data-chapter-id="4-1-genai"] .syllabus-objectives').count()).toBe(0);
    // The page says how reading time is computed.
    expect(await page.locator('#reading-time + p').textContent()).toMatch(/200 words a minute/);
  });

  it('should copy one Markdown line per chapter whose link opens the chapter, with the reading time shown under its title', async () => {
    await page.goto(session.book.url('syllabus/'));
    const lines = (await copyAs('Markdown')).split('\n');
    expect(lines).toHaveLength(publishedChapterIds().length);
    const checker = await context.newPage();
    for (const [index, line] of lines.entries()) {
      const match = /^- (\d+\.\d+) \[(.+)\]\((\S+)\) \((\d+) min\)$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, number, title, link, minutes] = match as unknown as [string, string, string, string, string];
      // The syllabus's own entry for this line says the same.
      const item = page.locator('.syllabus-chapter').nth(index);
      expect(await item.locator('.syllabus-chapter-title').textContent()).toContain(title);
      expect(await item.locator('.syllabus-reading-time').textContent()).toBe(`About ${minutes} min read`);
      // The link opens the chapter, whose reading time under its title is the same figure.
      const response = await checker.goto(new URL(link, page.url()).href);
      expect(response?.status(), link).toBe(200);
      expect(await checker.locator('h1').textContent()).toContain(title);
      expect(await checker.locator('.chapter-kicker').textContent()).toContain(`Chapter ${number}`);
      expect(await checker.locator('.chapter-header .reading-time').textContent()).toBe(`About ${minutes} min read`);
    }
    await checker.close();
  });

  it('should copy the same chapters as plain text when the reader picks it', async () => {
    await page.goto(session.book.url('syllabus/'));
    const lines = (await copyAs('Plain text')).split('\n');
    expect(lines).toHaveLength(publishedChapterIds().length);
    for (const line of lines) expect(line).toMatch(/^\d+\.\d+ [^[\]]+ \(\d+ min\): \/[a-z0-9-]+\/$/);
    expect(await page.locator('[data-syllabus-copy]').getByRole('status').textContent()).toBe(`Copied ${lines.length} chapters as plain text.`);
  });

  it('should show the list as Markdown without JavaScript', async () => {
    const plain = await session.browser.newContext({ javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await noScript.goto(session.book.url('syllabus/'));
    // The copy button needs the script: hidden; the texts are one click away.
    expect(await noScript.getByRole('button', { name: 'Copy as a list' }).count()).toBe(0);
    await noScript.getByText('The chapter list as text').click();
    const markdown = (await noScript.locator('pre[data-format="markdown"]').textContent()) ?? '';
    expect(markdown.split('\n')).toHaveLength(publishedChapterIds().length);
    expect(markdown).toContain('[Measuring Fairness](/measuring-fairness/)');
    await plain.close();
  });

  it('should list a planned chapter as forthcoming, without a link, and leave it out of the copied list', async () => {
    const sample = await context.newPage();
    await sample.goto(session.sample.url('syllabus/'));
    const planned = sample.locator('[data-chapter-id="s-3-later"]');
    expect(await planned.locator('.syllabus-chapter-title').textContent()).toContain('A Later Chapter (forthcoming)');
    expect(await planned.locator('a').count()).toBe(0);
    expect(await planned.locator('.syllabus-reading-time').count()).toBe(0);
    expect(await sample.locator('pre[data-format="markdown"]').textContent()).not.toContain('Later');
    await sample.close();
  });
});
