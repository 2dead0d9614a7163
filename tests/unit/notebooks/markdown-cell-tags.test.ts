/**
 * The cell tags that apply to a Markdown cell (and to a raw cell the page shows), read from a real
 * `.ipynb` file: `remove-cell` leaves it out, `hide-cell` collapses it behind "Show text cell" as code
 * cells are collapsed.
 */
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readNotebookChapter } from '../../../src/notebooks/notebook-chapter.js';
import { markdownPage, type TestCell, writeNotebookChapter } from '../../support/notebook-file.js';

/** Read a notebook of `cells` (after a first cell of frontmatter) as a chapter. */
function chapterOf(cells: TestCell[]) {
  const { file, root } = writeNotebookChapter(cells, 'notebook-tags-');
  return readNotebookChapter(file, root);
}

describe('tags on Markdown cells', () => {
  it('should leave out a Markdown cell tagged remove-cell', () => {
    const chapter = chapterOf([{ cell_type: 'markdown', metadata: { tags: ['remove-cell'] }, source: 'Instructor notes: skip this.' }, { cell_type: 'markdown', source: 'Kept.' }]);
    expect(chapter.source).not.toContain('Instructor notes');
    expect(chapter.source).toContain('Kept.');
  });

  it('should collapse a Markdown cell tagged hide-cell behind "Show text cell", its Markdown rendered inside', () => {
    const chapter = chapterOf([{ cell_type: 'markdown', metadata: { tags: ['hide-cell'] }, source: 'The **derivation**, for the curious.\n\n1. First step.' }]);
    const tree = markdownPage(chapter.source);
    const toggle = select('.nb-cell-markdown[data-cell="2"] > details.nb-toggle.nb-toggle-text', tree);
    expect(toggle).toBeDefined();
    // Collapsed: no `open` attribute; the summary says what opens.
    expect(toggle?.properties.open).toBeUndefined();
    expect(toString(select('summary', toggle ?? tree) ?? tree)).toBe('Show text cell');
    expect(toHtml(selectAll('strong, li', toggle ?? tree))).toBe('<strong>derivation</strong><li>First step.</li>');
    // The hidden text keeps its place in the cell, for problems reported in it.
    const lines = chapter.source.split('\n');
    expect(chapter.notebook?.converted.lines[lines.indexOf('1. First step.')]).toEqual({ cellIndex: 1, cellLine: 3 });
  });

  it('should collapse a raw cell the page shows (HTML, Markdown) when tagged hide-cell', () => {
    const chapter = chapterOf([
      { cell_type: 'raw', metadata: { format: 'text/html', tags: ['hide-cell'] }, source: '<p>Hidden <i>HTML</i></p>' },
      { cell_type: 'raw', metadata: { format: 'text/markdown', tags: ['hide-cell'] }, source: 'Hidden *Markdown*' },
    ]);
    const tree = markdownPage(chapter.source);
    expect(toHtml(selectAll('details.nb-toggle-text i, details.nb-toggle-text em', tree))).toBe('<i>HTML</i><em>Markdown</em>');
    expect(selectAll('details.nb-toggle-text', tree)).toHaveLength(2);
  });
});
