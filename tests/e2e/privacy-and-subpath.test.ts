/**
 * No page makes a request to another host, and the whole site works under a sub-path
 * (`BASE=/course/rai/`): CSS, scripts, figures and every link stay below it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { SUB_PATH } from '../support/build-sites.js';
import { type StaticSite, serveStatic } from '../support/static-server.js';

let book: StaticSite;
let subPath: StaticSite;
let sample: StaticSite;
let browser: Browser;

beforeAll(async () => {
  book = await serveStatic(inject('bookDir'));
  subPath = await serveStatic(inject('subPathDir'), SUB_PATH);
  sample = await serveStatic(inject('sampleDir'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const site of [book, subPath, sample]) await site?.close();
});

describe('privacy', () => {
  it('should make no request to any host but the book’s own, on any page', async () => {
    const pages = [book.url(''), book.url('generative-ai/'), book.url('missing/'), sample.url('math-in-mdx/'), sample.url('math-in-markdown/')];
    for (const url of pages) {
      const page = await browser.newPage();
      const foreign: string[] = [];
      const origin = new URL(url).origin;
      page.on('request', (request) => {
        if (new URL(request.url()).origin !== origin && !request.url().startsWith('data:')) foreign.push(request.url());
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      expect(foreign, `requests from ${url}`).toEqual([]);
      expect(await page.context().cookies()).toEqual([]);
      await page.close();
    }
  });
});

describe('sub-path deployment', () => {
  it('should load the CSS and script of every page from below the sub-path', async () => {
    for (const below of ['', 'generative-ai/']) {
      const page = await browser.newPage();
      const failed: string[] = [];
      const requested: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('response', (response) => {
        requested.push(response.url());
        if (response.status() >= 400) failed.push(response.url());
      });
      await page.goto(subPath.url(below), { waitUntil: 'networkidle' });
      expect(failed).toEqual([]);
      for (const url of requested) expect(new URL(url).pathname.startsWith(SUB_PATH), url).toBe(true);
      // The stylesheet applied: the sidebar is a styled column, not an unstyled list.
      expect(await page.locator('.site-header').evaluate((header) => getComputedStyle(header).position)).toBe('sticky');
      await page.close();
    }
  });

  it('should keep every link below the sub-path, and each one should resolve', async () => {
    const page = await browser.newPage();
    await page.goto(subPath.url('generative-ai/'));
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const internal = hrefs.filter((href) => new URL(href).origin === subPath.origin);
    expect(internal.length).toBeGreaterThan(10);
    const checker = await browser.newPage();
    for (const href of new Set(internal.map((h) => h.split('#')[0] as string))) {
      expect(new URL(href).pathname.startsWith(SUB_PATH), href).toBe(true);
      expect((await checker.goto(href))?.status(), href).toBe(200);
    }
    await page.close();
    await checker.close();
  });
});
