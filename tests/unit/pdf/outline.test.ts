/**
 * Bookmarks (src/pdf/outline.ts, assemble-book.ts): a chapter's sections nest h3 under h2; the whole
 * book's outline lists the title page, the contents, each part with its chapters (folded) and their
 * sections, each at its page; a chapter's PDF lists the chapter with its sections, unfolded. Built on
 * PDFs shaped as Chromium prints the book's pages.
 */
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assembleBook, chapterPdf, type PrintedBookChapter } from '../../../src/pdf/assemble-book.js';
import { sectionEntries } from '../../../src/pdf/outline.js';
import { type PdfOutlineEntry, pdfOutline } from '../../support/pdf-structure.js';
import { printedPdf } from '../../support/printed-pdf.js';

const site = { printedFrom: 'http://127.0.0.1:4000/' };

async function chapter(label: string, part: string | undefined, pages: { id?: string }[], sections: PrintedBookChapter['sections']): Promise<PrintedBookChapter> {
  const pdf = await printedPdf(pages.map((page, index) => ({ text: `${label} page ${index + 1}`, destinations: page.id ? { [page.id]: 600 } : {} })));
  return { label, path: `${label.split(' ')[0]}/`, ...(part ? { part } : {}), sections, pdf };
}

/** Titles with their pages and, where they have children, their counts: the shape of an outline. */
function shape(entries: readonly PdfOutlineEntry[]): unknown[] {
  return entries.map((entry) => (entry.children.length > 0 ? [entry.title, entry.page, entry.count, shape(entry.children)] : [entry.title, entry.page]));
}

describe('sectionEntries', () => {
  it('should put each h3 under the h2 before it and leave out sections without a point in the PDF', () => {
    const to = { page: PDFRef.of(1), left: 0, top: 0 };
    const entries = sectionEntries(
      [
        { id: 'intro-h3', title: 'Before any h2', depth: 3 },
        { id: 'a', title: 'A', depth: 2 },
        { id: 'a1', title: 'A.1', depth: 3 },
        { id: 'hidden', title: 'Hidden', depth: 3 },
        { id: 'a2', title: 'A.2', depth: 3 },
        { id: 'b', title: 'B', depth: 2 },
      ],
      (id) => (id === 'hidden' ? undefined : to),
    );
    const titles = (list: typeof entries): unknown[] => list.map((entry) => (entry.children.length ? [entry.title, titles(entry.children)] : entry.title));
    expect(titles(entries)).toEqual(['Before any h2', ['A', ['A.1', 'A.2']], 'B']);
  });
});

describe('the outline', () => {
  const sections = [
    { id: 'notation', title: 'Setting and notation', depth: 2 },
    { id: 'parity', title: 'Demographic parity', depth: 3 },
    { id: 'résumé', title: 'Résumé', depth: 2 },
  ];

  it('should list the whole book’s front matter, parts, chapters and sections, each at its page', async () => {
    const chapters = [
      await chapter('1.1 Introduction', 'Part 1 · Fairness', [{}, {}], []),
      await chapter('1.2 Measuring Fairness', 'Part 1 · Fairness', [{}, { id: 'notation' }, { id: 'parity' }, { id: 'résumé' }], sections),
      await chapter('2.1 Privacy', 'Part 2 · Privacy', [{}], []),
    ];
    const front = await printedPdf([{ text: 'Title page' }, { text: 'Contents' }]);
    const book = await PDFDocument.load(await assembleBook(front, chapters, { title: 'Responsible AI', authors: [] }, site));
    // Pages: 0 title, 1 contents, 2–3 Introduction, 4–7 Measuring Fairness, 8 Privacy; Chromium names
    // the destination of `résumé` percent-encoded, the page lists it decoded. Parts show
    // their chapters (count positive), chapters are folded (count negative: their own entries).
    expect(shape(pdfOutline(book))).toEqual([
      ['Responsible AI', 0],
      ['Contents', 1],
      ['Part 1 · Fairness', 2, 2, [['1.1 Introduction', 2], ['1.2 Measuring Fairness', 4, -2, [['Setting and notation', 5, -1, [['Demographic parity', 6]]], ['Résumé', 7]]]]],
      ['Part 2 · Privacy', 8, 1, [['2.1 Privacy', 8]]],
    ]);
    // Viewers open the book with its bookmarks shown.
    expect(book.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('should list a chapter’s sections in its own PDF, under the chapter, unfolded', async () => {
    const measuring = await chapter('1.2 Measuring Fairness', 'Part 1 · Fairness', [{}, { id: 'notation' }, { id: 'parity' }, { id: 'résumé' }], sections);
    const pdf = await PDFDocument.load(await chapterPdf(measuring, site));
    expect(shape(pdfOutline(pdf))).toEqual([['1.2 Measuring Fairness', 0, 2, [['Setting and notation', 1, -1, [['Demographic parity', 2]]], ['Résumé', 3]]]]);
  });
});
