/**
 * Offline reading, in Chromium: after one visit the service worker has saved the whole book, so with
 * the network off (the context offline and the server stopped) a chapter never opened before loads
 * with its math and interactive figures, and search works; the header says so, with progress while
 * saving. A new edition deployed to the same origin is announced, and "Reload" shows it and leaves
 * nothing of the old one in the cache. Under a sub-path the worker's scope is the sub-path. Where
 * service workers are refused, the site works as before and the header claims nothing.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';
import { useBrowserSession } from '../support/browser-session.js';
import { SUB_PATH } from '../support/build-sites.js';
import { widgetReady } from '../support/figure-checks.js';
import { type StaticSite, serveStatic, staticSites } from '../support/static-server.js';
import { tamperedSite } from '../support/tampered-site.js';
import { makeTempDir } from '../support/temp-dir.js';

const session = useBrowserSession('subPath', { serviceWorkers: 'allow' });
const sites = staticSites();

afterAll(async () => {
  await sites.closeAll();
});

declare global {
  interface Window {
    __offlineLabels?: string[];
  }
}

/** Record every text the offline menu's label shows, from the start of the page. */
async function recordOfflineLabels(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__offlineLabels = [];
    document.addEventListener('DOMContentLoaded', () => {
      const label = document.querySelector('[data-offline-label]');
      if (!label) return;
      new MutationObserver(() => window.__offlineLabels?.push(label.textContent ?? '')).observe(label, { childList: true, characterData: true, subtree: true });
    });
  });
}

/** Wait until the worker has saved the book and the menu says so. */
async function waitUntilSaved(page: Page): Promise<void> {
  try {
    await page.locator('[data-offline-status][data-state="ready"]').waitFor({ timeout: 90_000 });
  } catch (error) {
    // Say where the save stopped: the menu's state and everything its label showed, and the worker's.
    const seen = await page.evaluate(async () => {
      const menu = document.querySelector<HTMLElement>('[data-offline-status]');
      const registration = await navigator.serviceWorker.getRegistration();
      const worker = (w: ServiceWorker | null | undefined) => w?.state ?? 'none';
      return {
        state: menu?.dataset.state ?? '(no state)',
        hidden: menu?.hidden,
        labels: window.__offlineLabels ?? [],
        workers: registration ? { installing: worker(registration.installing), waiting: worker(registration.waiting), active: worker(registration.active) } : 'no registration',
      };
    });
    throw new Error(`the book was not saved: ${JSON.stringify(seen)}`, { cause: error });
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The URLs in this page's precache (Workbox's cache for the worker's scope), with their revisions. */
function precachedUrls(page: Page): Promise<{ caches: string[]; urls: string[] }> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return { caches: names, urls };
  });
}

/**
 * What this page's "Cite this" panel downloads, fetched from the page as its links name them: for each
 * format the link, the status (or the error of a fetch that got nothing), the text, and the text the
 * panel shows.
 */
function citeDownloads(page: Page): Promise<{ href: string; status?: number; text?: string; error?: string; shown: string }[]> {
  return page.evaluate(async () => {
    const found = [];
    for (const [format, shown] of [['bib', '#cite-this-bibtex'], ['ris', '#cite-this-ris']] as const) {
      const href = document.querySelector(`.cite-this a[download$=".${format}"]`)?.getAttribute('href') ?? '(no link)';
      const panel = document.querySelector(shown)?.textContent ?? '(no panel)';
      try {
        const response = await fetch(href);
        found.push({ href, status: response.status, text: await response.text(), shown: panel });
      } catch (error) {
        found.push({ href, error: String(error), shown: panel });
      }
    }
    return found;
  });
}

/** WCAG 2.1 AA violations of the offline menu and the notice, in light and dark (axe-core), one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('.site-header').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const violation of violations) problems.push(`${colorScheme}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`);
  }
  return problems;
}

/** Run a query in the search dialog and return its status line once results are in. */
async function search(page: Page, query: string): Promise<string> {
  await page.keyboard.press('/');
  await page.locator('dialog[open] #search-input').waitFor();
  await page.keyboard.type(query);
  await expect.poll(() => page.locator('dialog[open] .search-status').textContent(), { timeout: 15_000 }).toMatch(/results? for/);
  return (await page.locator('dialog[open] .search-status').textContent()) ?? '';
}

