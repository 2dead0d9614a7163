/**
 * The citation files of this book (src/bibliography/cite-files.ts): each chapter's RIS names it by the
 * same key as its BibTeX, in full, so that no two chapters share an ID. (Apart from cite-this.test.ts:
 * reading the book loads its bibliography, which changes citation-js's BibTeX settings for the file.)
 */
import { describe, expect, it } from 'vitest';
import { citationOf } from '../../../src/bibliography/cite-files.js';
import { getBookModel } from '../../../src/book/book-model-cache.js';

const risId = (ris: string) => /^ID {2}- (.*)$/m.exec(ris)?.[1];
const bibtexKey = (bibtex: string) => /^@\w+\{([^,]+),/.exec(bibtex)?.[1];

describe('the citation files of the book', () => {
  it('should give the book and every chapter a RIS ID that is its BibTeX key, each its own', () => {
    const chapters = getBookModel().chapters.filter((chapter) => !chapter.planned && chapter.slug);
    expect(chapters.length).toBeGreaterThan(1);
    const ids = [citationOf(), ...chapters.map((chapter) => citationOf(chapter))].map((formats) => {
      const key = bibtexKey(formats.bibtex);
      expect(key).toBeDefined();
      expect(risId(formats.ris)).toBe(key);
      return key;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });
});
