/**
 * The book model for pages: the one the build's book context holds (shared with the Markdown
 * pipeline, built once per build), rebuilt in dev only when the structure file or a chapter changed.
 */
import { bookContextFor } from './book-context.js';
import type { BookModel } from './book-model.js';
import { bookPaths } from './book-paths.js';

/** The current book model. */
export function getBookModel(): BookModel {
  return bookContextFor(bookPaths()).model();
}
