import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REDIRECTS, REPORT, importBook, mergeRedirects } from '../../../src/import/import-book.js';
import { formatPlace } from '../../../src/import/import-report.js';
import { fixture } from '../../support/astro-build.js';
import { makeTempDir } from '../../support/temp-dir.js';

const book = fixture('jupyter-book-import');

/** A copy of the fixture book to break on purpose. */
function bookCopy(): string {
  const copy = path.join(makeTempDir('jb-'), 'book');
  cpSync(book, copy, { recursive: true });
  return copy;
}

function listing(target: string, file: string): string {
  return readFileSync(path.join(target, file), 'utf8');
}

describe('importBook on the fixture book', () => {
  const target = path.join(makeTempDir('import-'), 'project');
  const { report } = importBook(book, target, { sourceName: 'jupyter-book-import' });

  it('should write the structure: title, authors, macros, parts by caption, chapter ids as written and in order', () => {
    expect(parse(listing(target, 'content/book.yaml'))).toEqual({
      title: 'Auditing AI Systems',
      authors: ['The Responsible AI Book authors'],
      math: { macros: { '\\R': '\\mathbb{R}', '\\prob': '\\operatorname{P}\\left(#1\\right)' } },
      parts: [
        { title: 'Auditing Models', chapters: ['intro', '1-1-Audit', '1-2-audit-notebook'] },
        { title: 'Documentation', chapters: ['2-1-model-cards', '2-2-datasheets'] },
      ],
    });
    expect(listing(target, 'content/book.yaml')).toContain('# Repository (from _config.yml; this site shows no repository link): https://github.com/example/auditing-ai-systems');
  });

  it('should write each chapter in its part folder under its own name, the image beside them, and the .bib', () => {
    for (const file of [
      'content/1-auditing-models/intro.md',
      'content/1-auditing-models/1-1-Audit.md',
      'content/1-auditing-models/1-2-audit-notebook.ipynb',
      'content/2-documentation/2-1-model-cards.md',
      'content/2-documentation/2-2-datasheets.md',
    ]) {
      expect(existsSync(path.join(target, file)), file).toBe(true);
    }
    // ../images/audit-flow.png from content/<part>/ still names the image.
    expect(readFileSync(path.join(target, 'content/images/audit-flow.png'))).toEqual(readFileSync(path.join(book, 'images/audit-flow.png')));
    expect(listing(target, 'bib/references.bib')).toBe(readFileSync(path.join(book, 'references.bib'), 'utf8'));
  });

  it('should keep a chapter body as written, with the id and a description added', () => {
    const original = readFileSync(path.join(book, 'content/1-1-Audit.md'), 'utf8');
    const imported = listing(target, 'content/1-auditing-models/1-1-Audit.md');
    expect(imported.startsWith('---\nid: 1-1-Audit\ndescription: An audit asks whether a deployed classifier')).toBe(true);
    // Only the {doc} path became the chapter id.
    expect(imported.slice(imported.indexOf('---\n', 4) + 4)).toBe(original.replace('{doc}`/content/2-1-model-cards`', '{doc}`2-1-model-cards`'));
  });

  it('should redirect each chapter\'s old URL to it', () => {
    const lines = listing(target, REDIRECTS).split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toEqual([
      '- intro.html -> {doc}`intro`',
      '- content/1-1-Audit.html -> {doc}`1-1-Audit`',
      '- content/1-2-audit-notebook.html -> {doc}`1-2-audit-notebook`',
      '- content/2-1-model-cards.html -> {doc}`2-1-model-cards`',
      '- content/2-2-datasheets.html -> {doc}`2-2-datasheets`',
    ]);
  });

  it('should count what it carried over', () => {
    expect(report.summary).toEqual({ parts: 2, chapters: 5, notebooks: 1, outputs: 5, imageOutputs: 1, images: 1, citations: 5, citedWorks: 4, bibEntries: 4, redirects: 5 });
  });

  it('should list the unsupported constructs with file:line, in the report file too', () => {
    const unresolved = report.items.filter((item) => item.unresolved).map((item) => `${formatPlace(item)} ${item.construct}`);
    expect(unresolved).toEqual([
      'content/1-2-audit-notebook.ipynb, cell 6 an output that runs a script',
      'content/2-1-model-cards.md:6 directive `{glue:figure}`',
      'content/2-1-model-cards.md:11 role `{glue:text}`',
    ]);
    const written = listing(target, REPORT);
    expect(written).toContain('| `content/2-1-model-cards.md:6` | directive `{glue:figure}` | kept visibly: wrapped in a "Not converted" warning showing the original |');
    expect(written).toContain('- unresolved items: 3');
    expect(written).toContain('| `_toc.yml:13` | nested sections under `content/2-1-model-cards` (1) |');
  });

  it('should refuse to overwrite an edited chapter on a re-run, naming it, then overwrite it with force', () => {
    const chapter = path.join(target, 'content/2-documentation/2-2-datasheets.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\nAn edit.\n`);
    expect(() => importBook(book, target)).toThrow(/content\/2-documentation\/2-2-datasheets\.md {2}\(edited since the last import\)/);
    expect(readFileSync(chapter, 'utf8')).toContain('An edit.');
    const { write } = importBook(book, target, { force: true });
    expect(write.overwritten).toEqual(['content/2-documentation/2-2-datasheets.md']);
    expect(readFileSync(chapter, 'utf8')).not.toContain('An edit.');
    // A third run changes nothing, and redirects are not added twice.
    expect(importBook(book, target).write.written).toEqual([REPORT].filter(() => false));
    expect(listing(target, REDIRECTS).match(/intro\.html/g)).toHaveLength(1);
  });
});

describe('importBook on broken input', () => {
  it('should name the toc and line of an entry whose file is missing, and write nothing', () => {
    const copy = bookCopy();
    writeFileSync(path.join(copy, '_toc.yml'), readFileSync(path.join(copy, '_toc.yml'), 'utf8').replace('content/2-2-datasheets', 'content/2-2-missing'));
    const target = path.join(makeTempDir('import-'), 'project');
    expect(() => importBook(copy, target)).toThrow(/^_toc\.yml:15: the toc names `content\/2-2-missing`, but the book folder has no such file/);
    expect(existsSync(target)).toBe(false);
  });

  it('should name a malformed _toc.yml with its line', () => {
    const copy = bookCopy();
    writeFileSync(path.join(copy, '_toc.yml'), 'format: jb-book\nroot: intro\nparts:\n  - caption: One\n    chapters:\n      - file: content/1-1-Audit\n     - file: content/2-2-datasheets\n');
    expect(() => importBook(copy, path.join(makeTempDir('import-'), 'p'))).toThrow(/^_toc\.yml:7:1: invalid YAML: A block sequence may not be used as an implicit map key/);
  });

  it('should name a notebook that is not JSON, and leave an existing target untouched', () => {
    const copy = bookCopy();
    writeFileSync(path.join(copy, 'content/1-2-audit-notebook.ipynb'), '{ "cells": [ oops');
    const target = path.join(makeTempDir('import-'), 'project');
    importBook(book, target);
    const before = listing(target, 'content/book.yaml');
    expect(() => importBook(copy, target, { force: true })).toThrow(/^content\/1-2-audit-notebook\.ipynb(:\d+:\d+)?: not a notebook/);
    expect(listing(target, 'content/book.yaml')).toBe(before);
  });

  it('should list chapters of the target that the imported book does not have', () => {
    const target = path.join(makeTempDir('import-'), 'project');
    cpSync(path.join(fixture('sample-book'), 'content'), path.join(target, 'content'), { recursive: true });
    const attempt = () => importBook(book, target);
    expect(attempt).toThrow(/content\/book\.yaml {2}\(exists and was not written by the import\)/);
    const { report } = importBook(book, target, { force: true });
    expect(report.items.filter((item) => item.construct.startsWith('a chapter of the target')).map((item) => item.file)).toEqual([
      'content/part-one/s-1-math.mdx',
      'content/part-one/s-2-markdown.md',
    ]);
  });
});

describe('mergeRedirects', () => {
  it('should keep the existing lines and add only new old URLs', () => {
    const existing = '# mine\n- content/a.html -> {doc}`a`\n';
    expect(mergeRedirects(existing, ['- content/a.html -> {doc}`A`', '- content/b.html -> {doc}`b`'])).toBe(
      "# mine\n- content/a.html -> {doc}`a`\n# The Jupyter Book's pages (<path in the book>.html) lead to their chapters.\n- content/b.html -> {doc}`b`\n",
    );
  });
});
