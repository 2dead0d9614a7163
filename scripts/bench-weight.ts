/**
 * First-visit weight (`npm run bench:weight`): loads every page of a built site in Chromium, each in a
 * fresh browser context (nothing cached), from a local server that compresses like a static host
 * (gzip), and prints what the visit transferred: requests, total, and the part of documents, styles,
 * scripts and fonts. `--dist <dir>` names the built site (default `dist`, built by `npm run build`);
 * `--page <url>` (repeatable) measures only those pages (`measuring-fairness/`). The weight gate
 * (`tests/e2e/weight-budgets.test.ts`) checks the budgets; this prints the figures behind them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/support/browser.js';
import { builtPages } from '../tests/support/built-pages.js';
import { visitPage } from '../tests/support/page-visit.js';
import { serveStatic } from '../tests/support/static-server.js';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, page: { type: 'string', multiple: true } } });
const dist = path.resolve(values.dist);
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`There is no built site in ${dist} (no index.html): run \`npm run build\` first, or name one with --dist.`);
  process.exit(1);
}

const KIND: Record<string, string> = { document: 'html', stylesheet: 'css', script: 'js', font: 'fonts' };
const COLUMNS = ['html', 'css', 'js', 'fonts', 'other'] as const;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const pages = builtPages(dist).filter((page) => !page.redirect && (values.page === undefined || values.page.includes(page.url)));
if (pages.length === 0) {
  console.error(`No page of ${dist} matches ${values.page?.join(', ')}.`);
  process.exit(1);
}
const site = await serveStatic(dist);
const browser = await launchBrowser();
try {
  console.log(`First visit, gzip, KB (1 KB = 1,024 bytes), ${dist}\n`);
  console.log(`| page | requests | total | ${COLUMNS.join(' | ')} |`);
  console.log(`| --- | ---: | ---: | ${COLUMNS.map(() => '---:').join(' | ')} |`);
  for (const page of pages) {
    // As the weight gate does: the service worker's saving of the book for offline reading, which
    // starts once the page has loaded, is not part of the visit.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const visit = await visitPage(context, site.url(page.url));
    await context.close();
    const parts = Object.fromEntries(COLUMNS.map((column) => [column, 0])) as Record<(typeof COLUMNS)[number], number>;
    for (const resource of visit.resources) parts[(KIND[resource.type] ?? 'other') as keyof typeof parts] += resource.bytes;
    const total = visit.resources.reduce((sum, resource) => sum + resource.bytes, 0);
    console.log(`| /${page.url} | ${visit.resources.length} | ${kb(total)} | ${COLUMNS.map((column) => kb(parts[column])).join(' | ')} |`);
  }
} finally {
  await browser.close();
  await site.close();
}
