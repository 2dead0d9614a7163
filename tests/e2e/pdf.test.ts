/**
 * `npm run pdf`’s printing (src/pdf/print-book.ts) on the built book: three chapters and the whole
 * book of them, read back with pdftotext, pdffonts, pdfinfo and pdftohtml (Debian's poppler-utils) and
 * pdf-lib. The text holds the chapter title, a section heading, a formula's symbols in KaTeX's embedded
 * fonts (vector math, not pictures), a reference entry with its URL, an interactive figure's static
 * state, page-number footers, and no navigation chrome; the whole book opens with its title page and
 * contents, with page numbers. In the whole book, links to another chapter, to a section of it, to a
 * reference and from the contents open the page they name; links to the rest of the site go to the
 * public site, as in a chapter's PDF; and the bookmarks list the parts, chapters and sections.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBookModel } from '../../src/book/book-model.js';
import { bookPaths } from '../../src/book/book-paths.js';
import { printBook } from '../../src/pdf/print-book.js';
import { useBrowserSession } from '../support/browser-session.js';
import { type PdfLink, pdfLinks } from '../support/pdf-structure.js';
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

/** The public site the PDFs' links to the rest of the book's site go to (a book.yaml `siteUrl` and `base`). */
const PUBLIC = 'https://example.org/rai/';

/** The book's pages, from 1: where each printed chapter starts, after the front matter. */
function bookPages(): { front: number; fairness: number; local: number; genai: number } {
  const [fairness, local, genai] = ['measuring-fairness.pdf', 'local-interpretation.pdf', 'generative-ai.pdf'].map(pageCount) as [number, number, number];
  const front = pageCount('book.pdf') - fairness - local - genai;
  return { front, fairness: front + 1, local: front + 1 + fairness, genai: front + 1 + fairness + local };
}

