/**
 * The book's configuration: read once from the structure file with the environment's override of the
 * base path, defaults where the author wrote nothing, and every invalid setting an error at its line.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
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

describe('a `.csl` file as the citation style', () => {
  const fixtureStyle = path.join(import.meta.dirname, '../../fixtures/csl-style/styles');

  it('should take a `.csl` file of the book, relative to its folder, as the style', () => {
    const paths = bookWith('citationStyle: styles/author-date.csl\n');
    mkdirSync(path.join(paths.root, 'styles'));
    cpSync(path.join(fixtureStyle, 'author-date.csl'), path.join(paths.root, 'styles/author-date.csl'));
    const config = loadBookConfig(paths, {});
    expect(config.file.messages).toEqual([]);
    expect(config.citationStyle).toBe(path.join(paths.root, 'styles/author-date.csl'));
  });

  it('should report a missing `.csl` file at the `citationStyle` line, naming the file', () => {
    const config = loadBookConfig(bookWith('citationStyle: styles/chicago.csl\n'), {});
    expect(config.file.messages.map((message) => `${message.line}:${message.column} ${message.reason} [${message.ruleId}]`)).toEqual([
      '3:16 The citation style `styles/chicago.csl` cannot be used: the file does not exist (the path is relative to the book folder, the one that holds `content/`) [structure-valid]',
    ]);
    expect(config.file.messages[0]?.fatal).toBe(true);
    expect(config.citationStyle).toBe('apa');
  });

  it('should report a `.csl` file that is not well-formed at the `citationStyle` line, with the XML error’s place', () => {
    const paths = bookWith('citationStyle: broken.csl\n');
    cpSync(path.join(fixtureStyle, 'broken.csl'), path.join(paths.root, 'broken.csl'));
    const [message] = loadBookConfig(paths, {}).file.messages;
    expect(message).toMatchObject({ line: 3, column: 16, fatal: true, ruleId: 'structure-valid' });
    expect(message?.reason).toMatch(/^The citation style `broken\.csl` cannot be used: it is not well-formed XML: Expected closing tag 'citation'.*\(line 66, column 1\)$/);
  });

  it('should refuse a style that is neither a built-in name nor a `.csl` path, naming the choices', () => {
    const config = loadBookConfig(bookWith('citationStyle: chicago\n'), {});
    expect(config.file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '3:16 Invalid structure at `citationStyle`: give `apa` or `vancouver`, or the path of a `.csl` file relative to the book folder, such as `styles/chicago-author-date.csl`',
    ]);
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
