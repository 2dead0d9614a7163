/**
 * Problems found only when a chapter's page renders: an MDX expression that throws (its error names
 * its place: src/markdown/expression-places/), or a component that does. The chapter page catches
 * them (src/components/ChapterContent.astro) and shows them where the content would be. In a build
 * they are also kept here, on the process (page code and the integration are separate module
 * copies), and the integration reports them all after the pages, failing the build
 * (src/integrations/book.ts), rather than stopping at the first with a stack trace of compiled code.
 */
import { processWide } from '../process/process-wide.js';
import { BOOK_PROBLEM_PROPERTY } from '../markdown/expression-places/index.js';
import type { ContentProblem } from './report.js';
import { RuleId } from './rule-ids.js';

export type RenderProblem = Omit<ContentProblem, 'text'> & { positioned: boolean };

const recorded = processWide('render-problems', () => [] as RenderProblem[]);

/** What `error`, thrown while rendering the chapter `chapterFile` (relative to the book root), says to the author. */
export function renderProblemOf(error: unknown, chapterFile: string): RenderProblem {
  const place = error instanceof Error ? (error as Error & Record<string, unknown>)[BOOK_PROBLEM_PROPERTY] : undefined;
  const match = typeof place === 'string' ? /^(.*):(\d+):(\d+)$/.exec(place) : null;
  if (match) {
    const cause = (error as Error).cause;
    return {
      file: match[1]!,
      line: Number(match[2]),
      column: Number(match[3]),
      severity: 'error',
      ruleId: RuleId.chapterRenders,
      message: `This expression threw when the page was rendered: ${describe(cause)}. An expression runs each time its page renders, after the content check: fix it, or write its value as text.`,
      positioned: true,
    };
  }
  return {
    file: chapterFile,
    severity: 'error',
    ruleId: RuleId.chapterRenders,
    message: `The chapter could not be rendered: ${describe(error)}. A component of the chapter threw (check its attributes), or, in the dev server, the chapter's file was renamed or deleted a moment ago (the page follows once the server has read the change).`,
    positioned: false,
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
}

/** Keep a problem of a build's page for the report after the pages. */
export function recordRenderProblem(problem: RenderProblem): void {
  recorded.push(problem);
}

/** The problems kept so far, in file and position order; the list is emptied. */
export function takeRenderProblems(): RenderProblem[] {
  const problems = recorded.splice(0, recorded.length);
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

