/**
 * remark plugin: record in the page's frontmatter data (`remarkPluginFrontmatter.hasMath` in Astro)
 * whether the chapter contains math, so the layout links KaTeX's CSS and fonts only where needed.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function remarkMathFlag() {
  return (tree: Root, file: VFile) => {
    let hasMath = false;
    visit(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') hasMath = true;
    });
    const data = file.data as AstroFileData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.hasMath = hasMath;
  };
}
