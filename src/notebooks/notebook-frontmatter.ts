/**
 * A notebook chapter's frontmatter (id, title, slug, description, objectives): from the notebook's
 * metadata (`"metadata": {"title": …, "id": …}`), or from a YAML block that opens its first Markdown
 * cell, as MyST and jupytext write it (`---` … `---`). A field in the cell wins over the same field in
 * the metadata, because the cell is what an author sees and edits in Jupyter. Without a `title`, the
 * first cell's opening `# Heading` is the title, as in Jupyter Book.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { FilePlace, Notebook, ParsedNotebook } from './notebook-json.js';
import { joinText } from './notebook-json.js';

/** The fields a chapter's frontmatter may have (chapter-frontmatter.ts validates them). */
const FIELDS = ['id', 'title', 'slug', 'description', 'objectives'] as const;

export interface NotebookFrontmatter {
  data: Record<string, unknown>;
  /** Where each field's value is in the file. */
  places: Record<string, FilePlace>;
  /** YAML errors in the first cell's block. */
  problems: { reason: string; place: FilePlace }[];
  /** The first Markdown cell's frontmatter block (and title heading): its cell and how many of its characters to drop. */
  cellBlock?: { cellIndex: number; length: number };
}

const BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Read the frontmatter of a parsed notebook. */
export function notebookFrontmatter(notebook: Notebook, parsed: ParsedNotebook): NotebookFrontmatter {
  const result: NotebookFrontmatter = { data: {}, places: {}, problems: [] };
  for (const field of FIELDS) {
    if (notebook.metadata[field] === undefined) continue;
    result.data[field] = notebook.metadata[field];
    result.places[field] = parsed.locate(['metadata', field]);
  }
  const cellIndex = notebook.cells.findIndex((cell) => cell.cell_type === 'markdown');
  const cell = notebook.cells[cellIndex];
  // Only a first cell that is Markdown counts: a block further down is content, not frontmatter.
  if (!cell || notebook.cells.slice(0, cellIndex).some((earlier) => earlier.cell_type === 'code')) return result;
  const text = joinText(cell.source);
  const match = BLOCK.exec(text);
  if (match) readBlock(match, cellIndex, parsed, result);
  if (result.problems.length > 0 || result.data.title !== undefined) return result;
  // No title given: as in Jupyter Book, the cell's first `# Heading` is the title (and not shown twice).
  const start = match?.[0].length ?? 0;
  const heading = /^(?:[ \t]*\r?\n)*# +(.+?)[ \t#]*(?:\r?\n|$)/.exec(text.slice(start));
  if (!heading?.[1]) return result;
  result.data.title = heading[1];
  result.places.title = parsed.locateInCellSource(cellIndex, start + heading[0].indexOf('#'));
  result.cellBlock = { cellIndex, length: start + heading[0].length };
  return result;
}

/** The `---` block of the first cell: its fields, their places, YAML errors. */
function readBlock(match: RegExpExecArray, cellIndex: number, parsed: ParsedNotebook, result: NotebookFrontmatter): void {
  result.cellBlock = { cellIndex, length: match[0].length };
  const yamlStart = match[0].indexOf('\n') + 1;
  const lineCounter = new LineCounter();
  const document = parseDocument(match[1] ?? '', { lineCounter });
  const place = (offset: number | undefined) => parsed.locateInCellSource(cellIndex, yamlStart + (offset ?? 0));
  for (const error of document.errors) {
    result.problems.push({ reason: `Invalid YAML in the first cell's frontmatter: ${error.message.split('\n')[0]}`, place: place(error.pos[0]) });
  }
  if (document.errors.length > 0) return;
  const values = document.toJS() as unknown;
  if (typeof values !== 'object' || values === null) return;
  for (const [field, value] of Object.entries(values)) {
    // Other keys (kernelspec, jupytext…) belong to the tools that wrote them.
    if (!(FIELDS as readonly string[]).includes(field)) continue;
    result.data[field] = value;
    const node = document.get(field, true) as { range?: [number, number, number] } | undefined;
    result.places[field] = place(node?.range?.[0]);
  }
}
