/**
 * `npm run export`: the book as a folder that opens from disk (double-click `index.html`, file://)
 * and a `.zip` of it, in `export/` (git-ignored): builds the book at base `/` into a temporary folder
 * (whatever base the website uses), rewrites it for a folder (src/export/export-book.ts), zips it,
 * and prints the sizes and the time taken. `--site <dir>` exports an existing build made at base `/`
 * instead; `--out <dir>` writes elsewhere.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bookEdition } from '../src/book/edition.js';
import { exportBook } from '../src/export/export-book.js';
import { zipFolder } from '../src/export/zip-folder.js';
import { listFiles } from '../src/integrations/built-site.js';
import { astroBuild } from '../tests/support/astro-build.js';

const started = performance.now();
const { values } = parseArgs({ options: { site: { type: 'string' }, out: { type: 'string', default: 'export' } } });
const outRoot = path.resolve(values.out);
const name = `responsible-ai-book-${bookEdition().version}`;

let siteDir = values.site ? path.resolve(values.site) : undefined;
let temporary: string | undefined;
if (!siteDir) {
  console.log('Building the book at base / …');
  const build = await astroBuild({ base: '/', ...(process.env.BOOK_ROOT ? { bookRoot: process.env.BOOK_ROOT } : {}) });
  temporary = build.outDir;
  if (build.code !== 0) {
    console.error(build.output);
    console.error(`The build failed (exit code ${build.code}): nothing to export.`);
    removeBuild(temporary);
    process.exit(1);
  }
  siteDir = build.outDir;
}

try {
  mkdirSync(outRoot, { recursive: true });
  const folder = path.join(outRoot, name);
  const summary = await exportBook(siteDir, folder);
  const zipFile = `${folder}.zip`;
  const zipBytes = zipFolder(folder, zipFile);
  const folderBytes = listFiles(folder).reduce((sum, file) => sum + statSync(path.join(folder, file)).size, 0);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`Exported ${summary.pages} pages to ${path.relative(process.cwd(), folder)}/ (${mb(folderBytes)}) and ${path.relative(process.cwd(), zipFile)} (${mb(zipBytes)})`);
  console.log(`Search index: ${summary.sections} sections, ${(summary.indexBytes / 1024).toFixed(0)} KB; previews of ${summary.previewPages} other pages; ${summary.scripts.size} scripts re-bundled`);
  console.log(`Open ${path.relative(process.cwd(), path.join(folder, 'index.html'))} in a browser. Took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  if (temporary) removeBuild(temporary);
}

function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(dir, '..', `${path.basename(dir)}-cache`), { recursive: true, force: true });
}
