/**
 * Weight gate: every page's first visit, loaded in Chromium from a server that compresses like a
 * static host (gzip), stays within the budgets of tests/budgets.config.ts, and KaTeX's stylesheet and
 * fonts load only where there is math. A failure names the page, the budget and the biggest files.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BUDGETS, INTERACTIVE_FIGURE_SELECTOR, KATEX_STYLE_SELECTOR, type PageFacts } from '../budgets.config.js';
import { checkBudgets } from '../support/budget-check.js';
import { useBrowserSession } from '../support/browser-session.js';
import { builtPages } from '../support/built-pages.js';
import { type PageVisit, visitPage } from '../support/page-visit.js';
import { staticSites } from '../support/static-server.js';
import { tamperedSite } from '../support/tampered-site.js';

const session = useBrowserSession();
const sites = staticSites();

afterAll(async () => {
  await sites.closeAll();
});

const CHAPTER = '.chapter-body';
const FORMULA = '.katex';

interface Measured {
  facts: PageFacts;
  visit: PageVisit;
}

/** First visits (a fresh browser context each: nothing cached) to the pages of the site at `dir`. */
async function measure(dir: string, only?: string): Promise<Measured[]> {
  const site = await sites.serve(dir);
  const measured: Measured[] = [];
  for (const page of builtPages(dir).filter((candidate) => !candidate.redirect && (only === undefined || candidate.url === only))) {
    const context = await session.browser.newContext();
    const visit = await visitPage(context, site.url(page.url), [CHAPTER, FORMULA, INTERACTIVE_FIGURE_SELECTOR, KATEX_STYLE_SELECTOR]);
    await context.close();
    const facts: PageFacts = {
      url: page.url,
      chapter: (visit.counts[CHAPTER] ?? 0) > 0,
      formulas: visit.counts[FORMULA] ?? 0,
      interactiveFigures: visit.counts[INTERACTIVE_FIGURE_SELECTOR] ?? 0,
      katexStyles: visit.counts[KATEX_STYLE_SELECTOR] ?? 0,
    };
    measured.push({ facts, visit });
  }
  return measured;
}

let book: Measured[] = [];

describe('weight budgets', () => {
  it('should keep every page of the book within its budgets', async () => {
    book = await measure(inject('bookDir'));
    // The gate sees what it must: chapters, pages with math, the generative-AI chapter, gzip sizes.
    expect(book.filter((page) => page.facts.chapter).length).toBeGreaterThanOrEqual(8);
    expect(book.filter((page) => page.facts.formulas > 0).length).toBeGreaterThan(3);
    expect(book.filter((page) => page.facts.interactiveFigures === 1).map((page) => page.facts.url)).toContain('machine-learning-fundamentals/');
    const genai = book.find((page) => page.facts.url === 'generative-ai/');
    expect(genai?.facts.chapter).toBe(true);
    const document = genai?.visit.resources.find((resource) => resource.type === 'document');
    expect(document?.bytes).toBeGreaterThan(1000);
    expect(document?.bytes).toBeLessThan(30 * 1024);
    expect(book.flatMap((page) => checkBudgets(page.facts, page.visit.resources))).toEqual([]);
  }, 600_000);

  it('should load KaTeX only on pages with formulas', () => {
    const withMath = book.filter((page) => page.facts.formulas > 0);
    const withoutMath = book.filter((page) => page.facts.formulas === 0);
    expect(withMath.length).toBeGreaterThan(0);
    expect(withoutMath.length).toBeGreaterThan(0);
    for (const page of withoutMath) {
      expect(page.visit.resources.some((resource) => resource.url.includes('/_katex/')), page.facts.url).toBe(false);
      expect(page.facts.katexStyles, page.facts.url).toBe(0);
    }
    // Pages with math do get KaTeX: its stylesheet inline, its fonts from the site.
    for (const page of withMath) {
      expect(page.facts.katexStyles, page.facts.url).toBe(1);
      expect(page.visit.resources.some((resource) => /\/_katex\/fonts\/KaTeX_.*\.woff2$/.test(resource.url)), page.facts.url).toBe(true);
    }
  });

  it('should name the page and the script when a 50 KB script is added to a chapter', async () => {
    const dir = tamperedSite(
      inject('bookDir'),
      { 'generative-ai/index.html': (html) => html.replace('</head>', '<script type="module" src="/_astro/heavy.js"></script></head>') },
      // Random bytes hardly compress: about 50 KB on the wire.
      { '_astro/heavy.js': `// ${randomBytes(50 * 1024).toString('base64')}\n` },
    );
    const [page] = await measure(dir, 'generative-ai/');
    const heavy = (page as Measured).visit.resources.find((resource) => resource.url.endsWith('/_astro/heavy.js'));
    expect(heavy?.bytes).toBeGreaterThan(45 * 1024);
    const failures = checkBudgets((page as Measured).facts, (page as Measured).visit.resources);
    expect(failures.some((failure) => /^\/generative-ai\/: JavaScript \d+\.\d KB, over the budget of 8\.0 KB .*Biggest: \/_astro\/heavy\.js \d+\.\d KB/.test(failure)), failures.join('\n')).toBe(true);
    // The chapter's total budget, as the failure prints it (the figure lives in tests/budgets.config.ts only).
    const total = ((BUDGETS.find((budget) => budget.name === 'generative-AI chapter')?.totalBytes ?? 0) / 1024).toFixed(1);
    expect(failures.some((failure) => failure.startsWith('/generative-ai/: transferred ') && failure.includes(` over the budget of ${total} KB`)), failures.join('\n')).toBe(true);
  });

  it('should name a page without math that loads KaTeX', async () => {
    const dir = tamperedSite(inject('bookDir'), {
      'bibliography/index.html': (html) => html.replace('</head>', '<link rel="preload" as="font" type="font/woff2" href="/_katex/fonts/KaTeX_Main-Regular.woff2" crossorigin></head>'),
    });
    const [page] = await measure(dir, 'bibliography/');
    expect(checkBudgets((page as Measured).facts, (page as Measured).visit.resources)).toEqual([
      '/bibliography/: loads KaTeX (/_katex/fonts/KaTeX_Main-Regular.woff2) but has no formula',
    ]);
  });
});
