/**
 * The exported book (`npm run export`) opened as a reader opens it: `index.html` of a folder by a
 * file:// URL in Chromium. Links to a chapter, a section anchor and the bibliography; math with its
 * fonts, a figure, an interactive figure, citation and cross-page previews, the theme switch; search
 * with section results and the part filter, in the dialog and on the search page; the edition on the
 * home page; no failed request, no console error (a blocked script or policy violation shows there);
 * an honest message when the browser blocks the search index; and the zip of the folder.
 */
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { exportBook } from '../../src/export/export-book.js';
import { listFiles } from '../../src/integrations/built-site.js';
import { zipFolder } from '../../src/export/zip-folder.js';
import { useBrowserSession } from '../support/browser-session.js';
import { widgetReady } from '../support/figure-checks.js';
import { makeTempDir } from '../support/temp-dir.js';

const session = useBrowserSession();
let folder: string;
let page: Page;
const problems: string[] = [];

/** The file:// URL of a file of the export. */
const fileUrl = (file: string) => pathToFileURL(path.join(folder, file)).href;

beforeAll(async () => {
  // The global setup's book is built at base `/`, as `npm run export` builds it.
  folder = path.join(makeTempDir('export-'), 'book');
  await exportBook(inject('bookDir'), folder);
  page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}, 120_000);

