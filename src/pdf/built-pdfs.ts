/**
 * The PDFs that `npm run pdf` printed (scripts/pdf.ts), as the next build finds them: they wait in
 * the book's git-ignored `pdf/` folder, the build copies them into the site's `pdf/` and the home page
 * and each chapter page link to the ones that exist. So a build without PDFs links to none, and the
 * HTML is never edited after the build (the service worker's precache list is made inside it).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadBookConfig } from '../book/book-config.js';
import { bookPaths } from '../book/book-paths.js';

/** The folder, below the book root and below the site's base, that holds the PDFs. */
export const PDF_FOLDER = 'pdf';

/** The whole book's file name. */
export const BOOK_PDF = 'book.pdf';

/** A chapter's PDF file name, by its slug (its URL): stable, like the page. */
export function chapterPdfName(slug: string): string {
  return `${slug}.pdf`;
}

/**
 * The PDF files waiting in `<root>/pdf/`, by name; none for a graded edition (`answers: separate`),
 * since PDFs printed from an earlier build may hold the answers: its pages link to no PDF.
 */
export function builtPdfs(root: string): Set<string> {
  if (loadBookConfig(bookPaths(root)).answers === 'separate') return new Set();
  return pdfFilesIn(root);
}

/** The PDF files in `<root>/pdf/`, by name, whatever the edition (for `npm run pdf` to replace them). */
export function pdfFilesIn(root: string): Set<string> {
  const folder = path.join(root, PDF_FOLDER);
  if (!existsSync(folder)) return new Set();
  return new Set(readdirSync(folder).filter((name) => name.endsWith('.pdf')));
}

/** Copy the waiting PDFs into the built site; returns how many. */
export function copyBuiltPdfs(root: string, outDir: string): number {
  const names = builtPdfs(root);
  if (names.size === 0) return 0;
  mkdirSync(path.join(outDir, PDF_FOLDER), { recursive: true });
  for (const name of names) copyFileSync(path.join(root, PDF_FOLDER, name), path.join(outDir, PDF_FOLDER, name));
  return names.size;
}
