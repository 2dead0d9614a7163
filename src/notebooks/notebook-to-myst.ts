/**
 * Turn a notebook into the MyST Markdown source of a chapter, so a notebook goes through the very
 * pipeline of every other chapter (roles, citations, cross-references, math, glossary, the content
 * check): Markdown cells verbatim; code cells as fenced code in the kernel's language; their stored
 * outputs as one-line HTML blocks (render-outputs.ts), which Markdown passes through untouched, or as
 * Markdown for `text/markdown` and `text/latex`.
 *
 * Every line of the result remembers the cell (and the line of the cell) it came from, so a problem
 * found in the chapter is reported in the `.ipynb` file, in its cell (notebook-places.ts).
 *
 * Raw cells by their format (raw-cells.ts): HTML sanitised like an HTML output, Markdown as a Markdown
 * cell; the others are left out with a build warning at the cell.
 *
 * Cell tags, as Jupyter Book reads them: `remove-cell`, `remove-input`, `remove-output` and
 * `remove-stderr` leave those parts out of the page; `hide-input`, `hide-output` and `hide-cell` put them
 * in a `<details>` element, collapsed, that the reader opens with a click or the keyboard. A Markdown or
 * raw cell has no input or output apart: `remove-cell` and `hide-cell` are the tags that apply to it,
 * as in Jupyter Book 2 (mystmd), which collapses a hidden Markdown cell as it does a code cell. The
 * first Jupyter Book's spellings with underscores (`remove_input`) are read as these (`cellTagName`).
 */
import { type NotebookCell, type Notebook, isRecord, joinText } from './notebook-json.js';
import { type NotebookImage, notebookImage } from './output-images.js';
import { leftOutRawCellReason, rawCellUse } from './raw-cells.js';
import { escapeHtml, renderOutputs } from './render-outputs.js';
import { sanitizeOutputHtml } from './sanitize-output-html.js';

export interface LineOrigin {
  /** Index of the cell in the notebook (0-based). */
  cellIndex: number;
  /** The line of the cell's source (1-based), when the line is the author's text. */
  cellLine?: number;
}

export interface ConvertedNotebook {
  /** The chapter's MyST Markdown source (without frontmatter). */
  source: string;
  /** Where each line of `source` came from (index = line − 1). */
  lines: LineOrigin[];
  /** Each cell's source text, as in the notebook. */
  cellTexts: string[];
  /** The language code cells are highlighted in, from the kernel (undefined: none known). */
  language?: string;
  /** Image outputs, to be written as files of the site. */
  images: NotebookImage[];
  /** Build warnings about a cell's outputs, or about a raw cell (left out, or its HTML sanitised). */
  warnings: { cellIndex: number; about: 'outputs' | 'raw-cell'; reason: string }[];
}

export interface ConvertOptions {
  /** The URL of an image file of the site (its base included). */
  imageUrl(image: NotebookImage): string;
  /** Characters to leave out at the start of a cell: the frontmatter block of the first Markdown cell. */
  skip?: { cellIndex: number; length: number };
}

/** Tags that change how a code cell is shown. */
const TAGS = ['remove-cell', 'remove-input', 'remove-output', 'remove-stderr', 'hide-input', 'hide-output', 'hide-cell'] as const;
type Tag = (typeof TAGS)[number];

/** The labels of the collapsed parts: what the reader opens (`text`: a Markdown or raw cell). */
export const TOGGLE_LABELS = { input: 'Show code', output: 'Show output', cell: 'Show code cell', text: 'Show text cell' } as const;

