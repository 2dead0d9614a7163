/** The Markdown pipeline's options for a book: its public folder, .bib and citation style, and the site's base. */
import type { PipelineOptions } from '../markdown/pipeline.js';
import type { BookConfig } from './book-config.js';
import { type BookContext, bookContextFor } from './book-context.js';
import { displayPath } from './book-paths.js';
import { loadGlossary } from './glossary.js';

/** The options, with the book context itself (its messages about targets are the content check's). */
export function bookPipelineOptions(config: BookConfig): Omit<PipelineOptions, 'book'> & { book: BookContext } {
  return {
    bookRoot: config.paths.root,
    publicDir: config.paths.public,
    base: config.base,
    bibliographyPath: config.bibliography.path,
    bibliographyDisplayPath: config.bibliography.displayPath,
    citationStyle: config.citationStyle,
    language: config.language,
    mathMacros: config.mathMacros,
    glossary: () => loadGlossary(config.paths.glossary, displayPath(config.paths, config.paths.glossary)),
    answers: config.answers,
    glossaryDisplayPath: displayPath(config.paths, config.paths.glossary),
    book: bookContextFor(config.paths),
  };
}
