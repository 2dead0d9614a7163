/**
 * remark plugin for the graded edition: with `mode: 'separate'`, each exercise answer (as defined in
 * find-answers.ts) leaves the chapter, replaced by a one-line note, and is handed to `onAnswers` with
 * its chapter, exercise number and title, for the instructor's answer book. With `mode: 'inline'` (the
 * default) the tree is untouched. The one place in the pipeline that decides what an answer is.
 *
 * It runs after the resolvers, so the answers it hands over carry typed citations, cross-references
 * and glossary terms, ready to render; and before the checks. The content check leaves it out of the
 * pipeline (it renders nothing), so every answer is checked in place, a formula in an answer in every edition.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { ChapterContext } from '../chapter-context/index.js';
import { type FoundAnswer, findAnswers } from './find-answers.js';

export { findAnswers, isAnswerTitle, type FoundAnswer } from './find-answers.js';

/** An answer taken out of a chapter. */
export interface ChapterAnswer extends Omit<FoundAnswer, 'parent' | 'start' | 'end'> {
  /** The chapter's id and number (from remarkChapterContext), when the file is a chapter of the book. */
  chapter?: ChapterContext;
  /** The chapter file, as the vfile names it. */
  file?: string;
}

export interface AnswersOptions {
  /** `separate` takes answers out; `inline` leaves them (the book's setting: src/book/answer-mode.ts). */
  mode?: 'inline' | 'separate';
  /** Receives each chapter's answers, in reading order (also when there are none). */
  onAnswers?: (answers: ChapterAnswer[], file: VFile) => void;
}

const emptyOptions: AnswersOptions = Object.freeze({});

/** What a reader of the graded edition sees where an answer was. */
export const WITHHELD_NOTE = 'The answer is in the instructor’s edition.';

export default function remarkAnswers(options?: AnswersOptions) {
  const settings = options || emptyOptions;
  return (tree: Root, file: VFile) => {
    if (settings.mode !== 'separate') return;
    const answers = separateAnswers(tree, file);
    settings.onAnswers?.(answers, file);
  };
}

/** Take every answer out of the tree, leaving the note in its place; return them in reading order. */
export function separateAnswers(tree: Root, file?: VFile): ChapterAnswer[] {
  const found = findAnswers(tree);
  // From the last: removing a block does not move the indices of the ones before it in the same parent.
  for (const answer of [...found].reverse()) {
    answer.parent.children.splice(answer.start, answer.end - answer.start + 1, withheldNote(answer));
  }
  return found.map(({ parent: _parent, start: _start, end: _end, ...answer }) => ({
    ...answer,
    chapter: file?.data.bookChapter,
    file: file?.path,
  }));
}

function withheldNote(answer: FoundAnswer): Paragraph & RootContent {
  return {
    type: 'paragraph',
    data: { hProperties: { className: ['answer-withheld'] } },
    children: [{ type: 'emphasis', children: [{ type: 'text', value: WITHHELD_NOTE }] }],
    position: answer.position,
  };
}
