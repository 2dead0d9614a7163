/**
 * A notebook is a chapter of the book model: its frontmatter from the notebook's metadata or its first
 * cell, and every problem the content check finds placed in the .ipynb file, at its cell and line.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBookConfig } from '../../../src/book/book-config.js';
import { buildBookModel } from '../../../src/book/book-model.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { checkChapters } from '../../../src/book/check-chapters.js';
import { collectCrossReferenceTargets } from '../../../src/book/cross-reference-targets.js';
import { bookPipelineOptions } from '../../../src/book/pipeline-options.js';
import { summarizeDiagnostics } from '../../../src/diagnostics/report.js';
import { readNotebookChapter } from '../../../src/notebooks/notebook-chapter.js';
import { fixture } from '../../support/astro-build.js';
import { writeNotebook } from '../../support/notebook-file.js';
import { makeTempDir } from '../../support/temp-dir.js';

const front = '---\nid: n-1-nb\ntitle: A Notebook\nslug: a-notebook\ndescription: What it teaches.\n---\n';

describe('notebook chapters', () => {
  it('should read the frontmatter of the first Markdown cell, at its lines in the file', () => {
    const root = makeTempDir('notebook-chapter-');
    const file = writeNotebook(root, 'n.ipynb', [{ cell_type: 'markdown', source: `${front}\nBody.` }]);
    const chapter = readNotebookChapter(file, root);
    expect(chapter.frontmatter).toEqual({ id: 'n-1-nb', title: 'A Notebook', slug: 'a-notebook', description: 'What it teaches.' });
    expect(chapter.source).toBe('\nBody.\n\n');
    // `"id: n-1-nb\n",` is on line 8 of the file; the value starts after `    "id: `.
    expect(chapter.fieldPlaces?.id).toEqual({ line: 8, column: 10 });
    expect(chapter.file.messages).toEqual([]);
  });

  it('should read the frontmatter from the notebook metadata, the first cell winning a field given twice', () => {
    const root = makeTempDir('notebook-chapter-');
    const file = writeNotebook(root, 'n.ipynb', [{ cell_type: 'markdown', source: '---\ntitle: From the Cell\n---\nBody.' }], {
      id: 'n-2-meta',
      title: 'From the Metadata',
      slug: 'from-metadata',
      description: 'Metadata.',
      kernelspec: { language: 'python' },
    });
    expect(readNotebookChapter(file, root).frontmatter).toEqual({ id: 'n-2-meta', title: 'From the Cell', slug: 'from-metadata', description: 'Metadata.' });
  });

  it('should take the title from the first cell’s `# Heading` when none is given, and not show it twice', () => {
    const root = makeTempDir('notebook-chapter-');
    const file = writeNotebook(root, 'n.ipynb', [{ cell_type: 'markdown', source: '---\nid: n-3\nslug: n-3\ndescription: D.\n---\n\n# Fairness in Practice\n\nBody.' }]);
    const chapter = readNotebookChapter(file, root);
    expect(chapter.frontmatter?.title).toBe('Fairness in Practice');
    expect(chapter.source).toBe('\nBody.\n\n');
    expect(chapter.notebook?.converted.lines[1]).toEqual({ cellIndex: 0, cellLine: 9 });
  });

  it('should report a notebook without chapter metadata, and an invalid field at its place', () => {
    const root = makeTempDir('notebook-chapter-');
    const none = readNotebookChapter(writeNotebook(root, 'none.ipynb', [{ cell_type: 'markdown', source: 'Body.' }]), root);
    expect(none.file.messages.map((message) => message.reason)).toEqual([expect.stringMatching(/^The notebook has no chapter metadata: start its first Markdown cell with a `---` block/)]);
    const bad = readNotebookChapter(writeNotebook(root, 'bad.ipynb', [{ cell_type: 'markdown', source: front.replace('a-notebook', 'A Notebook') }]), root);
    expect(bad.file.messages.map((message) => [message.line, message.reason])).toEqual([[10, expect.stringMatching(/^Invalid chapter metadata `slug`: use lowercase/)]]);
  });

  it('should report a file that is not a notebook as an error naming the file, not a crash', () => {
    const root = makeTempDir('notebook-chapter-');
    const file = path.join(root, 'content', 'broken.ipynb');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{\n "cells": [\n');
    const chapter = readNotebookChapter(file, root);
    expect(summarizeDiagnostics([chapter.file]).errors).toEqual([expect.stringMatching(/^content\/broken\.ipynb:3:1 {2}error {2}The notebook is not valid JSON .*\[notebook-valid\]$/)]);
  });

  it('should place a content problem of a cell at its line in the file, naming the cell and its line', async () => {
    const root = makeTempDir('notebook-book-');
    cpSync(path.join(fixture('notebook-book'), 'bib'), path.join(root, 'bib'), { recursive: true });
    mkdirSync(path.join(root, 'content'), { recursive: true });
    writeFileSync(path.join(root, 'content', 'book.yaml'), 'title: T\nauthors: [A]\nparts:\n  - title: P\n    chapters:\n      - n-1-nb\n');
    const file = writeNotebook(root, 'n.ipynb', [
      { cell_type: 'markdown', source: `${front}\nIntro.` },
      { cell_type: 'code', source: 'x = 1' },
      { cell_type: 'markdown', source: 'First line.\nSee {cite:p}`hardt2061equality` and $\\badmacro$.' },
    ]);
    const model = buildBookModel(bookPaths(root));
    await checkChapters(model.chapterFiles.values(), { ...bookPipelineOptions(loadBookConfig(bookPaths(root), {})), checkOnly: true });
    const { errors } = summarizeDiagnostics(model.files);
    expect(errors).toEqual([
      expect.stringMatching(/^content\/p\/n\.ipynb:\d+:\d+ {2}error {2}Cell 3, line 2: Unknown citation key `hardt2061equality`.*did you mean `hardt2016equality`.*\[citation-key-exists\]$/),
      expect.stringMatching(/^content\/p\/n\.ipynb:\d+:\d+ {2}error {2}Cell 3, line 2: LaTeX error in inline math: .*\\badmacro.*\[math-parses\]$/),
    ]);
    // Each place is where the file stores that text: the role, and the formula's offending command
    // (`\badmacro`, its backslash escaped in the JSON).
    const fileLines = readFileSync(file, 'utf8').split('\n');
    const at = (error: string | undefined) => {
      const [, line, column] = /:(\d+):(\d+) /.exec(error ?? '') ?? [];
      return (fileLines[Number(line) - 1] ?? '').slice(Number(column) - 1);
    };
    expect(at(errors[0])).toMatch(/^\{cite:p\}`hardt2061equality`/);
    expect(at(errors[1])).toMatch(/^\\\\badmacro\$/);
  });

  it('should place a duplicate label, found by the whole-book pass, in its cell', () => {
    const root = makeTempDir('notebook-book-');
    mkdirSync(path.join(root, 'content'), { recursive: true });
    writeFileSync(path.join(root, 'content', 'book.yaml'), 'title: T\nauthors: [A]\nparts:\n  - title: P\n    chapters:\n      - n-1-nb\n');
    writeNotebook(root, 'n.ipynb', [
      { cell_type: 'markdown', source: `${front}\n(sec-a)=\n## First` },
      { cell_type: 'markdown', source: 'Text.\n\n(sec-a)=\n## Second' },
    ]);
    const paths = bookPaths(root);
    const { files } = collectCrossReferenceTargets(buildBookModel(paths), paths);
    expect(summarizeDiagnostics(files).errors).toEqual([expect.stringMatching(/^content\/p\/n\.ipynb:\d+:\d+ {2}error {2}Cell 2, line 4: Duplicate label `sec-a`/)]);
  });
});
