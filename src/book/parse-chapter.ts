/**
 * Parse a chapter into the mdast that the whole-book passes read (cross-reference targets, the
 * citation index, glossary uses): the same parser and structural plugins as rendering
 * (`structuralRemarkPlugins`), but no resolvers. Directive bodies (callouts, figure captions) are parsed
 * too, so their citations and labels count like the rendered ones.
 */
import type { Root } from 'mdast';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { ChapterContext } from '../markdown/chapter-context/index.js';
import { structuralRemarkPlugins } from '../markdown/pipeline.js';
import { countWork } from '../process/build-counts.js';
import type { BookChapter } from './book-model.js';
import type { BookPaths } from './book-paths.js';
import type { ChapterFile } from './chapter-files.js';
import { chapterParser } from './check-chapters.js';

/**
 * What the structural pass made of a chapter: its tree (absent when it does not parse), the messages
 * of the structural plugins, the parse error if any, and the chapter's context the plugins found. The
 * content check reports these messages and runs only the resolvers on a copy of the tree
 * (check-chapters.ts), so a build parses each chapter once for the book and once to render it.
 */
export interface ChapterStructure {
  /** The source parsed. */
  source: string;
  tree?: Root;
  messages: VFileMessage[];
  /** What made the chapter fail to parse (a syntax error is a VFileMessage). */
  error?: unknown;
  bookChapter?: ChapterContext;
}

/** The chapter's tree, or undefined when it does not parse (the content check reports why). */
export function parseChapterStructure(chapterFile: ChapterFile, chapter: BookChapter, paths: BookPaths): Root | undefined {
  return parseChapterStructureWithMessages(chapterFile, chapter, paths).tree;
}

/** The structural pass over one chapter, with its messages. */
export function parseChapterStructureWithMessages(chapterFile: ChapterFile, chapter: BookChapter, paths: BookPaths): ChapterStructure {
  const structural = structuralRemarkPlugins({ publicDir: paths.public, chapterOfFile: () => ({ id: chapter.id, number: chapter.number }) });
  // Astro's plugin-list type is looser than unified's; the lists are the same plugins.
  const processor = chapterParser(chapterFile.path).use(structural as PluggableList);
  const file = new VFile({ path: chapterFile.path, value: chapterFile.source });
  countWork('structural parses');
  try {
    const tree = processor.runSync(processor.parse(file), file) as Root;
    return { source: chapterFile.source, tree, messages: file.messages, bookChapter: file.data.bookChapter };
  } catch (error) {
    return { source: chapterFile.source, messages: file.messages, error, bookChapter: file.data.bookChapter };
  }
}
