/**
 * remark plugin: record in the page's frontmatter data (`remarkPluginFrontmatter.hasNotebookCells` in
 * Astro) whether the chapter shows notebook cells (an `.ipynb` chapter's cells and outputs, or a text
 * notebook's `{code-cell}` blocks), so the layout adds their stylesheet only to those pages, as it
 * does KaTeX's for pages with math.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/** The class every notebook cell carries (src/notebooks/notebook-to-myst.ts, src/markdown/code-cells). */
const CELL_CLASS = /\bnb-cell\b/;

export default function remarkNotebookFlag() {
  return (tree: Root, file: VFile) => {
    let hasNotebookCells = false;
    visit(tree, (node) => {
      // An .ipynb chapter's cells arrive as HTML blocks; a text notebook's as codeCell nodes.
      if (node.type === 'codeCell' || (node.type === 'html' && CELL_CLASS.test(node.value))) hasNotebookCells = true;
    });
    const data = file.data as AstroFileData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.hasNotebookCells = hasNotebookCells;
  };
}
