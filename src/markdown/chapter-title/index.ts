/**
 * remark plugin: a chapter whose first heading is a `# Heading` (MyST's convention for the title) does
 * not print it in its body: the page prints the chapter's title as its one `<h1>` (the book model takes
 * the title from that heading when the frontmatter has none, see src/book/chapter-heading-title.ts).
 */
import type { Root } from 'mdast';

export default function remarkChapterTitle() {
  return (tree: Root) => removeTitleHeading(tree);
}

/** Remove the tree's first heading if it is level 1. */
export function removeTitleHeading(tree: Root): void {
  const index = tree.children.findIndex((node) => node.type === 'heading');
  if (index >= 0 && tree.children[index]?.type === 'heading' && tree.children[index].depth === 1) tree.children.splice(index, 1);
}
