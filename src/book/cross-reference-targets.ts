/**
 * Cross-reference targets of the whole book, collected before any chapter is resolved (MyST's two
 * passes): chapters by stable id, and every label — section labels and heading ids, named figures and
 * admonitions, labelled equations (`$$`, amsmath environments, `{math}`) — with its chapter, anchor,
 * number and title. Duplicate labels are reported at the second definition, naming the first.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { RuleId } from '../diagnostics/rule-ids.js';
import type { LabelTarget, ResolvableTargets } from '../markdown/crossrefs/targets.js';
import { relocateNotebookMessages } from '../notebooks/notebook-chapter.js';
import type { BookChapter, BookModel } from './book-model.js';
import type { BookPaths } from './book-paths.js';
import type { ChapterFile } from './chapter-files.js';
import { parseChapterStructure } from './parse-chapter.js';

export type { LabelTarget };

/** A label of one chapter, found in its structural tree, with its line in the chapter file. */
export type ChapterTarget = { target: Omit<LabelTarget, 'chapterId' | 'file'>; line: number | undefined };

/** A chapter's targets (undefined when it does not parse): by default from a fresh structural parse. */
export type ChapterTargetsOf = (chapterFile: ChapterFile, chapter: BookChapter, paths: BookPaths) => ChapterTarget[] | undefined;

const parsedTargets: ChapterTargetsOf = (chapterFile, chapter, paths) => {
  const tree = parseChapterStructure(chapterFile, chapter, paths);
  return tree && targetsOfTree(tree);
};

/** The targets, with the book's chapters (the cross-reference plugin reads a subset of them). */
export interface CrossReferenceTargets extends ResolvableTargets {
  /** Every chapter of the structure, published or planned, by stable id. */
  chapters: Map<string, BookChapter>;
  /** Messages about the targets themselves (duplicates), by chapter file. */
  files: VFile[];
}

/** Collect the targets of every published chapter of `model` (as `targetsOf` gives them, e.g. kept ones). */
export function collectCrossReferenceTargets(model: BookModel, paths: BookPaths, targetsOf: ChapterTargetsOf = parsedTargets): CrossReferenceTargets {
  const chapters = new Map(model.parts.flatMap((part) => part.chapters).map((chapter) => [chapter.id, chapter]));
  const labels = new Map<string, LabelTarget>();
  const files: VFile[] = [];
  for (const chapter of model.chapters) {
    const chapterFile = model.chapterFiles.get(chapter.id);
    if (!chapterFile) continue;
    const found = targetsOf(chapterFile, chapter, paths);
    if (!found) continue;
    const messages = new VFile({ path: chapterFile.displayPath });
    for (const { target, line } of found) {
      const existing = labels.get(target.label);
      if (existing) {
        messages.message(
          `Duplicate label \`${target.label}\`: it is already defined at ${existing.file}${existing.line ? `:${existing.line}` : ''}; labels must be unique in the book`,
          { place: line ? { line, column: 1 } : undefined, ruleId: RuleId.labelUnique, source: 'cross-references' },
        ).fatal = true;
        continue;
      }
      labels.set(target.label, { ...target, chapterId: chapter.id, file: chapterFile.displayPath, line });
    }
    // A notebook's lines are those of its converted source: report them in the .ipynb file.
    relocateNotebookMessages(chapterFile, messages.messages);
    files.push(messages);
  }
  return { chapters, labels, files };
}

/** The labelled things of one chapter's structural tree, in document order. */
export function targetsOfTree(tree: Root): ChapterTarget[] {
  const found: ChapterTarget[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading' && node.data?.label) {
      const { id, title } = node.data.label;
      found.push({ target: { kind: 'section', label: id, anchor: id, title }, line: node.position?.start.line });
    } else if (node.type === 'figure' && node.data?.figure) {
      const { id, number } = node.data.figure;
      const caption = node.children[1];
      const title = caption ? toString(caption).replace(/^Figure \S+\s*/, '') : '';
      found.push({ target: { kind: 'figure', label: id, anchor: id, title, number }, line: node.position?.start.line });
    } else if (node.type === 'callout' && typeof node.data?.hProperties?.id === 'string') {
      // A named admonition (`:name:`), which MyST lets `{ref}` link with its title.
      const id = node.data.hProperties.id;
      found.push({ target: { kind: 'section', label: id, anchor: id, title: node.children[0] ? toString(node.children[0]) : id }, line: node.position?.start.line });
    } else if (node.type === 'selfCheck' && node.data?.selfCheck) {
      // A self-check question's label: unique like any other, and `{ref}` links to it with its question.
      const { label, title } = node.data.selfCheck;
      found.push({ target: { kind: 'section', label, anchor: label, title }, line: node.position?.start.line });
    } else if (node.type === 'math' && node.data?.equation) {
      const { id, number } = node.data.equation;
      found.push({ target: { kind: 'equation', label: id, anchor: id, title: '', number }, line: node.position?.start.line });
    }
  });
  return found;
}
