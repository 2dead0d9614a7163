/**
 * Write the instructor's answer book into its folder, outside the site's output so that no deploy can
 * publish it: `index.html`, its stylesheet, and KaTeX's stylesheet and fonts (the full set: the book
 * is handed out as a folder or a zip and opened from disk, with nothing fetched from the network).
 * The folder is replaced as a whole, so answers deleted from the book leave no stale page behind.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { katexDist } from '../integrations/katex-assets.js';
import { ANSWER_BOOK_STYLESHEET } from './answer-book-style.js';
import { type AnswerBookPage, renderAnswerBook } from './render-answer-book.js';

/** The folder's name at the book root, unless ANSWER_BOOK_DIR names another (git-ignored). */
export const ANSWER_BOOK_FOLDER = 'answer-book';

/** Where the answer book goes: ANSWER_BOOK_DIR (absolute, or relative to the book root), else `answer-book/`. */
export function answerBookDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, env.ANSWER_BOOK_DIR || ANSWER_BOOK_FOLDER);
}

/** Refuse a folder inside the site's output: what is there gets deployed. */
export function checkOutsideSite(folder: string, outDir: string): void {
  const relative = path.relative(path.resolve(outDir), path.resolve(folder));
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new Error(`The answer book would be written to ${folder}, inside the site's output ${outDir}, which is published: set ANSWER_BOOK_DIR to a folder outside it`);
  }
}

/** Write the book; returns the path of its page. */
export function writeAnswerBook(folder: string, page: AnswerBookPage): string {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(path.join(folder, 'katex'), { recursive: true });
  const katex = katexDist();
  cpSync(path.join(katex, 'katex.min.css'), path.join(folder, 'katex', 'katex.min.css'));
  cpSync(path.join(katex, 'fonts'), path.join(folder, 'katex', 'fonts'), { recursive: true });
  writeFileSync(path.join(folder, 'answer-book.css'), ANSWER_BOOK_STYLESHEET);
  const index = path.join(folder, 'index.html');
  writeFileSync(index, renderAnswerBook(page));
  return index;
}
