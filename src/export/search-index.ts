/**
 * The exported book's search index (`search-index.js`): built from the same content Pagefind indexes
 * on the website — the `data-pagefind-body` region of each page, less its `data-pagefind-ignore`
 * parts and the selectors of SEARCH_EXCLUDED (math, heading anchors, reference lists) — cut into
 * sections at each heading that has an id, with the page's title, chapter number and part (its
 * `data-pagefind-meta` and `data-pagefind-filter`), indexed with MiniSearch and written as a
 * classic script that assigns a global (search-backend-offline.ts reads it; file:// allows no fetch).
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import MiniSearch from 'minisearch';
import { SEARCH_EXCLUDED } from '../integrations/search.js';
import { MINISEARCH_OPTIONS, OFFLINE_INDEX_GLOBAL, type OfflineSearchDocument } from '../scripts/offline-search-index.js';

const EXCLUDED_CLASSES = SEARCH_EXCLUDED.map((selector) => {
  if (!/^\.[\w-]+$/.test(selector)) throw new Error(`The export's index understands class selectors only, not \`${selector}\` (src/integrations/search.ts)`);
  return selector.slice(1);
});
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var', 'time']);
const HEADING = /^h[2-6]$/;
const NEVER_TEXT = new Set(['script', 'style', 'template', 'svg', 'math', 'noscript']);

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function isIgnored(node: Element): boolean {
  return node.properties.dataPagefindIgnore !== undefined || NEVER_TEXT.has(node.tagName) || classes(node).some((name) => EXCLUDED_CLASSES.includes(name));
}

function find(nodes: RootContent[], test: (node: Element) => boolean): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (test(node)) return node;
    const inside = find(node.children, test);
    if (inside) return inside;
  }
  return undefined;
}

function textOf(node: RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || isIgnored(node)) return '';
  const inner = node.children.map(textOf).join('');
  return INLINE.has(node.tagName) ? inner : ` ${inner} `;
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The sections of one built page (`file` below the root), or none when the page is not indexed. */
export function pageSections(file: string, html: string): Omit<OfflineSearchDocument, 'id'>[] {
  const tree: Root = fromHtml(html);
  const body = find(tree.children, (node) => node.properties.dataPagefindBody !== undefined);
  if (!body) return [];
  const metaTitle = find(tree.children, (node) => node.properties.dataPagefindMeta === 'title');
  const pageTitle = tidy(metaTitle ? metaTitle.children.map(textOf).join('') : '');
  const meta = String(body.properties.dataPagefindMeta ?? '');
  const number = /^number:(.+)$/.exec(meta)?.[1];
  const filter = String(body.properties.dataPagefindFilter ?? '');
  const part = /^part:(.+)$/.exec(filter)?.[1];
  const sections: Omit<OfflineSearchDocument, 'id'>[] = [];
  let current = { title: pageTitle, anchor: undefined as string | undefined, text: [] as string[] };
  const close = () => {
    const text = tidy(current.text.join(''));
    if (text || current.anchor) sections.push({ page: file, ...(current.anchor ? { anchor: current.anchor } : {}), title: current.title, pageTitle, ...(number ? { number } : {}), ...(part ? { part } : {}), text });
  };
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'element' && HEADING.test(node.tagName) && typeof node.properties.id === 'string' && !isIgnored(node)) {
        close();
        current = { title: tidy(textOf(node)), anchor: node.properties.id, text: [] };
      } else if (node.type === 'element' && !isIgnored(node) && !INLINE.has(node.tagName) && node.tagName !== 'h1') {
        current.text.push(' ');
        visit(node.children);
        current.text.push(' ');
      } else if (!(node.type === 'element' && node.tagName === 'h1')) {
        current.text.push(textOf(node));
      }
    }
  };
  visit(body.children);
  close();
  return sections;
}

/** The documents of every indexed page, numbered in order. */
export function searchDocuments(pages: readonly { file: string; html: string }[]): OfflineSearchDocument[] {
  return pages.flatMap(({ file, html }) => pageSections(file, html)).map((section, id) => ({ id, ...section }));
}

/** `search-index.js`: the documents and their MiniSearch index, assigned to a global. */
export function searchIndexScript(documents: readonly OfflineSearchDocument[]): string {
  const engine = new MiniSearch<OfflineSearchDocument>(MINISEARCH_OPTIONS);
  engine.addAll(documents);
  const data = JSON.stringify({ documents, index: engine.toJSON() });
  // `</script` cannot occur in JSON text that a script file holds, but U+2028/9 break old parsers.
  return `window.${OFFLINE_INDEX_GLOBAL} = ${data.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};\n`;
}
