/**
 * The book's search, loaded only when the reader shows intent (see book-page.ts). One UI for the
 * dialog (button, `/`, Ctrl/Cmd+K) and the linkable search page (`search/?q=…`), over either engine
 * of search-backend.ts (Pagefind on the website, the export's own index on file://): results as you
 * type, chapter and section sub-results with highlighted excerpts, a filter by part, arrow keys
 * through the results, and honest empty and failure states.
 */

import { isExportedBook, type SearchBackend, type SearchResultData } from './search-backend.ts';
import { pagefindBackend } from './search-backend-pagefind.ts';

const MAX_RESULTS = 10;
const MAX_SUB_RESULTS = 3;

/**
 * The engine behind the UI: the exported book's own index in an export (it works on file://, and is
 * loaded only there), else Pagefind's.
 */
async function loadBackend(base: string): Promise<SearchBackend> {
  if (isExportedBook()) return (await import('./search-backend-offline.ts')).offlineBackend(base);
  return pagefindBackend(base);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Why search cannot run here, in words a reader can act on. */
function unavailableMessage(error: unknown): string {
  if (isExportedBook()) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return `The search index of this exported book could not be loaded${detail}. This browser may block scripts of pages opened from a folder: allow local files, or open the book's folder through a web server.`;
  }
  return location.protocol === 'file:'
    ? 'Search cannot work on a page opened from a folder (file://): browsers block the search index there. Open the book through a web server — run “npm start” and go to http://localhost:4321 — or use the online edition.'
    : 'The search index could not be loaded. Check your connection and reload the page.';
}

/** Pagefind excerpts are escaped text with `<mark>` around matches: keep only those marks. */
function excerptNodes(excerpt: string): Node[] {
  return excerpt.split(/(<mark>.*?<\/mark>)/).map((part) => {
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    // A textarea decodes entities without running or rendering anything, and keeps spaces.
    const decoder = document.createElement('textarea');
    decoder.innerHTML = marked ? (marked[1] as string) : part;
    const text = decoder.value;
    return marked ? element('mark', {}, text) : document.createTextNode(text);
  });
}

export interface SearchOptions {
  base: string;
  initialQuery?: string;
  /** Called with the query as it changes (the search page keeps it in its URL). */
  onQuery?: (query: string) => void;
}

/** Build the search form and results inside `container`; returns the input. */
export function mountSearch(container: HTMLElement, options: SearchOptions): HTMLInputElement {
  const form = element('form', { class: 'search-form', role: 'search' });
  const label = element('label', { for: 'search-input', class: 'search-label' }, 'Search the book');
  const input = element('input', { id: 'search-input', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'search-status', placeholder: 'e.g. reward hacking' });
  const filter = element('select', { id: 'search-part', 'aria-label': 'Filter by part' });
  filter.append(element('option', { value: '' }, 'All parts'));
  const status = element('p', { id: 'search-status', class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const list = element('ol', { class: 'search-results', 'aria-label': 'Search results' });
  form.append(label, element('div', { class: 'search-row' }), status);
  (form.children[1] as HTMLElement).append(input, filter);
  container.append(form, list);
  form.addEventListener('submit', (event) => event.preventDefault());

  let filtersLoaded = false;
  const loadFilters = async (engine: SearchBackend) => {
    if (filtersLoaded) return;
    filtersLoaded = true;
    const parts = (await engine.filters()).part ?? {};
    for (const part of Object.keys(parts)) filter.append(element('option', { value: part }, part));
  };

  const run = async () => {
    const query = input.value.trim();
    options.onQuery?.(query);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let engine: SearchBackend;
    try {
      engine = await loadBackend(options.base);
    } catch (error) {
      list.replaceChildren();
      status.className = 'search-status search-error';
      status.textContent = unavailableMessage(error);
      return;
    }
    void loadFilters(engine);
    const search = await engine.search(query, { part: filter.value || undefined, limit: MAX_RESULTS });
    if (!search) return; // a newer query replaced this one
    const results = search.results;
    if (input.value.trim() !== query) return;
    status.className = 'search-status';
    status.textContent =
      results.length === 0
        ? `No results for “${query}”. Check the spelling, try fewer words, or search all parts.`
        : `${search.total} result${search.total === 1 ? '' : 's'} for “${query}”`;
    list.replaceChildren(...results.map(renderResult));
  };
  input.addEventListener('input', () => void run());
  filter.addEventListener('change', () => void run());

  // Arrow keys move from the input through the result links and back; Enter follows the focused link.
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    if (links.length === 0) return;
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
    event.preventDefault();
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  });

  if (options.initialQuery) {
    input.value = options.initialQuery;
    void run();
  }
  return input;
}

function renderResult(data: SearchResultData): HTMLLIElement {
  const item = element('li', { class: 'search-result' });
  const link = element('a', { href: data.url, class: 'search-result-link' });
  if (data.meta.number) link.append(element('span', { class: 'chapter-number' }, data.meta.number));
  link.append(data.meta.title ?? data.url);
  const excerpt = element('p', { class: 'search-excerpt' });
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(link, excerpt);
  const sections = data.sub_results.filter((sub) => sub.url !== data.url && sub.url.includes('#')).slice(0, MAX_SUB_RESULTS);
  if (sections.length > 0) {
    const subList = element('ul', { class: 'search-sub-results' });
    for (const sub of sections) {
      const subItem = element('li');
      const subLink = element('a', { href: sub.url, class: 'search-sub-link' }, sub.title);
      const subExcerpt = element('p', { class: 'search-excerpt' });
      subExcerpt.append(...excerptNodes(sub.excerpt));
      subItem.append(subLink, subExcerpt);
      subList.append(subItem);
    }
    item.append(subList);
  }
  return item;
}

let dialog: HTMLDialogElement | undefined;

/** Open the search dialog (created once); Esc or the close button closes it and focus returns. */
export function openSearchDialog(base: string): void {
  if (!dialog) {
    dialog = element('dialog', { class: 'search-dialog', 'aria-labelledby': 'search-dialog-title' });
    const header = element('div', { class: 'search-dialog-header' });
    header.append(element('h2', { id: 'search-dialog-title' }, 'Search'));
    const close = element('button', { type: 'button', class: 'search-close', 'aria-label': 'Close search' }, 'Esc');
    close.addEventListener('click', () => dialog?.close());
    header.append(close);
    const body = element('div', { class: 'search-body' });
    dialog.append(header, body);
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog?.close(); // a click on the backdrop
    });
    document.body.append(dialog);
    const input = mountSearch(body, { base });
    // In a search field, Chromium's first Esc only clears the text and the dialog stays open; in a
    // dialog Esc means "close", as in Starlight's and Pagefind's search. The query stays for next time.
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      event.preventDefault();
      dialog?.close();
    });
  }
  dialog.showModal();
  dialog.querySelector<HTMLInputElement>('#search-input')?.focus();
}
