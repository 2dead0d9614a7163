/**
 * The answer book as a PDF: Chromium prints the written page from disk (its print stylesheet starts each
 * chapter on a new page and keeps exercises whole), and the book's PDF tooling numbers the pages with
 * the same footer as the chapters' PDFs (src/pdf/assemble-book.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { numberChapter } from '../pdf/assemble-book.js';

/** The PDF's name, beside the answer book's `index.html`. */
export const ANSWER_BOOK_PDF = 'answer-book.pdf';

/** Print `<folder>/index.html` to `<folder>/answer-book.pdf`; returns the PDF's path. */
export async function printAnswerBook(browser: Browser, folder: string, label: string): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '20mm', left: '18mm', right: '18mm' } });
    const file = path.join(folder, ANSWER_BOOK_PDF);
    writeFileSync(file, await numberChapter({ label, pdf }));
    return file;
  } finally {
    await context.close();
  }
}
