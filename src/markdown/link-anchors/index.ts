/**
 * rehype plugin: a link anchor on every labelled figure, equation and callout, as headings have
 * (../heading-anchors), so that an instructor can link to "Figure 1.2.3" or a checklist callout.
 * Only elements with an author's id get one (`:name:` of a figure or callout, `\label` of an
 * equation): those ids are stable across editions and kept alive by the URL manifest, whereas a
 * positional id ("the third figure") would silently point elsewhere after an edit.
 *
 * The anchor is a plain `<a href="#id">` with an accessible name and no text of its own (its icon
 * is drawn by CSS); the page script turns it into a copy-link button (src/scripts/copy-link.ts).
 * Runs after KaTeX (typeset-math): an equation's number is read from its typeset TeX.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { CALLOUT_TITLE_CLASS } from '../callouts/index.js';
import { formulaTexIn, isTypesetFormula } from '../typeset-math/formula-element.js';

/** The class and data attribute that mark a copy-link anchor for the page script and the stylesheet. */
export const COPY_LINK_CLASS = 'copy-link';

/** An empty link anchor to `#id` named `label` ("Link to Figure 1.2.3"); `className` adds classes. */
export function linkAnchor(id: string, label: string, className: string[] = []): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: [...className, COPY_LINK_CLASS], href: `#${id}`, ariaLabel: label, dataCopyLink: true },
    children: [],
  };
}

export default function rehypeLinkAnchors() {
  return (tree: Root) => addLinkAnchors(tree);
}

/** Append anchors to the labelled figures, equations and callouts of `tree`. */
export function addLinkAnchors(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (isTypesetFormula(node)) return SKIP;
    const id = node.properties.id;
    if (typeof id !== 'string' || id === '') return;
    const classes = classList(node);
    if (node.tagName === 'figure' && classes.includes('figure')) anchorFigure(node, id);
    else if (classes.includes('equation')) anchorEquation(node, id);
    else if (classes.includes('callout')) anchorCallout(node, id);
  });
}

function classList(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function childElement(node: Element, test: (child: Element) => boolean): Element | undefined {
  return node.children.find((child): child is Element => child.type === 'element' && test(child));
}

/** At the end of the caption: "Figure 1.2.3 Caption text #". */
function anchorFigure(figure: Element, id: string): void {
  const caption = childElement(figure, (child) => child.tagName === 'figcaption');
  if (!caption) return;
  const number = findElement(caption, (element) => classList(element).includes('figure-number'));
  caption.children.push(linkAnchor(id, `Link to ${number ? toString(number).trim() : 'figure'}`));
}

/** Before the formula (placed in the margin by CSS): "Link to equation (1.2.3)". */
function anchorEquation(equation: Element, id: string): void {
  const tex = formulaTexIn(equation);
  const number = tex === undefined ? undefined : /\\tag\{([^{}]*)\}/.exec(tex)?.[1];
  equation.children.unshift(linkAnchor(id, number ? `Link to equation (${number})` : 'Link to equation'));
}

/**
 * In the callout's title: "Link to note “Title”". A dropdown's title is its `<summary>`, which is a
 * button for assistive technology; a link inside it would be nested interactive content, so the anchor
 * opens the dropdown's body instead.
 */
function anchorCallout(callout: Element, id: string): void {
  const kind = classList(callout).find((name) => name.startsWith('callout-') && name !== 'callout-dropdown')?.slice('callout-'.length) ?? 'note';
  const title = childElement(callout, (child) => classList(child).includes(CALLOUT_TITLE_CLASS));
  const anchor = linkAnchor(id, `Link to ${kind} “${title ? toString(title).trim() : kind}”`);
  if (!title) callout.children.unshift(anchor);
  else if (title.tagName === 'summary') callout.children.splice(callout.children.indexOf(title) + 1, 0, anchor);
  else title.children.push(anchor);
}

function findElement(root: Element, test: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(root, 'element', (node: Element) => {
    if (found) return false;
    if (test(node)) {
      found = node;
      return false;
    }
    return undefined;
  });
  return found;
}
