/**
 * A chapter's counts (words, display formulas, figures, interactive figures, exercises) come from the
 * structural trees the book context parses once per build, for MDX, MyST Markdown and notebook
 * chapters alike; the reading time is computed from them by one function; the syllabus lists every
 * chapter with them, and its copied list has one line per published chapter. The fixture's numbers
 * were counted by hand (tests/fixtures/reading-time-book/README.md); the real book's are read again
 * from the chapters' sources, with patterns of their own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookContextFor, createBookContext } from '../../../src/book/book-context.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import type { ChapterCounts } from '../../../src/book/chapter-counts.js';
import { READING_ASSUMPTIONS, readingMinutes, readingTimeLabel } from '../../../src/book/reading-time.js';
import { buildSyllabus, syllabusMarkdown, syllabusPlainText } from '../../../src/book/syllabus.js';
import { describeCounts } from '../../../src/process/build-counts.js';

const FIXTURE = bookPaths(path.resolve('tests/fixtures/reading-time-book'));

/** The structural parses done so far in this process (the build's own work counter). */
function structuralParses(): number {
  return Number(/structural parses (\d+)/.exec(describeCounts())?.[1]);
}

const counts = (words: number, displayFormulas = 0, figures = 0, interactiveFigures = 0, exercises = 0): ChapterCounts => ({
  words,
  displayFormulas,
  figures,
  interactiveFigures,
  exercises,
});

describe('chapter counts', () => {
  const book = createBookContext(FIXTURE);

  it('should count an MDX chapter: open words, display math, figures, the interactive figure, ### Exercise headings', () => {
    // 48 words by hand: the text, headings, captions ("Figure 1.1 …"), an inline formula as one word, a
    // citation as two, the code block's two tokens; not the answer inside <details>, nor its formula.
    expect(book.counts().get('r-1-mdx')).toEqual(counts(48, 2, 1, 1, 2));
  });

  it('should count a MyST Markdown chapter: raw-HTML <details> and a closed dropdown hidden, bold **Exercise** paragraphs', () => {
    // 28 words: the title heading is the page's title (not counted in any chapter); the answer and the
    // closed dropdown are hidden.
    expect(book.counts().get('r-2-markdown')).toEqual(counts(28, 1, 1, 0, 2));
  });

  it('should count a notebook chapter: its code but not its outputs nor a hidden cell, list exercises', () => {
    expect(book.counts().get('r-3-notebook')).toEqual(counts(21, 1, 0, 0, 3));
  });

  it('should have no counts for a planned chapter', () => {
    expect([...book.counts().keys()]).toEqual(['r-1-mdx', 'r-2-markdown', 'r-3-notebook']);
  });

  it('should count from the trees the other whole-book indexes use, without parsing a chapter again', () => {
    const fresh = createBookContext(FIXTURE);
    const before = structuralParses();
    fresh.targets();
    expect(structuralParses() - before).toBe(3);
    fresh.counts();
    fresh.citations();
    expect(structuralParses() - before).toBe(3);
  });
});

describe('reading time', () => {
  it('should add words at 200 a minute and fixed times per display formula, figure and interactive figure', () => {
    expect(READING_ASSUMPTIONS).toEqual({ wordsPerMinute: 200, secondsPerDisplayFormula: 15, secondsPerFigure: 12, secondsPerInteractiveFigure: 60 });
    // 2,000 words: 10 min; 4 formulas: 60 s; 5 figures: 60 s; 1 interactive figure: 60 s → 13 min.
    expect(readingMinutes(counts(2000, 4, 5, 1))).toBe(13);
    expect(readingMinutes(counts(2000))).toBe(10);
    expect(readingMinutes(counts(2000, 1))).toBe(11);
  });

  it('should round up to the minute and never say 0', () => {
    expect(readingMinutes(counts(201))).toBe(2);
    expect(readingMinutes(counts(0))).toBe(1);
    expect(readingMinutes(counts(0, 0, 0, 3))).toBe(3);
  });

  it('should say "About N min read"', () => {
    expect(readingTimeLabel(25)).toBe('About 25 min read');
  });
});

