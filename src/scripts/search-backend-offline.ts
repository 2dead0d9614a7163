/**
 * The exported book's search engine (`npm run export`): MiniSearch over `search-index.js`, which the
 * export writes at its root and this module loads with a classic `<script>` tag, since browsers
 * refuse `fetch()` and module scripts on pages opened from a folder (file://) but run classic
 * scripts (as mdBook does: rust-lang/mdBook#972). Loaded only in an export.
 */
import MiniSearch from 'minisearch';
import { groupHits, MINISEARCH_OPTIONS, OFFLINE_INDEX_FILE, OFFLINE_INDEX_GLOBAL, type OfflineSearchDocument, type OfflineSearchIndex, partCounts } from './offline-search-index.ts';
import type { SearchBackend } from './search-backend.ts';

let loading: Promise<OfflineSearchIndex> | undefined;

function loadIndexScript(base: string): Promise<OfflineSearchIndex> {
  loading ??= new Promise<OfflineSearchIndex>((resolve, reject) => {
    const read = () => (globalThis as Record<string, unknown>)[OFFLINE_INDEX_GLOBAL] as OfflineSearchIndex | undefined;
    const ready = read();
    if (ready) return resolve(ready);
    const script = document.createElement('script');
    script.src = `${base}${OFFLINE_INDEX_FILE}`;
    script.addEventListener('load', () => {
      const index = read();
      if (index) resolve(index);
      else reject(new Error(`${OFFLINE_INDEX_FILE} ran but defined no index`));
    });
    script.addEventListener('error', () => reject(new Error(`the browser did not load ${OFFLINE_INDEX_FILE}`)));
    document.head.append(script);
  });
  loading.catch(() => (loading = undefined));
  return loading;
}

let backend: Promise<SearchBackend> | undefined;

/**
 * The export's index behind the search UI's interface, made once (loading the index costs more than
 * a query); rejects when `search-index.js` cannot be loaded, and tries again on the next query.
 */
export function offlineBackend(base: string): Promise<SearchBackend> {
  backend ??= loadIndexScript(base).then((data) => {
    const engine = MiniSearch.loadJS<OfflineSearchDocument>(data.index as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
    const parts = partCounts(data.documents);
    return {
      filters: async () => ({ part: parts }),
      async search(query, { part, limit }) {
        const hits = engine.search(query, part ? { filter: (hit) => data.documents[hit.id as number]?.part === part } : {});
        return groupHits(
          hits.map((hit) => ({ id: hit.id as number, score: hit.score, terms: hit.terms })),
          data.documents,
          query,
          base,
          limit,
        );
      },
    } satisfies SearchBackend;
  });
  backend.catch(() => (backend = undefined));
  return backend;
}
