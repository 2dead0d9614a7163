/**
 * Which pages of a built book the audit runs on: the home page, the generative-AI chapter, the chapter
 * with the most typeset formulas (KaTeX's `.katex` elements, counted in the built HTML) and a page with
 * an interactive figure (a `<figure>` whose class names one with "interactive"). A page chosen for two
 * reasons is audited once, under both.
 */
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { NOT_FOUND_PAGE, readBuiltSite } from '../../src/integrations/built-site.js';

/** One page to audit: its URL below the base (`''` for the home page) and why it was chosen. */
export interface AuditPage {
  path: string;
  reasons: string[];
}

export interface PageChoice {
  pages: AuditPage[];
  /** How the chosen pages were found, to print above the scores. */
  notes: string[];
}

const GENERATIVE_AI = 'generative-ai/';
/** Where the threshold-explorer figure lives; audited with a note while no page has an interactive figure yet. */
const INTERACTIVE_FALLBACK = 'machine-learning-fundamentals/';

/** Choose the pages of the site built in `outDir`. */
export function chooseAuditPages(outDir: string): PageChoice {
  const notes: string[] = [];
  const counts: { path: string; formulas: number; interactive: boolean }[] = [];
  for (const page of readBuiltSite(outDir).pages.values()) {
    if (page.redirectTo !== undefined || page.file === NOT_FOUND_PAGE) continue;
    let formulas = 0;
    let interactive = false;
    visit(page.tree, 'element', (element: Element) => {
      const names = classNames(element);
      if (names.includes('katex')) formulas++;
      if (element.tagName === 'figure' && names.some((name) => name.includes('interactive'))) interactive = true;
    });
    counts.push({ path: page.url === './' ? '' : page.url, formulas, interactive });
  }
  counts.sort((a, b) => b.formulas - a.formulas || a.path.localeCompare(b.path));

  const chosen: AuditPage[] = [];
  const choose = (pagePath: string, reason: string) => {
    const existing = chosen.find((page) => page.path === pagePath);
    if (existing) existing.reasons.push(reason);
    else chosen.push({ path: pagePath, reasons: [reason] });
  };
  choose('', 'home');
  choose(GENERATIVE_AI, 'generative AI');

  const mathHeaviest = counts[0];
  if (mathHeaviest && mathHeaviest.formulas > 0) {
    choose(mathHeaviest.path, 'most math');
    const runnerUp = counts[1];
    notes.push(`Math-heaviest page: /${mathHeaviest.path} (${mathHeaviest.formulas} .katex elements${runnerUp ? `; next: /${runnerUp.path}, ${runnerUp.formulas}` : ''}).`);
  } else {
    notes.push('No page has typeset math (.katex): no math-heavy page audited.');
  }

  const interactive = counts.filter((page) => page.interactive).map((page) => page.path);
  if (interactive.length > 0) {
    const pick = interactive.includes(INTERACTIVE_FALLBACK) ? INTERACTIVE_FALLBACK : (interactive[0] as string);
    choose(pick, 'interactive figure');
    notes.push(`Pages with an interactive figure (figure[class*=interactive]): ${interactive.map((p) => `/${p}`).join(', ')}; audited: /${pick}.`);
  } else {
    choose(INTERACTIVE_FALLBACK, 'interactive figure (fallback)');
    notes.push(`No page has an interactive figure (figure[class*=interactive]) yet: audited /${INTERACTIVE_FALLBACK} instead, where one is planned.`);
  }
  return { pages: chosen, notes };
}

function classNames(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}
