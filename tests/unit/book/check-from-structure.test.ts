/**
 * The content check reuses the book's one structural pass: a chapter's structural messages come from
 * it and only the resolvers and checks run again, on a copy of its tree. It must report exactly what
 * a full parse of each chapter reports, in the same order, positions included (notebook cells too),
 * and leave the shared trees as they were.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBookConfig } from '../../../src/book/book-config.js';
import { createBookContext } from '../../../src/book/book-context.js';
import { buildBookModel } from '../../../src/book/book-model.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { checkChapters } from '../../../src/book/check-chapters.js';
import { bookPipelineOptions } from '../../../src/book/pipeline-options.js';
import { summarizeDiagnostics } from '../../../src/diagnostics/report.js';
import { describeCounts } from '../../../src/process/build-counts.js';
import { makeTempDir } from '../../support/temp-dir.js';

const checkParses = () => Number(/content check parses (\d+)/.exec(describeCounts())?.[1]);

/** The check's problems for the book at `root`, from full parses or from the structural pass. */
async function problems(root: string, fromStructure: boolean): Promise<string[]> {
  const paths = bookPaths(root);
  const model = buildBookModel(paths);
  const pipeline = { ...bookPipelineOptions(loadBookConfig(paths, {})), checkOnly: true };
  const book = createBookContext(paths);
  const ids = new Map([...model.chapterFiles].map(([id, chapterFile]) => [chapterFile, id]));
  await checkChapters(model.chapterFiles.values(), pipeline, fromStructure ? (chapterFile) => book.structureOf(ids.get(chapterFile) ?? '') : undefined);
  const { errors, warnings } = summarizeDiagnostics(model.files);
  return [...errors, ...warnings];
}

describe('the content check from the structural pass', () => {
  // Books whose problems come from structural plugins (directives, labels, figures, images) and from
  // resolvers (citation keys, cross-references, glossary, math), in .mdx, .md and notebooks.
  for (const name of ['myst-errors', 'xref-errors', 'cite-unknown-key', 'bad-latex', 'glossary-errors', 'self-check-errors', 'notebook-book']) {
    it(`should report what full parses report, in order, for ${name}`, async () => {
      const root = makeTempDir(`check-structure-${name}-`);
      cpSync(path.resolve('tests/fixtures', name), root, { recursive: true });
      const full = await problems(root, false);
      const before = checkParses();
      const reused = await problems(root, true);
      // No chapter parsed again by the check.
      expect(checkParses()).toBe(before);
      expect(reused).toEqual(full);
      expect(full.length, "the fixture has problems to compare").toBeGreaterThan(0);
    });
  }

  it('should find problems at all in those books (so the comparison above compares something)', async () => {
    const root = makeTempDir('check-structure-myst-');
    cpSync(path.resolve('tests/fixtures/myst-errors'), root, { recursive: true });
    expect((await problems(root, true)).length).toBeGreaterThan(3);
  });

  it('should leave the shared tree and messages as they were, so that a second check reports the same', async () => {
    const root = makeTempDir('check-structure-twice-');
    cpSync(path.resolve('tests/fixtures/xref-errors'), root, { recursive: true });
    const paths = bookPaths(root);
    const book = createBookContext(paths);
    const pipeline = { ...bookPipelineOptions(loadBookConfig(paths, {})), checkOnly: true };
    const run = async () => {
      const model = buildBookModel(paths);
      const ids = new Map([...model.chapterFiles].map(([id, chapterFile]) => [chapterFile, id]));
      await checkChapters(model.chapterFiles.values(), pipeline, (chapterFile) => book.structureOf(ids.get(chapterFile) ?? ''));
      return summarizeDiagnostics(model.files).errors;
    };
    const first = await run();
    const trees = JSON.stringify([...book.model().chapterFiles.keys()].map((id) => book.structureOf(id)?.tree));
    expect(first.length).toBeGreaterThan(0);
    expect(await run()).toEqual(first);
    expect(JSON.stringify([...book.model().chapterFiles.keys()].map((id) => book.structureOf(id)?.tree))).toBe(trees);
  });
});
