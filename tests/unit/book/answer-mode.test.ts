/**
 * Where answers go: `answers:` in the structure file, overridden by ANSWERS, validated, with an error
 * that names the allowed values (a graded edition must never be built by accident with answers in).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBookConfig } from '../../../src/book/book-config.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { makeTempDir } from '../../support/temp-dir.js';

function bookWith(settings: string) {
  const root = makeTempDir('book-answers-');
  mkdirSync(path.join(root, 'content'));
  writeFileSync(path.join(root, 'content/book.yaml'), `title: A Book\nauthors: [Someone]\n${settings}parts:\n  - title: One\n    chapters: [a-1]\n`);
  return bookPaths(root);
}

describe('the answers setting', () => {
  it('should keep answers inline by default', () => {
    const config = loadBookConfig(bookWith(''), {});
    expect(config.answers).toBe('inline');
    expect(config.file.messages).toEqual([]);
  });

  it('should read it from the structure file, and let ANSWERS override it', () => {
    const paths = bookWith('answers: separate\n');
    expect(loadBookConfig(paths, {}).answers).toBe('separate');
    expect(loadBookConfig(paths, { ANSWERS: 'inline' }).answers).toBe('inline');
    expect(loadBookConfig(bookWith(''), { ANSWERS: ' separate ' }).answers).toBe('separate');
  });

  it('should refuse an ANSWERS value it does not know, naming the allowed ones', () => {
    expect(() => loadBookConfig(bookWith(''), { ANSWERS: 'hidden' })).toThrow(
      'ANSWERS=hidden is not a way to publish answers: write ANSWERS=inline (answers on the chapter pages, the default) or ANSWERS=separate (a graded edition: answers only in the instructor\'s answer book)',
    );
  });

  it('should report an invalid `answers:` at its line, naming the allowed values', () => {
    const config = loadBookConfig(bookWith('answers: hidden\n'), {});
    expect(config.file.messages.map((message) => `${message.line}:${message.column} ${message.reason} [${message.ruleId}]`)).toEqual([
      "3:10 Invalid structure at `answers`: write `inline` or `separate`: `inline` keeps answers on the chapter pages, `separate` moves them to the instructor's answer book [structure-valid]",
    ]);
    expect(config.answers).toBe('inline');
  });
});
