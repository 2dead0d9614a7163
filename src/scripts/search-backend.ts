/**
 * What the search UI (search-ui.ts) needs from a search engine, so that one UI serves two indexes:
 * Pagefind's on the website, and the exported book's own index (search-backend-offline.ts) on a page
 * opened from a folder (file://), where browsers block Pagefind's module and WebAssembly
 * (Pagefind/pagefind#202).
 */

/** A section of a result: its heading, the link to it, an excerpt. */
export interface SearchSubResult {
  title: string;
  url: string;
  /** Escaped text with `<mark>` around the matched words (Pagefind's excerpt format). */
  excerpt: string;
}

/** One page found: its link, title and number, an excerpt, and the sections that matched. */
export interface SearchResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; number?: string };
  sub_results: SearchSubResult[];
}

/** The results of one query: how many pages matched, and the first `limit` of them, best first. */
export interface SearchOutcome {
  total: number;
  results: SearchResultData[];
}

export interface SearchBackend {
  /** The values of each filter with their page counts (`{ part: { 'Special Topics': 3 } }`). */
  filters(): Promise<Record<string, Record<string, number>>>;
  /** Run a query; null when a newer query replaced this one before it finished. */
  search(query: string, options: { part?: string; limit: number }): Promise<SearchOutcome | null>;
}

/**
 * Is this page part of an exported book (`npm run export`)? The export marks its pages, and ships
 * its own index, which works on file://.
 */
export function isExportedBook(): boolean {
  return document.documentElement.hasAttribute('data-export');
}
