/**
 * The syllabus: every chapter of the book in reading order with what an instructor plans a course
 * with (description, objectives, reading time, exercises, interactive figures, a stable link), and the
 * same list as text to paste into a course page, as Markdown or plain text. Built from the book model
 * and the chapters' counts (chapter-counts.ts); the page (src/pages/syllabus.astro) only lays it out.
 */
import type { BookChapter, BookModel } from './book-model.js';
import type { ChapterCounts } from './chapter-counts.js';
import { chapterHref } from './navigation.js';
import { readingMinutes } from './reading-time.js';

/** One chapter of the syllabus. */
export interface SyllabusChapter {
  id: string;
  number: string;
  title: string;
  description?: string;
  /** Learning objectives; empty when the chapter states none. */
  objectives: string[];
  /** Forthcoming: listed without a link, reading time or counts. */
  planned: boolean;
  /** The page's path on this site (under the base), for links within the site. */
  href?: string;
  /** The stable link to give others: absolute from the site URL when the book has one, else the path. */
  url?: string;
  /** Estimated minutes (reading-time.ts); absent if the chapter did not parse. */
  minutes?: number;
  counts?: ChapterCounts;
}

export interface SyllabusPart {
  number: number;
  title: string;
  chapters: SyllabusChapter[];
}

export interface SyllabusOptions {
  /** The site's base path, `/` or `/course/rai/`. */
  base: string;
  /** The site's public URL (`siteUrl` or SITE), if the book has one. */
  siteUrl?: string;
}

/** The syllabus of `model`, with each published chapter's `counts` (by id). */
export function buildSyllabus(model: BookModel, counts: ReadonlyMap<string, ChapterCounts>, options: SyllabusOptions): SyllabusPart[] {
  const entry = (chapter: BookChapter): SyllabusChapter => {
    const common = {
      id: chapter.id,
      number: chapter.number,
      title: chapter.title,
      description: chapter.description,
      objectives: chapter.objectives ?? [],
    };
    if (chapter.planned || !chapter.slug) return { ...common, planned: true };
    const href = chapterHref(options.base, chapter);
    const chapterCounts = counts.get(chapter.id);
    return {
      ...common,
      planned: false,
      href,
      url: options.siteUrl ? new URL(href, options.siteUrl).href : href,
      counts: chapterCounts,
      minutes: chapterCounts ? readingMinutes(chapterCounts) : undefined,
    };
  };
  return model.parts.map((part) => ({ number: part.number, title: part.title, chapters: part.chapters.map(entry) }));
}

/** The published chapters of a syllabus, in reading order (what "copy as a list" copies). */
function listedChapters(parts: readonly SyllabusPart[]): SyllabusChapter[] {
  return parts.flatMap((part) => part.chapters).filter((chapter) => !chapter.planned && chapter.url);
}

/** Markdown's characters that would change a link text's meaning, escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

const minutesText = (chapter: SyllabusChapter) => (chapter.minutes === undefined ? '' : ` (${chapter.minutes} min)`);

/** One Markdown list item per published chapter: `- 1.2 [Measuring Fairness](url) (24 min)`. */
export function syllabusMarkdown(parts: readonly SyllabusPart[]): string {
  return listedChapters(parts)
    .map((chapter) => `- ${chapter.number} [${escapeMarkdown(chapter.title)}](${chapter.url})${minutesText(chapter)}`)
    .join('\n');
}

/** One plain-text line per published chapter: `1.2 Measuring Fairness (24 min): url`. */
export function syllabusPlainText(parts: readonly SyllabusPart[]): string {
  return listedChapters(parts)
    .map((chapter) => `${chapter.number} ${chapter.title}${minutesText(chapter)}: ${chapter.url}`)
    .join('\n');
}
