/**
 * Lighthouse audit (`npm run audit`): builds the book into a temporary folder (or takes `--dist <dir>`),
 * serves it gzip-compressed on localhost, and runs Lighthouse with Debian's Chromium, mobile and
 * desktop presets, on the home page, the generative-AI chapter, the math-heaviest chapter and a page
 * with an interactive figure. Prints the four category scores with LCP, TBT and CLS, and the audits
 * behind any score below 100. A report: exits 0 unless `--strict` is given and a score is below 100.
 * `--runs <n>` keeps the median of n runs per page and preset; `--out <dir>` also writes each reported
 * run's Lighthouse JSON there. Not part of `npm test`: its timings are noisy.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuild } from '../tests/support/astro-build.js';
import { serveStatic } from '../tests/support/static-server.js';
import { chooseAuditPages } from './audit/choose-pages.js';
import { parseAuditOptions } from './audit/options.js';
import { type AuditRun, categoryScore, formatFailingAudits, formatScoreTable } from './audit/report.js';
import { CATEGORIES, type Preset, runLighthouseMedian } from './audit/run-lighthouse.js';

const PRESETS: readonly Preset[] = ['mobile', 'desktop'];

const options = (() => {
  try {
    return parseAuditOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run audit -- [--dist <dir>] [--runs <n>] [--out <dir>] [--strict]`);
    process.exit(2);
  }
})();

let outDir = options.dist;
let temporary: string | undefined;
if (outDir && !existsSync(path.join(outDir, 'index.html'))) {
  console.error(`There is no built site in ${outDir} (no index.html): build it first, or leave out --dist to build the book here.`);
  process.exit(1);
}
if (!outDir) {
  console.log('Building the book…');
  const build = await astroBuild();
  temporary = build.outDir;
  if (build.code !== 0) {
    console.error(build.output);
    console.error(`The build failed (exit code ${build.code}): nothing to audit.`);
    removeBuild(temporary);
    process.exit(1);
  }
  outDir = build.outDir;
}

const results: AuditRun[] = [];
const site = await serveStatic(outDir);
try {
  const { pages, notes } = chooseAuditPages(outDir);
  for (const note of notes) console.log(note);
  if (options.out) mkdirSync(options.out, { recursive: true });
  for (const page of pages) {
    for (const preset of PRESETS) {
      const label = `/${page.path}`;
      process.stdout.write(`Auditing ${label} (${page.reasons.join(', ')}), ${preset}${options.runs > 1 ? `, median of ${options.runs}` : ''}… `);
      const lhr = await runLighthouseMedian(site.url(page.path.replace(/^\//, '')), preset, options.runs);
      results.push({ page: label, preset, lhr });
      console.log(CATEGORIES.map((category) => categoryScore(lhr, category) ?? 'error').join(' / '));
      if (lhr.runtimeError) console.log(`  runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      for (const warning of lhr.runWarnings) console.log(`  warning: ${warning}`);
      if (options.out) {
        const name = `${page.path.replace(/\/$/, '').replaceAll('/', '-') || 'home'}.${preset}.json`;
        writeFileSync(path.join(options.out, name), JSON.stringify(lhr, null, 2));
      }
    }
  }
} finally {
  await site.close();
  if (temporary) removeBuild(temporary);
}

const first = results[0]?.lhr;
const benchmarks = results.map(({ lhr }) => Math.round(lhr.environment.benchmarkIndex));
console.log(
  `\nLighthouse ${first?.lighthouseVersion ?? ''}, ${first?.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, simulated throttling ` +
    `(mobile: slow 4G, 4× CPU; desktop: dense 4G)${options.runs > 1 ? `, median of ${options.runs} runs` : ''}; ` +
    `machine benchmark index ${Math.min(...benchmarks)}–${Math.max(...benchmarks)} (a busy machine scores low and slows the simulated timings)\n`,
);
console.log(formatScoreTable(results));
const failing = formatFailingAudits(results);
const belowTarget = results.some(({ lhr }) => CATEGORIES.some((category) => categoryScore(lhr, category) !== 100));
if (failing) console.log(`\nBelow 100 — the audits that cost points:\n\n${failing}`);
else if (!belowTarget) console.log('\nEvery category scores 100 on every page and preset.');
if (options.out) {
  const shown = path.relative(process.cwd(), options.out);
  console.log(`\nJSON reports in ${shown.startsWith('..') ? options.out : shown || '.'}`);
}
if (options.strict && belowTarget) process.exit(1);

/** Remove a temporary build and the cache folder astroBuild put beside it. */
function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(dir, '..', `${path.basename(dir)}-cache`), { recursive: true, force: true });
}
