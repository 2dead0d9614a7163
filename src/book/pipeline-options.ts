/** The Markdown pipeline's options for a book: its public folder, .bib and citation style, and the site's base. */
import type { PipelineOptions } from '../markdown/pipeline.js';
import { createBookContext } from './book-context.js';
import { type BookPaths, displayPath } from './book-paths.js';
import { loadBookStructure } from './structure.js';

export function bookPipelineOptions(paths: BookPaths, base: string): PipelineOptions {
  // An invalid structure file is reported by the content check; rendering falls back to the default style.
  const { structure } = loadBookStructure(paths.structure);
  return {
    publicDir: paths.public,
    base,
    bibliographyPath: paths.bibliography,
    bibliographyDisplayPath: displayPath(paths, paths.bibliography),
    glossaryPath: paths.glossary,
    glossaryDisplayPath: displayPath(paths, paths.glossary),
    citationStyle: structure?.citationStyle ?? 'apa',
    book: createBookContext(paths),
  };
}
