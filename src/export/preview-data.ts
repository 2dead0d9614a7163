/**
 * Previews of citations, cross-references and glossary terms whose target is on another page: on the
 * website, reference-preview.ts fetches that page; a page opened from a folder (file://) may not
 * fetch. So the export collects, at export time, every target that a preview link of the book points
 * to on another page, as the small piece of HTML the preview shows (a heading with its first
 * paragraph, a figure, an equation; a chapter's title and opening paragraph), and ships them in
 * `previews.js`, a classic script that assigns a global, by page.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { PREVIEWS_FILE, PREVIEWS_GLOBAL } from '../scripts/export-previews-file.js';
import { rewritePageUrls } from './relative-urls.js';

export { PREVIEWS_FILE, PREVIEWS_GLOBAL };

const PREVIEW_LINK = /<a\b[^>]*\sdata-preview\b[^>]*>/gi;
const HREF = /\shref=(["'])([^"']*)\1/i;

/** A page file for a root-absolute page URL: `/x/` → `x/index.html`, `/` → `index.html`. */
function pageFileOf(pathname: string): string {
  const bare = pathname.replace(/^\//, '');
  return bare === '' || bare.endsWith('/') ? `${bare}index.html` : bare;
}

/** Targets on other pages of every preview link of the site: page file → ids (`''` for the page itself). */
export function previewTargets(pages: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const targets = new Map<string, Set<string>>();
  for (const [file, html] of pages) {
    for (const match of html.matchAll(PREVIEW_LINK)) {
      const href = HREF.exec(match[0])?.[2];
      if (!href?.startsWith('/') || href.startsWith('//')) continue;
      const url = new URL(href.replace(/&amp;/g, '&'), 'http://book.invalid');
      const target = pageFileOf(url.pathname);
      if (target === file || !pages.has(target)) continue;
      const ids = targets.get(target) ?? new Set<string>();
      ids.add(decodeURIComponent(url.hash.slice(1)));
      targets.set(target, ids);
    }
  }
  return targets;
}

interface Located {
  node: Element;
  siblings: RootContent[];
  index: number;
}

function locate(nodes: RootContent[], test: (node: Element) => boolean): Located | undefined {
  for (const [index, node] of nodes.entries()) {
    if (node.type !== 'element') continue;
    if (test(node)) return { node, siblings: nodes, index };
    const inside = locate(node.children, test);
    if (inside) return inside;
  }
  return undefined;
}

const hasClass = (node: Element, name: string) => Array.isArray(node.properties.className) && node.properties.className.includes(name);

/** What reference-preview.ts's `previewNodes` reads for one target, as HTML it can find again by id. */
function targetHtml(tree: Root, id: string): string | undefined {
  if (id === '') {
    const chapter = locate(tree.children, (node) => hasClass(node, 'chapter'));
    const title = chapter && locate([chapter.node], (node) => node.tagName === 'h1');
    if (!title) return undefined;
    const body = locate([chapter.node], (node) => hasClass(node, 'chapter-body'));
    const opening = body?.node.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
    const article: Element = { type: 'element', tagName: 'article', properties: { className: ['chapter'] }, children: [title.node, { type: 'element', tagName: 'div', properties: { className: ['chapter-body'] }, children: opening ? [opening] : [] }] };
    return toHtml(article);
  }
  const found = locate(tree.children, (node) => node.properties.id === id);
  if (!found) return undefined;
  const parts: ElementContent[] = [found.node];
  if (/^h[2-6]$/.test(found.node.tagName)) {
    // The section's first paragraph, as the preview shows it: the next <p> before another heading.
    for (const next of found.siblings.slice(found.index + 1)) {
      if (next.type !== 'element') continue;
      if (/^h[1-6]$/.test(next.tagName)) break;
      if (next.tagName === 'p') {
        parts.push(next);
        break;
      }
    }
  }
  return toHtml({ type: 'root', children: parts });
}

/** For each page with previewed targets, the HTML of those targets, URLs relative to the export's root. */
export function previewSnippets(pages: ReadonlyMap<string, string>, targets: ReadonlyMap<string, ReadonlySet<string>>): Record<string, string> {
  const snippets: Record<string, string> = {};
  for (const [file, ids] of [...targets].sort(([a], [b]) => a.localeCompare(b))) {
    const tree = fromHtml(pages.get(file) ?? '');
    const html = [...ids].sort().flatMap((id) => targetHtml(tree, id) ?? []).join('\n');
    if (html) snippets[file] = rewritePageUrls('index.html', html);
  }
  return snippets;
}

/** `previews.js`: the snippets, assigned to a global. */
export function previewsScript(snippets: Readonly<Record<string, string>>): string {
  return `window.${PREVIEWS_GLOBAL} = ${JSON.stringify(snippets).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};\n`;
}
