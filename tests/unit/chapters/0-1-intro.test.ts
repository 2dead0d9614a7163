/**
 * Checks the course plans of chapter 0-1-intro (content/0-overview/0-1-intro.mdx): the 7-week and 14-week
 * tables number their weeks consecutively and, together, each links every chapter of the book.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const chapter = readFileSync(new URL('../../../content/0-overview/0-1-intro.mdx', import.meta.url), 'utf8');

const BOOK_CHAPTERS = [
  '0-1-intro',
  '0-2-framework',
  '0-3-philosophy',
  '0-4-prep',
  '1-1-intro',
  '1-2-measure',
  '1-3-mitigation',
  '2-1-intro',
  '2-2-global',
  '2-3-local',
  '3-1-framework',
  '3-2-mechanism',
  '4-1-genai',
];

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

  it('should give each chapter its own week in the 14-week course', () => {
    const rows = coursePlan(chapter, '**A 14-week course**');
    const singleChapterWeeks = rows.filter((row) => row.chapters.length === 1).flatMap((row) => row.chapters);
    expect(new Set(singleChapterWeeks)).toEqual(new Set(BOOK_CHAPTERS));
  });
});
