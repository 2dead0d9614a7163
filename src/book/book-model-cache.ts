/**
 * The book model for pages: built once per build process and reused by every page; rebuilt on each
 * call in dev, where the author edits chapters and the structure file while the server runs.
 */
import { type BookModel, buildBookModel } from './book-model.js';
import { bookPaths } from './book-paths.js';

let cached: BookModel | undefined;

/** The current book model. */
export function getBookModel(): BookModel {
  if (import.meta.env?.DEV) return buildBookModel(bookPaths());
  cached ??= buildBookModel(bookPaths());
  return cached;
}
