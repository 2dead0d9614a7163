/**
 * Where the book cites each work: for every published chapter, every citation of every key with its
 * section, in document order. Numbered like the citation plugin numbers its links (`cite-<key>-<n>`),
 * so "cited in" links on the bibliography page land on the citation itself.
 */
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Cite } from '../markdown/myst-roles/types.js';
import type { BookChapter, BookModel } from './book-model.js';
import type { BookPaths } from './book-paths.js';
import type { ChapterFile } from './chapter-files.js';
import { parseChapterStructure } from './parse-chapter.js';

export interface CitationOccurrence {
  key: string;
  chapterId: string;
  /** 1-based count of this key's citations in the chapter. */
  occurrence: number;
  /** The h2–h6 section the citation is in (absent before the first heading). */
  section?: { title: string; id: string };
}

/** Every citation of a chapter tree, in document order. */
export function collectCitations(tree: Root, chapterId: string): CitationOccurrence[] {
  const occurrences: CitationOccurrence[] = [];
  const counts = new Map<string, number>();
  const slugger = new GithubSlugger();
  let section: CitationOccurrence['section'];
  visit(tree, (node) => {
    if (node.type === 'heading' && node.depth >= 2) {
      const title = toString(node);
      section = { title, id: slugger.slug(title) };
    } else if (node.type === 'cite') {
      for (const key of (node as Cite).keys) {
        const occurrence = (counts.get(key) ?? 0) + 1;
        counts.set(key, occurrence);
        occurrences.push({ key, chapterId, occurrence, section });
      }
    }
  });
  return occurrences;
}

/** A chapter's citations (undefined when it does not parse): by default from a fresh structural parse. */
export type ChapterCitationsOf = (chapterFile: ChapterFile, chapter: BookChapter, paths: BookPaths) => CitationOccurrence[] | undefined;

const parsedCitations: ChapterCitationsOf = (chapterFile, chapter, paths) => {
  const tree = parseChapterStructure(chapterFile, chapter, paths);
  return tree && collectCitations(tree, chapter.id);
};

/** The citations of every published chapter of the book, in reading order (as `citationsOf` gives them). */
export function indexBookCitations(model: BookModel, paths: BookPaths, citationsOf: ChapterCitationsOf = parsedCitations): CitationOccurrence[] {
  const all: CitationOccurrence[] = [];
  for (const chapter of model.chapters) {
    const chapterFile = model.chapterFiles.get(chapter.id);
    const found = chapterFile && citationsOf(chapterFile, chapter, paths);
    if (found) all.push(...found);
  }
  return all;
}
