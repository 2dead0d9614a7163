/**
 * KaTeX's output for one formula, as plugins after the typesetting meet it: either its elements, a
 * `span.katex` (inline) or `span.katex-display` holding thousands of spans, or, in an MDX chapter, one
 * `<Fragment set:html>` node holding the same HTML (./index.ts). Plugins that look for headings, ids
 * or anchors skip a formula's inside (KaTeX writes no ids), as a heavy chapter's formulas are most of
 * its tree.
 */
import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

export function isTypesetFormula(element: Element): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && (classes.includes('katex') || classes.includes('katex-display'));
}

/** What a formula fragment keeps of its formula for the plugins after it: its TeX. */
interface FormulaData {
  typesetFormula: { tex: string };
}

type FormulaFragment = (MdxJsxFlowElementHast | MdxJsxTextElementHast) & { data: FormulaData };

/**
 * A typeset formula as MDX's `<Fragment set:html={html} />`: Astro writes the HTML into the page as
 * it is, where KaTeX's elements would be copied into the tree, walked by every later plugin and
 * serialized back to the same HTML by Astro's static optimization. The TeX stays in its data.
 */
export function formulaFragment(html: string, tex: string, displayMode: boolean): FormulaFragment {
  return {
    type: displayMode ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
    name: 'Fragment',
    attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
    children: [],
    data: { typesetFormula: { tex } },
  };
}

/**
 * The TeX of the first typeset formula inside `root`: a fragment's data, or the annotation KaTeX
 * writes into its MathML (which holds the TeX as typeset, an equation's `\tag{…}` included).
 */
export function formulaTexIn(root: Element): string | undefined {
  let tex: string | undefined;
  visit(root, (node) => {
    if (tex !== undefined) return false;
    const data = (node as ElementContent).data as Partial<FormulaData> | undefined;
    if (data?.typesetFormula) tex = data.typesetFormula.tex;
    else if (node.type === 'element' && (node as Element).tagName === 'annotation') tex = toString(node as Element);
    return undefined;
  });
  return tex;
}
