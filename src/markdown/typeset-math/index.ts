/**
 * rehype plugin: typeset the book's math with KaTeX at build time, as rehype-katex does (the same
 * elements: `.math-inline`, `.math-display`, and `language-math` code), but each distinct formula once
 * (./typeset.ts). A formula KaTeX cannot parse was reported by the content check (rule `math-parses`);
 * here it becomes KaTeX's own red error rendering, with a message on the file, as with rehype-katex.
 *
 * In an MDX chapter a formula becomes one node holding KaTeX's HTML (./formula-element.ts), so the
 * page is the same but the tree is not thousands of KaTeX's elements long: on a save of 1.2 in dev,
 * copying them, walking them and serializing them back to HTML took 60–100 ms, and their garbage
 * more. Markdown chapters keep the elements: Astro's Markdown pipeline re-parses raw HTML anyway.
 * Formulas in headings and callout titles keep them too: their text is read after this plugin (for
 * heading ids, "On this page" and link names).
 */
import type { ElementContent, Parents, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { CALLOUT_TITLE_CLASS } from '../callouts/index.js';
import { formulaFragment } from './formula-element.js';
import { typesetFormula, typesetFormulaNodes } from './typeset.js';

export interface TypesetMathOptions {
  /** The book's LaTeX macros (`math.macros` of book.yaml). */
  macros?: Record<string, string>;
}

export default function rehypeTypesetMath(options: TypesetMathOptions = {}) {
  const macros = { ...options.macros };
  return (tree: Root, file: VFile) => {
    const mdx = file.extname === '.mdx';
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
      const html = mdx && !parents.some(textIsRead) ? typesetFormula(tex, displayMode, macros).html : undefined;
      if (html !== undefined) {
        parent.children.splice(parent.children.indexOf(scope as never), 1, formulaFragment(html, tex, displayMode));
        return SKIP;
      }
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

/** Whether the text of an element is read after typesetting: a heading's (its id), a callout title's (a link's name). */
function textIsRead(ancestor: Parents): boolean {
  if (ancestor.type !== 'element') return false;
  const classes = ancestor.properties.className;
  return /^h[1-6]$/.test(ancestor.tagName) || (Array.isArray(classes) && classes.includes(CALLOUT_TITLE_CLASS));
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
