/**
 * remark plugin: format the `cite` nodes whose keys ../citation-keys checked. Each citation renders
 * author–year (or numbered, by the book's CSL style) with every item linked to its entry; a References
 * section with exactly the cited entries, each with back-links to its citations, closes the chapter.
 * Keys the check did not find stay visible as `[key?]` after the formatted part (the check has already
 * failed the build for them).
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bookCitationFormatter, type CitationStyle, createCitationFormatter } from '../../bibliography/csl-formatter.js';
import { type Bibliography, loadBibliography } from '../../bibliography/load-bibliography.js';
import type { Cite } from '../myst-roles/types.js';

export interface CitationOptions {
  /** Absolute path of the .bib file. */
  bibliographyPath: string;
  /** Path of the .bib as messages show it. */
  bibliographyDisplayPath?: string;
  style: CitationStyle;
  /** The book's language (BCP 47), for the citation engine's terms; default English. */
  language?: string;
  /**
   * The keys the whole book cites, in order of first citation. Given, the book's one formatter is used
   * (numbers and disambiguation are the book's); absent (a lone document), the chapter's own.
   */
  citedInBook?: () => string[];
}

/** Id of a reference entry, and of the n-th (1-based) citation of a key in a chapter. */
export const referenceId = (key: string) => `ref-${key}`;
export const citationId = (key: string, occurrence: number) => `cite-${key}-${occurrence}`;

export default function remarkCitations(options: CitationOptions) {
  return (tree: Root, file: VFile) => {
    const bibliography = loadBibliography(options.bibliographyPath, options.bibliographyDisplayPath);
    resolveCitations(tree, file, bibliography, options.style, options.language, options.citedInBook);
  };
}

/** Replace the tree's checked `cite` nodes by formatted citations and append the chapter's references. */
export function resolveCitations(
  tree: Root,
  file: VFile,
  bibliography: Bibliography,
  style: CitationStyle,
  language = 'en',
  citedInBook?: () => string[],
): void {
  const cites: Cite[] = [];
  visit(tree, 'cite', (node: Cite) => {
    cites.push(node);
  });
  if (cites.length === 0) return;
  const unchecked = cites.find((cite) => cite.resolved === undefined);
  if (unchecked) {
    // A pipeline bug, not an author's: the key check (../citation-keys) must run before formatting.
    throw new Error(`${file.path}: citation keys were not checked before formatting; add remarkCitationKeys before remarkCitations`);
  }
  const order: string[] = [];
  for (const cite of cites) for (const key of cite.resolved ?? []) if (!order.includes(key)) order.push(key);

  // The book's keys, then any of this chapter's the book's list lacks (a chapter edited in dev since).
  const bookKeys = citedInBook?.().filter((key) => bibliography.items.has(key));
  const formatter = bookKeys
    ? bookCitationFormatter(style, [...new Set([...bookKeys, ...order])].map((key) => bibliography.items.get(key)!), language)
    : createCitationFormatter(style, order.map((key) => bibliography.items.get(key)!), language);
  const chapterKeys = new Set(order);
  const occurrences = new Map<string, number>();
  for (const cite of cites) {
    const keys = cite.resolved ?? [];
    const unknown = cite.keys.filter((key) => !keys.includes(key));
    const html = keys.length === 0 ? '' : cite.kind === 't' ? formatter.textual(keys) : formatter.parenthetical(keys);
    const children = fromHtml(html, { fragment: true }).children as ElementContent[];
    numberCitationLinks(children, occurrences);
    if (unknown.length > 0) children.push({ type: 'text', value: ` [${unknown.join(', ')}?]` });
    cite.data = {
      hName: 'span',
      hProperties: { className: ['citation', cite.kind === 't' ? 'citation-textual' : 'citation-parenthetical'] },
      hChildren: children,
    };
  }
  placeReferences(tree, referencesSection(formatter.references().filter(({ id }) => chapterKeys.has(id)), occurrences));
}

/**
 * At the chapter's `{bibliography}` if it has one (../bibliography-directive), else at its end. A
 * "References" heading the author wrote right before the directive (as Jupyter Book chapters do) gives
 * way to the section's own, so the heading is not printed twice.
 */
function placeReferences(tree: Root, section: RootContent[]): void {
  let placed = false;
  visit(tree, 'bibliographyPlace', (_node, index, parent) => {
    if (placed || !parent || index === undefined) return;
    const before = parent.children[index - 1];
    const authorsHeading = before?.type === 'heading' && /^\s*(references|bibliography)\s*$/i.test(toString(before));
    const start = authorsHeading ? index - 1 : index;
    parent.children.splice(start, index - start + 1, ...(section as typeof parent.children));
    placed = true;
    return EXIT;
  });
  if (!placed) tree.children.push(...section);
}

/** Give each citation link an id `cite-<key>-<n>` (n counts that key's citations in the chapter). */
function numberCitationLinks(nodes: ElementContent[], occurrences: Map<string, number>): void {
  const walk = (node: ElementContent) => {
    if (node.type !== 'element') return;
    const key = node.properties.dataCiteKey;
    if (node.tagName === 'a' && typeof key === 'string') {
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      node.properties.id = citationId(key, occurrence);
    }
    node.children.forEach(walk);
  };
  nodes.forEach(walk);
}

/** `## References` and the list of entries with back-links, as mdast carrying hast. */
function referencesSection(references: { id: string; html: string }[], occurrences: Map<string, number>): RootContent[] {
  const items: ElementContent[] = references.map(({ id, html }) => {
    const entry = (fromHtml(html, { fragment: true }) as HastRoot).children as ElementContent[];
    for (const node of entry) if (node.type === 'element') node.properties.dataPreviewContent = '';
    const count = occurrences.get(id) ?? 0;
    const backLinks: ElementContent[] = [];
    for (let n = 1; n <= count; n++) {
      backLinks.push({ type: 'text', value: ' ' });
      backLinks.push({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${citationId(id, n)}`, className: ['back-link'], ariaLabel: `Back to citation ${n} of ${count}` },
        children: [{ type: 'text', value: count === 1 ? '↩' : `↩${n}` }],
      });
    }
    const item: Element = {
      type: 'element',
      tagName: 'li',
      properties: { id: referenceId(id), className: ['reference'] },
      children: [...entry, { type: 'element', tagName: 'span', properties: { className: ['back-links'] }, children: backLinks }],
    };
    return item;
  });
  return [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'References' }], data: { hProperties: { id: 'references' } } },
    {
      type: 'paragraph',
      children: [],
      data: { hName: 'ol', hProperties: { className: ['references'], role: 'list' }, hChildren: items },
    },
  ];
}
