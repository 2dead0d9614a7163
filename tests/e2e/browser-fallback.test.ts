/**
 * `npm install` then `npm test` on a machine with no system Chromium: the tests fall back on the
 * Chromium inside the `@sparticuz/chromium` npm package. Pretends no system browser exists, launches
 * that one, and checks that it renders a chapter of the built book (text, styles, math).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { findChromium } from '../support/chromium-binary.js';
import { type StaticSite, serveStatic } from '../support/static-server.js';
import { makeTempDir } from '../support/temp-dir.js';

let site: StaticSite;
let browser: Browser | undefined;
const saved = { CHROMIUM_PATH: process.env.CHROMIUM_PATH, TMPDIR: process.env.TMPDIR };

beforeAll(async () => {
  site = await serveStatic(inject('bookDir'));
  delete process.env.CHROMIUM_PATH;
  // The package unpacks its browser into the system's temporary folder; here, into the run's own,
  // which is removed at the end of the run.
  process.env.TMPDIR = makeTempDir('npm-chromium-');
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('the Chromium of the npm registry, when none is installed', () => {
  it('should be chosen when CHROMIUM_PATH is unset and no system Chromium exists', async () => {
    const binary = await findChromium([]);
    expect(binary.source).toBe('npm package @sparticuz/chromium');
  });

  it('should render a chapter of the book with its styles and math', async () => {
    browser = await launchBrowser({ systemPaths: [] });
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(site.url('machine-learning-fundamentals/'));
    await expect(page.locator('h1').textContent()).resolves.toContain('Fundamentals of Machine Learning');
    // The book's stylesheet applied: its figure colours are defined on the root element.
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--fig-accent-1'));
    expect(accent.trim()).not.toBe('');
    expect(await page.locator('.katex').count()).toBeGreaterThan(10);
    const shot = await page.screenshot();
    expect(shot.byteLength).toBeGreaterThan(10_000);
  }, 120_000);

  it('should name a CHROMIUM_PATH that does not exist, and say what to do', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(findChromium()).rejects.toThrow(/CHROMIUM_PATH names \/nonexistent\/chromium, which does not exist/);
    } finally {
      delete process.env.CHROMIUM_PATH;
    }
  });
});
