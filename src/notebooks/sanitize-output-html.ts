/**
 * Make a notebook's `text/html` output safe to publish: parsed, then kept to a small allow-list of
 * elements and attributes (text, lists, tables with their spans, images from `data:` URLs, links), so
 * no script, event handler, frame, form or request to another host reaches the page. A `<style>` is
 * applied to the output's elements as `style` attributes (inline-css.ts), neither dropped nor printed
 * as stray text. Headings become paragraphs and ids go: an output's headings are not sections of the
 * chapter, nor its ids anchors (they would enter its contents and its public URLs).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { type Schema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { inlineCss } from './inline-css.js';

const schema: Schema = {
  tagNames: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em',
    'figcaption', 'figure', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small',
    'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul', 'var',
  ],
  attributes: {
    '*': ['className', 'style', 'title', 'lang', 'dir'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colSpan', 'rowSpan'],
    th: ['colSpan', 'rowSpan', 'scope'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed'],
  },
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'] },
  protocols: { href: ['http', 'https', 'mailto'], src: ['data'] },
  // Removed with their content (not unwrapped into text).
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'noscript'],
  clobber: [],
  clobberPrefix: '',
};

const BLOCK_PARENTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup', 'div', 'ul', 'ol', 'dl', 'figure', 'blockquote']);

export interface SanitizedHtml {
  html: string;
  /** Whether the output carried a script (it then needs a static fallback). */
  hasScript: boolean;
  /** What the sanitiser removed, in words, for a build warning. */
  removed: string[];
}

/** Sanitise `html`, its stylesheets applied to its elements. */
export function sanitizeOutputHtml(html: string): SanitizedHtml {
  const tree = fromHtml(html, { fragment: true });
  const removed = new Set<string>();
  const styles: string[] = [];
  let hasScript = false;
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'script') hasScript = true;
    if (node.tagName === 'style' && parent && index !== undefined) {
      styles.push(toString(node));
      parent.children.splice(index, 1);
      return index;
    }
    const heading = /^h([1-6])$/.exec(node.tagName);
    if (heading) {
      node.tagName = 'p';
      node.properties = { ...node.properties, className: ['nb-output-heading', `nb-output-h${heading[1]}`] };
    }
    if (Object.keys(node.properties).some((name) => /^on/i.test(name))) removed.add('event handlers');
    for (const tag of ['iframe', 'object', 'embed', 'form', 'input', 'link', 'meta']) if (node.tagName === tag) removed.add(`\`<${tag}>\``);
    const source = node.properties.src;
    if (node.tagName === 'img' && typeof source === 'string' && !source.startsWith('data:image/')) removed.add('images from other hosts');
    return undefined;
  });
  // Before sanitising: the stylesheet's rules may select by the ids that sanitising removes.
  for (const what of inlineCss(tree, styles.join('\n'))) removed.add(`${what} in its stylesheet`);
  const clean = sanitize(tree, schema) as Root;
  // Indentation between block elements (pandas indents its tables) is noise: drop it (not between
  // inline elements, where a space separates words).
  visit(clean, 'text', (node, index, parent) => {
    if (!parent || index === undefined || node.value.trim() !== '') return undefined;
    if (parent.type === 'element' && !BLOCK_PARENTS.has(parent.tagName)) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
  visit(clean, 'element', (node: Element, index, parent) => {
    const style = node.properties.style;
    if (typeof style === 'string' && /url\s*\(|expression\s*\(/i.test(style)) {
      delete node.properties.style;
      removed.add('style attributes with `url(…)`');
    }
    // An image whose address was removed would show as broken: drop it.
    if (node.tagName === 'img' && typeof node.properties.src !== 'string' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return { html: toHtml(clean), hasScript, removed: [...removed] };
}