/** Convert `notebook`. */
export function notebookToMyst(notebook: Notebook, options: ConvertOptions): ConvertedNotebook {
  const language = kernelLanguage(notebook.metadata);
  const result: ConvertedNotebook = { source: '', lines: [], cellTexts: [], language, images: [], warnings: [] };
  const out: string[] = [];
  const push = (line: string, origin: LineOrigin) => {
    out.push(line);
    result.lines.push(origin);
  };
  notebook.cells.forEach((cell, cellIndex) => {
    const text = joinText(cell.source);
    result.cellTexts.push(text);
    const tags = cellTags(cell);
    if (tags.has('remove-cell')) return;
    const generated = (line: string) => push(line, { cellIndex });
    const cellNumber = cellIndex + 1;
    const raw = cell.cell_type === 'raw' ? rawCellUse(cell) : undefined;
    if (raw?.shown === false) {
      // An empty raw cell loses nothing: no warning for it.
      if (text.trim() !== '') result.warnings.push({ cellIndex, about: 'raw-cell', reason: leftOutRawCellReason(raw.format) });
      return;
    }
    if (raw?.shown === 'html') {
      const sanitized = sanitizeOutputHtml(text);
      const lost = [...(sanitized.hasScript ? ['`<script>`'] : []), ...sanitized.removed];
      if (lost.length > 0) result.warnings.push({ cellIndex, about: 'raw-cell', reason: `The raw HTML cell lost ${lost.join(', ')}: the book publishes only static, self-contained HTML` });
      // Nothing left to show (an empty cell, or one that held only a script): no empty box either.
      if (sanitized.html.trim() === '') return;
      // One line in a `<div>`, so Markdown takes it as one HTML block and leaves its text alone.
      textCell(generated, cellNumber, 'raw', tags.has('hide-cell'), () => generated(`<div class="nb-raw-html">${sanitized.html.replace(/\r?\n/g, '&#10;')}</div>`));
      return;
    }
    if (cell.cell_type === 'markdown' || raw?.shown === 'markdown') {
      const skipped = options.skip?.cellIndex === cellIndex ? options.skip.length : 0;
      const linesBefore = skipped > 0 ? text.slice(0, skipped).split('\n').length - 1 : 0;
      const body = withAttachments(text.slice(skipped), cell, options, result);
      const lines = () => body.replace(/\r?\n$/, '').split(/\r?\n/).forEach((line, index) => push(line, { cellIndex, cellLine: linesBefore + index + 1 }));
      if (tags.has('hide-cell') && body.trim() !== '') {
        textCell(generated, cellNumber, cell.cell_type === 'raw' ? 'raw' : 'markdown', true, lines);
      } else {
        lines();
        generated('');
      }
      return;
    }
    if (cell.cell_type !== 'code') return;
    const hideCell = tags.has('hide-cell');
    generated(`<div class="nb-cell nb-cell-code" data-cell="${cellNumber}">`);
    generated('');
    if (hideCell) toggle(generated, TOGGLE_LABELS.cell, 'cell');
    if (!tags.has('remove-input') && text.trim() !== '') {
      if (tags.has('hide-input') && !hideCell) toggle(generated, TOGGLE_LABELS.input, 'input');
      const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((run) => run[0].length + 1)));
      generated(`${fence}${language ?? ''}`);
      text.replace(/\r?\n$/, '').split(/\r?\n/).forEach((line, index) => push(line, { cellIndex, cellLine: index + 1 }));
      generated(fence);
      generated('');
      if (tags.has('hide-input') && !hideCell) endToggle(generated);
    }
    if (!tags.has('remove-output') && (cell.outputs ?? []).length > 0) {
      const rendered = renderOutputs(cell.outputs ?? [], {
        cellNumber,
        removeStderr: tags.has('remove-stderr'),
        alt: imageAlt(cell),
        imageUrl: options.imageUrl,
      });
      result.images.push(...rendered.images);
      for (const reason of rendered.warnings) result.warnings.push({ cellIndex, about: 'outputs', reason });
      if (rendered.chunks.length > 0) {
        if (tags.has('hide-output') && !hideCell) toggle(generated, TOGGLE_LABELS.output, 'output');
        generated('<div class="nb-outputs">');
        generated('');
        for (const chunk of rendered.chunks) {
          // One line: an HTML block ends at a blank line, so newlines inside it are written as `&#10;`.
          if (chunk.kind === 'html') generated(chunk.html.replace(/\r?\n/g, '&#10;'));
          else for (const line of chunk.text.split(/\r?\n/)) generated(line);
          generated('');
        }
        generated('</div>');
        generated('');
        if (tags.has('hide-output') && !hideCell) endToggle(generated);
      }
    }
    if (hideCell) endToggle(generated);
    generated('</div>');
    generated('');
  });
  result.source = `${out.join('\n')}\n`;
  return result;
}

