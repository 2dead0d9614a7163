/**
 * Old anchors on pages that still exist (redirects.ts decides which): an anchor renamed on its page
 * gets an empty element with the old id at the start of the element it now stands for, so that old
 * links land there without JavaScript (and `:target` styles still apply around it); anchors that
 * moved to another page are followed by the redirect script, added before `</body>`. The built HTML
 * is edited in place, at offsets from its parse, so that nothing else of the page changes.
 */
import { type BuiltPage, findElement } from './built-site.js';
import { escapeHtml, renderMovedAnchorsScript } from './redirect-page.js';

/** Changes to a live page: elements with old ids to add, and old anchors that moved to other pages. */
export interface PageEdit {
  /** Old id → the id of the element it now stands for (same page). */
  renamed: Map<string, string>;
  /** Old id → its new place on another page, relative to this one. */
  moved: Record<string, string>;
}

/** The page's HTML with the edit applied; `script` is the redirect script's URL from this page. */
export function applyPageEdit(page: BuiltPage, edit: PageEdit, script: string): string {
  const insertions: { offset: number; text: string }[] = [];
  for (const [oldId, newId] of edit.renamed) {
    const start = findElement(page.tree, (element) => element.properties.id === newId)?.position?.start.offset;
    if (start === undefined) continue;
    insertions.push({ offset: startTagEnd(page.html, start), text: `<span id="${escapeHtml(oldId)}" data-anchor-alias></span>` });
  }
  if (Object.keys(edit.moved).length > 0) {
    const end = page.html.lastIndexOf('</body>');
    insertions.push({ offset: end < 0 ? page.html.length : end, text: renderMovedAnchorsScript(script, edit.moved) });
  }
  let html = page.html;
  for (const { offset, text } of insertions.sort((a, b) => b.offset - a.offset)) html = html.slice(0, offset) + text + html.slice(offset);
  return html;
}

/** Offset just after the start tag that begins at `start` (quote-aware: `>` may appear in values). */
function startTagEnd(html: string, start: number): number {
  let quote: string | undefined;
  for (let index = start; index < html.length; index++) {
    const char = html[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index + 1;
    }
  }
  return html.length;
}
