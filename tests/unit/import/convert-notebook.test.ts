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

  it('should stop on a notebook that is not JSON, naming the file and where', () => {
    expect(() => convertNotebook('{\n "cells": [\n', 'content/broken.ipynb', identity)).toThrow(/^content\/broken\.ipynb(:\d+:\d+)?: not a notebook: the file is not valid JSON/);
  });

  it('should stop on JSON that is not a notebook of format 4', () => {
    expect(() => convertNotebook('{"a": 1}', 'x.ipynb', identity)).toThrow(/^x\.ipynb: not a notebook: the JSON has no `cells` list/);
    expect(() => convertNotebook('{"nbformat": 3, "cells": []}', 'x.ipynb', identity)).toThrow(/^x\.ipynb: notebook format 3 is not supported/);
  });
});
