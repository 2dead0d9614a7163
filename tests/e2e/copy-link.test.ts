/**
 * Copy-link buttons as readers and instructors use them, in Chromium with the clipboard allowed: a
 * section heading, a figure and an equation copy their absolute URL (the address the page is served
 * from, as the book has no `siteUrl`; the public URL where one is set), the live region says "Link
 * copied", the keyboard reaches and presses the button, the target is marked on arrival and after an
 * in-page jump, and without scripts, in print and in the exported folder (file://) it still behaves.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exportBook } from '../../src/export/export-book.js';
import { astroBuild, fixture } from '../support/astro-build.js';
import { useBrowserSession } from '../support/browser-session.js';
import { serveStatic, type StaticSite } from '../support/static-server.js';
import { makeTempDir } from '../support/temp-dir.js';

const session = useBrowserSession('book');
const CHAPTER = 'measuring-fairness/';
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await session.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context.close();
});

const clipboard = (tab: Page = page) => tab.evaluate(() => navigator.clipboard.readText());
const status = (tab: Page = page) => tab.locator('.copy-status[role="status"]');

describe('copy-link buttons', () => {
  it('should copy a section heading’s absolute URL and announce it in a live region', async () => {
    await page.goto(session.book.url(CHAPTER));
    const heading = page.locator('.chapter-body h2').nth(1);
    const id = await heading.getAttribute('id');
    const button = heading.locator('a[data-copy-link]');
    // A labelled button for assistive technology, still a link to the fragment underneath.
    expect(await button.getAttribute('role')).toBe('button');
    expect(await button.getAttribute('aria-label')).toBe(`Copy link to section “${(await heading.innerText()).replace(/#$/, '').trim()}”`);
    await heading.hover();
    await button.click();
    expect(await clipboard()).toBe(`${session.book.url(CHAPTER)}#${id}`);
    await expect.poll(() => status().textContent()).toBe('Link copied');
    // Copying does not move the reader.
    expect(new URL(page.url()).hash).toBe('');
  });

  it('should be reached with Tab and pressed with Enter, or with Space', async () => {
    await page.goto(session.book.url(CHAPTER));
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    const heading = page.locator('.chapter-body h2').nth(2);
    const id = await heading.getAttribute('id');
    // Focus the element before the button in tab order, then Tab onto it.
    await heading.evaluate((element) => {
      const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, [tabindex]:not([tabindex="-1"])')].filter((node) => node.offsetParent !== null || node.getClientRects().length > 0);
      const index = focusable.indexOf(element.querySelector('a[data-copy-link]') as HTMLElement);
      focusable[index - 1]?.focus();
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('h2')?.id)).toBe(id);
    // Visible while focused.
    expect(await heading.locator('a[data-copy-link]').evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard()).toBe(`${session.book.url(CHAPTER)}#${id}`);
    await expect.poll(() => status().textContent()).toBe('Link copied');

    const next = page.locator('.chapter-body h2').nth(3);
    await next.locator('a[data-copy-link]').focus();
    await page.keyboard.press(' ');
    await expect.poll(() => clipboard()).toBe(`${session.book.url(CHAPTER)}#${await next.getAttribute('id')}`);
  });

  it('should copy the link of a figure and of an equation', async () => {
    await page.goto(session.book.url(CHAPTER));
    const figure = page.locator('.chapter-body figure.figure[id]').first();
    const figureId = await figure.getAttribute('id');
    const figureNumber = (await figure.locator('.figure-number').textContent()) ?? '';
    const figureButton = figure.locator('figcaption a[data-copy-link]');
    expect(await figureButton.getAttribute('aria-label')).toBe(`Copy link to ${figureNumber}`);
    await figure.hover();
    await figureButton.click();
    await expect.poll(() => clipboard()).toBe(`${session.book.url(CHAPTER)}#${figureId}`);

    const equation = page.locator('.chapter-body .equation[id]').first();
    const equationId = await equation.getAttribute('id');
    const equationButton = equation.locator('> a[data-copy-link]');
    expect(await equationButton.getAttribute('aria-label')).toMatch(/^Copy link to equation \(1\.2\.\d+\)$/);
    await equation.hover();
    await equationButton.click();
    await expect.poll(() => clipboard()).toBe(`${session.book.url(CHAPTER)}#${equationId}`);
    await expect.poll(() => status().textContent()).toBe('Link copied');
  });

  it('should mark the target when a reader arrives by its link, and after an in-page jump', async () => {
    const heading = page.locator('.chapter-body h2').nth(1);
    await page.goto(session.book.url(CHAPTER));
    const id = await heading.getAttribute('id');
    const unmarked = await heading.evaluate((element) => getComputedStyle(element).backgroundColor);
    await page.goto(`${session.book.url(CHAPTER)}#${id}`);
    const marked = await heading.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(marked).not.toBe(unmarked);
    expect(marked).not.toBe('rgba(0, 0, 0, 0)');
    expect(await heading.evaluate((element) => getComputedStyle(element).animationName)).toBe('target-arrival');

    // A cross-reference to an equation, followed inside the page, marks the equation.
    const xref = page.locator('.chapter-body a[href^="#eq-"]:not([data-copy-link])').first();
    const equationId = ((await xref.getAttribute('href')) ?? '').slice(1);
    await xref.click();
    const equation = page.locator(`[id="${equationId}"]`);
    await expect.poll(() => equation.evaluate((element) => element.matches(':target'))).toBe(true);
    expect(await equation.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await heading.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(unmarked);
  });

  it('should not animate the arrival for readers who ask for reduced motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const figure = page.locator('.chapter-body figure.figure[id]').first();
    await page.goto(session.book.url(CHAPTER));
    await page.goto(`${session.book.url(CHAPTER)}#${await figure.getAttribute('id')}`);
    expect(await figure.evaluate((element) => element.matches(':target'))).toBe(true);
    expect(await figure.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('should hide the buttons in print', async () => {
    await page.goto(session.book.url(CHAPTER));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.chapter-body a[data-copy-link]').evaluateAll((links) => links.filter((link) => getComputedStyle(link).display !== 'none').length)).toBe(0);
    await page.emulateMedia({ media: 'screen' });
  });

  it('should stay a plain link to the fragment without JavaScript', async () => {
    const plain = await session.browser.newContext({ javaScriptEnabled: false });
    const tab = await plain.newPage();
    await tab.goto(session.book.url(CHAPTER));
    const heading = tab.locator('.chapter-body h2').nth(1);
    const id = await heading.getAttribute('id');
    const anchor = heading.locator('a[data-copy-link]');
    expect(await anchor.getAttribute('href')).toBe(`#${id}`);
    expect(await anchor.getAttribute('role')).toBeNull();
    expect(await anchor.getAttribute('aria-label')).toMatch(/^Link to section “/);
    await heading.hover();
    await anchor.click();
    expect(new URL(tab.url()).hash).toBe(`#${id}`);
    await plain.close();
  });

  it('should copy the link of the page as opened from the exported folder (file://)', async () => {
    const folder = path.join(makeTempDir('copy-link-export-'), 'book');
    await exportBook(inject('bookDir'), folder);
    const tab = await context.newPage();
    const url = pathToFileURL(path.join(folder, CHAPTER, 'index.html')).href;
    await tab.goto(url);
    const heading = tab.locator('.chapter-body h2').nth(1);
    await heading.hover();
    await heading.locator('a[data-copy-link]').click();
    await expect.poll(() => clipboard(tab)).toBe(`${url}#${await heading.getAttribute('id')}`);
    await expect.poll(() => status(tab).textContent()).toBe('Link copied');
    await tab.close();
  }, 120_000);
});

describe('copy-link buttons of a book with a site URL', () => {
  let site: StaticSite;
  beforeAll(async () => {
    // Served locally under its base, the copied link is still the public one, from `siteUrl` and the base.
    const build = await astroBuild({ bookRoot: fixture('sample-book'), base: '/course/rai/', site: 'https://example.org/course/rai/' });
    if (build.code !== 0) throw new Error(build.output);
    site = await serveStatic(build.outDir, '/course/rai/');
  }, 300_000);
  afterAll(async () => {
    await site?.close();
  });

  it('should copy the public URL of a heading, not the local one', async () => {
    const tab = await context.newPage();
    await tab.goto(site.url('math-in-mdx/'));
    const heading = tab.locator('.chapter-body h2', { hasText: 'Display math' });
    await heading.hover();
    await heading.locator('a[data-copy-link]').click();
    await expect.poll(() => clipboard(tab)).toBe('https://example.org/course/rai/math-in-mdx/#display-math');
    await tab.close();
  });
});
