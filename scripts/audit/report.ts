/**
 * The audit's printout: one table row per page and preset (the four category scores, LCP, TBT, CLS),
 * then, for every category below 100, the audits that cost it points, grouped by audit so a problem
 * shared by several pages is read once, each with the pages it fails on, its score and display value.
 */
import type { Result } from 'lighthouse';
import { CATEGORIES, type Preset } from './run-lighthouse.js';

/** One finished run. */
export interface AuditRun {
  /** The page as printed, e.g. `/generative-ai/`. */
  page: string;
  preset: Preset;
  lhr: Result;
}

const CATEGORY_TITLES: Record<(typeof CATEGORIES)[number], string> = {
  performance: 'Performance',
  accessibility: 'Accessibility',
  'best-practices': 'Best Practices',
  seo: 'SEO',
};

/** A category's score out of 100, or undefined when Lighthouse could not score it. */
export function categoryScore(lhr: Result, category: string): number | undefined {
  const score = lhr.categories[category]?.score;
  return typeof score === 'number' ? Math.round(score * 100) : undefined;
}

/** The score table, as a Markdown table (it can be pasted into the README as it is). */
export function formatScoreTable(runs: readonly AuditRun[]): string {
  const header = ['page', 'preset', ...CATEGORIES.map((category) => CATEGORY_TITLES[category]), 'LCP', 'TBT', 'CLS'];
  const rows = runs.map(({ page, preset, lhr }) => [
    page,
    preset,
    ...CATEGORIES.map((category) => String(categoryScore(lhr, category) ?? 'error')),
    milliseconds(lhr.audits['largest-contentful-paint']?.numericValue),
    milliseconds(lhr.audits['total-blocking-time']?.numericValue),
    lhr.audits['cumulative-layout-shift']?.numericValue?.toFixed(3) ?? '—',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

interface Failure {
  title: string;
  weight: number;
  runs: { where: string; score: number | null; displayValue?: string; examples: string[] }[];
}

/**
 * For each category below 100 in some run: the weighted audits scoring below 1 there, and for
 * performance also the unweighted insights that flag a saving (they explain the metrics). Empty when
 * every run scores 100 everywhere.
 */
export function formatFailingAudits(runs: readonly AuditRun[]): string {
  const sections: string[] = [];
  for (const category of CATEGORIES) {
    const failures = new Map<string, Failure>();
    for (const { page, preset, lhr } of runs) {
      const score = categoryScore(lhr, category);
      if (score === 100) continue;
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual' || audit.scoreDisplayMode === 'informative') continue;
        const failing = audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < 1);
        if (!failing || (ref.weight === 0 && category !== 'performance')) continue;
        const failure = failures.get(ref.id) ?? { title: audit.title, weight: ref.weight, runs: [] };
        failure.runs.push({
          where: `${page} ${preset}`,
          score: audit.score,
          displayValue: audit.displayValue ?? audit.errorMessage,
          examples: examplesOf(audit.details),
        });
        failures.set(ref.id, failure);
      }
    }
    if (failures.size === 0) continue;
    const lines = [`${CATEGORY_TITLES[category]}:`];
    const ordered = [...failures].sort(([, a], [, b]) => b.weight - a.weight);
    for (const [id, failure] of ordered) {
      lines.push(`  ${id} — ${failure.title}${failure.weight === 0 ? ' (unweighted: explains, does not score)' : ` (weight ${failure.weight})`}`);
      const wherePad = Math.max(...failure.runs.map((run) => run.where.length));
      for (const run of failure.runs) {
        const score = run.score === null ? 'error' : run.score.toFixed(2);
        lines.push(`    ${run.where.padEnd(wherePad)}  score ${score}${run.displayValue ? `  ${run.displayValue}` : ''}`);
        for (const example of run.examples) lines.push(`      ${example}`);
      }
    }
    sections.push(lines.join('\n'));
  }
  return sections.join('\n\n');
}

/**
 * Up to three offending elements, resources or source locations from an audit's details, one line
 * each; for the network dependency tree, its longest chain.
 */
function examplesOf(details: unknown): string[] {
  if (!isRecord(details)) return [];
  if (details.type === 'network-tree' && isRecord(details.chains)) return [`longest chain: ${longestChain(details.chains).join(' → ')}`];
  if (!Array.isArray(details.items)) return [];
  // Insights wrap their tables in a list (or list sections): read the first part that has rows.
  if (details.type === 'list') {
    for (const part of details.items) {
      const found = examplesOf(isRecord(part) && part.type === 'list-section' ? part.value : part);
      if (found.length > 0) return found;
    }
    return [];
  }
  const examples: string[] = [];
  for (const item of details.items.slice(0, 3)) {
    if (!isRecord(item)) continue;
    const node = isRecord(item.node) ? item.node : undefined;
    const source = isRecord(item.source) ? item.source : undefined;
    const text = node
      ? `${String(node.selector ?? '')}  ${String(node.snippet ?? '').slice(0, 140)}`
      : typeof item.url === 'string'
        ? item.url
        : typeof source?.url === 'string'
          ? `${source.url}:${String(source.line ?? '')}:${String(source.column ?? '')}${typeof item.reflowTime === 'number' ? ` (${Math.round(item.reflowTime)} ms)` : ''}`
          : undefined;
    if (text) examples.push(`e.g. ${shortUrl(text.trim())}`);
  }
  const more = details.items.length - examples.length;
  if (more > 0 && examples.length > 0) examples.push(`… and ${more} more`);
  return examples;
}

/** The URLs along the chain marked longest in a network tree, from the document down. */
function longestChain(chains: Record<string, unknown>): string[] {
  for (const chain of Object.values(chains)) {
    if (!isRecord(chain) || chain.isLongest !== true) continue;
    const end = typeof chain.navStartToEndTime === 'number' ? ` (${Math.round(chain.navStartToEndTime)} ms)` : '';
    const rest = isRecord(chain.children) ? longestChain(chain.children) : [];
    return [`${shortUrl(String(chain.url))}${rest.length === 0 ? end : ''}`, ...rest];
  }
  return [];
}

/** A URL of the local server without its origin (the port changes on every run). */
function shortUrl(text: string): string {
  return text.replace(/http:\/\/127\.0\.0\.1:\d+/g, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function milliseconds(value: number | undefined): string {
  if (value === undefined) return '—';
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}
