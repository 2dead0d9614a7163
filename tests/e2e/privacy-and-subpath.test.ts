/**
 * Privacy gate: no page makes a request to another host or sets a cookie (every page of the book and
 * of the sample book, loaded in Chromium). And the whole site works under a sub-path
 * (`BASE=/course/rai/`): CSS, scripts, figures and every link stay below it.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';
import { builtPages } from '../support/built-pages.js';
import { visitPage } from '../support/page-visit.js';
import { SUB_PATH } from '../support/build-sites.js';
import { type StaticSite, serveStatic } from '../support/static-server.js';
import { tamperedSite } from '../support/tampered-site.js';

const session = useBrowserSession('book', 'subPath', 'sample');

describe('privacy', () => {
  /** What each page of the site at `dir` asked of other hosts, and the cookies it set: one line each. */
  async function privacyProblems(dir: string, site: StaticSite, only?: string): Promise<string[]> {
    const problems: string[] = [];
    const pages = builtPages(dir).concat([{ file: '', url: 'no-such-page/', redirect: false }]);
    for (const page of pages.filter((candidate) => only === undefined || candidate.url === only)) {
      const context = await session.browser.newContext();
      const visit = await visitPage(context, site.url(page.url));
      for (const url of visit.foreign) problems.push(`/${page.url}: request to another host: ${url}`);
      for (const cookie of visit.cookies) problems.push(`/${page.url}: cookie set: ${cookie}`);
      await context.close();
    }
    return problems;
  }

  it('should make no request to any host but the book’s own, and set no cookie, on any page', async () => {
    expect(builtPages(inject('bookDir')).length).toBeGreaterThan(20);
    expect(await privacyProblems(inject('bookDir'), session.book)).toEqual([]);
    expect(await privacyProblems(inject('sampleDir'), session.sample)).toEqual([]);
  }, 600_000);

  it('should name the page and the URL of an external font, whether or not the policy blocks it', async () => {
    const font = '<link rel="stylesheet" href="https://fonts.example.net/css2?family=Inter">';
    const withPolicy = tamperedSite(inject('bookDir'), { 'bibliography/index.html': (html) => html.replace('</head>', `${font}</head>`) });
    const withoutPolicy = tamperedSite(inject('bookDir'), {
      'bibliography/index.html': (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</head>', `${font}</head>`),
    });
    for (const dir of [withPolicy, withoutPolicy]) {
      rmSync(path.join(dir, '_headers'), { force: true });
      const site = await serveStatic(dir);
      const problems = await privacyProblems(dir, site, 'bibliography/');
      await site.close();
      expect(problems).toEqual(['/bibliography/: request to another host: https://fonts.example.net/css2?family=Inter']);
    }
  });
});

describe('sub-path deployment', () => {
  it('should load the CSS and script of every page from below the sub-path', async () => {
    for (const below of ['', 'generative-ai/']) {
      const page = await session.browser.newPage();
      const failed: string[] = [];
      const requested: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('response', (response) => {
        requested.push(response.url());
        if (response.status() >= 400) failed.push(response.url());
      });
      await page.goto(session.subPath.url(below), { waitUntil: 'networkidle' });
      expect(failed).toEqual([]);
      for (const url of requested) expect(new URL(url).pathname.startsWith(SUB_PATH), url).toBe(true);
      // The stylesheet applied: the sidebar is a styled column, not an unstyled list.
      expect(await page.locator('.site-header').evaluate((header) => getComputedStyle(header).position)).toBe('sticky');
      await page.close();
    }
  });

  it('should keep every link below the sub-path, and each one should resolve', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.subPath.url('generative-ai/'));
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const internal = hrefs.filter((href) => new URL(href).origin === session.subPath.origin);
    expect(internal.length).toBeGreaterThan(10);
    const checker = await session.browser.newPage();
    for (const href of new Set(internal.map((h) => h.split('#')[0] as string))) {
      expect(new URL(href).pathname.startsWith(SUB_PATH), href).toBe(true);
      // Fetched, not navigated to: some links are downloads (the chapter's cite.bib and cite.ris).
      expect((await checker.request.get(href)).status(), href).toBe(200);
    }
    await page.close();
    await checker.close();
  });
});
