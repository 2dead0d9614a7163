/**
 * Where the book's sources are (the .bib file is a setting of the book: see book-config.ts). The book root is the project root unless `BOOK_ROOT` names another
 * folder (the tests build small fixture books that way). Resolved from `process.cwd()`, not
 * `import.meta.url`, because Vite bundles plugins into another folder, where relative URLs no longer
 * point at the sources.
 */
import path from 'node:path';

export interface BookPaths {
  root: string;
  content: string;
  structure: string;
  /** The glossary (`content/glossary.yaml`): terms that `{term}` roles resolve against. */
  glossary: string;
  /** The resources page's entries (`content/resources.yaml`). */
  resources: string;
  public: string;
}

/** A path below the book root as messages show it: relative, with forward slashes. */
export function displayPath(paths: BookPaths, absolute: string): string {
  return path.relative(paths.root, absolute).split(path.sep).join('/');
}

/** Paths of the book at `root` (default: `BOOK_ROOT` or the working directory). */
export function bookPaths(root: string = process.env.BOOK_ROOT ?? process.cwd()): BookPaths {
  const absolute = path.resolve(root);
  return {
    root: absolute,
    content: path.join(absolute, 'content'),
    structure: path.join(absolute, 'content', 'book.yaml'),
    glossary: path.join(absolute, 'content', 'glossary.yaml'),
    resources: path.join(absolute, 'content', 'resources.yaml'),
    public: path.join(absolute, 'public'),
  };
}
