/**
 * "Cite this chapter" and "Cite this book" as a reader uses them, in Chromium: the panel's reference in
 * the book's CSL style (APA), its BibTeX and RIS, which citation-js reads back with the chapter's title,
 * number and public URL, each copied by its button and downloaded from a file of the build that holds
 * the same text; the chapter's Highwire tags say the same; and the book's own citation on the home page.
 * The sample book is built with a site URL (the real book has none, so its citations carry no URL).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';
import { useBrowserSession } from '../support/browser-session.js';
import { serveStatic, type StaticSite } from '../support/static-server.js';

const session = useBrowserSession('book');
const SITE = 'https://example.org/course/rai/';
let sample: StaticSite;
let sampleDir: string;
let context: BrowserContext;

beforeAll(async () => {
  const build = await astroBuild({ bookRoot: fixture('sample-book'), base: '/course/rai/', site: SITE });
  if (build.code !== 0) throw new Error(build.output);
  sampleDir = build.outDir;
  sample = await serveStatic(sampleDir, '/course/rai/');
  context = await session.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 900 } });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await sample?.close();
});

/** The CSL-JSON item citation-js reads from a BibTeX or RIS text. */
function readBack(text: string): Record<string, unknown> {
  const items = new Cite(text).data as Record<string, unknown>[];
  expect(items).toHaveLength(1);
  return items[0] as Record<string, unknown>;
}

async function openPanel(page: Page): Promise<void> {
  const panel = page.locator('details.cite-this');
  expect(await panel.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
  await panel.locator('summary').click();
}

describe('cite this chapter', () => {
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
    await page.goto(sample.url('math-in-mdx/'));
    await openPanel(page);
  });

  it('should offer BibTeX and RIS that citation-js reads back with the chapter’s title, number and URL', async () => {
    expect(await page.locator('details.cite-this > summary').textContent()).toBe('Cite this chapter');
    const number = /Chapter (\S+)/.exec((await page.locator('.chapter-kicker').textContent()) ?? '')?.[1];
    expect(number).toBe('1.1');
    const bibtex = (await page.locator('#cite-this-bibtex').textContent()) ?? '';
    const ris = (await page.locator('#cite-this-ris').textContent()) ?? '';
    expect(bibtex).toMatch(/^@inbook\{/);
    expect(ris).toMatch(/^TY {2}- CHAP$/m);
    for (const text of [bibtex, ris]) {
      expect(readBack(text)).toMatchObject({
        type: 'chapter',
        title: 'Math in MDX',
        'chapter-number': number,
        'container-title': 'Sample Book',
        URL: `${SITE}math-in-mdx/`,
      });
    }
  });

  it('should give the reference in the book’s style (APA: author, year, title, in the book, number, URL)', async () => {
    const text = (await page.locator('#cite-this-text').innerText()).trim();
    expect(text).toMatch(/^Test Author\. \(\d{4}\)\. Math in MDX\. In Sample book \(1\.1\)\. https:\/\/example\.org\/course\/rai\/math-in-mdx\/$/);
    // APA prints titles in sentence case; the files and the page's tags keep them as the book writes them.
    expect(await page.locator('#cite-this-text i').textContent()).toBe('Sample book');
    expect(await page.locator('.cite-this-name').first().textContent()).toBe('APA');
  });

  it('should say what the chapter’s Highwire tags say', async () => {
    const meta = (name: string) => page.locator(`meta[name="${name}"]`).getAttribute('content');
    const item = readBack((await page.locator('#cite-this-ris').textContent()) ?? '');
    expect(await meta('citation_title')).toBe(item.title);
    expect(await meta('citation_inbook_title')).toBe(item['container-title']);
    expect(await meta('citation_public_url')).toBe(item.URL);
    expect(await meta('citation_author')).toBe('Test Author');
  });

  it('should download files of the build that hold the same BibTeX and RIS', async () => {
    for (const [format, id] of [['bib', '#cite-this-bibtex'], ['ris', '#cite-this-ris']] as const) {
      const link = page.locator(`.cite-this a[download$=".${format}"]`);
      expect(await link.getAttribute('download')).toBe(`math-in-mdx.${format}`);
      expect(await link.getAttribute('href')).toBe(`/course/rai/math-in-mdx/cite.${format}`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const saved = readFileSync((await download.path()) as string, 'utf8');
      expect(saved).toBe(await page.locator(id).textContent());
      expect(readFileSync(path.join(sampleDir, 'math-in-mdx', `cite.${format}`), 'utf8')).toBe(saved);
    }
  });

  it('should copy each format with its button and say so', async () => {
    for (const [label, id, said] of [
      ['Copy BibTeX', '#cite-this-bibtex', 'BibTeX copied'],
      ['Copy RIS', '#cite-this-ris', 'RIS copied'],
      ['Copy citation', '#cite-this-text', 'Citation copied'],
    ] as const) {
      await page.getByRole('button', { name: label }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe((await page.locator(id).innerText()).trim());
      await expect.poll(() => page.locator('.copy-status').textContent()).toBe(said);
    }
  });

  it('should keep the downloads and hide the copy buttons without JavaScript', async () => {
    const plain = await session.browser.newContext({ javaScriptEnabled: false });
    const tab = await plain.newPage();
    await tab.goto(sample.url('math-in-mdx/'));
    await tab.locator('details.cite-this summary').click();
    expect(await tab.locator('.cite-this button').evaluateAll((buttons) => buttons.filter((button) => button.checkVisibility()).length)).toBe(0);
    expect(await tab.locator('.cite-this a[download]').count()).toBe(2);
    await plain.close();
  });
});

describe('cite this book', () => {
  it('should cite the book itself on the home page, as a book, with its files', async () => {
    const page = await context.newPage();
    await page.goto(sample.url(''));
    await openPanel(page);
    expect(await page.locator('details.cite-this > summary').textContent()).toBe('Cite this book');
    const bibtex = (await page.locator('#cite-this-bibtex').textContent()) ?? '';
    expect(bibtex).toMatch(/^@book\{/);
    expect(readBack(bibtex)).toMatchObject({ type: 'book', title: 'Sample Book', URL: SITE });
    expect(readBack((await page.locator('#cite-this-ris').textContent()) ?? '')).toMatchObject({ type: 'book', title: 'Sample Book', URL: SITE });
    expect(readFileSync(path.join(sampleDir, 'cite.bib'), 'utf8')).toBe(bibtex);
    expect((await page.locator('#cite-this-text').innerText()).trim()).toMatch(/^Test Author\. \(\d{4}\)\. Sample book\. https:\/\/example\.org\/course\/rai\/$/);
    await page.close();
  });

  it('should give every chapter of the real book its panel, in its style, without a URL it does not have', async () => {
    const page = await context.newPage();
    await page.goto(session.book.url('measuring-fairness/'));
    await openPanel(page);
    expect((await page.locator('#cite-this-text').innerText()).trim()).toMatch(
      /^The Responsible AI Book authors\. \(\d{4}\)\. Measuring fairness\. In Responsible AI for data scientists \(1\.2\)\.$/,
    );
    const item = readBack((await page.locator('#cite-this-bibtex').textContent()) ?? '');
    expect(item).toMatchObject({ title: 'Measuring Fairness', 'chapter-number': '1.2' });
    expect(item).not.toHaveProperty('URL');
    const response = await page.request.get(session.book.url('measuring-fairness/cite.ris'));
    expect(response.ok()).toBe(true);
    expect(await response.text()).toBe(await page.locator('#cite-this-ris').textContent());
    await page.close();
  });
});
