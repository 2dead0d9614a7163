/**
 * rehype plugin: typeset the book's math with KaTeX at build time, as rehype-katex does (the same
 * elements: `.math-inline`, `.math-display`, and `language-math` code), but each distinct formula once
 * (./typeset.ts). A formula KaTeX cannot parse was reported by the content check (rule `math-parses`);
 * here it becomes KaTeX's own red error rendering, with a message on the file, as with rehype-katex.
 */
import type { ElementContent, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { typesetFormulaNodes } from './typeset.js';

export interface TypesetMathOptions {
  /** The book's LaTeX macros (`math.macros` of book.yaml). */
  macros?: Record<string, string>;
}

export default function rehypeTypesetMath(options: TypesetMathOptions = {}) {
  const macros = { ...options.macros };
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'element', (element, parents) => {
      const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
      const languageMath = classes.includes('language-math');
      let displayMode = classes.includes('math-display');
      if (!languageMath && !displayMode && !classes.includes('math-inline')) return;
      let parent = parents[parents.length - 1];
      let scope: ElementContent = element;
      // Fenced ```math: the `<pre>` is replaced, and the formula is a display.
      if (element.tagName === 'code' && languageMath && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents[parents.length - 2];
        displayMode = true;
      }
      if (!parent) return;
      const tex = toText(scope, { whitespace: 'pre' });
      let nodes = typesetFormulaNodes(tex, displayMode, macros);
      if (!nodes) {
        file.message('Could not render math with KaTeX', { place: element.position, ruleId: 'parseerror', source: 'typeset-math' });
        nodes = errorRendering(tex, displayMode, macros);
      }
      parent.children.splice(parent.children.indexOf(scope as never), 1, ...(nodes as never[]));
      return SKIP;
    });
  };
}

/** KaTeX's rendering of a formula with an error (red, with the message as its title). */
function errorRendering(tex: string, displayMode: boolean, macros: Record<string, string>): ElementContent[] {
  try {
    const html = katex.renderToString(tex, { displayMode, output: 'htmlAndMathml', strict: 'ignore', throwOnError: false, macros: { ...macros } });
    return fromHtmlIsomorphic(html, { fragment: true }).children as ElementContent[];
  } catch (error) {
    return [{ type: 'element', tagName: 'span', properties: { className: ['katex-error'], style: 'color:#cc0000', title: String(error) }, children: [{ type: 'text', value: tex }] }];
  }
}
