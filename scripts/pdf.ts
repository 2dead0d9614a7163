/**
 * `npm run pdf`: each chapter and the whole book as PDF, printed by Chromium (Playwright's
 * `page.pdf`) from the print stylesheet. Builds the book at base `/` into a temporary folder, serves
 * it on localhost, prints every published chapter with scripts off (interactive figures in their
 * server-rendered state; no navigation chrome, which the print stylesheet hides), numbers the pages
 * and puts the whole book together behind a title page and contents (src/pdf/), writes the files into
 * the git-ignored `pdf/` folder (links to the site's pages that a PDF does not hold go to the book's
 * public address, `siteUrl`), then runs the site's build (`astro build`, into `dist/`), which copies
 * them into the site and links them from the home page and the chapter pages. `--no-site` skips that
 * last build; `--chapters a,b` prints only those chapters (by slug) and no whole book.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { publicUrl } from '../src/bibliography/cite-this.js';
import { loadBookConfig } from '../src/book/book-config.js';
import { buildBookModel } from '../src/book/book-model.js';
import { bookPaths } from '../src/book/book-paths.js';
import { bookEdition } from '../src/book/edition.js';
import { BOOK_PDF, pdfFilesIn, PDF_FOLDER } from '../src/pdf/built-pdfs.js';
import { printBook } from '../src/pdf/print-book.js';
import { astroBuild, projectRoot } from '../tests/support/astro-build.js';
import { launchBrowser } from '../tests/support/browser.js';
import { serveStatic } from '../tests/support/static-server.js';

const started = performance.now();
const { values } = parseArgs({ options: { 'no-site': { type: 'boolean', default: false }, chapters: { type: 'string' } } });
const paths = bookPaths();
const model = buildBookModel(paths);
// The site's address and base (book.yaml, or SITE and BASE): where the PDFs' links to the site go.
const config = loadBookConfig(paths);
const only = values.chapters?.split(',').map((slug) => slug.trim());
const chapters = model.chapters.filter((chapter) => !chapter.planned && chapter.slug && (!only || only.includes(chapter.slug)));
if (chapters.length === 0) {
  console.error(only ? `No published chapter has the slug(s) ${only.join(', ')}.` : 'The book has no published chapter to print.');
  process.exit(1);
}

console.log('Building the book at base / …');
const build = await astroBuild({ base: '/', ...(process.env.BOOK_ROOT ? { bookRoot: process.env.BOOK_ROOT } : {}) });
if (build.code !== 0) {
  console.error(build.output);
  console.error(`The build failed (exit code ${build.code}): nothing to print.`);
  removeBuild(build.outDir);
  process.exit(1);
}
const outFolder = path.join(paths.root, PDF_FOLDER);
const site = await serveStatic(build.outDir);
const browser = await launchBrowser();
let files: string[];
try {
  // Printing the whole book replaces every PDF, so none is left of a chapter that is gone.
  if (!only) for (const name of pdfFilesIn(paths.root)) rmSync(path.join(outFolder, name));
  files = await printBook({
    browser,
    model,
    chapters,
    url: site.url,
    ...(config.siteUrl ? { publicUrl: (pathBelowBase: string) => publicUrl(config, pathBelowBase)! } : {}),
    outFolder,
    wholeBook: !only,
    edition: bookEdition().label,
    progress: (chapter, pages) => console.log(`Printed ${chapter.number} ${chapter.title}: ${pages} pages`),
  });
} finally {
  await browser.close();
  await site.close();
  removeBuild(build.outDir);
}

const total = files.reduce((sum, file) => sum + statSync(path.join(outFolder, file)).size, 0);
const printedIn = (performance.now() - started) / 1000;
console.log(`Wrote ${files.length} PDF(s) to ${path.relative(process.cwd(), outFolder)}/ (${(total / 1024 / 1024).toFixed(1)} MB in all${only ? '' : `; the whole book ${(statSync(path.join(outFolder, BOOK_PDF)).size / 1024 / 1024).toFixed(1)} MB`}) in ${printedIn.toFixed(1)} s.`);

if (!values['no-site']) {
  // The site's own build, with the user's settings (base, output folder): it links the PDFs now.
  console.log('Building the site, which now links the PDFs…');
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], { stdio: 'inherit', cwd: projectRoot });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(dir, '..', `${path.basename(dir)}-cache`), { recursive: true, force: true });
}
