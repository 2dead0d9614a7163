/**
 * Parse a chapter into the mdast that the whole-book passes read (cross-reference targets, the
 * citation index): the same parser and structural plugins as rendering, up to and including labels
 * and equation numbers, but no resolvers. Directive bodies (callouts, figure captions) are parsed too,
 * so their citations and labels count like the rendered ones.
 */
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import remarkAmsmath from '../markdown/amsmath/index.js';
import remarkCallouts from '../markdown/callouts/index.js';
import remarkChapterContext from '../markdown/chapter-context/index.js';
import remarkChapterTitle from '../markdown/chapter-title/index.js';
import remarkDirectives from '../markdown/directives/index.js';
import remarkEquations from '../markdown/equations/index.js';
import remarkFigures from '../markdown/figures/index.js';
import remarkLabels from '../markdown/labels/index.js';
import remarkMathDirective from '../markdown/math-directive/index.js';
import remarkMystRoles from '../markdown/myst-roles/index.js';
import remarkSelfCheck from '../markdown/self-check/index.js';
import type { BookChapter } from './book-model.js';
import type { BookPaths } from './book-paths.js';
import type { ChapterFile } from './chapter-files.js';
import { countWork } from '../process/build-counts.js';
import { chapterParser } from './check-chapters.js';

/** The chapter's tree, or undefined when it does not parse (the content check reports why). */
export function parseChapterStructure(chapterFile: ChapterFile, chapter: BookChapter, paths: BookPaths): Root | undefined {
  const processor = chapterParser(chapterFile.path)
    .use(remarkMath)
    .use(remarkAmsmath)
    .use(remarkDirectives)
    .use(remarkChapterContext, { chapterOfFile: () => ({ id: chapter.id, number: chapter.number }) })
    .use(remarkChapterTitle)
    .use(remarkCallouts)
    .use(remarkFigures, { publicDir: paths.public })
    .use(remarkMathDirective)
    .use(remarkSelfCheck)
    .use(remarkMystRoles)
    .use(remarkLabels)
    .use(remarkEquations);
  const file = new VFile({ path: chapterFile.path, value: chapterFile.source });
  countWork('structural parses');
  try {
    return processor.runSync(processor.parse(file), file) as Root;
  } catch {
    return undefined;
  }
}
