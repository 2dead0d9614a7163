/**
 * KaTeX typesetting of one formula, once per build (or dev session) for each distinct formula: the
 * content check (math-check) and the rendering (./index.ts) ask for the same formulas, and in dev every
 * save of a chapter renders all its formulas again although one at most has changed.
 *
 * Each formula is typeset on its own, with a copy of the book's macros: a `\gdef` in one formula does
 * not reach the next (the content check has always checked them that way; shared definitions belong in
 * `math.macros` of book.yaml).
 */
import type { Element, ElementContent, Properties } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import katex from 'katex';
import { processWide } from '../../process/process-wide.js';

export interface Typeset {
  /** KaTeX's HTML (and MathML), or absent when the formula does not parse. */
  html?: string;
  /** Why it does not parse: KaTeX's error. */
  error?: unknown;
}

const typeset = processWide('typeset-formulas', () => new Map<string, Typeset>());
const trees = processWide('typeset-formula-trees', () => new Map<string, ElementContent[]>());

function key(tex: string, displayMode: boolean, macros: Readonly<Record<string, string>>): string {
  return `${displayMode ? 'display' : 'inline'}\n${JSON.stringify(macros)}\n${tex}`;
}

/** The formula typeset by KaTeX (HTML for the eye, MathML for screen readers), or its error. */
export function typesetFormula(tex: string, displayMode: boolean, macros: Readonly<Record<string, string>> = {}): Typeset {
  const id = key(tex, displayMode, macros);
  let result = typeset.get(id);
  if (!result) {
    try {
      result = { html: katex.renderToString(tex, { displayMode, output: 'htmlAndMathml', throwOnError: true, strict: 'ignore', macros: { ...macros } }) };
    } catch (error) {
      result = { error };
    }
    typeset.set(id, result);
  }
  return result;
}

/** The typeset formula as hast nodes (a fresh copy: the caller puts them in its tree), or undefined on an error. */
export function typesetFormulaNodes(tex: string, displayMode: boolean, macros: Readonly<Record<string, string>> = {}): ElementContent[] | undefined {
  const id = key(tex, displayMode, macros);
  let nodes = trees.get(id);
  if (!nodes) {
    const { html } = typesetFormula(tex, displayMode, macros);
    if (html === undefined) return undefined;
    nodes = fromHtmlIsomorphic(html, { fragment: true }).children as ElementContent[];
    trees.set(id, nodes);
  }
  return nodes.map(cloneNode);
}

/**
 * A deep copy of a typeset formula's node. Written out rather than `structuredClone`: a formula's tree
 * holds only elements, text and comments whose properties are strings, numbers, booleans or arrays
 * of them, and copying just that is several times faster (1.2 "Measuring Fairness" copies about 20,000
 * nodes on each render). Positions are left out: the nodes come from KaTeX's HTML, not the chapter.
 */
function cloneNode<Node extends ElementContent>(node: Node): Node {
  if (node.type !== 'element') return { ...node };
  const properties: Properties = {};
  for (const [name, value] of Object.entries(node.properties)) properties[name] = Array.isArray(value) ? [...value] : value;
  return { type: 'element', tagName: node.tagName, properties, children: node.children.map(cloneNode) } as Element as Node;
}
