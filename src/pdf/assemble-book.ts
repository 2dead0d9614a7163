/**
 * Page numbers and the whole book, with pdf-lib: Chromium prints each chapter on its own
 * (scripts/pdf.ts), so the numbers in its footer would restart in every chapter. The printed PDFs get
 * their footer here instead — the chapter's number and title, and the page number — counted within
 * the chapter in a chapter's PDF and across the book in the whole book's.
 */
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';

export interface PrintedChapter {
  /** "4.1 Responsible AI in the Age of Generative AI". */
  label: string;
  pdf: Uint8Array;
}

const FOOTER_SIZE = 8.5;
const FOOTER_GAP = 24; // points from the bottom edge

/** Text the standard font can draw: characters outside its encoding become close ASCII or go. */
function drawable(font: PDFFont, text: string): string {
  const plain = text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');
  return [...plain].filter((character) => {
    try {
      font.encodeText(character);
      return true;
    } catch {
      return false;
    }
  }).join('');
}

/** Stamp the footer on pages `[from, to)` of `document`: `label` on the left, the page number on the right. */
async function stampFooters(document: PDFDocument, from: number, to: number, label: string, firstNumber: number): Promise<void> {
  const font = await document.embedFont(StandardFonts.Helvetica);
  const text = drawable(font, label);
  for (let index = from; index < to; index++) {
    const page = document.getPage(index);
    const { width } = page.getSize();
    const number = String(firstNumber + index - from);
    page.drawText(text, { x: 50, y: FOOTER_GAP, size: FOOTER_SIZE, font, color: rgb(0.3, 0.3, 0.3) });
    page.drawText(number, { x: width - 50 - font.widthOfTextAtSize(number, FOOTER_SIZE), y: FOOTER_GAP, size: FOOTER_SIZE, font, color: rgb(0.3, 0.3, 0.3) });
  }
}

/** A chapter's PDF with its footers (pages numbered from 1). */
export async function numberChapter(chapter: PrintedChapter): Promise<Uint8Array> {
  const document = await PDFDocument.load(chapter.pdf);
  await stampFooters(document, 0, document.getPageCount(), chapter.label, 1);
  return document.save();
}

/** How many pages a PDF has. */
export async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

/**
 * The whole book: the front matter (unnumbered title page, then numbered contents), then every
 * chapter in order, pages numbered across the book, with the book's title and metadata.
 */
export async function assembleBook(front: Uint8Array, chapters: readonly PrintedChapter[], meta: { title: string; authors: readonly string[] }): Promise<Uint8Array> {
  const book = await PDFDocument.create();
  book.setTitle(meta.title);
  book.setAuthor(meta.authors.join(', '));
  book.setCreator('npm run pdf (Chromium, pdf-lib)');
  const append = async (pdf: Uint8Array): Promise<[number, number]> => {
    const source = await PDFDocument.load(pdf);
    const start = book.getPageCount();
    for (const page of await book.copyPages(source, source.getPageIndices())) book.addPage(page);
    return [start, book.getPageCount()];
  };
  const [, frontEnd] = await append(front);
  if (frontEnd > 1) await stampFooters(book, 1, frontEnd, meta.title, 2);
  for (const chapter of chapters) {
    const [start, end] = await append(chapter.pdf);
    await stampFooters(book, start, end, chapter.label, start + 1);
  }
  return book.save();
}
