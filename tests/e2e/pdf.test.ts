/**
 * `npm run pdf`’s printing (src/pdf/print-book.ts) on the built book: two chapters and the whole book
 * of them, read back with pdftotext and pdffonts (Debian's poppler-utils). The text holds the chapter
 * title, a section heading, a formula's symbols in KaTeX's embedded fonts (vector math, not pictures),
 * a reference entry with its URL, an interactive figure's static state, page-number footers, and no
 * navigation chrome; the whole book opens with its title page and contents, with page numbers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBookModel } from '../../src/book/book-model.js';
import { bookPaths } from '../../src/book/book-paths.js';
import { printBook } from '../../src/pdf/print-book.js';
import { useBrowserSession } from '../support/browser-session.js';
import { makeTempDir } from '../support/temp-dir.js';

const session = useBrowserSession('book');
let folder: string;
let written: string[];

/** The text of pages `first`–`last` of a PDF (all by default), as pdftotext reads it. */
function pdfText(file: string, pages: { first?: number; last?: number; layout?: boolean } = {}): string {
  const range = [...(pages.first ? ['-f', String(pages.first)] : []), ...(pages.last ? ['-l', String(pages.last)] : []), ...(pages.layout ? ['-layout'] : [])];
  return execFileSync('pdftotext', [...range, path.join(folder, file), '-'], { encoding: 'utf8' });
}

/** Text with line breaks and runs of spaces made single spaces (titles wrap on the page). */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(folder, file)], { encoding: 'utf8' }))?.[1]);
}

beforeAll(async () => {
  const model = buildBookModel(bookPaths());
  const chapters = model.chapters.filter((chapter) => chapter.slug === 'measuring-fairness' || chapter.slug === 'generative-ai');
  folder = makeTempDir('pdf-');
  written = await printBook({ browser: session.browser, model, chapters, url: session.book.url, outFolder: folder, wholeBook: true, edition: 'Version 9.9.9, 1 May 2026' });
}, 240_000);

describe('npm run pdf', () => {
  it('should write each chapter’s PDF and the whole book’s', () => {
    expect(written.sort()).toEqual(['book.pdf', 'generative-ai.pdf', 'measuring-fairness.pdf']);
    for (const file of written) expect(existsSync(path.join(folder, file))).toBe(true);
  });

  it('should print a chapter with its title, sections, math as text in KaTeX’s fonts, references and their URLs', () => {
    const text = pdfText('measuring-fairness.pdf');
    expect(text).toContain('Measuring Fairness');
    expect(text).toContain('Group fairness criteria');
    // Demographic parity, Pr(Ŷ = 1 | A = a) = Pr(Ŷ = 1 | A = b): symbols a reader can search and copy.
    expect(text).toMatch(/Pr\(Y\s*\^?\s*=\s*1\s*∣\s*A\s*=\s*a\)/);
    const fonts = execFileSync('pdffonts', [path.join(folder, 'measuring-fairness.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/KaTeX_Main-Regular\s+CID TrueType/);
    expect(text).toMatch(/Barocas, S\., Hardt, M\., & Narayanan, A\. \(2023\)\. Fairness and machine learning/);
    expect(text).toContain('https://fairmlbook.org');
    // Figures with their numbered captions, and the interactive figure in its server-rendered state.
    expect(text).toContain('Figure 1.2.1');
    expect(text).toContain('Shown with group A at t = 0.50');
  });

  it('should write out the URL after an external link in the text', () => {
    // A long URL wraps where the line ends: read it without the line breaks.
    expect(pdfText('generative-ai.pdf').replace(/\n/g, '')).toContain('(https://www.darioamodei.com/post/the-urgency-of-interpretability)');
  });

  it('should leave out the navigation chrome and the reference lists’ back-links', () => {
    const text = pdfText('measuring-fairness.pdf');
    for (const chrome of ['Skip to content', 'On this page', 'Show contents', 'Previous', 'Part 0 · Overview', '↩']) expect(text, chrome).not.toContain(chrome);
  });

  it('should number the pages of a chapter in its footer', () => {
    const pages = pageCount('measuring-fairness.pdf');
    expect(pages).toBeGreaterThan(5);
    expect(pages).toBeLessThan(40);
    // The footer ends the page's text; pdftotext may read an equation number of the right margin
    // (`(1.2.1)`, a line of its own) between the footer's title and its page number.
    const withoutEquationNumbers = (text: string) => text.replace(/^\(\d+(?:\.\d+)+\)\s*$/gm, '');
    expect(withoutEquationNumbers(pdfText('measuring-fairness.pdf', { first: 2, last: 2 }))).toMatch(/1\.2 Measuring Fairness\s+2\s*$/);
    expect(withoutEquationNumbers(pdfText('measuring-fairness.pdf', { first: pages, last: pages }))).toMatch(new RegExp(`1\\.2 Measuring Fairness\\s+${pages}\\s*$`));
  });

  it('should open the whole book with a title page and contents, then every chapter in order, numbered through', () => {
    const chapterPages = [pageCount('generative-ai.pdf'), pageCount('measuring-fairness.pdf')];
    const total = pageCount('book.pdf');
    const front = total - chapterPages[0]! - chapterPages[1]!;
    expect(front).toBeGreaterThanOrEqual(2);
    const title = flat(pdfText('book.pdf', { first: 1, last: 1 }));
    expect(title).toContain('Responsible AI for Data Scientists');
    expect(title).toContain('Version 9.9.9, 1 May 2026');
    // In layout order, each contents line reads number, title, page.
    const contents = pdfText('book.pdf', { first: 2, last: front, layout: true });
    // Reading order: part 1's chapter before part 4's, each at the page where it starts.
    const fairnessStart = front + 1;
    const genaiStart = front + 1 + chapterPages[1]!;
    expect(contents).toMatch(new RegExp(`1\\.2\\s+Measuring Fairness\\s+${fairnessStart}`));
    expect(contents).toMatch(new RegExp(`4\\.1\\s+Responsible AI in the Age of Generative AI\\s+${genaiStart}`));
    expect(pdfText('book.pdf', { first: fairnessStart, last: fairnessStart })).toContain('Measuring Fairness');
    expect(flat(pdfText('book.pdf', { first: genaiStart, last: genaiStart }))).toMatch(new RegExp(`Responsible AI in the Age of Generative AI.*4\\.1 Responsible AI in the Age of Generative AI ${genaiStart} ?$`));
  });
});
