/**
 * Search benchmark (`npm run bench:search`): builds the book, then prints the index's size, the time
 * to index the built site, and the time from the first keystroke to the first rendered result on a
 * cold page in Chromium on localhost (median of 5). Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import { SEARCH_EXCLUDED } from '../src/integrations/search.js';
import { launchBrowser } from '../tests/support/browser.js';
import { serveStatic } from '../tests/support/static-server.js';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
execFileSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, stdio: 'ignore' });

const size = (dir: string): number =>
  readdirSync(dir).reduce((total, name) => {
    const full = path.join(dir, name);
    return total + (statSync(full).isDirectory() ? size(full) : statSync(full).size);
  }, 0);

// Index time, measured on its own (the build also indexes, among other work).
const started = performance.now();
const { index } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDED, forceLanguage: 'en' });
const added = await index!.addDirectory({ path: dist });
const indexMs = performance.now() - started;
await pagefind.close();

const site = await serveStatic(dist);
const browser = await launchBrowser();
const timings: number[] = [];
for (let run = 0; run < 5; run++) {
  const context = await browser.newContext(); // cold: no cache
  const page = await context.newPage();
  await page.goto(site.url('generative-ai/'), { waitUntil: 'networkidle' });
  await page.keyboard.press('/');
  await page.locator('dialog[open] #search-input').waitFor();
  const t0 = Date.now();
  await page.keyboard.type('reward hacking', { delay: 0 });
  await page.locator('dialog[open] .search-result').first().waitFor();
  timings.push(Date.now() - t0);
  await context.close();
}
await browser.close();
await site.close();
timings.sort((a, b) => a - b);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
console.log('Search benchmark');
console.log(`  HTML pages read (chapters indexed)     ${added.page_count}`);
console.log(`  index size on disk (dist/pagefind)     ${kb(size(path.join(dist, 'pagefind')))} (index + fragments: ${kb(size(path.join(dist, 'pagefind/index')) + size(path.join(dist, 'pagefind/fragment')))})`);
console.log(`  index time                             ${indexMs.toFixed(0)} ms`);
console.log(`  first keystroke → first result (cold)  median ${timings[2]} ms (min ${timings[0]}, max ${timings[4]})`);
