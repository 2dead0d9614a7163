import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertNotebook } from '../../../src/import/convert-notebook.js';
import { fixture } from '../../support/astro-build.js';

const identity = { id: '1-2-audit-notebook', fallbackTitle: 'Audit notebook' };
const source = readFileSync(`${fixture('jupyter-book-import')}/content/1-2-audit-notebook.ipynb`, 'utf8');

describe('convertNotebook', () => {
  it('should put the id and a description in the metadata and keep cells and outputs as they are', () => {
    const result = convertNotebook(source, 'content/1-2-audit-notebook.ipynb', identity);
    const before = JSON.parse(source);
    const after = JSON.parse(result.content);
    expect(after.metadata).toEqual({
      ...before.metadata,
      id: '1-2-audit-notebook',
      title: 'Auditing with a Notebook',
      description: expect.stringMatching(/^This notebook computes the selection rates of two groups/),
    });
    expect(after.cells).toEqual(before.cells);
    expect(result.counts).toEqual({ codeCells: 5, outputs: 5, imageOutputs: 1 });
    expect(result.citationKeys).toEqual([{ key: 'mitchell2019model', line: 3, cell: 1 }]);
    expect(result.docTargets).toEqual([{ target: '1-1-Audit', line: 1, cell: 7 }]);
  });

  it('should list an output that runs a script, by cell', () => {
    const result = convertNotebook(source, 'nb.ipynb', identity);
    expect(result.findings).toEqual([
      { line: 0, cell: 6, construct: 'an output that runs a script', action: expect.stringContaining('warning in its place'), unsupported: true },
    ]);
  });

  it('should convert unknown constructs in Markdown cells and report them by cell and line', () => {
    const notebook = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: ['Intro.\n', 'Value {glue:}`v`.'] }] };
    const result = convertNotebook(JSON.stringify(notebook), 'nb.ipynb', identity);
    expect(JSON.parse(result.content).cells[0].source).toEqual(['Intro.\n', 'Value `` {glue:}`v` ``.']);
    expect(result.findings.map((finding) => [finding.cell, finding.line, finding.construct])).toEqual([[1, 2, 'role `{glue:}`']]);
    expect(JSON.parse(result.content).metadata.title).toBe('Audit notebook');
  });

  it('should convert a Markdown raw cell like a Markdown cell, and list raw cells the page leaves out or shows without their script', () => {
    const cells = [
      { cell_type: 'raw', metadata: { raw_mimetype: 'text/markdown' }, source: ['Value {glue:}`v`.'] },
      { cell_type: 'raw', metadata: { raw_mimetype: 'text/latex' }, source: ['\\newpage'] },
      { cell_type: 'raw', metadata: {}, source: ['A note to myself'] },
      { cell_type: 'raw', metadata: { format: 'text/html' }, source: ['<p>Hi</p><script>x()</script>'] },
      { cell_type: 'raw', metadata: { raw_mimetype: 'text/latex', tags: ['remove-cell'] }, source: ['\\clearpage'] },
      { cell_type: 'raw', metadata: {}, source: [] },
    ];
    const result = convertNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }), 'nb.ipynb', identity);
    expect(JSON.parse(result.content).cells[0].source).toEqual(['Value `` {glue:}`v` ``.']);
    expect(result.findings.map((finding) => [finding.cell, finding.line, finding.construct, finding.unsupported])).toEqual([
      [1, 1, 'role `{glue:}`', true],
      [2, 0, 'a raw cell for LaTeX (`text/latex`)', true],
      [3, 0, 'a raw cell with no format', true],
      [4, 0, 'a raw HTML cell with a `<script>`', true],
    ]);
    expect(result.findings[1]?.action).toMatch(/left out of the page.*the build warns at it/);
  });

  it('should take neither title nor description from a Markdown cell tagged remove-cell, which the page does not show', () => {
    const cells = [
      { cell_type: 'markdown', metadata: { tags: ['remove-cell'] }, source: ['# Course banner\n', '\n', 'Run this notebook in the lab.'] },
      { cell_type: 'markdown', metadata: {}, source: ['# Measuring Bias\n', '\n', 'This notebook measures bias.'] },
    ];
    const metadata = JSON.parse(convertNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }), 'nb.ipynb', identity).content).metadata;
    expect(metadata.title).toBe('Measuring Bias');
    expect(metadata.description).toBe('This notebook measures bias.');
  });

  it('should take no title from a Markdown cell tagged remove_cell, the first Jupyter Book\'s spelling', () => {
    const cells = [
      { cell_type: 'markdown', metadata: { tags: ['remove_cell'] }, source: ['# Course banner\n'] },
      { cell_type: 'markdown', metadata: {}, source: ['# Measuring Bias\n'] },
    ];
    const metadata = JSON.parse(convertNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }), 'nb.ipynb', identity).content).metadata;
    expect(metadata.title).toBe('Measuring Bias');
  });

  it('should stop on a notebook that is not JSON, naming the file and where', () => {
    expect(() => convertNotebook('{\n "cells": [\n', 'content/broken.ipynb', identity)).toThrow(/^content\/broken\.ipynb(:\d+:\d+)?: not a notebook: the file is not valid JSON/);
  });

  it('should stop on JSON that is not a notebook of format 4', () => {
    expect(() => convertNotebook('{"a": 1}', 'x.ipynb', identity)).toThrow(/^x\.ipynb: not a notebook: the JSON has no `cells` list/);
    expect(() => convertNotebook('{"nbformat": 3, "cells": []}', 'x.ipynb', identity)).toThrow(/^x\.ipynb: notebook format 3 is not supported/);
  });
});
