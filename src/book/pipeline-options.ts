/** The Markdown pipeline's options for a book: its public folder, .bib and citation style, and the site's base. */
import type { PipelineOptions } from '../markdown/pipeline.js';
import type { BookConfig } from './book-config.js';
import { bookContextFor } from './book-context.js';
import { displayPath } from './book-paths.js';

export function bookPipelineOptions(config: BookConfig): PipelineOptions {
  return {
    bookRoot: config.paths.root,
    publicDir: config.paths.public,
    base: config.base,
    bibliographyPath: config.bibliography.path,
    bibliographyDisplayPath: config.bibliography.displayPath,
    citationStyle: config.citationStyle,
    language: config.language,
    mathMacros: config.mathMacros,
    glossaryPath: config.paths.glossary,
    glossaryDisplayPath: displayPath(config.paths, config.paths.glossary),
    book: bookContextFor(config.paths),
  };
}
