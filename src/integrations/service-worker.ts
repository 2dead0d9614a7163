/**
 * Build step: the offline copy of the book. Generates `<outDir>/sw.js` with Workbox (`generateSW`)
 * from the final output, so it must run after every step that still writes or changes files (the
 * Pagefind index, redirect pages, the Content-Security-Policy `<meta>`): each file's revision is the
 * hash of the bytes readers will get.
 *
 * What is precached is everything a reader needs to read and search the whole book without a
 * network, and nothing else (precacheExclusion): pages, scripts, styles, KaTeX's fonts in WOFF2
 * only, the search index with its one WebAssembly build, the icons and images pages use, and the
 * BibTeX and RIS files that the "Cite this" panels download. Left out:
 * redirect pages of old URLs (an old link needs the network once), the 404 page, `_headers`, unused
 * copies of figures that pages inline, other font formats, and any file type that is not part of
 * reading (PDFs, archives).
 *
 * Pages are served from the precache (fast, and the same edition as the cached scripts and index);
 * a new edition is found when the browser re-checks `sw.js` on a navigation, its new or changed files
 * are fetched in the background, and the page offers "reload" (src/scripts/offline-reading.ts). Only
 * changed files are downloaded again; the previous edition's entries are deleted when the new worker
 * takes over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { generateSW } from 'workbox-build';
import type { BuiltSite } from './built-site.js';

/** The worker's file, at the root of the base: its scope is the whole book. */
export const SERVICE_WORKER = 'sw.js';

/**
 * Figures of the offline copy (files, sizes): the build's record, and what the offline menu shows a
 * reader who saves data before they choose to download the book.
 */
export const OFFLINE_SUMMARY = 'offline.json';

/**
 * A script the worker imports (Workbox's `importScripts`): it answers the page's question "how many
 * files in all?" while the book is being saved, so the menu can count "n of m" without one more
 * request on the first visit.
 */
export const WORKER_SUMMARY_SCRIPT = 'sw-summary.js';

/**
 * Query parameters the worker ignores when it looks a request up in the precache: Pagefind's
 * cache-busting `ts` on its entry file (Pagefind/pagefind#59), the search page's `q`, the
 * `highlight` terms of a search result's link, and the usual tracking parameters.
 */
export const IGNORED_URL_PARAMETERS: readonly RegExp[] = [/^ts$/, /^q$/, /^highlight$/, /^utm_/, /^fbclid$/];

