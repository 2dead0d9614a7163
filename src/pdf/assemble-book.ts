/**
 * Page numbers, links, bookmarks and the whole book, with pdf-lib. Chromium prints each chapter on
 * its own (scripts/pdf.ts), so the numbers in its footer would restart in every chapter. The printed
 * PDFs get their footer here instead — the chapter's number and title, and the page number — counted
 * within the chapter in a chapter's PDF and across the book in the whole book's. Links to the book's
 * own pages are pointed at the right page of the PDF when it holds them, else at the public site (or
 * removed: the print server they were printed from is gone), and the chapters and their sections
 * become the outline.
 */
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import { type Destination, namedDestinations, type PagePoint, pageTop } from './anchor-destinations.js';
import { CONTENTS_HEADING } from './front-matter.js';
import { hashId, type LinkTarget, type NewTarget, retargetLinks } from './link-annotations.js';
import { type ChapterSection, type OutlineEntry, sectionEntries, writeOutline } from './outline.js';

export interface PrintedChapter {
  /** "4.1 Responsible AI in the Age of Generative AI". */
  label: string;
  pdf: Uint8Array;
}

/** A chapter of the book as Chromium printed it, with what its links and bookmarks need. */
export interface PrintedBookChapter extends PrintedChapter {
  /** Its page's path below the base: `measuring-fairness/`. */
  path: string;
  /** The part it belongs to, as the contents heads it ("Part 1 · Fairness and Algorithmic Bias"). */
  part?: string;
  /** Its sections, in order (src/pdf/outline.ts). */
  sections: readonly ChapterSection[];
}

