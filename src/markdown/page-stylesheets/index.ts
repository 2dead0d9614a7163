/**
 * remark plugin: record in the page's frontmatter data (`remarkPluginFrontmatter` in Astro) which of
 * the stylesheets that only some chapters need this one needs, so that the layout inlines each into
 * those pages only: `hasMath` (KaTeX's stylesheet and fonts), `hasNotebookCells` (the cells' and
 * outputs' stylesheet: an `.ipynb` chapter's cells, or a text notebook's `{code-cell}` blocks) and
 * `interactiveComponents` (the widgets shown, in order of appearance: src/interactive/styles.ts; the
 * `{interactive}` directive became the component's MDX element in the structural pass,
 * src/markdown/interactive-figures). One walk of the tree for the three.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { INTERACTIVE_WIDGETS } from '../../interactive/widgets.js';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/** The class every notebook cell carries (src/notebooks/notebook-to-myst.ts, src/markdown/code-cells). */
const CELL_CLASS = /\bnb-cell\b/;

const WIDGET_COMPONENTS = new Set(Object.values(INTERACTIVE_WIDGETS).map((widget) => widget.component));

export default function remarkPageStylesheets() {
  return (tree: Root, file: VFile) => {
    let hasMath = false;
    let hasNotebookCells = false;
    const components = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') hasMath = true;
      // An .ipynb chapter's cells arrive as HTML blocks; a text notebook's as codeCell nodes.
      else if (node.type === 'codeCell' || (node.type === 'html' && CELL_CLASS.test(node.value))) hasNotebookCells = true;
      else if (node.type === 'mdxJsxFlowElement' && node.name && WIDGET_COMPONENTS.has(node.name)) components.add(node.name);
    });
    const data = file.data as AstroFileData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    Object.assign(data.astro.frontmatter, { hasMath, hasNotebookCells, interactiveComponents: [...components] });
  };
}
