/**
 * Search as a reader uses it, against the built book: results as you type down to sections, terms
 * highlighted where a result lands, a filter by part, the keyboard alone, linkable search pages (also
 * under a sub-path), honest empty and failure states, no search code before the reader asks for it,
 * and nothing but chapter text in the index.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession('book', 'subPath');
let page: Page;

/** Open the dialog with `/`, type a query and wait for its status line. */
async function searchFor(query: string): Promise<string> {
  await page.keyboard.press('/');
  await page.locator('dialog[open] #search-input').waitFor();
  await page.keyboard.type(query);
  await expect.poll(() => page.locator('dialog[open] .search-status').textContent(), { timeout: 10_000 }).toContain(`“${query}”`);
  return (await page.locator('dialog[open] .search-status').textContent()) ?? '';
}

describe('search', () => {
  it('should load no search code until the reader shows intent', async () => {
    page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(session.book.url('generative-ai/'), { waitUntil: 'networkidle' });
    expect(scripts.some((url) => /search-ui|pagefind/.test(url))).toBe(false);
    await page.locator('[data-search-button]').hover();
    await expect.poll(() => scripts.some((url) => /search-ui/.test(url))).toBe(true);
  });

  it('should find the alignment section for “reward hacking”, land on its heading and highlight the terms', async () => {
    await page.goto(session.book.url('generative-ai/'));
    expect(await searchFor('reward hacking')).toMatch(/^\d+ results? for/);
    const sub = page.locator('dialog[open] .search-sub-link', { hasText: 'Why Is Alignment Hard?' });
    expect(await sub.getAttribute('href')).toMatch(/^\/generative-ai\/\?highlight=reward&highlight=hacking#why-is-alignment-hard$/);
    expect(await page.locator('dialog[open] .search-result').first().locator('mark').first().textContent()).toMatch(/reward|hacking/i);
    await sub.click();
    await page.waitForURL(/#why-is-alignment-hard$/);
    const heading = page.locator('#why-is-alignment-hard');
    await expect.poll(() => heading.evaluate((node) => Math.round(node.getBoundingClientRect().top))).toBeLessThan(200);
    await expect.poll(() => page.locator('.chapter-body mark.search-hit').count()).toBeGreaterThan(1);
    expect((await page.locator('.chapter-body mark.search-hit').first().textContent())?.toLowerCase()).toMatch(/reward|hacking/);
  });

  it('should narrow the results by part', async () => {
    await page.goto(session.book.url('generative-ai/'));
    const all = Number((await searchFor('fairness')).match(/^(\d+)/)?.[1]);
    expect(all).toBeGreaterThan(3);
    await page.locator('dialog[open] #search-part').selectOption('Special Topics');
    await expect.poll(() => page.locator('dialog[open] .search-status').textContent(), { timeout: 10_000 }).not.toMatch(new RegExp(`^${all} `));
    // Only the chapters of that part remain, the generative-AI chapter among them.
    const titles = await page.locator('dialog[open] .search-result-link').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(all);
    for (const title of titles) expect(title).toMatch(/Responsible AI in the Age of Generative AI|Aligning AI Systems with Human Intent|Robustness of AI Systems/);
    expect(titles.some((title) => title.includes('Responsible AI in the Age of Generative AI'))).toBe(true);
  });

  it('should work from the keyboard alone: open, move to the second result, open it; Esc returns focus', async () => {
    await page.goto(session.book.url('generative-ai/'));
    await page.locator('[data-search-button]').focus();
    await page.keyboard.press('Control+k');
    await page.locator('dialog[open] #search-input').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-button'))).toBe(true);

    // With a query typed, one Esc still closes the dialog (a search field's first Esc would only
    // clear it), and the query is there when the dialog opens again.
    await searchFor('fairness');
    await page.locator('dialog[open] #search-input').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    await page.keyboard.press('Control+k');
    expect(await page.locator('dialog[open] #search-input').inputValue()).toBe('fairness');
    await page.locator('dialog[open] #search-input').fill('');
    await page.keyboard.press('Escape');

    await searchFor('fairness');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    const links = await page.locator('dialog[open] .search-results a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(second).toBe(links[1]);
    await page.keyboard.press('Enter');
    await page.waitForURL(second);
  });

  it('should be accessible as a dialog with a labelled field and an announced result count', async () => {
    await page.goto(session.book.url('generative-ai/'));
    await searchFor('privacy');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    expect(await dialog.count()).toBe(1);
    expect(await page.getByLabel('Search the book').count()).toBe(1);
    expect(await page.locator('dialog[open] [role="status"][aria-live="polite"]').textContent()).toMatch(/results? for “privacy”/);
  });

  it('should say so when nothing matches', async () => {
    await page.goto(session.book.url('generative-ai/'));
    expect(await searchFor('quokka')).toBe('No results for “quokka”. Check the spelling, try fewer words, or search all parts.');
    expect(await page.locator('dialog[open] .search-result').count()).toBe(0);
  });

  it('should index chapter text only: no navigation, contents or page chrome', async () => {
    await page.goto(session.book.url('generative-ai/'));
    // The sidebar lists every chapter, "Conceptual Framework of Privacy" among them; this chapter never names it.
    expect(await page.locator('#sidebar').textContent()).toContain('Conceptual Framework of Privacy');
    expect(await page.locator('.chapter-body').textContent()).not.toContain('Conceptual Framework of Privacy');
    // A string, so that the test runner does not rewrite the page's own dynamic import.
    const indexed = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search('alignment');
      const pages = await Promise.all(search.results.map((result) => result.data()));
      return pages.map((data) => ({ url: data.url, content: data.content }));
    })()`)) as { url: string; content: string }[];
    const chapter = indexed.find((entry) => entry.url === '/generative-ai/');
    expect(chapter?.content).toContain('AI alignment refers to the challenge');
    for (const chrome of ['Conceptual Framework of Privacy', 'Skip to content', 'On this page', 'Previous', 'Part 4 · Special Topics']) {
      expect(chapter?.content, chrome).not.toContain(chrome);
    }
    // Pages that are not chapters (home, bibliography, search) are not in the index at all.
    expect(indexed.every((entry) => !['/', '/bibliography/', '/search/'].includes(entry.url))).toBe(true);
    // The skip link is on every page, yet no result's excerpt shows it.
    expect(await searchFor('skip')).not.toMatch(/^No results/);
    expect(await page.locator('dialog[open] .search-excerpt', { hasText: 'Skip to content' }).count()).toBe(0);
  });

  it('should run the query of a linkable search page, also under a sub-path', async () => {
    for (const [origin, url] of [[session.book, session.book.url('search/?q=reward+hacking')], [session.subPath, session.subPath.url('search/?q=reward+hacking')]] as const) {
      await page.goto(url);
      expect(await page.locator('#search-input').inputValue()).toBe('reward hacking');
      await expect.poll(() => page.locator('.search-status').textContent(), { timeout: 10_000 }).toMatch(/results? for “reward hacking”/);
      // Results link below the site's base: the alignment chapter, which treats reward hacking, first.
      const hrefs = await page.locator('.search-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.every((href) => href.startsWith(new URL(origin.url('')).pathname))).toBe(true);
      expect(hrefs[0]?.startsWith(new URL(origin.url('alignment/')).pathname)).toBe(true);
    }
  });

  it('should explain why search cannot work on a page opened from a folder', async () => {
    const local = await session.browser.newPage();
    await local.goto(pathToFileURL(path.join(inject('bookDir'), 'generative-ai/index.html')).href);
    await local.keyboard.press('/');
    const note = local.getByRole('dialog', { name: 'Search is not available here' });
    await note.waitFor();
    expect(await note.textContent()).toContain('opened from a folder (file://), and browsers block the search index there');
    await local.getByRole('button', { name: 'Close' }).click();
    expect(await note.isVisible()).toBe(false);
    await local.close();
  });
});
