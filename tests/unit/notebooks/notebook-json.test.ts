/** A notebook file is read with the place of every value; a file that is not nbformat 4 is a positioned problem. */
import { describe, expect, it } from 'vitest';
import { parseNotebookJson } from '../../../src/notebooks/notebook-json.js';

const notebook = (cells: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5, ...extra }, null, 1);

describe('notebook JSON', () => {
  it('should read an nbformat 4 notebook', () => {
    const parsed = parseNotebookJson(notebook([{ cell_type: 'markdown', metadata: {}, source: ['# Hi\n', 'there'] }]));
    expect(parsed.problems).toEqual([]);
    expect(parsed.notebook?.cells).toHaveLength(1);
  });

  it('should report invalid JSON at its line and column, without throwing', () => {
    const parsed = parseNotebookJson('{\n "cells": [\n  {"cell_type": "code",}\n ]\n}');
    expect(parsed.notebook).toBeUndefined();
    expect(parsed.problems[0]?.reason).toMatch(/^The notebook is not valid JSON \(.+\)/);
    expect(parsed.problems[0]?.place.line).toBe(3);
  });

  it('should refuse another nbformat, at the field, saying how to convert', () => {
    const parsed = parseNotebookJson('{\n "nbformat": 3,\n "worksheets": []\n}');
    expect(parsed.notebook).toBeUndefined();
    expect(parsed.problems).toEqual([{ reason: expect.stringMatching(/nbformat 3, and only nbformat 4 is read; convert it with `jupyter nbconvert/), place: { line: 2, column: 14 } }]);
  });

  it('should refuse a cell without source text', () => {
    const parsed = parseNotebookJson(notebook([{ cell_type: 'code', metadata: {}, source: 3 }]));
    expect(parsed.problems[0]?.reason).toBe('Cell 1 has no `source` text (a string or a list of strings)');
  });

  it('should place an offset of a cell source at its line and column in the file, escapes counted', () => {
    const text = notebook([{ cell_type: 'markdown', metadata: {}, source: ['a "quoted" line\n', 'second {cite:p}`x`'] }]);
    const parsed = parseNotebookJson(text);
    const offset = 'a "quoted" line\n'.length + 'second '.length;
    const place = parsed.locateInCellSource(0, offset);
    const fileLine = text.split('\n')[place.line - 1] ?? '';
    expect(fileLine.slice(place.column - 1)).toMatch(/^\{cite:p\}/);
    // Inside the first string, after the escaped quotes.
    const quoted = parsed.locateInCellSource(0, 'a "quoted" '.length);
    expect((text.split('\n')[quoted.line - 1] ?? '').slice(quoted.column - 1)).toMatch(/^line\\n/);
  });
});
