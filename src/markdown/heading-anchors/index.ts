/**
 * rehype plugin: give every section heading (h2–h6) a stable id and a link anchor to itself.
 * Ids come from the heading text with GitHub's slugger (as Astro's own heading ids do, so its
 * `headings` list matches); an id already set is kept. The anchor has an accessible name and no text
 * of its own (its `#` is drawn by CSS), so heading text, the TOC and the search index stay clean.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const SECTION_HEADING = /^h[2-6]$/;

export default function rehypeHeadingAnchors() {
  return (tree: Root) => addHeadingAnchors(tree);
}

/** Set ids and append anchors, in document order. */
export function addHeadingAnchors(tree: Root): void {
  const slugger = new GithubSlugger();
  visit(tree, 'element', (node: Element) => {
    if (!SECTION_HEADING.test(node.tagName)) return;
    const text = toString(node).trim();
    const id = typeof node.properties.id === 'string' ? node.properties.id : slugger.slug(text);
    node.properties.id = id;
    node.children.push({
      type: 'element',
      tagName: 'a',
      properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to section “${text}”` },
      children: [],
    });
  });
}