/** File types that are part of reading the book. Anything else (PDF, ZIP, TXT…) is not precached. */
const READING_TYPES = /\.(html|css|js|mjs|json|webmanifest|svg|png|jpe?g|webp|avif|gif|woff2|pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;

/**
 * The "Cite this" panels' downloads, `cite.bib` and `cite.ris` of the book (at the root) and of each
 * chapter (`<slug>/`: src/pages/[slug]/cite.[format].ts): a few hundred bytes each, and the panel is on
 * every page a reader has offline. Other `.bib` and `.ris` files are downloads like any other.
 */
const CITE_FILES = /^(?:[^/]+\/)?cite\.(bib|ris)$/;

/** Types a host compresses on the way (gzip), for the download estimate; the others are sent as they are. */
const COMPRESSED_ON_THE_WAY = /\.(html|css|js|mjs|json|webmanifest|svg)$/;

/** What the build knows about the site when it chooses what to precache. */
export interface PrecacheContext {
  /** Redirect pages of old URLs (files below the output folder). */
  redirectPages: ReadonlySet<string>;
  /** Files that some page or stylesheet refers to (files below the output folder). */
  referenced: ReadonlySet<string>;
  /** Languages of the Pagefind index (`pagefind-entry.json`): only their WebAssembly is needed. */
  searchLanguages: ReadonlySet<string>;
}

/** Why a file of the output stays out of the offline copy, or `undefined` when it is precached. */
export function precacheExclusion(file: string, context: PrecacheContext): string | undefined {
  if (file === SERVICE_WORKER || file === WORKER_SUMMARY_SCRIPT || /^workbox-[\w-]+\.js$/.test(file) || file === OFFLINE_SUMMARY) return 'the worker and its figures';
  if (context.redirectPages.has(file)) return 'redirect pages of old URLs';
  if (file === '404.html') return 'the 404 page';
  if (/\.(woff|ttf)$/.test(file)) return 'fonts in formats other than WOFF2';
  if (!READING_TYPES.test(file) && !CITE_FILES.test(file)) return 'files that are not part of reading (headers, downloads)';
  const wasm = /^pagefind\/wasm\.([\w-]+)\.pagefind$/.exec(file);
  if (wasm && !context.searchLanguages.has(wasm[1] as string)) return 'search code for languages the index does not have';
  if (file.startsWith('figures/') && !context.referenced.has(file)) return 'figure files that pages inline instead';
  return undefined;
}

/** The URL a precached file is requested by, relative to the base: `x/index.html` → `x/`, `index.html` → `./`. */
export function precacheUrl(file: string): string {
  if (file === 'index.html') return './';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** The files of the built site that pages and stylesheets refer to, resolved against their page. */
export function referencedFiles(site: BuiltSite, base: string): Set<string> {
  const found = new Set<string>();
  const add = (from: string, url: string) => {
    try {
      const resolved = new URL(url, `http://book.invalid${base}${from}`);
      if (resolved.origin !== 'http://book.invalid' || !resolved.pathname.startsWith(base)) return;
      found.add(decodeURIComponent(resolved.pathname.slice(base.length)));
    } catch {
      // Not a URL (a mailto: or a malformed href): nothing to precache.
    }
  };
  for (const page of site.pages.values()) for (const reference of page.references) add(page.file, reference.url);
  for (const [file, references] of site.stylesheets) for (const reference of references) add(file, reference.url);
  return found;
}

/** The figures of the offline copy. */
export interface OfflineSummary {
  /** Files precached. */
  files: number;
  /** Their size as stored in the browser. */
  bytes: number;
  /** About what a first visit downloads for them, compressed as a static host sends them (gzip). */
  downloadBytes: number;
}

/**
 * Write `<outDir>/sw.js` for the site in `outDir` (as `site` read it, before the font and policy
 * steps: neither changes what a page refers to in its attributes, font URLs being in stylesheets)
 * served under `base`, with `sw-summary.js` and `offline.json` for its figures.
 */
export async function writeServiceWorker(outDir: string, site: BuiltSite, base: string, logger: AstroIntegrationLogger): Promise<OfflineSummary> {
  const context: PrecacheContext = {
    redirectPages: new Set([...site.pages.values()].filter((page) => page.redirectTo !== undefined).map((page) => page.file)),
    referenced: referencedFiles(site, base),
    searchLanguages: searchLanguages(outDir),
  };
  const excluded = new Map<string, number>();
  const summary: OfflineSummary = { files: 0, bytes: 0, downloadBytes: 0 };
  const result = await withoutTemporaryFolders(() => generateSW({
    globDirectory: outDir,
    globPatterns: ['**/*'],
    swDest: path.join(outDir, SERVICE_WORKER),
    // Hashed file names change with their content: no cache-busting query needed to fetch them.
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    manifestTransforms: [
      async (entries) => {
        const manifest = entries.filter((entry) => {
          const reason = precacheExclusion(entry.url, context);
          if (reason) excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
          return reason === undefined;
        });
        // Compressed on libuv's threads, side by side (the same bytes as one by one, in a fraction of the time).
        const sizes = await Promise.all(manifest.map((entry) => (COMPRESSED_ON_THE_WAY.test(entry.url) ? gzipSize(path.join(outDir, entry.url)) : entry.size)));
        for (const [index, entry] of manifest.entries()) {
          summary.files += 1;
          summary.bytes += entry.size;
          summary.downloadBytes += sizes[index] ?? entry.size;
          entry.url = precacheUrl(entry.url);
        }
        return { manifest, warnings: [] };
      },
    ],
    ignoreURLParametersMatching: [...IGNORED_URL_PARAMETERS],
    // Relative to the worker: below the base.
    importScripts: [WORKER_SUMMARY_SCRIPT],
    // Requests for `x/` find `x/` (precacheUrl), and `x/index.html` if a link names the file.
    directoryIndex: 'index.html',
    // The first worker controls the page that installed it, so that page knows it is offline-ready;
    // a later edition's worker waits until the reader chooses to reload.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    // Workbox's runtime inside sw.js: no runtime file to deploy and import beside it.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    disableDevLogs: true,
  }));
  for (const warning of result.warnings) logger.warn(`Offline: ${warning}`);
  writeFileSync(path.join(outDir, OFFLINE_SUMMARY), `${JSON.stringify(summary)}\n`);
  writeFileSync(path.join(outDir, WORKER_SUMMARY_SCRIPT), workerSummaryScript(summary));
  const left = [...excluded].map(([reason, count]) => `${reason} (${count})`).join(', ');
  logger.info(`Offline: ${summary.files} file(s) precached, ${megabytes(summary.bytes)} stored, about ${megabytes(summary.downloadBytes)} to download (gzip); left out: ${left || 'nothing'}`);
  return summary;
}

/** The worker's answer to `{ type: 'OFFLINE_SUMMARY' }` on a message port: the figures of its edition. */
export function workerSummaryScript(summary: OfflineSummary): string {
  return [
    '// Written by the build (src/integrations/service-worker.ts): the figures of this edition\'s offline copy, for the page\'s offline menu.',
    `const OFFLINE_SUMMARY = ${JSON.stringify(summary)};`,
    "self.addEventListener('message', (event) => {",
    "  if (event.data && event.data.type === 'OFFLINE_SUMMARY' && event.ports[0]) event.ports[0].postMessage(OFFLINE_SUMMARY);",
    '});',
    '',
  ].join('\n');
}

function searchLanguages(outDir: string): Set<string> {
  try {
    const entry = JSON.parse(readFileSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { wasm?: string }> };
    return new Set(Object.values(entry.languages ?? {}).map((language) => language.wasm ?? 'unknown'));
  } catch {
    return new Set();
  }
}

/**
 * workbox-build writes the worker's unbundled code into a new folder of the system's temporary folder
 * (through `tempy`) and leaves it there: one folder per build. Its `tempy` is wrapped while `run` runs,
 * to note each folder it makes, and those are removed afterwards. (Looking for new folders holding a
 * `sw.js` instead would race with builds running side by side, as the build tests do.)
 */
async function withoutTemporaryFolders<T>(run: () => Promise<T>): Promise<T> {
  const tempy = workboxRequire('tempy') as { directory: (options?: { prefix?: string }) => string };
  const directory = tempy.directory;
  const made: string[] = [];
  tempy.directory = (options) => {
    const folder = directory(options);
    made.push(folder);
    return folder;
  };
  try {
    return await run();
  } finally {
    tempy.directory = directory;
    for (const folder of made) rmSync(folder, { recursive: true, force: true });
  }
}

// The `tempy` that workbox-build itself loads (resolved from its own folder).
const workboxRequire = createRequire(createRequire(import.meta.url).resolve('workbox-build'));

const gzipAsync = promisify(gzip);

async function gzipSize(file: string): Promise<number> {
  return (await gzipAsync(await readFile(file))).length;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
