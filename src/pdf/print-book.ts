/**
 * Print chapters of a served build with Chromium (Playwright's `page.pdf`, the print stylesheet) and
 * write each chapter's PDF and, when asked, the whole book's (title page, contents with page numbers,
 * every chapter in order) into a folder. Scripts are off while printing: interactive figures show
 * their server-rendered state, and nothing the page's script adds (popovers, search) can appear.
 * Before a chapter is printed, every id of it is made a destination of its PDF and its sections are
 * read, for the links and bookmarks that src/pdf/assemble-book.ts writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { BookChapter, BookModel, BookPart } from '../book/book-model.js';
import { destineEveryId } from './anchor-destinations.js';
import { assembleBook, chapterPdf, pageCount, type PrintedBookChapter, type SiteAddresses } from './assemble-book.js';
import { BOOK_PDF, chapterPdfName } from './built-pdfs.js';
import { frontMatterHtml, numberContents } from './front-matter.js';
import { chapterSections } from './outline.js';

/** Page set-up of every chapter: A4, with a bottom margin that leaves room for the footer added after. */
const PRINT = { format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '20mm', left: '18mm', right: '18mm' } } as const;

export interface PrintOptions {
  browser: Browser;
  model: BookModel;
  /** The published chapters to print, in reading order. */
  chapters: readonly BookChapter[];
  /** Absolute URL of a page of the served build, from its path below the base (`slug/`). */
  url: (pathBelowBase: string) => string;
  /**
   * The book's public URL of a page from its path below the base (with its `#…`), when the book has
   * a `siteUrl`: links to pages that a PDF does not hold go there; without it they are removed.
   */
  publicUrl?: (pathBelowBase: string) => string;
  outFolder: string;
  /** Also write the whole book (`book.pdf`). */
  wholeBook: boolean;
  edition: string;
  /** Called after each chapter with its page count. */
  progress?: (chapter: BookChapter, pages: number) => void;
}

/** A part's heading, in the contents and the outline. */
function partLabel(part: BookPart): string {
  return `Part ${part.number} · ${part.title}`;
}

/** Print; returns the files written, by name. */
export async function printBook(options: PrintOptions): Promise<string[]> {
  const { browser, model, chapters } = options;
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    const site: SiteAddresses = { printedFrom: options.url(''), ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) };
    const printed: (PrintedBookChapter & { slug: string; pages: number })[] = [];
    for (const chapter of chapters) {
      if (!chapter.slug) throw new Error(`Chapter ${chapter.id} has no page to print`);
      const chapterPath = `${chapter.slug}/`;
      await page.goto(options.url(chapterPath), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      await destineEveryId(page);
      const sections = await chapterSections(page);
      const pdf = await page.pdf(PRINT);
      const pages = await pageCount(pdf);
      const part = model.parts.find((candidate) => candidate.chapters.some((listed) => listed.id === chapter.id));
      printed.push({ slug: chapter.slug, path: chapterPath, label: `${chapter.number} ${chapter.title}`, ...(part ? { part: partLabel(part) } : {}), sections, pdf, pages });
      options.progress?.(chapter, pages);
    }
    mkdirSync(options.outFolder, { recursive: true });
    const written: string[] = [];
    for (const chapter of printed) {
      writeFileSync(path.join(options.outFolder, chapterPdfName(chapter.slug)), await chapterPdf(chapter, site));
      written.push(chapterPdfName(chapter.slug));
    }
    if (!options.wholeBook) return written;

    const lines = model.parts.flatMap((part) => {
      const inPart = part.chapters.filter((chapter) => chapters.some((wanted) => wanted.id === chapter.id));
      if (inPart.length === 0) return [];
      return [{ kind: 'part' as const, label: partLabel(part) }, ...inPart.map((chapter) => ({ kind: 'chapter' as const, number: chapter.number, title: chapter.title, href: options.url(`${chapter.slug}/`) }))];
    });
    // A fresh page: the site's pages carry its Content-Security-Policy, which would refuse this page's inline style.
    const frontPage = await context.newPage();
    // The contents' own length moves every page number after it: print until the count of front pages holds.
    let frontPages = 2;
    let front: Uint8Array = new Uint8Array();
    for (let attempt = 0; attempt < 4; attempt++) {
      const contents = numberContents(lines, printed.map((chapter) => chapter.pages), frontPages);
      await frontPage.setContent(frontMatterHtml({ title: model.title, subtitle: model.subtitle, authors: model.authors, edition: options.edition, contents }, model.language), { waitUntil: 'load' });
      front = await frontPage.pdf({ ...PRINT, margin: { top: '0', bottom: '0', left: '0', right: '0' }, preferCSSPageSize: true });
      const actual = await pageCount(front);
      if (actual === frontPages) break;
      frontPages = actual;
    }
    writeFileSync(path.join(options.outFolder, BOOK_PDF), await assembleBook(front, printed, { title: model.title, authors: model.authors }, site));
    return [...written, BOOK_PDF];
  } finally {
    await context.close();
  }
}
