/**
 * Moving through the book: sidebar, previous/next and on-this-page links all resolve (page and
 * fragment), the current chapter is marked, planned chapters are shown without links, the home page
 * lists parts and chapters, unknown URLs get the 404 page, and the contents drawer works on phones.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession('book', 'sample');
let page: Page;

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
});

/** Every link in `selector` resolves: the page loads (200) and its #fragment exists there. */
async function expectLinksResolve(selector: string): Promise<number> {
  const hrefs = await page.locator(selector).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const checker = await session.browser.newPage();
  for (const href of hrefs) {
    const url = new URL(href);
    // A download (the book's cite.bib and cite.ris) is fetched: navigating to it starts a download.
    if (/\.(bib|ris)$/.test(url.pathname)) {
      expect((await checker.request.get(href)).status(), href).toBe(200);
      continue;
    }
    // Load the page itself (a same-page #fragment navigation has no response of its own).
    const response = await checker.goto(href.split('#')[0] as string);
    expect(response?.status(), href).toBe(200);
    if (url.hash) expect(await checker.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count(), href).toBe(1);
  }
  await checker.close();
  return hrefs.length;
}

describe('book navigation', () => {
  it('should resolve every sidebar link and mark the current chapter', async () => {
    await page.goto(session.book.url('generative-ai/'));
    expect(await expectLinksResolve('#sidebar a')).toBeGreaterThanOrEqual(2);
    const current = page.locator('#sidebar a[aria-current="page"]');
    expect(await current.textContent()).toContain('4.1');
    expect(await current.textContent()).toContain('Responsible AI in the Age of Generative AI');
    // Every chapter of the book is published: none is listed as forthcoming.
    expect(await page.locator('#sidebar .sidebar-chapter.planned').count()).toBe(0);
  });

  it('should list a planned chapter as forthcoming, without a link (the sample book)', async () => {
    await page.goto(session.sample.url(''));
    const planned = page.locator('#sidebar .sidebar-chapter.planned');
    expect(await planned.count()).toBe(1);
    expect(await planned.locator('a').count()).toBe(0);
    expect(await planned.textContent()).toContain('A Later Chapter');
    expect(await planned.textContent()).toContain('forthcoming');
  });

  it('should resolve the previous/next links', async () => {
    await page.goto(session.book.url('generative-ai/'));
    expect(await expectLinksResolve('.prev-next a')).toBeGreaterThanOrEqual(1);
  });

  it('should resolve every on-this-page link to a heading and highlight the section being read', async () => {
    await page.goto(session.book.url('generative-ai/'));
    expect(await expectLinksResolve('.on-this-page a')).toBeGreaterThan(5);
    await page.locator('h2#new-challenge-robustness').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('new-challenge-robustness')?.scrollIntoView({ block: 'start' }));
    await expect.poll(() => page.locator('.on-this-page a[aria-current="true"]').textContent()).toBe('New Challenge: Robustness');
  });

  it('should list the parts and chapters with descriptions on the home page', async () => {
    await page.goto(session.book.url(''));
    expect(await page.locator('main h1').textContent()).toBe('Responsible AI for Data Scientists');
    expect(await page.locator('.home-part h3').count()).toBe(5);
    const chapter = page.locator('.home-chapter:not(.planned)', { hasText: 'Generative AI' });
    expect(await chapter.locator('.home-chapter-description').textContent()).toMatch(/generative AI/i);
    expect(await expectLinksResolve('main a')).toBeGreaterThanOrEqual(1);
  });

  it('should answer an unknown URL with the 404 page', async () => {
    const response = await page.goto(session.book.url('no-such-chapter/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('main h1').textContent()).toBe('Page not found');
    expect(await expectLinksResolve('main a')).toBeGreaterThanOrEqual(1);
  });

  it('should open and close the contents drawer on a phone, by button and by Escape', async () => {
    const phone = await session.browser.newPage({ viewport: { width: 390, height: 800 } });
    await phone.goto(session.book.url('generative-ai/'));
    const sidebar = phone.locator('#sidebar');
    expect(await sidebar.isVisible()).toBe(false);
    await phone.getByRole('button', { name: 'Show contents' }).click();
    expect(await sidebar.isVisible()).toBe(true);
    await phone.keyboard.press('Escape');
    expect(await sidebar.isVisible()).toBe(false);
    // The header's icon-only search button keeps its accessible name on a phone.
    expect(await phone.getByRole('link', { name: 'Search' }).isVisible()).toBe(true);
    await phone.close();
  });

  it('should offer a skip link to the content as the first focusable element', async () => {
    await page.goto(session.book.url('generative-ai/'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
  });

  it('should keep the contents beside the text while scrolling on a wide screen', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(session.book.url('generative-ai/'));
    await page.evaluate(() => window.scrollTo(0, 4000));
    const header = await page.locator('.site-header').boundingBox();
    const sidebar = await page.locator('#sidebar').boundingBox();
    expect(sidebar?.y).toBeCloseTo((header?.y ?? 0) + (header?.height ?? 0), 0);
  });
});
