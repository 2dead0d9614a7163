/**
 * A chapter's estimated reading time, from its counts (chapter-counts.ts): words at a reading rate,
 * plus a fixed time for each display formula, figure and interactive figure. The chapter page (under
 * its title) and the syllabus page show the same number, from this one function.
 *
 * The figures are our assumptions, not measurements of this book's readers. The rate: Brysbaert's
 * meta-analysis of 190 studies (2019, "How many words do we read per minute? A review and
 * meta-analysis of reading rate", Journal of Memory and Language 109, 104047,
 * https://doi.org/10.1016/j.jml.2019.104047) puts adults' silent reading of English non-fiction at
 * 238 words per minute on average, most adults between 175 and 300; we take 200 because a textbook's
 * text is dense with definitions and notation. The fixed times are our own round numbers: a display
 * formula takes a moment to parse, a figure to look at, an interactive figure to try once.
 */
import type { ChapterCounts } from './chapter-counts.js';

/** The assumptions of the estimate, which the syllabus page states. */
export const READING_ASSUMPTIONS = {
  wordsPerMinute: 200,
  secondsPerDisplayFormula: 15,
  secondsPerFigure: 12,
  secondsPerInteractiveFigure: 60,
} as const;

/** Minutes to read a chapter with `counts`: whole minutes, rounded up, at least 1. */
export function readingMinutes(counts: ChapterCounts, assumptions: typeof READING_ASSUMPTIONS = READING_ASSUMPTIONS): number {
  const seconds =
    (counts.words / assumptions.wordsPerMinute) * 60 +
    counts.displayFormulas * assumptions.secondsPerDisplayFormula +
    counts.figures * assumptions.secondsPerFigure +
    counts.interactiveFigures * assumptions.secondsPerInteractiveFigure;
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The short label the pages show: "About 25 min read". */
export function readingTimeLabel(minutes: number): string {
  return `About ${minutes} min read`;
}