describe('offline reading', () => {
  it('should save the whole book after one visit, showing progress, so that an unvisited chapter, its figures and search work offline', async () => {
    const dir = inject('bookDir');
    const summary = JSON.parse(readFileSync(path.join(dir, 'offline.json'), 'utf8')) as { files: number };
    const site = await serveStatic(dir);
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await recordOfflineLabels(context);
    const page = await context.newPage();
    // One visit to one chapter.
    await page.goto(site.url('generative-ai/'));
    await waitUntilSaved(page);
    // The menu counted the files while they were saved, then said the book is available offline.
    const labels = (await page.evaluate(() => window.__offlineLabels ?? [])) as string[];
    expect(labels.some((label) => new RegExp(`^Saving for offline… \\d+ of ${summary.files}$`).test(label)), labels.join(' | ')).toBe(true);
    expect(await page.locator('[data-offline-label]').textContent()).toBe('Available offline');
    expect((await precachedUrls(page)).urls).toHaveLength(summary.files);
    // Installable: Chromium finds the manifest valid and nothing missing (icons, worker), but that a
    // test context is a private one.
    const cdp = await context.newCDPSession(page);
    expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    // The menu opens from the keyboard and explains.
    await page.locator('.offline-summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-offline-message]').isVisible()).toBe(true);
    expect(await page.locator('[data-offline-message]').textContent()).toContain(`The whole book is saved in this browser (${summary.files} files`);

    // The network goes away: the context is offline and the server is gone.
    await context.setOffline(true);
    await site.close();
    // A chapter never visited, with formulas: its page, stylesheet and KaTeX fonts come from the cache.
    await page.goto(site.url('mitigating-bias/'));
    expect(await page.locator('h1').textContent()).toContain('Mitigating');
    expect(await page.locator('.katex').count()).toBeGreaterThan(10);
    expect(await page.locator('.site-header').evaluate((header) => getComputedStyle(header).position)).toBe('sticky');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    expect(await page.evaluate(() => [...document.fonts].some((font) => font.family.includes('KaTeX') && font.status === 'loaded'))).toBe(true);
    // Its "Cite this chapter" downloads, the BibTeX and the RIS the panel shows.
    const [bib, ris] = await citeDownloads(page);
    expect(bib).toMatchObject({ href: '/mitigating-bias/cite.bib', status: 200 });
    expect(ris).toMatchObject({ href: '/mitigating-bias/cite.ris', status: 200 });
    expect(ris?.text).toMatch(/^TY {2}- CHAP$/m);
    for (const file of [bib, ris]) expect(file?.text).toBe(file?.shown);
    // Clicked as a reader would: saved under the chapter's name, from the worker (Chromium fetches a
    // `download` link around the worker, so the page script fetches it through the worker).
    await page.locator('.cite-this summary').first().click();
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download .ris' }).click()]);
    expect(saved.suggestedFilename()).toBe('mitigating-bias.ris');
    expect(await saved.failure()).toBeNull();
    expect(readFileSync(await saved.path(), 'utf8')).toBe(ris?.shown);
    // An interactive figure, never visited: its code (loaded as it nears the screen) runs.
    await page.goto(site.url('machine-learning-fundamentals/'));
    await widgetReady(page, 'threshold-explorer');
    await expect.poll(() => page.evaluate(() => customElements.get('threshold-explorer') !== undefined)).toBe(true);
    // Search, with Pagefind's cache-busting `?ts=` on its entry file (Pagefind/pagefind#59).
    expect(await page.evaluate(async () => (await fetch('/pagefind/pagefind-entry.json?ts=12345')).ok)).toBe(true);
    expect(await search(page, 'reward hacking')).toMatch(/^\d+ results? for “reward hacking”/);
    await page.locator('dialog[open] .search-result-link').first().click();
    await page.waitForURL(/highlight=/);
    expect(await page.locator('h1').count()).toBe(1);
    await context.close();
  }, 180_000);

  it('should not precache redirect pages of old URLs, nor the fonts and search code the book never uses offline', () => {
    const worker = readFileSync(path.join(inject('bookDir'), 'sw.js'), 'utf8');
    const urls = [...worker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1] as string);
    expect(urls).toContain('generative-ai/');
    expect(urls).toContain('pagefind/pagefind-entry.json');
    expect(urls.some((url) => url.startsWith('content/'))).toBe(false);
    expect(urls.some((url) => /\.(woff|ttf)$/.test(url))).toBe(false);
    expect(urls).not.toContain('_headers');
    expect(urls).not.toContain('pagefind/wasm.unknown.pagefind');
  });

  it('should work under a sub-path, with the worker scoped to it', async () => {
    const site = await sites.serve(inject('subPathDir'), SUB_PATH);
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url('generative-ai/'));
    await waitUntilSaved(page);
    const registration = await page.evaluate(async () => {
      const found = await navigator.serviceWorker.getRegistration();
      return { scope: found?.scope, script: found?.active?.scriptURL };
    });
    expect(registration.scope).toBe(site.url(''));
    expect(registration.script).toBe(site.url('sw.js'));
    const manifest = (await (await page.request.get(site.url('manifest.webmanifest'))).json()) as { start_url: string; scope: string; icons: { src: string }[] };
    expect(manifest.start_url).toBe(SUB_PATH);
    expect(manifest.scope).toBe(SUB_PATH);
    for (const icon of manifest.icons) expect(icon.src.startsWith(SUB_PATH), icon.src).toBe(true);
    await context.setOffline(true);
    await site.close();
    await page.goto(site.url('alignment/'));
    expect(await page.locator('h1').textContent()).toContain('Aligning');
    expect(await search(page, 'privacy')).toMatch(/^\d+ results? for “privacy”/);
    expect(await page.locator('dialog[open] .search-result-link').first().getAttribute('href')).toMatch(new RegExp(`^${SUB_PATH}`));
    // The "Cite this" downloads, as the panel links them below the sub-path: a chapter's, and the book's.
    for (const [where, type] of [['alignment/', 'CHAP'], ['', 'BOOK']] as const) {
      await page.goto(site.url(where));
      const files = await citeDownloads(page);
      expect(files.map((file) => file.href)).toEqual([`${SUB_PATH}${where}cite.bib`, `${SUB_PATH}${where}cite.ris`]);
      for (const file of files) expect(file).toMatchObject({ status: 200, text: file.shown });
      expect(files[1]?.text).toMatch(new RegExp(`^TY {2}- ${type}$`, 'm'));
    }
    await context.close();
  }, 120_000);

  it('should keep saying the book is saved when a progress count ends after the save', async () => {
    // On a busy machine, counting the saved files can take longer than the save's last step: the page
    // slows that count down, so that one is always under way when the worker finishes.
    const site = await sites.serve(inject('bookDir'));
    const context = await session.browser.newContext();
    await context.addInitScript(() => {
      const keys = Cache.prototype.keys;
      Cache.prototype.keys = function (this: Cache, ...args: Parameters<Cache['keys']>) {
        return new Promise((resolve) => setTimeout(resolve, 1200)).then(() => keys.apply(this, args));
      } as Cache['keys'];
    });
    const page = await context.newPage();
    await page.goto(site.url('generative-ai/'));
    await waitUntilSaved(page);
    // Longer than any count still under way.
    await page.waitForTimeout(2500);
    expect(await page.locator('[data-offline-status]').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('[data-offline-label]').textContent()).toBe('Available offline');
    await context.close();
  }, 120_000);

  it('should work as before and claim nothing where service workers are refused', async () => {
    const site = await sites.serve(inject('bookDir'));
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(site.url('generative-ai/'), { waitUntil: 'networkidle' });
    // Time for a registration that would have started after `load`.
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-offline-status]').isHidden()).toBe(true);
    expect(await page.locator('[data-update-notice]').textContent()).toBe('');
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    expect(await page.locator('.site-header').getByText(/offline/i).filter({ visible: true }).count()).toBe(0);
    // The site works: search online.
    expect(await search(page, 'fairness')).toMatch(/^\d+ results? for “fairness”/);
    await context.close();
  });

  it('should say the book was not saved when saving fails, and claim nothing else', async () => {
    // A host that lost one file of the book: the worker cannot save the whole book.
    const dir = tamperedSite(inject('bookDir'), {});
    rmSync(path.join(dir, 'pagefind', 'pagefind-entry.json'));
    const site = await sites.serve(dir);
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url('generative-ai/'));
    await page.locator('[data-offline-status][data-state="failed"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-offline-label]').textContent()).toBe('Not saved for offline');
    await page.locator('.offline-summary').click();
    expect(await page.locator('[data-offline-message]').textContent()).toContain('could not be saved for offline reading');
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await context.close();
  });

  it('should offer to save the book, with its size, when the browser asks to save data, and save it on request', async () => {
    const dir = inject('bookDir');
    const summary = JSON.parse(readFileSync(path.join(dir, 'offline.json'), 'utf8')) as { files: number; downloadBytes: number };
    const site = await sites.serve(dir);
    const context = await session.browser.newContext({ viewport: { width: 390, height: 800 } });
    await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
    const page = await context.newPage();
    await page.goto(site.url('generative-ai/'), { waitUntil: 'networkidle' });
    await page.waitForTimeout(1000);
    // Nothing was downloaded on its own.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);
    const menu = page.locator('[data-offline-status][data-state="offer"]');
    await menu.locator('summary').click();
    expect(await page.locator('[data-offline-message]').textContent()).toContain(`about ${(summary.downloadBytes / 1024 / 1024).toFixed(1)} MB`);
    await page.getByRole('button', { name: 'Make the whole book available offline' }).click();
    await waitUntilSaved(page);
    expect((await precachedUrls(page)).urls).toHaveLength(summary.files);
    await context.close();
  }, 120_000);
});

