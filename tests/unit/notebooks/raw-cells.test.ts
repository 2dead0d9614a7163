/**
 * Raw cells of a real `.ipynb` file, by their format: HTML is part of the page (sanitised as HTML
 * outputs are), Markdown is rendered through the book's pipeline, and any other format (or none) is left
 * out with one warning at the cell's place in the file.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { loadBookConfig } from '../../../src/book/book-config.js';
import { buildBookModel } from '../../../src/book/book-model.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { checkChapters } from '../../../src/book/check-chapters.js';
import { bookPipelineOptions } from '../../../src/book/pipeline-options.js';
import { summarizeDiagnostics } from '../../../src/diagnostics/report.js';
import { readNotebookChapter } from '../../../src/notebooks/notebook-chapter.js';
import { fixture } from '../../support/astro-build.js';
import { markdownPage, type TestCell, writeNotebookChapter } from '../../support/notebook-file.js';

/** Read a notebook of `cells` (after a first cell of frontmatter) as a chapter, with the file's lines. */
function chapterOf(cells: TestCell[]) {
  const { file, root } = writeNotebookChapter(cells, 'notebook-raw-');
  return { chapter: readNotebookChapter(file, root), fileLines: readFileSync(file, 'utf8').split('\n') };
}

/** The text of the notebook file from a `file:line:col` of a formatted message on. */
function textAt(fileLines: string[], message: string | undefined): string {
  const [, line, column] = /:(\d+):(\d+) /.exec(message ?? '') ?? [];
  return (fileLines[Number(line) - 1] ?? '').slice(Number(column) - 1);
}

describe('raw cells', () => {
  it('should make an HTML raw cell part of the page, sanitised: its script removed, with a warning at the cell', () => {
    const { chapter, fileLines } = chapterOf([
      { cell_type: 'raw', metadata: { format: 'text/html' }, source: '<p class="lead">Read <b>this</b> first.</p>\n<script>document.title = "pwned";</script>\n<p onclick="steal()">Then this.</p>' },
    ]);
    const tree = markdownPage(chapter.source);
    const cell = selectAll('.nb-cell-raw[data-cell="2"] .nb-raw-html', tree);
    expect(cell).toHaveLength(1);
    expect(toHtml(cell)).toBe('<div class="nb-raw-html"><p class="lead">Read <b>this</b> first.</p><p>Then this.</p></div>');
    expect(selectAll('script', tree)).toEqual([]);
    expect(chapter.source).not.toContain('pwned');
    expect(chapter.source).not.toContain('steal');
    const { warnings, errors } = summarizeDiagnostics([chapter.file]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(/^content\/p\/n\.ipynb:\d+:\d+ {2}warning {2}Cell 2: The raw HTML cell lost `<script>`, event handlers: the book publishes only static, self-contained HTML {2}\[notebook-raw-cell\]$/),
    ]);
    expect(textAt(fileLines, warnings[0])).toMatch(/^<p class=\\"lead\\">Read/);
  });

  it('should render a Markdown raw cell (`raw_mimetype` as Jupyter’s menu writes it) as Markdown', () => {
    const { chapter } = chapterOf([{ cell_type: 'raw', metadata: { raw_mimetype: 'text/markdown' }, source: 'A **bold** claim\n\n- one\n- two' }]);
    const tree = markdownPage(chapter.source);
    expect(toHtml(selectAll('strong', tree))).toBe('<strong>bold</strong>');
    expect(selectAll('li', tree)).toHaveLength(2);
    expect(chapter.file.messages).toEqual([]);
  });

  it('should check a Markdown raw cell with the book’s pipeline, placing its problems in the cell', async () => {
    const { root } = writeNotebookChapter([{ cell_type: 'raw', metadata: { format: 'text/markdown' }, source: 'First line.\nAs {cite:t}`hardt2061equality` show.' }], 'notebook-raw-book-');
    cpSync(path.join(fixture('notebook-book'), 'bib'), path.join(root, 'bib'), { recursive: true });
    writeFileSync(path.join(root, 'content', 'book.yaml'), 'title: T\nauthors: [A]\nparts:\n  - title: P\n    chapters:\n      - n-1-nb\n');
    const model = buildBookModel(bookPaths(root));
    await checkChapters(model.chapterFiles.values(), { ...bookPipelineOptions(loadBookConfig(bookPaths(root), {})), checkOnly: true });
    expect(summarizeDiagnostics(model.files).errors).toEqual([
      expect.stringMatching(/^content\/p\/n\.ipynb:\d+:\d+ {2}error {2}Cell 2, line 2: Unknown citation key `hardt2061equality`.*\[citation-key-exists\]$/),
    ]);
  });

  it('should leave a LaTeX raw cell out of the page, warning once at the start of its text in the file', () => {
    const { chapter, fileLines } = chapterOf([
      { cell_type: 'raw', metadata: { raw_mimetype: 'text/latex' }, source: '\\newpage\n\\section*{Appendix}' },
      { cell_type: 'markdown', source: 'After.' },
    ]);
    expect(chapter.source).not.toContain('newpage');
    expect(chapter.source).not.toContain('Appendix');
    expect(chapter.source).toContain('After.');
    const { warnings, errors } = summarizeDiagnostics([chapter.file]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^content\/p\/n\.ipynb:\d+:\d+ {2}warning {2}Cell 2: A raw cell for LaTeX \(`text\/latex`\) is left out of the page: .*make it a Markdown cell \(a formula as `\$\$…\$\$`\).*tag it `remove-cell` {2}\[notebook-raw-cell\]$/,
      ),
    ]);
    // The place is where the file stores the cell's first line (its backslash escaped in the JSON).
    expect(textAt(fileLines, warnings[0])).toMatch(/^\\\\newpage\\n",$/);
  });

  it('should leave out a raw cell of another format or of none, each with its warning, and an empty one (HTML too) or a removed one quietly', () => {
    const { chapter } = chapterOf([
      { cell_type: 'raw', metadata: { format: 'text/restructuredtext' }, source: '.. note:: reST only' },
      { cell_type: 'raw', source: 'A note to myself' },
      { cell_type: 'raw', source: '\n' },
      { cell_type: 'raw', metadata: { format: 'text/html' }, source: '  \n' },
      { cell_type: 'raw', metadata: { format: 'text/latex', tags: ['remove-cell'] }, source: '\\clearpage' },
      { cell_type: 'raw', metadata: { format: 'text/html', tags: ['remove-cell'] }, source: '<p>Removed HTML</p>' },
    ]);
    for (const text of ['reST only', 'note to myself', 'clearpage', 'Removed HTML', 'nb-raw-html']) expect(chapter.source).not.toContain(text);
    expect(summarizeDiagnostics([chapter.file]).warnings).toEqual([
      expect.stringMatching(/ {2}warning {2}Cell 2: A raw cell for reStructuredText \(`text\/restructuredtext`\) is left out of the page: .*\[notebook-raw-cell\]$/),
      expect.stringMatching(/ {2}warning {2}Cell 3: A raw cell with no format is left out of the page: .*\[notebook-raw-cell\]$/),
    ]);
  });
});
