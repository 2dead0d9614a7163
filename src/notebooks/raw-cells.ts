/**
 * What a page does with a notebook's raw cells ("Raw NBConvert" cells): text written for one export
 * format, named in the cell's metadata. Peers read two keys: `format` (nbformat's, the one MyST-NB and
 * so Jupyter Book 1 read) and `raw_mimetype` (the one Jupyter's "Raw Cell Format" menu writes and
 * nbconvert reads); either counts here, `format` first.
 *
 * A web page shows the raw cells written for it: `text/html` as part of the page (sanitised like an
 * HTML output, as nbconvert's HTML export includes it), `text/markdown` rendered as the chapter's
 * Markdown (as MyST-NB renders it). A raw cell for any other format (LaTeX, reStructuredText, a
 * script) is for other exports, and the page leaves it out, as nbconvert's HTML export does; so too
 * one with no format, which MyST-NB drops (nbconvert pastes it in as it is, unescaped). MyST-NB
 * typesets a LaTeX raw cell as a formula, but such cells mostly hold commands for a PDF export
 * (`\newpage`, `\begin{figure}`), no formula. Where Jupyter Book 1 drops a cell without a format
 * silently, the build warns at each cell left out, so no text an author wrote disappears unnoticed;
 * the tag `remove-cell` leaves one out on purpose, quietly.
 */
import { isRecord, type NotebookCell } from './notebook-json.js';

/** How the page uses a raw cell. */
export type RawCellUse =
  | { shown: 'html' }
  | { shown: 'markdown' }
  /** Left out: `format` is the MIME type the cell names (undefined: none). */
  | { shown: false; format?: string };

/** Readers' names of the formats raw cells are written for (the choices of Jupyter's menu, and nbsphinx's). */
const FORMAT_NAMES: Record<string, string> = {
  'text/latex': 'LaTeX',
  'text/restructuredtext': 'reStructuredText',
  'text/x-rst': 'reStructuredText',
  'text/x-python': 'Python',
  'text/asciidoc': 'AsciiDoc',
  'text/plain': 'plain text',
};

/** The MIME type a raw cell is written for, lower-cased and without parameters (undefined: none). */
export function rawCellFormat(cell: Pick<NotebookCell, 'metadata'>): string | undefined {
  const metadata = isRecord(cell.metadata) ? cell.metadata : {};
  for (const key of ['format', 'raw_mimetype']) {
    const value = metadata[key];
    if (typeof value !== 'string') continue;
    // `text/html; charset=utf-8` is HTML; nbconvert compares lower-cased types.
    const type = value.split(';')[0]?.trim().toLowerCase();
    if (type) return type;
  }
  return undefined;
}

/** How the page uses `cell`, a raw cell. */
export function rawCellUse(cell: Pick<NotebookCell, 'metadata'>): RawCellUse {
  const format = rawCellFormat(cell);
  if (format === 'text/html') return { shown: 'html' };
  if (format === 'text/markdown') return { shown: 'markdown' };
  return format === undefined ? { shown: false } : { shown: false, format };
}

/** A raw cell the page leaves out, in words: `a raw cell for LaTeX (\`text/latex\`)`, `a raw cell with no format`. */
export function describeRawCell(format: string | undefined): string {
  return format === undefined ? 'a raw cell with no format' : `a raw cell for ${FORMAT_NAMES[format] ?? 'another format'} (\`${format}\`)`;
}

/** The build's warning for a raw cell the page leaves out: what it is, and how to show it or silence it. */
export function leftOutRawCellReason(format: string | undefined): string {
  const what = describeRawCell(format).replace(/^a/, 'A');
  const formula = format === 'text/latex' ? ' (a formula as `$$…$$`)' : '';
  return (
    `${what} is left out of the page: a page shows only raw cells for HTML (\`text/html\`) and Markdown (\`text/markdown\`). ` +
    `To show it, make it a Markdown cell${formula} or set its raw format to one of those; to leave it out without this warning, tag it \`remove-cell\``
  );
}
