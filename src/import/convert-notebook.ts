/**
 * Carry a Jupyter notebook (`.ipynb`, nbformat 4) over: its Markdown cells are converted like a MyST
 * chapter (convertMyst), code cells and their stored outputs are kept as they are (the site shows
 * stored outputs; it never runs code), and the notebook's `metadata` gains the chapter's identity:
 *
 * - `metadata.id`: the chapter id, as in `content/book.yaml` and `{doc}` roles;
 * - `metadata.description`: the first paragraph of the first Markdown cell (when not set);
 * - `metadata.title`: the notebook's first heading when it is a `# Heading` (the page prints the title
 *   once, dropping that heading from the body, as for Markdown chapters), else the toc's title or the
 *   file name; `metadata.slug` is left to its default (the id in lowercase).
 *
 * Outputs are counted for the summary; an output that would run a script (an HTML output with a
 * `<script>`, JavaScript, a widget) is listed in the report, since the site shows a warning in its place.
 *
 * Raw cells as the site shows them (src/notebooks/raw-cells.ts): a Markdown raw cell is converted like
 * a Markdown cell, since the site renders it as one; one the page leaves out (LaTeX, no format…) is
 * listed, as is an HTML raw cell with a `<script>` (shown without it). A cell tagged `remove-cell` is not
 * on the page, so its heading is no title and its text no description.
 */
import { cellTags } from '../notebooks/notebook-to-myst.js';
import { describeRawCell, rawCellUse } from '../notebooks/raw-cells.js';
import { chapterDescription } from './chapter-description.js';
import type { ChapterIdentity, ConvertedChapter } from './convert-chapter.js';
import { type ConvertOptions, convertMyst } from './convert-myst.js';
import { ImportError } from './import-error.js';

interface NotebookCell {
  cell_type: string;
  source: string | string[];
  metadata?: Record<string, unknown>;
  outputs?: { output_type: string; data?: Record<string, unknown> }[];
  [key: string]: unknown;
}

interface Notebook {
  nbformat: number;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
  [key: string]: unknown;
}

/** What a notebook holds, for the summary. */
export interface NotebookCounts {
  codeCells: number;
  outputs: number;
  /** Outputs with an image (PNG, JPEG, SVG). */
  imageOutputs: number;
}

export interface ConvertedNotebook extends ConvertedChapter {
  counts: NotebookCounts;
}

/** Convert a notebook read from `displayPath`; text that is not a notebook is an ImportError naming it. */
export function convertNotebook(source: string, displayPath: string, identity: ChapterIdentity, options: ConvertOptions = {}): ConvertedNotebook {
  const notebook = parseNotebook(source, displayPath);
  const result: ConvertedNotebook = {
    content: '',
    findings: [],
    citationKeys: [],
    docTargets: [],
    images: [],
    counts: { codeCells: 0, outputs: 0, imageOutputs: 0 },
  };
  let heading: string | null | undefined;
  let description: string | undefined;
  notebook.cells.forEach((cell, index) => {
    const text = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
    const removed = cellTags(cell).has('remove-cell');
    const raw = cell.cell_type === 'raw' ? rawCellUse(cell) : undefined;
    if (raw && !removed && text.trim() !== '') {
      if (raw.shown === false) {
        const action = 'kept in the notebook; left out of the page, which shows raw cells for HTML and Markdown only (the build warns at it)';
        result.findings.push({ line: 0, cell: index + 1, construct: describeRawCell(raw.format), action, unsupported: true });
      } else if (raw.shown === 'html' && /<script\b/i.test(text)) {
        const action = 'kept in the notebook; the page shows it without the script (the build warns at it)';
        result.findings.push({ line: 0, cell: index + 1, construct: 'a raw HTML cell with a `<script>`', action, unsupported: true });
      }
    }
    if (cell.cell_type === 'markdown' || raw?.shown === 'markdown') {
      const converted = convertMyst(text, options);
      // A line of a cell is reported as the cell's number and line: `file.ipynb: cell 3, line 2`.
      const at = <T extends { line: number }>(item: T) => ({ ...item, cell: index + 1 });
      result.findings.push(...converted.findings.map(at));
      result.citationKeys.push(...converted.citationKeys.map(at));
      result.docTargets.push(...converted.docTargets.map(at));
      result.images.push(...converted.images.map(at));
      if (converted.text !== text) cell.source = splitSource(converted.text);
      if (removed || cell.cell_type !== 'markdown') return;
      // The first heading of the notebook, if it is level 1 (later ones are sections).
      if (heading === undefined) {
        const first = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/m.exec(text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ''));
        if (first) heading = first[1] === '#' ? (first[2] ?? '').replace(/\s*\{#[^}]*\}$/, '') : null;
      }
      description ??= chapterDescription(text);
      return;
    }
    if (cell.cell_type !== 'code') return;
    result.counts.codeCells++;
    for (const output of cell.outputs ?? []) {
      result.counts.outputs++;
      const data = output.data ?? {};
      if (Object.keys(data).some((type) => type.startsWith('image/'))) result.counts.imageOutputs++;
      const html = data['text/html'];
      const htmlText = Array.isArray(html) ? html.join('') : typeof html === 'string' ? html : '';
      const scripted = /<script\b/i.test(htmlText) || 'application/javascript' in data || Object.keys(data).some((type) => type.includes('widget'));
      if (scripted) {
        result.findings.push({
          line: 0,
          cell: index + 1,
          construct: 'an output that runs a script',
          action: 'kept in the notebook; the site shows a warning in its place (pages run no inline scripts)',
          unsupported: true,
        });
      }
    }
  });
  const metadata = notebook.metadata;
  metadata.id = identity.id;
  if (typeof metadata.title !== 'string') {
    if (heading) {
      metadata.title = heading;
    } else {
      metadata.title = identity.fallbackTitle;
      result.titleAdded = identity.fallbackTitle;
    }
  }
  if (typeof metadata.description !== 'string' && description) metadata.description = description;
  // nbformat's own layout (one-space indent, trailing newline), so a diff against the original stays small.
  result.content = `${JSON.stringify(notebook, null, 1)}\n`;
  return result;
}

function parseNotebook(source: string, displayPath: string): Notebook {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const place = /line (\d+) column (\d+)/.exec(message);
    throw new ImportError(`not a notebook: the file is not valid JSON (${message})`, {
      file: displayPath,
      ...(place ? { line: Number(place[1]), column: Number(place[2]) } : {}),
    });
  }
  const notebook = data as Partial<Notebook> | null;
  if (!notebook || typeof notebook !== 'object' || !Array.isArray(notebook.cells)) {
    throw new ImportError('not a notebook: the JSON has no `cells` list', { file: displayPath });
  }
  if (notebook.nbformat !== 4) {
    throw new ImportError(`notebook format ${String(notebook.nbformat)} is not supported: save it as nbformat 4 (Jupyter: File → Save) and import again`, { file: displayPath });
  }
  if (typeof notebook.metadata !== 'object' || notebook.metadata === null) notebook.metadata = {};
  return notebook as Notebook;
}

/** nbformat's list of lines, each but the last ending in a newline. */
function splitSource(text: string): string[] {
  return text.split(/(?<=\n)/);
}
