/**
 * The content check: every published chapter through the book's remark plugins (no rendering), its
 * messages collected. In a build each chapter's structural pass is the book context's (one parse per
 * chapter for the book); the check adds the resolvers' and checks' messages to it. Run before Astro
 * renders anything, so a build reports every content problem together, including in `.md` entries
 * whose plugin errors Astro would only log (STACK.md, pitfall 4), with real line numbers (frontmatter
 * included, unlike Astro's `.md` bodies: pitfall 5).
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { type PluggableList, unified } from 'unified';
import { VFileMessage } from 'vfile-message';
import { RuleId } from '../diagnostics/rule-ids.js';
import { bookRemarkPlugins, type PipelineOptions, resolverRemarkPlugins } from '../markdown/pipeline.js';
import { countWork } from '../process/build-counts.js';
import { relocateNotebookMessages } from '../notebooks/notebook-chapter.js';
import type { ChapterFile } from './chapter-files.js';
import type { ChapterStructure } from './parse-chapter.js';
import { mdxSyntaxHint } from './mdx-syntax-hint.js';

/** The parser of chapter files: Markdown with frontmatter and GFM, plus MDX for `.mdx` files. */
export function chapterParser(chapterPath: string) {
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);
  if (chapterPath.endsWith('.mdx')) processor.use(remarkMdx);
  return processor;
}

/**
 * Check one chapter; its messages are added to `chapter.file`. With the chapter's structural pass
 * (`structure`, from the book context, of this same source), its messages are taken as they are and
 * only the resolvers run, on a copy of its tree; without, the chapter is parsed with every plugin.
 */
export async function checkChapter(chapter: ChapterFile, options: PipelineOptions, structure?: ChapterStructure): Promise<void> {
  const before = chapter.file.messages.length;
  try {
    if (structure && structure.source === chapter.source) {
      countWork('content checks');
      // Copies: the kept messages and tree are the book's, and a notebook's messages are moved below.
      chapter.file.messages.push(...structure.messages.map(copyMessage));
      if (structure.error !== undefined) throw structure.error;
      if (structure.bookChapter) chapter.file.data.bookChapter = structure.bookChapter;
      const processor = unified().use(resolverRemarkPlugins(options) as PluggableList);
      await processor.run(structuredClone(structure.tree!), chapter.file);
    } else {
      const processor = chapterParser(chapter.path);
      // Astro's plugin-list type is looser than unified's; the lists are the same plugins.
      processor.use(bookRemarkPlugins(options) as PluggableList);
      countWork('content check parses');
      const tree = processor.parse(chapter.file);
      await processor.run(tree, chapter.file);
    }
  } catch (error) {
    if (error instanceof VFileMessage) {
      const isMdx = chapter.path.endsWith('.mdx');
      // In MDX, a hint for the mistake the error most likely comes from (see mdx-syntax-hint.ts).
      const hint = isMdx ? mdxSyntaxHint(error, String(chapter.file.value)) : undefined;
      const message = chapter.file.message(`${isMdx ? 'MDX' : 'Markdown'} syntax error: ${error.reason}${hint ? ` (${hint.hint})` : ''}`, {
        place: hint?.place ?? error.place ?? undefined,
        ruleId: RuleId.syntaxParses,
        source: 'check-chapters',
      });
      message.fatal = true;
    } else {
      throw error;
    }
  } finally {
    // A notebook is checked as the MyST it converts to; its messages belong in the .ipynb file.
    relocateNotebookMessages(chapter, chapter.file.messages.slice(before));
  }
}

/**
 * Check all chapters, one after another (the checks share nothing; order keeps output stable), each
 * from its structural pass when `structureOf` gives it (see `checkChapter`).
 */
export async function checkChapters(chapters: Iterable<ChapterFile>, options: PipelineOptions, structureOf?: (chapter: ChapterFile) => ChapterStructure | undefined): Promise<void> {
  for (const chapter of chapters) await checkChapter(chapter, options, structureOf?.(chapter));
}

/** A copy of a message (its own position and text), so that moving it changes nothing kept. */
function copyMessage(message: VFileMessage): VFileMessage {
  return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message);
}
