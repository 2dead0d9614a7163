import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/import/import-error.js';
import { MANIFEST, writeBook } from '../../../src/import/write-book.js';
import { makeTempDir } from '../../support/temp-dir.js';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('writeBook', () => {
  it('should create a missing target in one rename, with a manifest, leaving no staging folder', () => {
    const parent = makeTempDir('write-');
    const target = path.join(parent, 'book');
    const result = writeBook(target, files({ 'content/a.md': 'A', 'bib/references.bib': '@book{x,}' }));
    expect(readFileSync(path.join(target, 'content/a.md'), 'utf8')).toBe('A');
    expect(JSON.parse(readFileSync(path.join(target, MANIFEST), 'utf8')).files).toHaveProperty(['content/a.md']);
    expect(result.written.sort()).toEqual(['bib/references.bib', 'content/a.md']);
    expect(readdirSync(parent)).toEqual(['book']);
  });

  it('should rewrite its own unedited files on a re-run, and remove those the book no longer has', () => {
    const target = path.join(makeTempDir('write-'), 'book');
    writeBook(target, files({ 'content/a.md': 'A', 'content/old.md': 'Old' }));
    const result = writeBook(target, files({ 'content/a.md': 'A2' }));
    expect(readFileSync(path.join(target, 'content/a.md'), 'utf8')).toBe('A2');
    expect(existsSync(path.join(target, 'content/old.md'))).toBe(false);
    expect(result.removed).toEqual(['content/old.md']);
  });

  it('should refuse, writing nothing, to overwrite a file edited since the import or not written by it', () => {
    const target = path.join(makeTempDir('write-'), 'book');
    writeBook(target, files({ 'content/a.md': 'A' }));
    writeFileSync(path.join(target, 'content/a.md'), 'A, edited');
    writeFileSync(path.join(target, 'content/b.md'), 'mine');
    const attempt = () => writeBook(target, files({ 'content/a.md': 'A2', 'content/b.md': 'B', 'content/c.md': 'C' }));
    expect(attempt).toThrow(ImportError);
    expect(attempt).toThrow(/content\/a\.md {2}\(edited since the last import\)\n {2}content\/b\.md {2}\(exists and was not written by the import\)/);
    expect(readFileSync(path.join(target, 'content/a.md'), 'utf8')).toBe('A, edited');
    expect(existsSync(path.join(target, 'content/c.md'))).toBe(false);
  });

  it('should overwrite them with force, and say which', () => {
    const target = path.join(makeTempDir('write-'), 'book');
    mkdirSync(path.join(target, 'content'), { recursive: true });
    writeFileSync(path.join(target, 'content/b.md'), 'mine');
    const result = writeBook(target, files({ 'content/b.md': 'B' }), { force: true });
    expect(readFileSync(path.join(target, 'content/b.md'), 'utf8')).toBe('B');
    expect(result.overwritten).toEqual(['content/b.md']);
  });

  it('should keep an edited file of the last import that the book no longer has', () => {
    const target = path.join(makeTempDir('write-'), 'book');
    writeBook(target, files({ 'content/old.md': 'Old' }));
    writeFileSync(path.join(target, 'content/old.md'), 'Old, edited');
    const result = writeBook(target, files({ 'content/a.md': 'A' }));
    expect(result.keptEdited).toEqual(['content/old.md']);
    expect(readFileSync(path.join(target, 'content/old.md'), 'utf8')).toBe('Old, edited');
  });

  it('should put everything back when a file cannot be moved into place', () => {
    const target = path.join(makeTempDir('write-'), 'book');
    writeBook(target, files({ 'content/a.md': 'A' }));
    // A file where the import needs a folder: the second rename fails after the first succeeded.
    writeFileSync(path.join(target, 'blocker'), 'x');
    const manifestBefore = readFileSync(path.join(target, MANIFEST), 'utf8');
    expect(() => writeBook(target, files({ 'content/a.md': 'A2', 'blocker/inside.md': 'B' }), { force: true })).toThrow();
    expect(readFileSync(path.join(target, 'content/a.md'), 'utf8')).toBe('A');
    expect(readFileSync(path.join(target, MANIFEST), 'utf8')).toBe(manifestBefore);
    expect(readdirSync(path.dirname(target))).toEqual(['book']);
  });
});
