/**
 * Parse a chapter into the mdast that the whole-book passes read (cross-reference targets, the
 * citation index, glossary uses): the same parser and structural plugins as rendering
 * (`structuralRemarkPlugins`), but no resolvers. Directive bodies (callouts, figure captions) are parsed
 * too, so their citations and labels count like the rendered ones.
 */
import type { Root } from 'mdast';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import { structuralRemarkPlugins } from '../markdown/pipeline.js';
import { countWork } from '../process/build-counts.js';
import type { BookChapter } from './book-model.js';
import type { BookPaths } from './book-paths.js';
import type { ChapterFile } from './chapter-files.js';
import { chapterParser } from './check-chapters.js';

/** The chapter's tree, or undefined when it does not parse (the content check reports why). */
export function parseChapterStructure(chapterFile: ChapterFile, chapter: BookChapter, paths: BookPaths): Root | undefined {
  const structural = structuralRemarkPlugins({ publicDir: paths.public, chapterOfFile: () => ({ id: chapter.id, number: chapter.number }) });
  // Astro's plugin-list type is looser than unified's; the lists are the same plugins.
  const processor = chapterParser(chapterFile.path).use(structural as PluggableList);
  const file = new VFile({ path: chapterFile.path, value: chapterFile.source });
  countWork('structural parses');
  try {
    return processor.runSync(processor.parse(file), file) as Root;
  } catch {
    return undefined;
  }
}
