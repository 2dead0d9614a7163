/**
 * Check one page's first visit against the weight budgets of tests/budgets.config.ts. Each failure is
 * one line naming the page, the budget, the figure and the biggest contributors, so the fix is obvious.
 */
import { BUDGETS, type Budget, KATEX_ASSETS, type PageFacts } from '../budgets.config.js';
import type { LoadedResource } from './page-visit.js';

const SCRIPT_TYPES = new Set(['script']);

/** The budget failures of one page (empty when it is within every budget that applies). */
export function checkBudgets(page: PageFacts, resources: readonly LoadedResource[], budgets: readonly Budget[] = BUDGETS): string[] {
  const failures: string[] = [];
  const scripts = resources.filter((resource) => SCRIPT_TYPES.has(resource.type));
  for (const budget of budgets.filter((candidate) => candidate.appliesTo(page))) {
    const over = (what: string, actual: number, limit: number, contributors: readonly LoadedResource[]) =>
      failures.push(`/${page.url}: ${what} ${kb(actual)}, over the budget of ${kb(limit)} for a ${budget.name}. Biggest: ${biggest(contributors)}`);
    const total = sum(resources);
    if (budget.totalBytes !== undefined && total > budget.totalBytes) over('transferred', total, budget.totalBytes, resources);
    const scriptBytes = sum(scripts);
    if (budget.scriptBytes !== undefined && scriptBytes > budget.scriptBytes) over('JavaScript', scriptBytes, budget.scriptBytes, scripts);
    if (budget.requests !== undefined && resources.length > budget.requests) {
      failures.push(
        `/${page.url}: ${resources.length} requests, over the budget of ${budget.requests} for a ${budget.name}: ${resources.map((resource) => shortUrl(resource.url)).join(', ')}`,
      );
    }
  }
  const katex = resources.filter((resource) => new URL(resource.url).pathname.includes(KATEX_ASSETS));
  if (page.formulas === 0 && katex.length > 0) {
    failures.push(`/${page.url}: loads KaTeX (${katex.map((resource) => shortUrl(resource.url)).join(', ')}) but has no formula`);
  }
  if (page.formulas === 0 && page.katexStyles > 0) failures.push(`/${page.url}: carries KaTeX's stylesheet but has no formula`);
  if (page.formulas > 0 && page.katexStyles !== 1) {
    failures.push(`/${page.url}: has ${page.formulas} formula(s) and ${page.katexStyles} KaTeX stylesheet(s) instead of one`);
  }
  return failures;
}

function sum(resources: readonly LoadedResource[]): number {
  return resources.reduce((total, resource) => total + resource.bytes, 0);
}

function biggest(resources: readonly LoadedResource[]): string {
  return [...resources]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((resource) => `${shortUrl(resource.url)} ${kb(resource.bytes)}`)
    .join(', ');
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function shortUrl(url: string): string {
  const { pathname } = new URL(url);
  return pathname;
}