describe('syllabus', () => {
  const book = createBookContext(FIXTURE);

  it('should list every chapter in book order, the planned one without a link or time', () => {
    const [part] = buildSyllabus(book.model(), book.counts(), { base: '/' });
    expect(part?.chapters.map((chapter) => [chapter.number, chapter.title, chapter.planned, chapter.url])).toEqual([
      ['1.1', 'Counting in MDX', false, '/counting-in-mdx/'],
      ['1.2', 'Counting in Markdown', false, '/r-2-markdown/'],
      ['1.3', 'Counting in a Notebook', false, '/counting-in-a-notebook/'],
      ['1.4', 'A Later Chapter', true, undefined],
    ]);
    expect(part?.chapters.map((chapter) => chapter.minutes)).toEqual([
      readingMinutes(counts(48, 2, 1, 1, 2)),
      readingMinutes(counts(28, 1, 1, 0, 2)),
      readingMinutes(counts(21, 1, 0, 0, 3)),
      undefined,
    ]);
    // Objectives as the frontmatter gives them; none is an empty list, never a list of nothing.
    expect(part?.chapters.map((chapter) => chapter.objectives)).toEqual([['Count the words of a chapter by hand.'], [], [], []]);
  });

  it('should make stable links absolute from the site URL and base path when the book has one', () => {
    const parts = buildSyllabus(book.model(), book.counts(), { base: '/course/rai/', siteUrl: 'https://example.org/course/rai/' });
    const chapter = parts[0]?.chapters[0];
    expect(chapter?.href).toBe('/course/rai/counting-in-mdx/');
    expect(chapter?.url).toBe('https://example.org/course/rai/counting-in-mdx/');
  });

  it('should copy one line per published chapter, as Markdown or plain text', () => {
    const parts = buildSyllabus(book.model(), book.counts(), { base: '/', siteUrl: 'https://example.org/' });
    const [first, second, third] = parts[0]?.chapters.map((chapter) => chapter.minutes) ?? [];
    expect(syllabusMarkdown(parts).split('\n')).toEqual([
      `- 1.1 [Counting in MDX](https://example.org/counting-in-mdx/) (${first} min)`,
      `- 1.2 [Counting in Markdown](https://example.org/r-2-markdown/) (${second} min)`,
      `- 1.3 [Counting in a Notebook](https://example.org/counting-in-a-notebook/) (${third} min)`,
    ]);
    expect(syllabusPlainText(parts).split('\n')).toEqual([
      `1.1 Counting in MDX (${first} min): https://example.org/counting-in-mdx/`,
      `1.2 Counting in Markdown (${second} min): https://example.org/r-2-markdown/`,
      `1.3 Counting in a Notebook (${third} min): https://example.org/counting-in-a-notebook/`,
    ]);
  });
});

/** Exercises in a chapter's source, read with line patterns (not the tree): the three forms the book uses. */
function exercisesInSource(source: string): number {
  const headings = source.match(/^### Exercise \d/gm)?.length ?? 0;
  const bold = source.match(/^\*\*Exercise \d/gm)?.length ?? 0;
  if (headings + bold > 0) return headings + bold;
  // A numbered list under `## Exercises`: its items start at the line's beginning.
  const section = /^## Exercises\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(source)?.[1] ?? '';
  return section.match(/^\d+\. /gm)?.length ?? 0;
}

describe('the real book', () => {
  const book = bookContextFor(bookPaths());

  it('should count each chapter’s exercises, figures and interactive figures as its source has them', { timeout: 180_000 }, () => {
    const model = book.model();
    expect(model.chapters.length).toBeGreaterThan(10);
    for (const chapter of model.chapters) {
      const file = model.chapterFiles.get(chapter.id);
      if (!file) throw new Error(`no file for ${chapter.id}`);
      const source = readFileSync(file.path, 'utf8');
      const counted = book.counts().get(chapter.id);
      expect(counted, chapter.id).toBeDefined();
      expect({ id: chapter.id, exercises: counted?.exercises, interactive: counted?.interactiveFigures, figures: counted?.figures }).toEqual({
        id: chapter.id,
        exercises: exercisesInSource(source),
        interactive: source.match(/^```\{interactive\}/gm)?.length ?? 0,
        figures: source.match(/^```\{figure\}/gm)?.length ?? 0,
      });
      // Reading time: about 5,000 words of source per chapter is more than 10 minutes, less than an hour.
      expect(readingMinutes(counted ?? counts(0))).toBeGreaterThan(10);
      expect(readingMinutes(counted ?? counts(0))).toBeLessThan(60);
    }
    // The chapter that states exercises in each form: headings (1.2), bold paragraphs (1.3), a list (0.1).
    expect(book.counts().get('1-2-measure')?.exercises).toBe(6);
    expect(book.counts().get('1-3-mitigation')?.exercises).toBe(6);
    expect(book.counts().get('0-1-intro')?.exercises).toBe(5);
  });
});
