/**
 * `npm run pdf:answers`: the instructor's answer book (written by `ANSWERS=separate npm run build`) as
 * a PDF beside it, `answer-book/answer-book.pdf` (or in ANSWER_BOOK_DIR), printed by Chromium.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { printAnswerBook } from '../src/answer-book/print-answer-book.js';
import { answerBookDir } from '../src/answer-book/write-answer-book.js';
import { loadBookConfig } from '../src/book/book-config.js';
import { bookPaths } from '../src/book/book-paths.js';
import { launchBrowser } from '../tests/support/browser.js';

const paths = bookPaths();
const folder = answerBookDir(paths.root);
if (!existsSync(path.join(folder, 'index.html'))) {
  console.error(`No answer book in ${path.relative(process.cwd(), folder) || folder}/: build the graded edition first (ANSWERS=separate npm run build).`);
  process.exit(1);
}
const browser = await launchBrowser();
try {
  const file = await printAnswerBook(browser, folder, `${loadBookConfig(paths, {}).title}: answer book`);
  console.log(`Wrote ${path.relative(process.cwd(), file) || file}.`);
} finally {
  await browser.close();
}
