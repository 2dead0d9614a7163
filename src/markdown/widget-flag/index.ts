/**
 * remark plugin: record in the page's frontmatter data (`remarkPluginFrontmatter.interactiveComponents`
 * in Astro) the components of the interactive widgets the chapter shows, in order of appearance, so
 * that the layout inlines their stylesheets into those pages only (src/interactive/styles.ts), as it
 * does KaTeX's for pages with math. The `{interactive}` directive became the component's MDX element
 * in the structural pass (src/markdown/interactive-figures).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { INTERACTIVE_WIDGETS } from '../../interactive/widgets.js';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

const WIDGET_COMPONENTS = new Set(Object.values(INTERACTIVE_WIDGETS).map((widget) => widget.component));

export default function remarkWidgetFlag() {
  return (tree: Root, file: VFile) => {
    const components = new Set<string>();
    visit(tree, 'mdxJsxFlowElement', (node) => {
      if (node.name && WIDGET_COMPONENTS.has(node.name)) components.add(node.name);
    });
    const data = file.data as AstroFileData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.interactiveComponents = [...components];
  };
}
