/**
 * The whole-book indexes name a chapter's sections as its page shows them: the bibliography's and the
 * glossary's "cited in"/"used in" lists and `{ref}` link texts read section titles from the book's
 * structural pass, so smart punctuation must run there as it does when the page is rendered (first,
 * where Astro's `smartypants` would).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBookContext } from '../../../src/book/book-context.js';
import { bookPaths } from '../../../src/book/book-paths.js';

describe('section titles in the whole-book indexes', () => {
  it('should carry the smart quotes of the rendered headings (the alignment chapter’s “Goodhart’s law”)', () => {
    const book = createBookContext(bookPaths(path.resolve('.')));
    const sections = new Set(book.citations().flatMap((occurrence) => (occurrence.section ? [occurrence.section.title] : [])));
    expect(sections).toContain('Goodhart’s law');
    expect([...sections].filter((title) => title.includes("'"))).toEqual([]);
  });
});