/** A named destination of a chapter's PDF, as poppler reads it: its page (from 1) and top. */
function destination(file: string, name: string): { page: number; top: number } {
  const line = execFileSync('pdfinfo', ['-dests', path.join(folder, file)], { encoding: 'utf8' })
    .split('\n')
    .find((row) => row.endsWith(`"${name}"`));
  const match = /^\s*(\d+)\s+\[\s*XYZ\s+\S+\s+(\S+)/.exec(line ?? '');
  if (!match) throw new Error(`${file} has no destination ${name}`);
  return { page: Number(match[1]), top: Number(match[2]) };
}

async function links(file: string): Promise<PdfLink[]> {
  return pdfLinks(await PDFDocument.load(readFileSync(path.join(folder, file))));
}

/** The link of `book` at the place of `link` of a chapter whose first page is the book's page `start` (from 1). */
function sameLinkIn(book: readonly PdfLink[], link: PdfLink, start: number): PdfLink | undefined {
  return book.find((candidate) => candidate.page === start - 1 + link.page && candidate.rect.join() === link.rect.join());
}

interface OutlineItem {
  title: string;
  page: number;
  children: OutlineItem[];
}

/** A PDF's outline as poppler reads it (pdftohtml's XML: nested `<outline>`s of `<item page="…">`). */
function outline(file: string): OutlineItem[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', path.join(folder, file)], { encoding: 'utf8' });
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const root: OutlineItem[] = [];
  const levels: OutlineItem[][] = [];
  for (const token of xml.slice(xml.indexOf('<outline>')).matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (token[0] === '<outline>') levels.push(levels.length === 0 ? root : (levels.at(-1)!.at(-1)?.children ?? []));
    else if (token[0] === '</outline>') levels.pop();
    else levels.at(-1)?.push({ title: unescape(token[2]!), page: Number(token[1]), children: [] });
    if (levels.length === 0) break;
  }
  return root;
}

beforeAll(async () => {
  const model = buildBookModel(bookPaths());
  // Local Interpretations links to the other two: to Measuring Fairness, to one of its sections, and to Generative AI.
  const chapters = model.chapters.filter((chapter) => ['measuring-fairness', 'local-interpretation', 'generative-ai'].includes(chapter.slug ?? ''));
  folder = makeTempDir('pdf-');
  written = await printBook({ browser: session.browser, model, chapters, url: session.book.url, publicUrl: (pathBelowBase) => new URL(pathBelowBase, PUBLIC).href, outFolder: folder, wholeBook: true, edition: 'Version 9.9.9, 1 May 2026' });
}, 240_000);

describe('npm run pdf', () => {
  it('should write each chapter’s PDF and the whole book’s', () => {
    expect(written.sort()).toEqual(['book.pdf', 'generative-ai.pdf', 'local-interpretation.pdf', 'measuring-fairness.pdf']);
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
    const { front, fairness: fairnessStart, local: localStart, genai: genaiStart } = bookPages();
    expect(front).toBeGreaterThanOrEqual(2);
    const title = flat(pdfText('book.pdf', { first: 1, last: 1 }));
    expect(title).toContain('Responsible AI for Data Scientists');
    expect(title).toContain('Version 9.9.9, 1 May 2026');
    // In layout order, each contents line reads number, title, page.
    const contents = pdfText('book.pdf', { first: 2, last: front, layout: true });
    // Reading order: part 1's chapter before part 2's and part 4's, each at the page where it starts.
    expect(contents).toMatch(new RegExp(`1\\.2\\s+Measuring Fairness\\s+${fairnessStart}`));
    expect(contents).toMatch(new RegExp(`2\\.3\\s+Methods for Local Interpretations\\s+${localStart}`));
    expect(contents).toMatch(new RegExp(`4\\.1\\s+Responsible AI in the Age of Generative AI\\s+${genaiStart}`));
    expect(pdfText('book.pdf', { first: fairnessStart, last: fairnessStart })).toContain('Measuring Fairness');
    expect(flat(pdfText('book.pdf', { first: genaiStart, last: genaiStart }))).toMatch(new RegExp(`Responsible AI in the Age of Generative AI.*4\\.1 Responsible AI in the Age of Generative AI ${genaiStart} ?$`));
  });

  it('should send a link to another chapter, or to a section of it, to the page where it starts in the whole book', async () => {
    const { fairness: fairnessStart, local: localStart, genai: genaiStart } = bookPages();
    const [chapter, book] = [await links('local-interpretation.pdf'), await links('book.pdf')];
    const toSection = chapter.find((link) => link.uri?.endsWith('/measuring-fairness/#measure-individual-fairness'));
    const toChapter = chapter.find((link) => link.uri?.endsWith('/generative-ai/'));
    // In the whole book the same links open the section's page, at the section, and the chapter's first page.
    const section = destination('measuring-fairness.pdf', 'measure-individual-fairness');
    const sectionLink = sameLinkIn(book, toSection!, localStart);
    expect(sectionLink?.goTo?.page).toBe(fairnessStart - 1 + section.page - 1);
    expect(Math.abs(sectionLink!.goTo!.top - section.top)).toBeLessThan(1);
    expect(pdfText('book.pdf', { first: fairnessStart + section.page - 1, last: fairnessStart + section.page - 1 })).toContain('Individual fairness');
    expect(sameLinkIn(book, toChapter!, localStart)?.goTo?.page).toBe(genaiStart - 1);
    expect(flat(pdfText('book.pdf', { first: genaiStart, last: genaiStart }))).toMatch(/^\s*Part 4 · Special Topics · Chapter 4\.1 Responsible AI in the Age of Generative AI/);
    // In the chapter's own PDF they go to the public site, not to the print server (gone by then).
    expect(toSection?.uri).toBe(`${PUBLIC}measuring-fairness/#measure-individual-fairness`);
    expect(toChapter?.uri).toBe(`${PUBLIC}generative-ai/`);
  });

  it('should keep a chapter’s links to its own references and equations in the whole book', async () => {
    const { fairness: fairnessStart } = bookPages();
    const [chapter, book] = [await links('measuring-fairness.pdf'), await links('book.pdf')];
    // The first citation of Barocas et al. opens the page of its reference entry.
    const reference = destination('measuring-fairness.pdf', 'ref-barocas-hardt-narayanan');
    const citation = book.find((link) => link.page === fairnessStart - 1 && link.goTo?.page === fairnessStart - 1 + reference.page - 1);
    expect(citation).toBeDefined();
    expect(flat(pdfText('book.pdf', { first: citation!.goTo!.page + 1, last: citation!.goTo!.page + 1 }))).toContain('Barocas, S., Hardt, M., & Narayanan, A. (2023)');
    // And every link within the chapter goes where it goes in the chapter's own PDF.
    const own = chapter.filter((link) => link.goTo);
    expect(own.length).toBeGreaterThan(10);
    for (const link of own) expect(sameLinkIn(book, link, fairnessStart)?.goTo, `link on page ${link.page + 1}`).toEqual({ page: fairnessStart - 1 + link.goTo!.page, top: link.goTo!.top });
  });

  it('should give every element of a chapter with an id a named destination in its PDF, linked from its own page or not', async () => {
    // The page as it was printed: print media, scripts off; the elements shown there.
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(session.book.url('measuring-fairness/'));
      const ids = await page.$$eval('main [id]', (elements) =>
        elements.filter((element) => element.checkVisibility()).map((element) => ({ id: element.id, linked: document.querySelector(`a[href="#${CSS.escape(element.id)}"]`) !== null })),
      );
      const names = new Set(execFileSync('pdfinfo', ['-dests', path.join(folder, 'measuring-fairness.pdf')], { encoding: 'utf8' }).split('\n').flatMap((line) => /"(.*)"$/.exec(line)?.[1] ?? []));
      // Another chapter may link to any of them, such as the learning objectives, which nothing on their own page links to.
      expect(ids.filter((element) => !element.linked).map((element) => element.id)).toContain('objectives-title');
      expect(ids.length).toBeGreaterThan(50);
      expect(ids.filter((element) => !names.has(element.id))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('should link each line of the whole book’s contents to its chapter’s first page', async () => {
    const { front, fairness, local, genai } = bookPages();
    const contents = (await links('book.pdf')).filter((link) => link.page < front);
    expect([...new Set(contents.map((link) => link.goTo?.page))]).toEqual([fairness - 1, local - 1, genai - 1]);
  });

  it('should keep external links and send links to the rest of the site to its public address', async () => {
    const printServer = session.book.url('');
    const uris = async (file: string) => (await links(file)).flatMap((link) => (link.uri ? [link.uri] : []));
    const book = await uris('book.pdf');
    expect(book).toContain('https://www.darioamodei.com/post/the-urgency-of-interpretability');
    expect(book).toContain(`${PUBLIC}interpretability/`);
    expect(book.filter((uri) => uri.startsWith(`${PUBLIC}glossary/#term-`)).length).toBeGreaterThan(10);
    expect(await uris('generative-ai.pdf')).toContain('https://www.darioamodei.com/post/the-urgency-of-interpretability');
    expect((await uris('local-interpretation.pdf')).filter((uri) => uri.startsWith(`${PUBLIC}glossary/#term-`)).length).toBeGreaterThan(0);
    for (const file of written) expect((await uris(file)).filter((uri) => uri.startsWith(printServer)), file).toEqual([]);
  });

  it('should list the front matter, parts, chapters and their sections in the whole book’s bookmarks, each at its page', () => {
    const { fairness, local, genai } = bookPages();
    const items = outline('book.pdf');
    expect(items.map((item) => [item.title, item.page])).toEqual([
      ['Responsible AI for Data Scientists', 1],
      ['Contents', 2],
      ['Part 1 · Fairness and Algorithmic Bias', fairness],
      ['Part 2 · Transparency and Interpretable Machine Learning', local],
      ['Part 4 · Special Topics', genai],
    ]);
    // The chapters, in order, each at the page the contents gives it (checked above).
    expect(items.flatMap((item) => item.children.map((chapter) => [chapter.title, chapter.page]))).toEqual([
      ['1.2 Measuring Fairness', fairness],
      ['2.3 Methods for Local Interpretations', local],
      ['4.1 Responsible AI in the Age of Generative AI', genai],
    ]);
    const measuring = items[2]!.children[0]!;
    const sections = measuring.children.map((section) => section.title);
    expect(sections.slice(0, 2)).toEqual(['Setting and notation', 'Group fairness criteria']);
    expect(sections).toContain('References');
    expect(measuring.children[1]!.children.map((section) => section.title)).toContain('Demographic parity');
    const individual = measuring.children.find((section) => section.title === 'Individual fairness');
    expect(individual?.page).toBe(fairness + destination('measuring-fairness.pdf', 'measure-individual-fairness').page - 1);
  });

  it('should list a chapter’s sections in its own PDF’s bookmarks', () => {
    const [chapter] = outline('measuring-fairness.pdf');
    expect(chapter).toMatchObject({ title: '1.2 Measuring Fairness', page: 1 });
    expect(chapter!.children.map((section) => [section.title, section.page])).toContainEqual(['Individual fairness', destination('measuring-fairness.pdf', 'measure-individual-fairness').page]);
  });
});
