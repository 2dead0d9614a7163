/**
 * The website's search engine: Pagefind's JS API over the index the build writes (`pagefind/`),
 * loaded from this site on the first query (a module: browsers refuse it on file:// pages).
 */
import type { SearchBackend, SearchResultData } from './search-backend.ts';

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    query: string,
    options?: { filters?: Record<string, string> },
    wait?: number,
  ): Promise<{ results: { data(): Promise<SearchResultData> }[] } | null>;
}

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await module.options({ excerptLength: 24, highlightParam: 'highlight' });
    await module.init();
    return module;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** Pagefind behind the search UI's interface; rejects when its bundle cannot be loaded. */
export async function pagefindBackend(base: string): Promise<SearchBackend> {
  const engine = await loadPagefind(base);
  return {
    filters: () => engine.filters(),
    async search(query, { part, limit }) {
      const search = await engine.debouncedSearch(query, part ? { filters: { part } } : {}, 120);
      if (!search) return null;
      const results = await Promise.all(search.results.slice(0, limit).map((result) => result.data()));
      return { total: search.results.length, results };
    },
  };
}
