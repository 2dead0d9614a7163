/**
 * Checks the course plans of chapter 0-1-intro (content/0-overview/0-1-intro.mdx): the 7-week and 14-week
 * tables number their weeks consecutively and each links every published chapter of the book (read from
 * content/book.yaml), and what the chapter promises of every chapter (objectives, exercises) is true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const chapter = readFileSync(new URL('../../../content/0-overview/0-1-intro.mdx', import.meta.url), 'utf8');

/** The book's published chapters, in order, as content/book.yaml lists them (planned ones left out). */
const structure = parse(readFileSync(new URL('../../../content/book.yaml', import.meta.url), 'utf8')) as {
  parts: { chapters: (string | { id: string; planned?: boolean })[] }[];
};
const BOOK_CHAPTERS = structure.parts.flatMap((part) =>
  part.chapters.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.planned ? [] : [entry.id])),
);

/** Every chapter file under content/, by its frontmatter id. */
function chapterSources(): Map<string, string> {
  const root = new URL('../../../content/', import.meta.url);
  const files = (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => /\.mdx?$/.test(name));
  return new Map(
    files.map((name) => {
      const source = readFileSync(new URL(name, root), 'utf8');
      return [/^id:\s*(\S+)/m.exec(source)?.[1] ?? name, source];
    }),
  );
}

interface PlanRow {
  week: number;
  chapters: string[];
}

/** Rows of the first Markdown table after `heading`: week number and the chapter ids linked with {doc}. */
function coursePlan(source: string, heading: string): PlanRow[] {
  const start = source.indexOf(heading);
  if (start === -1) throw new Error(`No course plan headed ${heading}`);
  const lines = source.slice(start).split('\n').slice(1);
  const tableStart = lines.findIndex((line) => line.startsWith('|'));
  const rows: PlanRow[] = [];
  for (const line of lines.slice(tableStart + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((cell) => cell.trim());
    const chapters = [...(cells[2] ?? '').matchAll(/\{doc\}`([^`]+)`/g)].map((match) => match[1] ?? '');
    rows.push({ week: Number(cells[1]), chapters });
  }
  return rows;
}

describe('chapter 0-1-intro course plans', () => {
  for (const [heading, weeks] of [
    ['**A 7-week course**', 7],
    ['**A 14-week course**', 14],
  ] as const) {
    it(`should number the weeks of ${heading.replaceAll('*', '')} from 1 to ${weeks}`, () => {
      expect(coursePlan(chapter, heading).map((row) => row.week)).toEqual(Array.from({ length: weeks }, (_, i) => i + 1));
    });

    it(`should link every chapter of the book in ${heading.replaceAll('*', '')}`, () => {
      const linked = new Set(coursePlan(chapter, heading).flatMap((row) => row.chapters));
      expect([...linked].sort()).toEqual([...BOOK_CHAPTERS].sort());
    });
  }

  it('should give most chapters a week of their own in the 14-week course, as the text says', () => {
    expect(chapter).toContain('the longer one gives most\nchapters a week of their own');
    const rows = coursePlan(chapter, '**A 14-week course**');
    const singleChapterWeeks = new Set(rows.filter((row) => row.chapters.length === 1).flatMap((row) => row.chapters));
    expect(singleChapterWeeks.size).toBeGreaterThan(BOOK_CHAPTERS.length / 2);
  });

  it('should be right that every chapter but the named exception opens with objectives and closes with exercises', () => {
    const [, exception] = chapter.match(/with one exception: the chapter on\s+generative AI, \{doc\}`([^`]+)`/) ?? [];
    expect(exception).toBe('4-1-genai');
    const sources = chapterSources();
    for (const id of BOOK_CHAPTERS) {
      const source = sources.get(id) ?? '';
      const hasObjectives = /^objectives:\s*\n\s+- /m.test(source);
      const hasExercises = /^## Exercises\s*$/m.test(source);
      expect({ id, hasObjectives, hasExercises }).toEqual({ id, hasObjectives: id !== exception, hasExercises: id !== exception });
    }
  });
});
