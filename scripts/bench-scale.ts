/**
 * Scale benchmark (`npm run bench:scale`): generate synthetic books of 20, 100 and 200 chapters
 * (~3,000 words, 20 citations and 10 formulas each, against a generated 2,000-entry .bib), build each
 * cold with our platform, then the same chapters with Astro Starlight (citations as plain text), and
 * print wall and CPU time, peak memory, output and index size, the ratio of the two, each build's
 * phases (read from its log) and how the cost per chapter changes with the size.
 * Prints figures; asserts nothing (timings are noisy, so they are not tests).
 *
 *   npm run bench:scale -- --sizes 20,100,200 --skip-starlight --keep --ref HEAD
 *
 * Our platform is built from a snapshot in the temporary folder: the working tree as it is when the run
 * starts, or the commit named by --ref; edits made in the checkout during the run do not change it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBookFolder } from './bench-scale/book-folder.js';
import { type BuildMeasure, buildPhases, measureBuild } from './bench-scale/measure-build.js';
import { clearBuildCaches, snapshotPlatform } from './bench-scale/platform-snapshot.js';
import { ensureStarlightInstall, type StarlightInstall, writeStarlightSite } from './bench-scale/starlight-site.js';
import { DEFAULT_SHAPE, syntheticBibliography, syntheticChapters } from './bench-scale/synthetic-book.js';

const projectRoot = path.resolve(import.meta.dirname, '..');
const BIB_ENTRIES = 2000;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '20,100,200' },
    'skip-starlight': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    ref: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes takes chapter counts separated by commas, e.g. 20,100,200 (got "${values.sizes}")`);

/**
 * The environment of a child build: ours reads BOOK_* only, and none of the variables that Astro would
 * take for the site's own (npm run sets none, but a caller's BASE would move our site under a sub-path).
 */
function childEnvironment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(BASE|BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|BOOK_.*)$/.test(name)));
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

const work = mkdtempSync(path.join(os.tmpdir(), 'rai-bench-scale-'));
const platform = snapshotPlatform(projectRoot, values.ref, path.join(work, 'platform'));
console.log(`Our platform: ${platform.describe}`);
const bibliography = syntheticBibliography(BIB_ENTRIES);
let starlight: StarlightInstall | undefined;
if (!values['skip-starlight']) {
  console.log('Preparing the Starlight comparison site (installed once, then reused)…');
  starlight = await ensureStarlightInstall(projectRoot);
  console.log(`  ${starlight.describe}\n  install: ${starlight.cached ? 'reused' : 'fresh'}`);
}

interface Row {
  chapters: number;
  words: number;
  ours: BuildMeasure;
  starlight?: BuildMeasure;
}
const rows: Row[] = [];

/** Fail loudly with the end of the build's log, which names the cause. */
function assertBuilt(label: string, measure: BuildMeasure, logFile: string): void {
  if (measure.code === 0) return;
  console.error(measure.output.split('\n').slice(-40).join('\n'));
  throw new Error(`${label} failed with exit code ${measure.code}; full log: ${logFile}`);
}

