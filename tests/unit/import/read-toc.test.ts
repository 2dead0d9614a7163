import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/import/import-error.js';
import { readToc } from '../../../src/import/read-toc.js';
import { makeTempDir } from '../../support/temp-dir.js';

function tocFile(text: string): string {
  const file = path.join(makeTempDir('toc-'), '_toc.yml');
  writeFileSync(file, text);
  return file;
}

describe('readToc', () => {
  it('should read a jb-book toc: root, parts with captions, chapters in order', () => {
    const toc = readToc(
      tocFile('format: jb-book\nroot: intro\nparts:\n  - caption: One\n    chapters:\n      - file: a/x\n      - file: a/y\n        title: Why\n  - caption: Two\n    chapters:\n      - file: b/z\n'),
      '_toc.yml',
    );
    expect(toc.format).toBe('jb-book');
    expect(toc.root).toMatchObject({ file: 'intro', line: 2 });
    expect(toc.parts.map((part) => part.caption)).toEqual(['One', 'Two']);
    expect(toc.parts.map((part) => part.chapters.map((chapter) => chapter.file))).toEqual([['a/x', 'a/y'], ['b/z']]);
    expect(toc.parts[0]?.chapters[1]).toMatchObject({ title: 'Why', line: 7 });
    expect(toc.notes).toEqual([]);
  });

  it('should flatten nested sections into chapters after their parent, and note it', () => {
    const toc = readToc(
      tocFile('format: jb-book\nroot: intro\nparts:\n  - caption: One\n    chapters:\n      - file: p\n        sections:\n          - file: s1\n            sections:\n              - file: s2\n      - file: q\n'),
      '_toc.yml',
    );
    expect(toc.parts[0]?.chapters.map((chapter) => [chapter.file, chapter.sectionOf])).toEqual([
      ['p', undefined],
      ['s1', 'p'],
      ['s2', 's1'],
      ['q', undefined],
    ]);
    expect(toc.notes.map((note) => [note.line, note.construct])).toEqual([
      [6, 'nested sections under `p` (1)'],
      [8, 'nested sections under `s1` (1)'],
    ]);
  });

  it('should list external links and globs as not imported', () => {
    const toc = readToc(tocFile('format: jb-book\nroot: intro\nchapters:\n  - file: a\n  - url: https://example.org\n  - glob: extra/*\n'), '_toc.yml');
    expect(toc.parts).toHaveLength(1);
    expect(toc.parts[0]?.chapters.map((chapter) => chapter.file)).toEqual(['a']);
    expect(toc.notes.map((note) => note.construct)).toEqual(['toc entry: external link `https://example.org`', 'toc entry: glob `extra/*`']);
  });

  it('should read the older list format', () => {
    const toc = readToc(tocFile('- file: intro\n- part: First\n  chapters:\n  - file: a\n  - file: b\n- part: Second\n  chapters:\n  - file: c\n'), '_toc.yml');
    expect(toc.format).toBe('legacy');
    expect(toc.root.file).toBe('intro');
    expect(toc.parts.map((part) => [part.caption, part.chapters.map((chapter) => chapter.file)])).toEqual([
      ['First', ['a', 'b']],
      ['Second', ['c']],
    ]);
  });

  it('should stop on malformed YAML with the file, line and column', () => {
    const file = tocFile('format: jb-book\nroot: intro\nparts:\n  - caption: One\n    chapters: [\n      - file: a\n');
    expect(() => readToc(file, '_toc.yml')).toThrow(ImportError);
    try {
      readToc(file, '_toc.yml');
    } catch (error) {
      expect((error as ImportError).file).toBe('_toc.yml');
      expect((error as ImportError).line).toBeGreaterThanOrEqual(5);
      expect((error as Error).message).toMatch(/^_toc\.yml:\d+:\d+: invalid YAML/);
    }
  });

  it('should stop on an entry of the wrong shape, at its line', () => {
    const file = tocFile('format: jb-book\nroot: intro\nparts:\n  - caption: One\n    chapters:\n      - title: no file\n');
    expect(() => readToc(file, '_toc.yml')).toThrow(/^_toc\.yml:/);
  });

  it('should name a missing toc file', () => {
    expect(() => readToc(path.join(makeTempDir('toc-'), '_toc.yml'), '_toc.yml')).toThrow(/^_toc\.yml: cannot read the file \(ENOENT\)/);
  });
});
