/**
 * The exported book's search index (`search-index.js`, written by src/export/search-index.ts, read by
 * search-backend-offline.ts): one MiniSearch document per section of each indexed page, and how
 * search results become the UI's chapter results with section sub-results and marked excerpts. The
 * same module on both sides keeps the index options and the document shape in one place.
 */
import type { SearchOutcome, SearchResultData } from './search-backend.ts';

/** The global that `search-index.js` assigns: a classic script works on file://, a fetch does not. */
export const OFFLINE_INDEX_GLOBAL = 'BOOK_SEARCH_INDEX';

/** The file the export writes at its root. */
export const OFFLINE_INDEX_FILE = 'search-index.js';

/** One indexed section: the part of a page under one heading (or before the first one). */
export interface OfflineSearchDocument {
  id: number;
  /** The page's file, relative to the export's root (`generative-ai/index.html`). */
  page: string;
  /** The heading's id; none for the page's opening text. */
  anchor?: string;
  /** The heading's text, or the page's title for its opening. */
  title: string;
  pageTitle: string;
  /** The chapter's number (`4.1`), as the results show it. */
  number?: string;
  /** The part, for the filter. */
  part?: string;
  /** The section's indexed text (no math, no reference list: what Pagefind indexes). */
  text: string;
}

export interface OfflineSearchIndex {
  documents: OfflineSearchDocument[];
  /** MiniSearch's own serialisation (`toJSON()`), loaded with `MiniSearch.loadJS`. */
  index: unknown;
}

/** MiniSearch options, identical when the index is built and when it is loaded. */
export const MINISEARCH_OPTIONS = {
  idField: 'id',
  fields: ['title', 'text'],
  searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' as const },
};

/** One hit of MiniSearch: the document's id, its score and the index terms it matched. */
export interface OfflineHit {
  id: number;
  score: number;
  terms: string[];
}

const EXCERPT_WORDS = 24;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * About 24 words of `text` around the first matched word, escaped, with `<mark>` around every word
 * one of whose parts (split as MiniSearch splits) is a matched term.
 */
export function excerptAround(text: string, terms: readonly string[]): string {
  const words = text.split(/\s+/).filter(Boolean);
  const matched = new Set(terms.map((term) => term.toLowerCase()));
  const isMatch = (word: string) => word.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((part) => matched.has(part));
  const first = Math.max(0, words.findIndex(isMatch));
  const start = Math.max(0, Math.min(first - 6, words.length - EXCERPT_WORDS));
  return words
    .slice(start, start + EXCERPT_WORDS)
    .map((word) => (isMatch(word) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word)))
    .join(' ');
}

/**
 * Group section hits by page, best page first (by the sum of its sections' scores), as the UI shows
 * them: the page's link and excerpt, and up to `MAX` sections with their anchors. Links are relative
 * to `base` (the export's root as seen from the current page) and carry the searched words as
 * `highlight` parameters, as Pagefind's do, so the page marks them.
 */
export function groupHits(hits: readonly OfflineHit[], documents: readonly OfflineSearchDocument[], query: string, base: string, limit: number): SearchOutcome {
  const highlight = query
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `highlight=${encodeURIComponent(word)}`)
    .join('&');
  const link = (document: OfflineSearchDocument) => `${base}${document.page}${highlight ? `?${highlight}` : ''}${document.anchor ? `#${document.anchor}` : ''}`;
  const pages = new Map<string, { best: OfflineHit; hits: OfflineHit[]; score: number }>();
  for (const hit of [...hits].sort((a, b) => b.score - a.score)) {
    const document = documents[hit.id];
    if (!document) continue;
    const group = pages.get(document.page);
    if (group) {
      group.hits.push(hit);
      group.score += hit.score;
    } else pages.set(document.page, { best: hit, hits: [hit], score: hit.score });
  }
  // A page ranks by all its matching sections: a chapter that treats the subject in several sections
  // comes before a short glossary entry that merely names it.
  const ranked = [...pages.values()].sort((a, b) => b.score - a.score);
  const results: SearchResultData[] = ranked.slice(0, limit).map(({ best, hits: pageHits }) => {
    const top = documents[best.id] as OfflineSearchDocument;
    const pageUrl = link({ ...top, anchor: undefined });
    return {
      url: pageUrl,
      excerpt: excerptAround(top.text, best.terms),
      meta: { title: top.pageTitle, ...(top.number ? { number: top.number } : {}) },
      sub_results: pageHits.flatMap((hit) => {
        const section = documents[hit.id] as OfflineSearchDocument;
        return section.anchor ? [{ title: section.title, url: link(section), excerpt: excerptAround(section.text, hit.terms) }] : [];
      }),
    };
  });
  return { total: pages.size, results };
}

/** Page counts per part, for the filter. */
export function partCounts(documents: readonly OfflineSearchDocument[]): Record<string, number> {
  const pagesByPart = new Map<string, Set<string>>();
  for (const document of documents) {
    if (!document.part) continue;
    const pages = pagesByPart.get(document.part) ?? new Set<string>();
    pages.add(document.page);
    pagesByPart.set(document.part, pages);
  }
  return Object.fromEntries([...pagesByPart].map(([part, pages]) => [part, pages.size]));
}