/**
 * A Markdown or raw cell that needs a box of its own: `<div class="nb-cell">` (which also brings the
 * notebook stylesheet to the page), collapsed in a `<details>` when hidden. Its lines are Markdown
 * between HTML blocks, each block closed by a blank line.
 */
function textCell(generated: (line: string) => void, cellNumber: number, kind: 'markdown' | 'raw', hidden: boolean, body: () => void): void {
  generated(`<div class="nb-cell nb-cell-${kind}" data-cell="${cellNumber}">`);
  generated('');
  if (hidden) toggle(generated, TOGGLE_LABELS.text, 'text');
  body();
  generated('');
  if (hidden) endToggle(generated);
  generated('</div>');
  generated('');
}

/** A collapsed part: `<details>` with a summary that says what opens. */
function toggle(generated: (line: string) => void, label: string, part: string): void {
  generated(`<details class="nb-toggle nb-toggle-${part}"><summary>${escapeHtml(label)}</summary>`);
  generated('');
}

function endToggle(generated: (line: string) => void): void {
  generated('</details>');
  generated('');
}

/** The tags of a cell that this book acts on (the importer reads them too, from its own view of a cell). */
export function cellTags(cell: Pick<NotebookCell, 'metadata'>): Set<Tag> {
  const tags = cell.metadata?.tags;
  const names = Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string').map(cellTagName) : [];
  return new Set(names.filter((tag): tag is Tag => (TAGS as readonly string[]).includes(tag)));
}

/**
 * A cell tag by its current name. Notebooks made for the first Jupyter Book (2019) spell the tags with
 * underscores (`remove_input`, `hide_input`, `remove_cell`); an author bringing them over should not
 * have to retag every cell, so both spellings mean the same.
 */
export function cellTagName(tag: string): string {
  return tag.replaceAll('_', '-');
}

/** The language of the notebook's kernel (`ipython3` is Python), for highlighting. */
export function kernelLanguage(metadata: Record<string, unknown>): string | undefined {
  const kernelspec = isRecord(metadata.kernelspec) ? metadata.kernelspec : {};
  const info = isRecord(metadata.language_info) ? metadata.language_info : {};
  const name = [kernelspec.language, info.name].find((value): value is string => typeof value === 'string' && value.length > 0);
  if (!name) return undefined;
  const lower = name.toLowerCase();
  return /^i?python\d*$/.test(lower) ? 'python' : lower.replace(/[^a-z0-9+#-]/g, '');
}

/** Alt text of a cell's image outputs: MyST-NB's `mystnb.image.alt` or the cell's `alt` metadata. */
function imageAlt(cell: NotebookCell): string | undefined {
  const metadata = cell.metadata ?? {};
  const mystnb = isRecord(metadata.mystnb) && isRecord(metadata.mystnb.image) ? metadata.mystnb.image : {};
  const alt = mystnb.alt ?? metadata.alt;
  return typeof alt === 'string' && alt.trim() ? alt.trim() : undefined;
}

/** `![…](attachment:plot.png)` in a Markdown cell → the attachment's image file of the site. */
function withAttachments(text: string, cell: NotebookCell, options: ConvertOptions, result: ConvertedNotebook): string {
  const attachments = cell.attachments ?? {};
  return text.replace(/attachment:([^\s)"']+)/g, (whole, name: string) => {
    const bundle = attachments[decodeURIComponent(name)];
    if (!bundle) return whole;
    for (const [mime, value] of Object.entries(bundle)) {
      const image = notebookImage(mime, value, undefined);
      if (!image) continue;
      result.images.push(image);
      return options.imageUrl(image);
    }
    return whole;
  });
}
