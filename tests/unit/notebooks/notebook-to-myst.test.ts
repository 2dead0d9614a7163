/** A notebook becomes the MyST source of a chapter: cells in order, tags honoured, every line traced to its cell. */
import { describe, expect, it } from 'vitest';
import type { Notebook, NotebookCell } from '../../../src/notebooks/notebook-json.js';
import { kernelLanguage, notebookToMyst } from '../../../src/notebooks/notebook-to-myst.js';

const code = (source: string, tags: string[] = [], outputs = [{ output_type: 'stream', name: 'stdout', text: `out of ${source}\n` }]): NotebookCell => ({
  cell_type: 'code',
  source,
  metadata: { tags },
  outputs,
});
const convert = (cells: NotebookCell[], metadata: Record<string, unknown> = { kernelspec: { language: 'python' } }) =>
  notebookToMyst({ nbformat: 4, metadata, cells } satisfies Notebook, { imageUrl: (image) => `/_notebook/${image.name}` });

describe('notebookToMyst', () => {
  it('should keep Markdown cells verbatim and fence code in the kernel language', () => {
    const { source } = convert([{ cell_type: 'markdown', source: ['## Intro\n', 'See {cite:p}`k`.'] }, code('x = 1')]);
    expect(source).toContain('## Intro\nSee {cite:p}`k`.\n\n<div class="nb-cell nb-cell-code" data-cell="2">\n\n```python\nx = 1\n```\n');
    expect(source).toContain('<pre class="nb-output nb-output-stream nb-output-stdout">out of x = 1</pre>');
  });

  it('should use a fence longer than any backtick run in the code', () => {
    expect(convert([code('s = """```"""')]).source).toContain('````python\ns = """```"""\n````');
  });

  it('should leave out what remove-* tags remove', () => {
    const { source } = convert([code('gone_cell', ['remove-cell']), code('gone_input', ['remove-input']), code('gone_output', ['remove-output'])]);
    expect(source).not.toContain('gone_cell');
    expect(source).not.toMatch(/```python\ngone_input/);
    expect(source).toContain('out of gone_input');
    expect(source).toContain('```python\ngone_output\n```');
    expect(source).not.toContain('out of gone_output');
  });

  it('should read the first Jupyter Book\'s tags with underscores as the same tags', () => {
    const { source } = convert([code('gone_cell', ['remove_cell']), code('gone_input', ['remove_input']), code('gone_output', ['remove_output']), code('hidden', ['hide_input'])]);
    expect(source).not.toContain('gone_cell');
    expect(source).not.toMatch(/```python\ngone_input/);
    expect(source).not.toContain('out of gone_output');
    expect(source).toMatch(/<summary>Show code<\/summary>\n\n```python\nhidden\n```/);
  });

  it('should collapse what hide-* tags hide behind a labelled <details>', () => {
    const input = convert([code('a', ['hide-input'])]).source;
    expect(input).toMatch(/<details class="nb-toggle nb-toggle-input"><summary>Show code<\/summary>\n\n```python\na\n```\n\n<\/details>\n\n<div class="nb-outputs">/);
    const output = convert([code('b', ['hide-output'])]).source;
    expect(output).toMatch(/```\n\n<details class="nb-toggle nb-toggle-output"><summary>Show output<\/summary>\n\n<div class="nb-outputs">[\s\S]*<\/div>\n\n<\/details>/);
    const cell = convert([code('c', ['hide-cell', 'hide-input'])]).source;
    expect(cell.match(/<details/g)).toHaveLength(1);
    expect(cell).toMatch(/<summary>Show code cell<\/summary>\n\n```python\nc\n```[\s\S]*out of c[\s\S]*<\/details>/);
  });

  it('should write each HTML output on one line, its newlines as character references', () => {
    const { source } = convert([code('t', [], [{ output_type: 'stream', name: 'stdout', text: 'one\n\ntwo\n' }])]);
    expect(source).toContain('<pre class="nb-output nb-output-stream nb-output-stdout">one&#10;&#10;two</pre>');
  });

  it('should remember the cell and cell line of each line of the source', () => {
    const converted = convert([{ cell_type: 'markdown', source: 'A\nB' }, code('x\ny')]);
    const lines = converted.source.split('\n');
    const b = lines.indexOf('B');
    expect(converted.lines[b]).toEqual({ cellIndex: 0, cellLine: 2 });
    expect(converted.lines[lines.indexOf('y')]).toEqual({ cellIndex: 1, cellLine: 2 });
    expect(converted.lines[lines.indexOf('```python')]).toEqual({ cellIndex: 1 });
  });

  it('should skip the frontmatter block of the first cell, keeping the cell lines', () => {
    const converted = notebookToMyst(
      { nbformat: 4, metadata: {}, cells: [{ cell_type: 'markdown', source: '---\nid: a\n---\nText' }] },
      { imageUrl: () => '', skip: { cellIndex: 0, length: '---\nid: a\n---\n'.length } },
    );
    expect(converted.source).toBe('Text\n\n');
    expect(converted.lines[0]).toEqual({ cellIndex: 0, cellLine: 4 });
  });

  it('should point a Markdown cell’s attachment image at its file of the site', () => {
    const png = Buffer.from('\x89PNG fake bytes').toString('base64');
    const converted = convert([{ cell_type: 'markdown', source: '![A plot](attachment:plot.png)', attachments: { 'plot.png': { 'image/png': png } } }]);
    const name = converted.images[0]?.name;
    expect(name).toMatch(/^[0-9a-f]{16}\.png$/);
    expect(converted.source).toBe(`![A plot](/_notebook/${name})\n\n`);
  });

  it('should take the language from the kernelspec or language_info, ipython as Python', () => {
    expect(kernelLanguage({ kernelspec: { language: 'R' } })).toBe('r');
    expect(kernelLanguage({ language_info: { name: 'ipython3' } })).toBe('python');
    expect(kernelLanguage({})).toBeUndefined();
    expect(convert([code('x')], {}).source).toContain('```\nx\n```');
  });
});
