/**
 * `npm run urls:accept`: rewrite the URL manifest (content/urls.json) from the last build, so that its
 * pages and anchors are kept from now on, and those it no longer has may go. Run it after
 * `npm run build` (also after a build that failed the manifest check: the pages are written by then),
 * review the diff of content/urls.json, and commit it. `BOOK_ROOT` and `BOOK_OUT_DIR` name another
 * book and output folder, as for the build.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bookPaths } from '../src/book/book-paths.js';
import { readBuiltSite } from '../src/integrations/built-site.js';
import { acceptManifest, manifestPath } from '../src/integrations/url-manifest.js';

const paths = bookPaths();
const outDir = path.resolve(process.env.BOOK_OUT_DIR ?? 'dist');
const manifest = path.relative(process.cwd(), manifestPath(paths));

if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error(`There is no built site in ${outDir}: run \`npm run build\` first, then \`npm run urls:accept\`.`);
  process.exit(1);
}

const changes = acceptManifest(paths, readBuiltSite(outDir));
const list = (title: string, urls: readonly string[]) => {
  if (urls.length === 0) return;
  console.log(`${title} (${urls.length}):`);
  for (const url of urls) console.log(`  ${url}`);
};
list('No longer kept', changes.missing);
list('Newly kept', changes.added);
list('Redirects that now lead elsewhere', changes.retargeted);
console.log(`Wrote ${manifest} from ${path.relative(process.cwd(), outDir) || '.'}: review its diff and commit it.`);
