/**
 * The citation records of the book and its chapters (src/bibliography/cite-this.ts): built from the book's
 * settings, formatted in the book's CSL style, and written as BibTeX and RIS that citation-js reads back;
 * the Highwire tags come from the same record.
 */
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { bookCitationItem, chapterCitationItem, citationFormats, cslName, highwireTags, publicUrl } from '../../../src/bibliography/cite-this.js';

const book = {
  title: 'Responsible AI for Data Scientists',
  authors: ['The Responsible AI Book authors', 'Doe, Jane'],
  published: '2026-11-30',
  edition: '2nd',
  language: 'en',
  siteUrl: 'https://example.org/course/rai/',
  base: '/course/rai/',
};
const chapter = { number: '1.2', title: 'Measuring Fairness', slug: 'measuring-fairness' };

describe('cslName', () => {
  it('should read `Family, Given` as a person and anything else as a name cited as written', () => {
    expect(cslName('Doe, Jane')).toEqual({ family: 'Doe', given: 'Jane' });
    expect(cslName('The Responsible AI Book authors')).toEqual({ literal: 'The Responsible AI Book authors' });
  });
});

describe('publicUrl', () => {
  it('should join the site URL and the base path, and give nothing without a site URL', () => {
    expect(publicUrl(book, 'measuring-fairness/')).toBe('https://example.org/course/rai/measuring-fairness/');
    expect(publicUrl({ ...book, siteUrl: 'https://example.org/', base: '/course/rai/' }, '')).toBe('https://example.org/course/rai/');
    expect(publicUrl({ ...book, siteUrl: undefined }, 'measuring-fairness/')).toBeUndefined();
  });
});

describe('chapterCitationItem', () => {
  it('should cite a chapter as a chapter in the book, by the book’s authors, with its number, date, edition and URL', () => {
    expect(chapterCitationItem(book, chapter)).toEqual({
      id: 'responsibleai2026_measuring_fairness',
      'citation-key': 'responsibleai2026_measuring_fairness',
      type: 'chapter',
      title: 'Measuring Fairness',
      'container-title': 'Responsible AI for Data Scientists',
      'chapter-number': '1.2',
      author: [{ literal: 'The Responsible AI Book authors' }, { family: 'Doe', given: 'Jane' }],
      issued: { 'date-parts': [[2026, 11, 30]] },
      language: 'en',
      edition: '2nd',
      URL: 'https://example.org/course/rai/measuring-fairness/',
    });
  });

  it('should leave the URL out when the book has no site URL', () => {
    expect(chapterCitationItem({ ...book, siteUrl: undefined }, chapter)).not.toHaveProperty('URL');
  });
});

