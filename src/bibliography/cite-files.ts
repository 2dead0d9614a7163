/**
 * The citation files written into the build beside the pages: `cite.bib` and `cite.ris` on the home
 * page (the book) and in each chapter's folder (the chapter), for the "Cite this" panels' downloads.
 */
import { loadBookConfig } from '../book/book-config.js';
import type { BookChapter } from '../book/book-model.js';
import { bookCitationItem, chapterCitationItem, type CitationFormats, citationFormats } from './cite-this.js';

/** The formats of the files, by extension, with their media types. */
export const CITE_FILE_FORMATS = { bib: 'application/x-bibtex; charset=utf-8', ris: 'application/x-research-info-systems; charset=utf-8' } as const;
export type CiteFileFormat = keyof typeof CITE_FILE_FORMATS;

/** The citation of the book, or of `chapter`, in every format. */
export function citationOf(chapter?: Pick<BookChapter, 'number' | 'title' | 'slug'>): CitationFormats {
  const config = loadBookConfig();
  const item = chapter ? chapterCitationItem(config, chapter) : bookCitationItem(config);
  return citationFormats(item, config.citationStyle, config.language);
}

/** A file's response: its text in `format`. */
export function citeFileResponse(formats: CitationFormats, format: CiteFileFormat): Response {
  return new Response(format === 'bib' ? formats.bibtex : formats.ris, { headers: { 'Content-Type': CITE_FILE_FORMATS[format] } });
}
