/**
 * How the book and each of its chapters are cited: one CSL-JSON record per work, built from the book's
 * configuration (`content/book.yaml`: title, authors, `published`, `edition`, `language`, `siteUrl` and
 * the base path) and, for a chapter, its number, title and URL. Everything that cites the book reads
 * these records: the Highwire `citation_*` tags that Zotero and Google Scholar read
 * (src/components/PageMetadata.astro), the "Cite this chapter" panel in the book's CSL style
 * (src/components/CiteThis.astro), and the BibTeX and RIS files written next to each chapter
 * (src/pages/[slug]/cite.[format].ts).
 *
 * A chapter is cited as a chapter in a book (CSL `chapter`, BibTeX `@inbook` with `chapter`, RIS
 * `CHAP`) by the book's authors. An author written `Family, Given` is a person, whom styles invert and
 * abbreviate ("Doe, J."); any other name is cited as written (a group, such as "The Responsible AI Book
 * authors"). Without a `siteUrl` the records carry no URL: a local address would be a wrong one.
 */
import { createHash } from 'node:crypto';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { BookConfig } from '../book/book-config.js';
import { type CitationStyle, cslLocale } from './csl-formatter.js';
import { cslStyleXml, isCslFile } from './csl-style.js';
import { sentenceCase } from './sentence-case.js';
import type { CslItem } from './load-bibliography.js';
import { processWide } from '../process/process-wide.js';

/** What the records need of the book's configuration. */
export type CitedBook = Pick<BookConfig, 'title' | 'authors' | 'published' | 'edition' | 'language' | 'siteUrl' | 'base'>;

/** What the records need of a chapter. */
export interface CitedChapter {
  number: string;
  title: string;
  /** The chapter's URL segment (its page is `<base><slug>/`). */
  slug?: string;
}

type CslName = { family: string; given: string } | { literal: string };

/** `Family, Given` → a person; any other name → a literal (an organisation or group, cited as written). */
export function cslName(name: string): CslName {
  const comma = name.indexOf(',');
  if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  return { literal: name.trim() };
}

/** The public URL of a page below the base (`measuring-fairness/`, `''` for the home page), if the book has a site URL. */
export function publicUrl(book: CitedBook, page: string): string | undefined {
  return book.siteUrl ? new URL(`${book.base}${page}`, book.siteUrl).href : undefined;
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'on', 'in', 'to']);

/** A stable BibTeX key: the title's first two significant words and the year, `responsibleai2026`; a chapter's adds its slug. */
function bookKey(book: CitedBook): string {
  const words = book.title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s]/g, '')
    .split(/\s+/)
    .filter((word) => word && !STOP_WORDS.has(word));
  return `${words.slice(0, 2).join('') || 'book'}${book.published.slice(0, 4)}`;
}

function issued(book: CitedBook): CslItem['issued'] {
  return { 'date-parts': [book.published.split('-').map(Number)] };
}

/** The book as a CSL `book` record. */
export function bookCitationItem(book: CitedBook): CslItem {
  const key = bookKey(book);
  return {
    id: key,
    'citation-key': key,
    type: 'book',
    title: book.title,
    author: book.authors.map(cslName),
    issued: issued(book),
    language: book.language,
    ...(book.edition ? { edition: book.edition } : {}),
    ...(book.siteUrl ? { URL: publicUrl(book, '') } : {}),
  };
}

/** A chapter as a CSL `chapter` record: in the book, by the book's authors, with its number. */
export function chapterCitationItem(book: CitedBook, chapter: CitedChapter): CslItem {
  // citation-js keeps a key of letters, digits and underscores only (it replaces one with `-`).
  const key = `${bookKey(book)}_${(chapter.slug ?? chapter.number).replace(/\W+/g, '_')}`;
  const url = chapter.slug === undefined ? undefined : publicUrl(book, `${chapter.slug}/`);
  return {
    id: key,
    'citation-key': key,
    type: 'chapter',
    title: chapter.title,
    'container-title': book.title,
    'chapter-number': chapter.number,
    author: book.authors.map(cslName),
    issued: issued(book),
    language: book.language,
    ...(book.edition ? { edition: book.edition } : {}),
    ...(url ? { URL: url } : {}),
  };
}

/** A record in every form the panel offers. */
export interface CitationFormats {
  /** The reference in the book's CSL style, as HTML (field text escaped by citeproc). */
  html: string;
  bibtex: string;
  ris: string;
}

interface CslConfig {
  locales: { get(name: string): string | undefined };
  styles: { get(name: string): string | undefined; has(name: string): boolean; add(name: string, xml: string): void };
}

/**
 * citation-js's name of the style: a built-in one by its name; a book's `.csl` file registered under a
 * name from its content (an edited file in dev is a new style).
 */