describe('citationFormats', () => {
  it('should write a chapter as BibTeX and RIS that read back with its title, number, book and URL', () => {
    const formats = citationFormats(chapterCitationItem(book, chapter), 'apa');
    expect(formats.bibtex).toMatch(/^@inbook\{responsibleai2026_measuring_fairness,/);
    expect(formats.ris).toMatch(/^TY {2}- CHAP$/m);
    for (const text of [formats.bibtex, formats.ris]) {
      const [item] = new Cite(text).data as Record<string, unknown>[];
      expect(item).toMatchObject({
        type: 'chapter',
        title: 'Measuring Fairness',
        'chapter-number': '1.2',
        'container-title': 'Responsible AI for Data Scientists',
        URL: 'https://example.org/course/rai/measuring-fairness/',
        edition: '2nd',
      });
      expect((item?.issued as { 'date-parts': number[][] })['date-parts'][0]?.[0]).toBe(2026);
    }
    // BibTeX's month is a month: the day of a full date stays out of it.
    expect(formats.bibtex).toMatch(/month = \{11\},/);
  });

  it('should format the reference in the book’s CSL style: APA inverts persons, Vancouver numbers, both titles in sentence case', () => {
    const item = chapterCitationItem(book, chapter);
    expect(citationFormats(item, 'apa').html).toBe(
      'The Responsible AI Book authors, &#38; Doe, J. (2026). Measuring fairness. In <i>Responsible AI for data scientists</i> (2nd ed., 1.2). https://example.org/course/rai/measuring-fairness/',
    );
    expect(citationFormats(item, 'vancouver').html).toMatch(/^(<div class="csl-left-margin">)?1\. ?(<\/div>)?.*Doe J\. Measuring fairness\. In: Responsible AI for data scientists/s);
  });

  it('should keep the titles as written in a book in another language, and in the BibTeX and RIS files', () => {
    const german = chapterCitationItem({ ...book, language: 'de' }, chapter);
    expect(citationFormats(german, 'apa').html).toContain('Measuring Fairness');
    const formats = citationFormats(chapterCitationItem(book, chapter), 'apa');
    expect(formats.ris).toMatch(/^TI {2}- Measuring Fairness$/m);
    expect(formats.bibtex).toMatch(/booktitle = \{Responsible \{AI\} for \{Data\} \{Scientists\}\}/);
  });

  it('should cite the book as a book', () => {
    const formats = citationFormats(bookCitationItem(book), 'apa');
    expect(formats.html).toBe('The Responsible AI Book authors, &#38; Doe, J. (2026). <i>Responsible AI for data scientists</i> (2nd ed.). https://example.org/course/rai/');
    expect(formats.bibtex).toMatch(/^@book\{responsibleai2026,/);
    expect(formats.ris).toMatch(/^TY {2}- BOOK$/m);
  });
});

/** The `ID` of a RIS text. */
const risId = (ris: string) => /^ID {2}- (.*)$/m.exec(ris)?.[1];

describe('RIS lines', () => {
  it('should keep a long URL and a long title on one line each, as Zotero reads them back', () => {
    const long = { ...book, siteUrl: 'https://example.github.io/responsible-ai-textbook-for-data-scientists/', base: '/responsible-ai-textbook-for-data-scientists/' };
    const item = chapterCitationItem(long, { number: '3.4', title: 'Auditing Recommender Systems for Disparate Exposure Across Groups of Creators', slug: 'auditing-recommender-systems-for-disparate-exposure' });
    const { ris } = citationFormats(item, 'apa');
    expect(String(item.URL).length).toBeGreaterThan(70);
    expect(ris).toContain(`\nUR  - ${item.URL}\n`);
    expect(ris).toContain(`\nTI  - ${item.title}\n`);
    // Every line is a field: none continues the one before.
    for (const line of ris.trim().split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-/);
  });
});

describe('the RIS ID', () => {
  it('should tell apart two chapters whose slugs share a long prefix', () => {
    const first = citationFormats(chapterCitationItem(book, { number: '2.1', title: 'Metrics for Classifiers', slug: 'fairness-metrics-for-classifiers' }), 'apa');
    const second = citationFormats(chapterCitationItem(book, { number: '2.2', title: 'Metrics for Rankings', slug: 'fairness-metrics-for-rankings' }), 'apa');
    expect(risId(first.ris)).toBe('responsibleai2026_fairness_metrics_for_classifiers');
    expect(risId(second.ris)).toBe('responsibleai2026_fairness_metrics_for_rankings');
    expect(first.bibtex).toMatch(/^@inbook\{responsibleai2026_fairness_metrics_for_classifiers,/);
    // One line: a reader that rejoins a wrapped line (Zotero adds a space) would change the key.
    const long = chapterCitationItem(book, { number: '2.3', title: 'Long', slug: 'a-slug-long-enough-to-make-the-key-longer-than-the-seventy-characters-of-a-line' });
    expect(risId(citationFormats(long, 'apa').ris)).toBe(long['citation-key']);
  });
});

describe('highwireTags', () => {
  it('should give the tags Zotero reads from the same record', () => {
    expect(highwireTags(chapterCitationItem(book, chapter))).toEqual([
      ['citation_title', 'Measuring Fairness'],
      ['citation_author', 'The Responsible AI Book authors'],
      ['citation_author', 'Doe, Jane'],
      ['citation_inbook_title', 'Responsible AI for Data Scientists'],
      ['citation_publication_date', '2026/11/30'],
      ['citation_language', 'en'],
      ['citation_edition', '2nd'],
      ['citation_public_url', 'https://example.org/course/rai/measuring-fairness/'],
      ['citation_abstract_html_url', 'https://example.org/course/rai/measuring-fairness/'],
    ]);
  });
});

describe('citationFormats with a book’s .csl file', () => {
  it('should format the reference in that style, as the chapters’ citations are', () => {
    const style = path.resolve(import.meta.dirname, '../../fixtures/csl-style/styles/author-date.csl') as `${string}.csl`;
    const item = chapterCitationItem(book, chapter);
    const custom = citationFormats(item, style).html.replace(/<[^>]+>/g, '');
    // The fixture style's author–date form (year after the authors, quoted title), not APA's.
    expect(custom).toBe('The Responsible AI Book authors, and Jane Doe. 2026. “Measuring fairness.” In Responsible AI for data scientists.');
    expect(citationFormats(item, 'apa').html).not.toContain('“Measuring fairness.”');
  });
});
