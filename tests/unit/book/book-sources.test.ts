/**
 * Reading the book's files no more than its changes need: the structure file is parsed and validated
 * once per text (each caller gets its own copy), and while the sources are watched (a build, the dev
 * server) the book context looks at the chapter files again only after a reported change.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBookConfig } from '../../../src/book/book-config.js';
import { bookSourcesChanged, createBookContext, unwatchBookSources, watchBookSources } from '../../../src/book/book-context.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { loadBookStructure } from '../../../src/book/structure.js';
import { makeTempDir } from '../../support/temp-dir.js';

const FIXTURE = path.resolve('tests/fixtures/reading-time-book');

function copyOfFixture() {
  const root = makeTempDir('book-sources-');
  cpSync(FIXTURE, root, { recursive: true });
  return bookPaths(root);
}

afterEach(() => {
  unwatchBookSources();
});

describe('the structure file', () => {
  it('should be parsed once per text, each caller getting its own copy', () => {
    const paths = copyOfFixture();
    const first = loadBookStructure(paths.structure, 'content/book.yaml', paths.root);
    const second = loadBookStructure(paths.structure, 'content/book.yaml', paths.root);
    expect(second.structure).toEqual(first.structure);
    // Copies: a caller that changes what it got changes nothing for the next.
    expect(second.structure).not.toBe(first.structure);
    expect(second.file).not.toBe(first.file);
    first.structure!.title = 'Changed by a caller';
    first.file.message('added by a caller');
    const third = loadBookStructure(paths.structure, 'content/book.yaml', paths.root);
    expect(third.structure?.title).not.toBe('Changed by a caller');
    expect(third.file.messages).toEqual([]);
  });

  it('should be read again when its text changes, problems included', () => {
    const paths = copyOfFixture();
    const source = readFileSync(paths.structure, 'utf8');
    expect(loadBookConfig(paths, {}).language).toBe('en');
    writeFileSync(paths.structure, `language: de\n${source}`);
    expect(loadBookConfig(paths, {}).language).toBe('de');
    writeFileSync(paths.structure, `language: 42\n${source}`);
    const broken = loadBookConfig(paths, {});
    expect(broken.file.messages.map((message) => `${message.line}: ${message.reason}`)).toEqual([expect.stringMatching(/^1: Invalid structure at `language`/)]);
    // Again, from the kept result: the same message.
    expect(loadBookConfig(paths, {}).file.messages).toHaveLength(1);
  });

  it('should check a .csl style file again once it is fixed, with the structure file unchanged', () => {
    const paths = copyOfFixture();
    mkdirSync(path.join(paths.root, 'styles'));
    const style = path.join(paths.root, 'styles/house.csl');
    writeFileSync(style, '<not a style');
    writeFileSync(paths.structure, `citationStyle: styles/house.csl\n${readFileSync(paths.structure, 'utf8')}`);
    const broken = loadBookConfig(paths, {});
    expect(broken.citationStyle).toBe('apa');
    expect(broken.file.messages[0]?.reason).toContain('The citation style `styles/house.csl` cannot be used');
    cpSync(path.resolve('tests/fixtures/csl-style/styles/author-date.csl'), style);
    const fixed = loadBookConfig(paths, {});
    expect(fixed.file.messages).toEqual([]);
    expect(fixed.citationStyle).toBe(style);
  });
});

describe('the book context while the sources are watched', () => {
  it('should not look at the chapter files again until a change is reported', () => {
    const paths = copyOfFixture();
    watchBookSources();
    const book = createBookContext(paths);
    const [id, chapter] = [...book.model().chapterFiles.entries()][0]!;
    const before = book.counts().get(id)!.words;
    writeFileSync(chapter.path, `${chapter.source}\n\nSeven more words were added to it.\n`);
    // Not reported yet: the book as it was (a build's files do not change while it runs).
    expect(book.counts().get(id)!.words).toBe(before);
    bookSourcesChanged();
    expect(book.counts().get(id)!.words).toBe(before + 7);
  });

  it('should look at the files on every call when nothing watches them', () => {
    const paths = copyOfFixture();
    const book = createBookContext(paths);
    const [id, chapter] = [...book.model().chapterFiles.entries()][0]!;
    const before = book.counts().get(id)!.words;
    writeFileSync(chapter.path, `${chapter.source}\n\nThree more words.\n`);
    expect(book.counts().get(id)!.words).toBe(before + 3);
  });
});
