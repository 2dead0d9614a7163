/**
 * The tags of an HTML page in document order, without building a tree. Reading a built site back
 * (ids, anchors, links, redirect targets: built-site.ts) needs only the start and end tags and their
 * attributes; parsing every page into a full tree took most of the time after the pages were written
 * (5 s for a 200-chapter book). The pages scanned are the build's own output, valid HTML (the validity
 * gate holds it to that), so a tag scanner reads what a parser would:
 * - comments, the doctype and CDATA sections are skipped;
 * - the content of raw-text elements (`script`, `style`, and `noscript`, which a parser with scripting
 *   enabled reads as text) and of RCDATA elements (`title`, `textarea`) is skipped, their tags kept;
 * - attribute names are lower-cased and values decoded (`&amp;` → `&`), as a parser does;
 * - `/>` closes an element only in foreign content (SVG, MathML), as in HTML; void elements never open.
 * The equivalence with a full parse (hast-util-from-html) is tested on every page of the real book.
 */
import { decodeHTMLAttribute } from 'entities';

/** Where a tag is in the HTML: its `<` and the offset just after its `>`. */
interface TagPlace {
  start: number;
  end: number;
}

export interface StartTag extends TagPlace {
  kind: 'start';
  /** As written in foreign content (`linearGradient`), else lower-cased. */
  name: string;
  attributes: Map<string, string>;
  /** Whether the element is still open after this tag (not void, not self-closed in SVG or MathML). */
  opens: boolean;
}

export interface EndTag extends TagPlace {
  kind: 'end';
  /** Lower-cased (end tags only match open elements, compared without case). */
  name: string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'iframe', 'noembed', 'noframes', 'xmp', 'title', 'textarea']);
const TAG_NAME = /[A-Za-z][^\t\n\f\r />]*/y;
const ATTRIBUTE = /[\t\n\f\r /]*([^\t\n\f\r />"'=][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]*)))?/y;
const TAG_END = /[\t\n\f\r ]*(\/?)[\t\n\f\r ]*>/y;

/** Every start and end tag of `html`, in document order. */
export function* scanHtmlTags(html: string): Generator<StartTag | EndTag> {
  // How deep the scan is inside `svg`/`math` elements, where `/>` closes and names keep their case.
  let foreignDepth = 0;
  const foreignStack: string[] = [];
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) return;
    const next = html.charCodeAt(open + 1);
    if (next === 33 /* ! */) {
      // Comment, doctype or CDATA section.
      if (html.startsWith('<!--', open)) at = endOf(html, '-->', open + 4);
      else if (html.startsWith('<![CDATA[', open)) at = endOf(html, ']]>', open + 9);
      else at = endOf(html, '>', open + 2);
      continue;
    }
    if (next === 47 /* / */) {
      TAG_NAME.lastIndex = open + 2;
      const name = TAG_NAME.exec(html)?.[0];
      if (!name) {
        at = open + 2;
        continue;
      }
      at = endOf(html, '>', TAG_NAME.lastIndex);
      const lower = name.toLowerCase();
      if (foreignDepth > 0 && foreignStack.at(-1) === lower) {
        foreignStack.pop();
        foreignDepth--;
      }
      yield { kind: 'end', name: lower, start: open, end: at };
      continue;
    }
    TAG_NAME.lastIndex = open + 1;
    const written = TAG_NAME.exec(html)?.[0];
    if (!written) {
      // A `<` that starts no tag is text.
      at = open + 1;
      continue;
    }
    const lower = written.toLowerCase();
    const attributes = new Map<string, string>();
    let cursor = TAG_NAME.lastIndex;
    for (;;) {
      TAG_END.lastIndex = cursor;
      const end = TAG_END.exec(html);
      if (end) {
        cursor = TAG_END.lastIndex;
        const selfClosing = end[1] === '/';
        const foreign = foreignDepth > 0 || lower === 'svg' || lower === 'math';
        const opens = !VOID.has(lower) && !(foreign && selfClosing);
        if (opens && foreign) {
          foreignDepth++;
          foreignStack.push(lower);
        }
        yield { kind: 'start', name: foreignDepth > 0 && lower !== 'svg' && lower !== 'math' ? written : lower, attributes, opens, start: open, end: cursor };
        break;
      }
      ATTRIBUTE.lastIndex = cursor;
      const attribute = ATTRIBUTE.exec(html);
      if (!attribute || ATTRIBUTE.lastIndex === cursor) {
        // Unterminated tag at the end of the page: nothing more to read.
        return;
      }
      cursor = ATTRIBUTE.lastIndex;
      const name = (attribute[1] as string).toLowerCase();
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      // The first of two same-named attributes wins, as in a parser.
      if (!attributes.has(name)) attributes.set(name, value.includes('&') ? decodeHTMLAttribute(value) : value);
    }
    at = cursor;
    if (RAW_TEXT.has(lower) && foreignDepth === 0) {
      // Skip to the element's end tag; the end tag itself is reported.
      const close = indexOfIgnoreCase(html, `</${lower}`, at);
      at = close < 0 ? html.length : close;
    }
  }
}

function endOf(html: string, marker: string, from: number): number {
  const found = html.indexOf(marker, from);
  return found < 0 ? html.length : found + marker.length;
}

function indexOfIgnoreCase(html: string, needle: string, from: number): number {
  const exact = html.indexOf(needle, from);
  // Built pages write their tags in lower case; look further only when they do not.
  if (exact >= 0) return exact;
  const found = html.slice(from).toLowerCase().indexOf(needle);
  return found < 0 ? -1 : from + found;
}
