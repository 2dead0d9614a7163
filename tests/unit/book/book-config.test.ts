/**
 * The book's configuration: read once from the structure file with the environment's override of the
 * base path, defaults where the author wrote nothing, and every invalid setting an error at its line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cslLocale } from '../../../src/bibliography/csl-formatter.js';
import { loadBookConfig, normalizeBase } from '../../../src/book/book-config.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { makeTempDir } from '../../support/temp-dir.js';

const PARTS = 'parts:\n  - title: One\n    chapters: [a-1]\n';

/** A book folder whose structure file starts with `settings`. */
function bookWith(settings: string) {
  const root = makeTempDir('book-config-');
  mkdirSync(path.join(root, 'content'));
  writeFileSync(path.join(root, 'content/book.yaml'), `title: A Book\nauthors: [Someone]\n${settings}${PARTS}`);
  return bookPaths(root);
}

describe('the book configuration', () => {
  it('should give the defaults when the structure file sets nothing', () => {
    const paths = bookWith('');
    const config = loadBookConfig(paths, {});
    expect(config.file.messages).toEqual([]);
    expect(config).toMatchObject({ title: 'A Book', language: 'en', base: '/', citationStyle: 'apa', siteUrl: undefined });
    expect(config.bibliography).toEqual({ path: path.join(paths.root, 'bib/references.bib'), displayPath: 'bib/references.bib' });
  });

  it('should read every setting the structure file gives', () => {
    const paths = bookWith('language: en-GB\nsiteUrl: https://example.org/rai/\nbase: /rai/\nbibliography: refs/works.bib\ncitationStyle: vancouver\n');
    const config = loadBookConfig(paths, {});
    expect(config.file.messages).toEqual([]);
    expect(config).toMatchObject({ language: 'en-GB', siteUrl: 'https://example.org/rai/', base: '/rai/', citationStyle: 'vancouver' });
    expect(config.bibliography).toEqual({ path: path.join(paths.root, 'refs/works.bib'), displayPath: 'refs/works.bib' });
  });

  it('should let BASE from the environment override the base path, normalised', () => {
    const paths = bookWith('base: /rai/\n');
    expect(loadBookConfig(paths, { BASE: 'course/other' }).base).toBe('/course/other/');
    expect(loadBookConfig(paths, {}).base).toBe('/rai/');
    expect(normalizeBase('//')).toBe('/');
  });

  it('should let SITE from the environment override the site URL, and refuse one that is not a full URL', () => {
    const paths = bookWith('siteUrl: https://example.org/rai/\n');
    expect(loadBookConfig(paths, { SITE: 'https://someone.github.io/book/' }).siteUrl).toBe('https://someone.github.io/book/');
    expect(loadBookConfig(paths, {}).siteUrl).toBe('https://example.org/rai/');
    expect(() => loadBookConfig(paths, { SITE: 'someone.github.io/book' })).toThrow('SITE=someone.github.io/book is not the full public URL of the site: write it with its scheme, e.g. SITE=https://example.org/course/rai/');
  });

  it('should report each invalid setting at its line, and still give defaults', () => {
    const paths = bookWith('language: English\nsiteUrl: example.org\nbase: course\nbibliography: refs.txt\n');
    const config = loadBookConfig(paths, {});
    const messages = config.file.messages.map((message) => `${message.line}:${message.column} ${message.reason} [${message.ruleId}]`);
    expect(messages).toEqual([
      '3:11 Invalid structure at `language`: give a BCP 47 language tag such as `en`, `en-GB` or `de` [structure-valid]',
      '4:10 Invalid structure at `siteUrl`: give the full public URL of the site, starting with https:// [structure-valid]',
      '5:7 Invalid structure at `base`: give a path that starts and ends with `/`, such as `/` or `/course/rai/` [structure-valid]',
      '6:15 Invalid structure at `bibliography`: give the path of a `.bib` file, relative to the book folder [structure-valid]',
    ]);
    expect(config.file.messages.every((message) => message.fatal)).toBe(true);
    expect(config).toMatchObject({ language: 'en', base: '/', citationStyle: 'apa' });
  });
});

describe('the citation engine’s locale for the book’s language', () => {
  const available = (locale: string) => ['en-US', 'en-GB', 'de-DE', 'fr-FR'].includes(locale);

  it('should use the language’s own locale when there is one, else its main region, else US English', () => {
    expect(cslLocale('en', available)).toBe('en-US');
    expect(cslLocale('en-GB', available)).toBe('en-GB');
    expect(cslLocale('de', available)).toBe('de-DE');
    expect(cslLocale('fr-CA', available)).toBe('fr-FR');
    expect(cslLocale('ja', available)).toBe('en-US');
  });
});
