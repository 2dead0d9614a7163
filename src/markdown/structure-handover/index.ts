/**
 * Rendering hands each chapter's tree to the book right after the structural plugins, before any
 * resolver changes it, with the text it was parsed from. The book may then index the chapter (its
 * targets, citations, counts) from that tree instead of parsing the chapter once more: in dev, the
 * chapter just saved is rendered before the whole-book indexes are asked for, and its render's
 * citations need them. The tree stays the render's: the book reads it there and then, never keeps it.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';

export interface StructureHandoverOptions {
  /** Called with the file's path, the text rendered and the tree as the structural plugins left it. */
  structured: (filePath: string, source: string, tree: Root) => void;
}

const remarkStructureHandover: Plugin<[StructureHandoverOptions], Root> = (options) => (tree, file) => {
  if (file.path) options.structured(file.path, String(file.value), tree);
};

export default remarkStructureHandover;