describe('a new edition', () => {
  /** Build the sample book as published, then with one chapter changed: two editions, two folders. */
  async function buildTwoEditions(): Promise<{ first: string; second: string }> {
    const book = makeTempDir('offline-book-');
    cpSync(fixture('sample-book'), book, { recursive: true });
    const first = await astroBuild({ bookRoot: book });
    expect(first.code, first.output).toBe(0);
    const chapter = path.join(book, 'content', 'part-one', 's-2-markdown.md');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('Accuracy is', 'In the second edition, accuracy is'));
    const second = await astroBuild({ bookRoot: book });
    expect(second.code, second.output).toBe(0);
    return { first: first.outDir, second: second.outDir };
  }

  it('should be announced, shown after Reload, and leave nothing of the old edition in the cache', async () => {
    const { first, second } = await buildTwoEditions();
    let site: StaticSite = await serveStatic(first);
    const port = Number(new URL(site.origin).port);
    const context = await session.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url('math-in-markdown/'));
      await waitUntilSaved(page);
      expect(await page.locator('.chapter-body').textContent()).not.toContain('second edition');
      const before = await precachedUrls(page);
      const oldChapter = before.urls.find((url) => new URL(url).pathname === '/math-in-markdown/');
      expect(oldChapter).toBeDefined();

      // The second edition is deployed on the same origin.
      await site.close();
      site = await serveStatic(second, '/', { port });
      // The next visit finds it: the page (still the saved edition) says a new one is ready.
      await page.reload();
      const notice = page.locator('[data-update-notice][role="status"]');
      await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('A new edition of the book is available');
      expect(await page.locator('.chapter-body').textContent()).not.toContain('second edition');
      // The notice and the open menu meet WCAG 2.1 AA in both themes; the notice's button is next after the menu for Tab.
      await page.locator('.offline-summary').click();
      expect(await axeProblems(page)).toEqual([]);
      await page.locator('.offline-summary').click();
      await page.locator('.offline-summary').focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reload');

      // Reload shows the new text, and the page is still offline-ready.
      await notice.getByRole('button', { name: 'Reload' }).click();
      await expect.poll(() => page.locator('.chapter-body').textContent(), { timeout: 30_000 }).toContain('In the second edition, accuracy is');
      await waitUntilSaved(page);
      expect(await page.locator('[data-update-notice]').textContent()).toBe('');

      // The old edition is gone from the cache: one precache, the chapter only at its new revision,
      // and no file that only the old edition had (its search fragment of the changed chapter).
      const after = await precachedUrls(page);
      expect(after.caches).toHaveLength(1);
      expect(after.urls).not.toContain(oldChapter);
      expect(after.urls.filter((url) => new URL(url).pathname === '/math-in-markdown/')).toHaveLength(1);
      const worker = readFileSync(path.join(second, 'sw.js'), 'utf8');
      const current = new Set([...worker.matchAll(/url:"([^"]+)"/g)].map((match) => new URL(match[1] as string, site.url('')).pathname));
      for (const url of after.urls) expect(current.has(new URL(url).pathname), url).toBe(true);
      expect(before.urls.some((url) => !current.has(new URL(url).pathname))).toBe(true);

      // Offline, the new edition is what the reader gets.
      await context.setOffline(true);
      await site.close();
      await page.goto(site.url('math-in-markdown/'));
      expect(await page.locator('.chapter-body').textContent()).toContain('In the second edition, accuracy is');
    } finally {
      await context.close();
      await site.close().catch(() => undefined);
    }
  }, 420_000);
});
