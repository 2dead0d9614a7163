/**
 * One Lighthouse run: a fresh headless Chromium (the one the browser tests use: CHROMIUM_PATH, the
 * system's, or the npm package's; started by Lighthouse's own chrome-launcher), the mobile preset (Lighthouse's default config: Moto G
 * Power screen, slow 4G and 4× CPU, simulated) or the desktop one (its desktop-config), the four
 * categories. A fresh browser per run keeps one page's caches and compiled code out of the next run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { findChromium } from '../../tests/support/chromium-binary.js';
import { CHROMIUM_FLAGS } from '../../tests/support/browser.js';

export type Preset = 'mobile' | 'desktop';

/** The categories audited, in the order they are printed. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Headless, plus the browser tests' flags (no sandbox as root, no network of Chromium's own). */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

/** Audit `url` with `preset`; throws when Chromium is missing or Lighthouse returns no result. */
export async function runLighthouse(url: string, preset: Preset): Promise<Result> {
  const binary = await findChromium();
  // Chromium makes folders of its own in the temporary folder (org.chromium.Chromium.*) and leaves them
  // when chrome-launcher ends it: give it one of ours, removed after the run.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rai-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: binary.path,
    chromeFlags: [...new Set([...binary.args, ...CHROME_FLAGS])],
    logLevel: 'silent',
    envVars: { ...process.env, TMPDIR: tmp },
  });
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
    rmSync(tmp, { recursive: true, force: true });
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
