/**
 * One Lighthouse run: a fresh headless Chromium (Debian's, from CHROMIUM_PATH or /usr/bin/chromium,
 * started by Lighthouse's own chrome-launcher), the mobile preset (Lighthouse's default config: Moto G
 * Power screen, slow 4G and 4× CPU, simulated) or the desktop one (its desktop-config), the four
 * categories. A fresh browser per run keeps one page's caches and compiled code out of the next run.
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

export type Preset = 'mobile' | 'desktop';

/** The categories audited, in the order they are printed. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Debian's Chromium, as in tests/support/browser.ts; no browser download works here. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, and allowed to run as root (no sandbox); the rest keeps Chromium off the network, which is
 * closed here (it would keep trying to reach its own servers) — the same flags as tests/support/browser.ts.
 */
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Audit `url` with `preset`; throws when Chromium is missing or Lighthouse returns no result. */
export async function runLighthouse(url: string, preset: Preset): Promise<Result> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to its binary.`);
  }
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned no result for ${url} (${preset}).`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

/**
 * Audit `url` `times` times and keep the median run: the one closest to the median FCP and TTI, as
 * Lighthouse's docs recommend against run-to-run variance (docs/variability.md in GoogleChrome/lighthouse).
 */
export async function runLighthouseMedian(url: string, preset: Preset, times: number): Promise<Result> {
  const results: Result[] = [];
  for (let run = 0; run < times; run++) results.push(await runLighthouse(url, preset));
  return times === 1 ? (results[0] as Result) : computeMedianRun(results);
}