function templateName(style: CitationStyle, config: CslConfig): string {
  if (!isCslFile(style)) return style;
  const xml = cslStyleXml(style, (name) => config.styles.get(name));
  const name = `book-style-${createHash('sha1').update(xml).digest('hex').slice(0, 12)}`;
  if (!config.styles.has(name)) config.styles.add(name, xml);
  return name;
}

// A chapter's record is formatted for its page's panel and for its two files: once, not three times
// (citation-js runs a citation engine for each reference it formats, ~8 ms).
const formatted = processWide('citation-formats', () => new Map<string, CitationFormats>());

/** The record as a reference in `style`, and as BibTeX and RIS. */
export function citationFormats(item: CslItem, style: CitationStyle, language = 'en'): CitationFormats {
  const config = plugins.config.get('@csl') as CslConfig;
  const lang = cslLocale(language, (name) => Boolean(config.locales.get(name)));
  const template = templateName(style, config);
  const key = `${template}\n${lang}\n${JSON.stringify(item)}`;
  let formats = formatted.get(key);
  if (!formats) {
    // In dev every edit of the book's title or a chapter's adds one: keep the cache bounded.
    if (formatted.size >= 1000) formatted.clear();
    formatted.set(key, (formats = formatRecord(item, template, lang)));
  }
  return formats;
}

/**
 * The record as CSL expects its titles: in sentence case, for the styles that print them so (APA,
 * Vancouver) and the ones that capitalise them again (Chicago's `text-case="title"`). The book writes its
 * titles for headings, in title case; the BibTeX and RIS files and the page's tags keep them as written.
 */
function withCslTitles(item: CslItem): CslItem {
  if (typeof item.language === 'string' && !/^en\b/i.test(item.language)) return item;
  const container = item['container-title'];
  return {
    ...item,
    ...(typeof item.title === 'string' ? { title: sentenceCase(item.title) } : {}),
    ...(typeof container === 'string' ? { 'container-title': sentenceCase(container) } : {}),
  };
}

function formatRecord(item: CslItem, template: string, lang: string): CitationFormats {
  const cite = new Cite(item);
  const bibliography = new Cite(withCslTitles(item)).format('bibliography', { template, lang, format: 'html' }) as string;
  const entry = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>\s*<\/div>\s*$/.exec(bibliography)?.[1] ?? bibliography;
  // BibTeX has a year and a month but no day: citation-js would write the day into the month (`nov 30`).
  const yearMonth = item.issued?.['date-parts']?.[0]?.slice(0, 2);
  const bibtexCite = yearMonth ? new Cite({ ...item, issued: { 'date-parts': [yearMonth] } }) : cite;
  return {
    html: entry.trim(),
    bibtex: `${(bibtexCite.format('bibtex') as string).trim()}\n`,
    ris: `${withFullRisId(unwrapRisLines((cite.format('ris') as string).trim()), String(item['citation-key'] ?? item.id))}\n`,
  };
}

/**
 * RIS with the record's whole key as its `ID`, the BibTeX key. citation-js cuts `ID` to 20 characters,
 * the limit of the old Reference Manager spec, and every chapter's key starts with the book's
 * (`responsibleai2026_`, 18 characters here): "introduction" and "interpretability" would both be `…_in`. Zotero ignores
 * `ID` when it imports, so a longer one costs nothing there. On one line, as every field
 * (`unwrapRisLines`).
 */
function withFullRisId(ris: string, key: string): string {
  return ris.replace(/^ID {2}- .*$/m, () => `ID  - ${key}`);
}

/**
 * Every RIS field on one line. citation-js wraps values at 70 characters, in the middle of a word or a
 * URL (`…/measurin` / `g-fairness/`), and Zotero joins a wrapped line with a space: a chapter's URL or
 * a long title would import broken. A line that does not start with a tag continues the one before.
 */
function unwrapRisLines(ris: string): string {
  return ris.replace(/\n(?![A-Z][A-Z0-9] {2}-)/g, '');
}

/** The Highwire Press tags of a chapter record, in the order Google Scholar documents them. */
export function highwireTags(item: CslItem): [name: string, content: string][] {
  const tags: [string, string][] = [['citation_title', item.title ?? '']];
  for (const author of item.author ?? []) tags.push(['citation_author', author.literal ?? `${author.family}, ${author.given}`]);
  if (typeof item['container-title'] === 'string') tags.push(['citation_inbook_title', item['container-title']]);
  // Highwire's date form: 2026/11/30, 2026/11 or 2026.
  const date = item.issued?.['date-parts']?.[0]?.map((part) => String(part).padStart(2, '0')).join('/');
  if (date) tags.push(['citation_publication_date', date]);
  if (typeof item.language === 'string') tags.push(['citation_language', item.language]);
  if (typeof item.edition === 'string') tags.push(['citation_edition', item.edition]);
  if (typeof item.URL === 'string') tags.push(['citation_public_url', item.URL], ['citation_abstract_html_url', item.URL]);
  return tags;
}