for (const chapters of sizes) {
  const book = syntheticChapters(chapters, bibliography);
  const words = book.reduce((total, chapter) => total + chapter.words, 0);
  const sizeDir = path.join(work, `${chapters}-chapters`);

  // Ours: a fresh book root, output folder and cache folder (a cold build: nothing cached from before).
  const bookRoot = path.join(sizeDir, 'book');
  writeBookFolder(bookRoot, book, bibliography);
  const outDir = path.join(sizeDir, 'book-dist');
  const logFile = path.join(sizeDir, 'book-build.log');
  clearBuildCaches(platform.root);
  process.stdout.write(`Building ${chapters} chapters (${words.toLocaleString('en')} words) with our platform… `);
  const ours = await measureBuild({
    command: process.execPath,
    args: [path.join(platform.root, 'node_modules/astro/bin/astro.mjs'), 'build'],
    cwd: platform.root,
    env: childEnvironment({ BOOK_ROOT: bookRoot, BOOK_OUT_DIR: outDir, BOOK_CACHE_DIR: path.join(sizeDir, 'book-cache'), BOOK_COUNTS: '1' }),
    outDir,
    logFile,
  });
  console.log(`${ours.wallSeconds.toFixed(1)} s`);
  assertBuilt(`Our build of ${chapters} chapters`, ours, logFile);

  const row: Row = { chapters, words, ours };
  if (starlight) {
    const siteRoot = path.join(sizeDir, 'starlight');
    writeStarlightSite(siteRoot, book, bibliography, starlight);
    // Inside the site, so the prerender chunks Astro writes there resolve packages from its node_modules.
    const siteOut = path.join(siteRoot, 'dist');
    const siteLog = path.join(sizeDir, 'starlight-build.log');
    process.stdout.write(`Building ${chapters} chapters with Starlight… `);
    row.starlight = await measureBuild({
      command: process.execPath,
      args: [path.join(siteRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
      cwd: siteRoot,
      env: childEnvironment({ BENCH_OUT_DIR: siteOut, BENCH_CACHE_DIR: path.join(siteRoot, 'cache') }),
      outDir: siteOut,
      logFile: siteLog,
    });
    console.log(`${row.starlight.wallSeconds.toFixed(1)} s`);
    assertBuilt(`Starlight's build of ${chapters} chapters`, row.starlight, siteLog);
  }
  rows.push(row);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const figures = (measure: BuildMeasure | undefined, chapters: number): string[] =>
  measure
    ? [measure.wallSeconds.toFixed(1), (measure.wallSeconds / chapters).toFixed(2), Number.isNaN(measure.cpuSeconds) ? '–' : measure.cpuSeconds.toFixed(0), mb(measure.peakBytes), mb(measure.outBytes), mb(measure.indexBytes)]
    : ['–', '–', '–', '–', '–', '–'];
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && !Number.isNaN(a) && !Number.isNaN(b) ? (a / b).toFixed(2) : '–');
const header = ['chapters', 'ours wall s', 's/ch', 'CPU s', 'peak MB', 'out MB', 'index MB', 'Starlight wall s', 's/ch', 'CPU s', 'peak MB', 'out MB', 'index MB', 'ours/Starlight wall', 'CPU'];
const table = rows.map((row) => [
  String(row.chapters),
  ...figures(row.ours, row.chapters),
  ...figures(row.starlight, row.chapters),
  ratio(row.ours.wallSeconds, row.starlight?.wallSeconds),
  ratio(row.ours.cpuSeconds, row.starlight?.cpuSeconds),
]);

console.log('');
console.log(`Scale benchmark: cold builds, ${DEFAULT_SHAPE.words.toLocaleString('en')} words, ${DEFAULT_SHAPE.citations} citations and ${DEFAULT_SHAPE.formulas} formulas per chapter, ${BIB_ENTRIES.toLocaleString('en')}-entry .bib`);
console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}; 1-min load average before each build: ${rows.map((row) => [row.ours, row.starlight].filter((m) => m).map((m) => m!.loadAverage.toFixed(1)).join('/')).join(', ')}`);
console.log(`Ours: ${platform.describe}`);
if (starlight) console.log(`Starlight: ${starlight.describe}`);
console.log('');
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
for (const line of table) console.log(`| ${line.join(' | ')} |`);

const phase = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(1));
const phases = (measure: BuildMeasure) => {
  const found = buildPhases(measure.output);
  const rest = found.setup !== undefined && found.sync !== undefined ? found.setup - found.sync : undefined;
  return `content sync (renders the chapters) ${phase(found.sync)} s · then until pages (ours: content check) ${phase(rest)} s · pages ${phase(found.pages)} s · after the pages ${phase(found.done)} s, of which search index ${phase(found.search)} s`;
};
console.log('');
console.log('Phases, from the build logs');
for (const row of rows) {
  console.log(`  ${String(row.chapters).padStart(4)} ours       ${phases(row.ours)}`);
  if (row.starlight) console.log(`  ${String(row.chapters).padStart(4)} Starlight  ${phases(row.starlight)}`);
}

// The goal: each chapter parsed for structure once and rendered once; one .bib parse, one citation
// engine and one registration of the cited works per build, whatever the number of chapters.
console.log('');
console.log('Work per build (ours), from the build logs');
for (const row of rows) console.log(`  ${String(row.chapters).padStart(4)} chapters: ${/Work counts: (.*)/.exec(row.ours.output)?.[1] ?? 'not printed'}`);
console.log('');
console.log('After the pages (ours), step by step, from the build logs');
for (const row of rows) console.log(`  ${String(row.chapters).padStart(4)} chapters: ${/After-build steps: (.*)/.exec(row.ours.output)?.[1] ?? 'not printed'}`);

if (rows.length > 1) {
  const first = rows[0]!;
  const last = rows.at(-1)!;
  const perChapter = (measure: BuildMeasure, chapters: number) => measure.wallSeconds / chapters;
  const note = (label: string, a: BuildMeasure, b: BuildMeasure) =>
    `${label}: ${perChapter(a, first.chapters).toFixed(2)} s/chapter at ${first.chapters} → ${perChapter(b, last.chapters).toFixed(2)} at ${last.chapters} (×${(perChapter(b, last.chapters) / perChapter(a, first.chapters)).toFixed(2)}); ` +
    `marginal ${((b.wallSeconds - a.wallSeconds) / (last.chapters - first.chapters)).toFixed(2)} s per added chapter`;
  // CPU time moves less than wall time when other work shares the machine: the step-by-step marginal
  // CPU cost per chapter is the clearest test of linearity (equal steps = linear).
  const marginalCpu = (pick: (row: Row) => BuildMeasure | undefined) =>
    rows
      .slice(1)
      .map((row, i) => {
        const [a, b] = [pick(rows[i]!), pick(row)];
        return a && b ? `${rows[i]!.chapters}→${row.chapters}: ${((b.cpuSeconds - a.cpuSeconds) / (row.chapters - rows[i]!.chapters)).toFixed(2)} s` : '–';
      })
      .join(', ');
  console.log('');
  console.log(`Linearity (×1.00 = cost per chapter unchanged; below 1 the fixed start-up cost is being spread out)`);
  console.log(`  ${note('ours', first.ours, last.ours)}`);
  if (first.starlight && last.starlight) console.log(`  ${note('Starlight', first.starlight, last.starlight)}`);
  console.log(`  CPU seconds per added chapter, ours: ${marginalCpu((row) => row.ours)}`);
  if (first.starlight) console.log(`  CPU seconds per added chapter, Starlight: ${marginalCpu((row) => row.starlight)}`);
}

if (values.keep) console.log(`\nKept the books, sites, outputs and build logs in ${work}`);
else rmSync(work, { recursive: true, force: true });