/** Where the chapters were printed from, and where the book is published. */
export interface SiteAddresses {
  /** The print server's URL of the base (`http://127.0.0.1:…/`): links below it are to the book's own pages. */
  printedFrom: string;
  /**
   * The public URL of a page of the site from its path below the base and its `#…` (from the book's
   * `siteUrl`). Links to pages the PDF does not hold go there; without it they are removed.
   */
  publicUrl?: (pathAndHash: string) => string;
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

/** A chapter placed in a PDF: its pages `[start, end)` and where its ids are. */
interface PlacedChapter {
  chapter: PrintedBookChapter;
  start: number;
  end: number;
  destinations: Map<string, Destination>;
}

/** The point of `document` that `id` of a placed chapter names, or its first page's top without an id. */
function pointIn(document: PDFDocument, placed: PlacedChapter, id?: string): PagePoint | undefined {
  if (id === undefined) return pageTop(document, placed.start);
  const destination = placed.destinations.get(id);
  return destination && { page: document.getPage(placed.start + destination.pageIndex).ref, left: destination.left, top: destination.top };
}

/** The same page of the site: `measuring-fairness/` and `measuring-fairness/index.html` are one. */
function samePage(path: string, chapterPath: string): boolean {
  return path.replace(/index\.html$/, '') === chapterPath;
}

/**
 * Where a link on a page of `here` (of the front matter, without) goes: within the chapter (Chromium's
 * named destinations, lost with the chapter's catalog) and to a chapter the document holds, to the
 * point it names (the chapter's first page when the id has none: an element the print stylesheet
 * hides); to the public site for any other page of the book's site, or nowhere. Links to the rest of
 * the web stay.
 */
function linkTo(document: PDFDocument, placed: readonly PlacedChapter[], site: SiteAddresses, here?: PlacedChapter): (target: LinkTarget) => NewTarget {
  return (target) => {
    if (target.kind === 'web') return 'keep';
    if (target.kind === 'named') {
      const to = here && pointIn(document, here, target.id);
      return to ? { goTo: to } : 'remove';
    }
    const there = placed.find((candidate) => samePage(target.path, candidate.chapter.path));
    if (there) return { goTo: pointIn(document, there, hashId(target.hash)) ?? pageTop(document, there.start) };
    return site.publicUrl ? { uri: site.publicUrl(`${target.path}${target.hash}`) } : 'remove';
  };
}

/** Point the links of every placed chapter where they go (`linkTo`). */
function linkChapters(document: PDFDocument, placed: readonly PlacedChapter[], site: SiteAddresses): void {
  for (const here of placed) retargetLinks(document, { from: here.start, to: here.end }, site.printedFrom, linkTo(document, placed, site, here));
}

/** A chapter's outline entry: its label at its first page, its sections below it. */
function chapterEntry(document: PDFDocument, placed: PlacedChapter, open: boolean): OutlineEntry {
  return { title: placed.chapter.label, to: pageTop(document, placed.start), open, children: sectionEntries(placed.chapter.sections, (id) => pointIn(document, placed, id)) };
}

/**
 * A chapter's own PDF: its footers (pages numbered from 1), its links (to its own ids, to the public
 * site), and its sections as the outline.
 */
export async function chapterPdf(chapter: PrintedBookChapter, site: SiteAddresses): Promise<Uint8Array> {
  const document = await PDFDocument.load(chapter.pdf);
  const placed: PlacedChapter = { chapter, start: 0, end: document.getPageCount(), destinations: namedDestinations(document) };
  await stampFooters(document, 0, placed.end, chapter.label, 1);
  linkChapters(document, [placed], site);
  writeOutline(document, [chapterEntry(document, placed, true)]);
  return document.save();
}

/**
 * The whole book: the front matter (unnumbered title page, then numbered contents), then every
 * chapter in order, pages numbered across the book, with the book's title and metadata. Links between
 * chapters and from the contents go to their page; the outline lists the front matter, the parts
 * (unfolded), their chapters (folded) and the chapters' sections.
 */
export async function assembleBook(front: Uint8Array, chapters: readonly PrintedBookChapter[], meta: { title: string; authors: readonly string[] }, site: SiteAddresses): Promise<Uint8Array> {
  const book = await PDFDocument.create();
  book.setTitle(meta.title);
  book.setAuthor(meta.authors.join(', '));
  book.setCreator('npm run pdf (Chromium, pdf-lib)');
  const append = async (source: PDFDocument): Promise<[number, number]> => {
    const start = book.getPageCount();
    for (const page of await book.copyPages(source, source.getPageIndices())) book.addPage(page);
    return [start, book.getPageCount()];
  };
  const [, frontEnd] = await append(await PDFDocument.load(front));
  if (frontEnd > 1) await stampFooters(book, 1, frontEnd, meta.title, 2);
  const placed: PlacedChapter[] = [];
  for (const chapter of chapters) {
    const source = await PDFDocument.load(chapter.pdf);
    // Read before copying: the destinations live in the source's catalog, which copyPages leaves behind.
    const destinations = namedDestinations(source);
    const [start, end] = await append(source);
    await stampFooters(book, start, end, chapter.label, start + 1);
    placed.push({ chapter, start, end, destinations });
  }
  linkChapters(book, placed, site);
  // The contents' lines link to the chapters' pages on the print server (src/pdf/front-matter.ts).
  retargetLinks(book, { from: 0, to: frontEnd }, site.printedFrom, linkTo(book, placed, site));

  const outline: OutlineEntry[] = [{ title: meta.title, to: pageTop(book, 0), open: false, children: [] }];
  if (frontEnd > 1) outline.push({ title: CONTENTS_HEADING, to: pageTop(book, 1), open: false, children: [] });
  let part: OutlineEntry | undefined;
  for (const chapter of placed) {
    const entry = chapterEntry(book, chapter, false);
    if (!chapter.chapter.part) {
      part = undefined;
      outline.push(entry);
      continue;
    }
    // A part opens at its first chapter's first page.
    if (part?.title !== chapter.chapter.part) outline.push((part = { title: chapter.chapter.part, to: entry.to, open: true, children: [] }));
    part.children.push(entry);
  }
  writeOutline(book, outline);
  return book.save();
}