describe('the exported book, opened from a folder', () => {
  it('should open the home page with its edition, styles and scripts, and follow a link to a chapter', async () => {
    await page.goto(fileUrl('index.html'));
    expect(await page.locator('.edition').textContent()).toMatch(/^Version \d+\.\d+\.\d+, \d{1,2} \w+ \d{4}$/);
    // The stylesheet applied (the header is a flex row), and the page script ran (it labels the theme switch).
    expect(await page.locator('.site-header').evaluate((node) => getComputedStyle(node).display)).toBe('flex');
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-label')).toMatch(/^Switch to (dark|light) theme$/);
    await page.locator('.home-chapters a', { hasText: 'Measuring Fairness' }).click();
    await page.waitForURL(/\/measuring-fairness\/index\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Measuring Fairness');
  });

  it('should typeset math with KaTeX’s own fonts, show figures, and run the interactive figure', async () => {
    await page.goto(fileUrl('measuring-fairness/index.html'));
    expect(await page.locator('.chapter-body .katex').count()).toBeGreaterThan(10);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => [...document.fonts].some((font) => font.family.includes('KaTeX_Main') && font.status === 'loaded'))).toBe(true);
    const figure = page.locator('.chapter-body figure svg').first();
    expect((await figure.boundingBox())?.height).toBeGreaterThan(50);
    // The widget's code (inside the re-bundled classic layout script), loaded once the figure nears the
    // screen, defined its element and showed its controls.
    await widgetReady(page, 'fairness-explorer');
    await expect.poll(() => page.evaluate(() => customElements.get('fairness-explorer') !== undefined)).toBe(true);
    expect(await page.locator('fairness-explorer [data-controls]').isVisible()).toBe(true);
  });

  it('should preview a citation on this page, and a glossary term and a chapter of other pages', async () => {
    await page.goto(fileUrl('measuring-fairness/index.html'));
    const popover = page.locator('#reference-preview');
    await page.locator('.chapter-body .citation-link').first().hover();
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.textContent()).toMatch(/\(\d{4}\)/);
    await page.mouse.move(5, 890);
    await expect.poll(() => popover.isVisible()).toBe(false);
    // The glossary is another page: its entry comes from previews.js, not from a fetch.
    const term = page.locator('.chapter-body a.term-link').first();
    const name = (await term.getAttribute('data-term')) ?? '';
    await term.hover();
    await expect.poll(() => popover.textContent()).toContain(name);
    expect(((await popover.textContent()) ?? '').length).toBeGreaterThan(name.length + 20);
    // A cross-reference to another chapter previews its title and opening paragraph, from previews.js too.
    await page.mouse.move(5, 890);
    await expect.poll(() => popover.isVisible()).toBe(false);
    await page.locator('.chapter-body a.xref-doc[href="../algorithmic-bias/index.html"]').first().hover();
    await expect.poll(() => popover.textContent()).toContain('Introduction to Algorithmic Bias and Fairness');
    expect(await popover.locator('p').count()).toBeGreaterThan(0);
  });

  it('should switch the theme', async () => {
    await page.goto(fileUrl('measuring-fairness/index.html'));
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(before === 'dark' ? 'light' : 'dark');
  });

  it('should search from the dialog down to sections, and land on a section anchor of another chapter', async () => {
    await page.goto(fileUrl('generative-ai/index.html'));
    await page.keyboard.press('/');
    await page.locator('dialog[open] #search-input').fill('reward hacking');
    await expect.poll(() => page.locator('dialog[open] .search-status').textContent(), { timeout: 10_000 }).toMatch(/^\d+ results? for “reward hacking”/);
    // The chapter that treats it comes first.
    expect(await page.locator('dialog[open] .search-result-link').first().textContent()).toContain('Aligning AI Systems with Human Intent');
    const section = page.locator('dialog[open] .search-sub-link', { hasText: 'Reward hacking and specification gaming' });
    expect(await section.getAttribute('href')).toBe('../alignment/index.html?highlight=reward&highlight=hacking#align-reward-hacking');
    await section.click();
    await page.waitForURL(/alignment\/index\.html\?highlight=reward&highlight=hacking#align-reward-hacking$/);
    await expect.poll(() => page.locator('#align-reward-hacking').evaluate((node) => Math.round(node.getBoundingClientRect().top))).toBeLessThan(200);
    await expect.poll(() => page.locator('.chapter-body mark.search-hit').count()).toBeGreaterThan(1);
  });

  it('should run a linked query on the search page and narrow it by part', async () => {
    await page.goto(`${fileUrl('search/index.html')}?q=fairness`);
    await expect.poll(() => page.locator('.search-status').textContent(), { timeout: 10_000 }).toMatch(/^\d+ results? for “fairness”/);
    const all = Number((await page.locator('.search-status').textContent())?.match(/^(\d+)/)?.[1]);
    await page.locator('#search-part').selectOption('Special Topics');
    await expect.poll(() => page.locator('.search-status').textContent()).not.toMatch(new RegExp(`^${all} `));
    const titles = await page.locator('.search-result-link').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/Responsible AI in the Age of Generative AI|Aligning AI Systems with Human Intent|Robustness of AI Systems/);
  });

  it('should follow the contents link to the bibliography', async () => {
    await page.goto(fileUrl('generative-ai/index.html'));
    await page.locator('#sidebar a', { hasText: 'Bibliography' }).click();
    await page.waitForURL(/\/bibliography\/index\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Bibliography');
    expect(await page.locator('main li[id^="ref-"]').count()).toBeGreaterThan(20);
  });

  it('should have made no failed request and logged no error on any page above', () => {
    expect(problems).toEqual([]);
  });

  it('should say what is blocked and why when the browser does not load the search index', async () => {
    const index = path.join(folder, 'search-index.js');
    renameSync(index, `${index}.away`);
    const blocked = await session.browser.newPage();
    try {
      await blocked.goto(fileUrl('generative-ai/index.html'));
      await blocked.keyboard.press('/');
      await blocked.locator('dialog[open] #search-input').fill('privacy');
      await expect.poll(() => blocked.locator('dialog[open] .search-status').textContent(), { timeout: 10_000 }).toContain('The search index of this exported book could not be loaded (the browser did not load search-index.js)');
      expect(await blocked.locator('dialog[open] .search-status').textContent()).toContain('may block scripts of pages opened from a folder');
    } finally {
      await blocked.close();
      renameSync(`${index}.away`, index);
    }
  });

  it('should keep a Content-Security-Policy on every page that allows the folder’s files and no other host', () => {
    const pages = listFiles(folder).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(30);
    for (const file of pages) {
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(readFileSync(path.join(folder, file), 'utf8'))?.[1] ?? '';
      expect(policy, file).toContain("script-src 'self' file: 'sha256-");
      expect(policy, file).toContain("connect-src 'none'");
      expect(policy, file).not.toMatch(/https?:|\*|'unsafe-eval'/);
    }
  });

  it('should zip the folder under its own name', () => {
    const zipFile = `${folder}.zip`;
    const bytes = zipFolder(folder, zipFile);
    const entries = unzipSync(readFileSync(zipFile));
    expect(bytes).toBeGreaterThan(100_000);
    for (const name of ['book/index.html', 'book/search-index.js', 'book/previews.js', 'book/measuring-fairness/index.html']) expect(entries[name], name).toBeDefined();
    expect(Object.keys(entries).some((name) => name.startsWith('book/pagefind/'))).toBe(false);
    expect(new TextDecoder().decode(entries['book/index.html'])).toBe(readFileSync(path.join(folder, 'index.html'), 'utf8'));
  });
});
