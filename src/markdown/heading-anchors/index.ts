/**
 * rehype plugin: give every section heading (h2–h6) a stable id and a link anchor to itself.
 * Ids come from the heading text with GitHub's slugger (as Astro's own heading ids do, so its
 * `headings` list matches); an id already set is kept. The anchor has an accessible name and no text
 * of its own (its `#` is drawn by CSS), so heading text, the TOC and the search index stay clean; the
 * page script makes it a copy-link button (../link-anchors, src/scripts/copy-link.ts).
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { linkAnchor } from '../link-anchors/index.js';
import { isTypesetFormula } from '../typeset-math/formula-element.js';

const SECTION_HEADING = /^h[2-6]$/;

export default function rehypeHeadingAnchors() {
  return (tree: Root) => addHeadingAnchors(tree);
}

/** Set ids and append anchors, in document order. */
export function addHeadingAnchors(tree: Root): void {
  const slugger = new GithubSlugger();
  // Ids already on the page (`{#id}` headings kept after a rename, figures, equations) are taken: a heading
  // whose text slugs to one gets the next suffix instead, so no two elements share an id.
  const taken = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (isTypesetFormula(node)) return SKIP;
    if (typeof node.properties.id === 'string') taken.add(node.properties.id);
  });
  visit(tree, 'element', (node: Element) => {
    if (isTypesetFormula(node)) return SKIP;
    if (!SECTION_HEADING.test(node.tagName)) return;
    const text = toString(node).trim();
    const id = typeof node.properties.id === 'string' ? node.properties.id : freeSlug(slugger, text, taken);
    node.properties.id = id;
    node.children.push(linkAnchor(id, `Link to section “${text}”`, ['heading-anchor']));
  });
}

/** The slug of `text`, skipping any id in `taken`. */
function freeSlug(slugger: GithubSlugger, text: string, taken: Set<string>): string {
  let id = slugger.slug(text);
  while (taken.has(id)) id = slugger.slug(text);
  return id;
}
