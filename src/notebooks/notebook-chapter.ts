/**
 * A notebook (`.ipynb`) as a chapter of the book model: its frontmatter from the notebook's metadata or
 * its first cell (notebook-frontmatter.ts), its source the MyST Markdown it converts to
 * (notebook-to-myst.ts), and every message about it placed in the `.ipynb` file — at the line of the
 * file where that text of the cell is stored, with the cell and the line inside the cell in words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { RuleId } from '../diagnostics/rule-ids.js';
import { chapterFrontmatterSchema } from '../book/chapter-frontmatter.js';
import type { ChapterFile } from '../book/chapter-files.js';
import { notebookFrontmatter } from './notebook-frontmatter.js';
import { type ParsedNotebook, parseNotebookJson } from './notebook-json.js';
import { type ConvertedNotebook, notebookToMyst } from './notebook-to-myst.js';
import { NOTEBOOK_IMAGE_FOLDER, type NotebookImage } from './output-images.js';

/** What a chapter file that is a notebook carries besides its converted source. */
export interface NotebookSource {
  parsed: ParsedNotebook;
  converted: ConvertedNotebook;
  /** The frontmatter as read from the notebook (validated into the chapter's `frontmatter`). */
  data: Record<string, unknown>;
}

/** Is this chapter file a notebook? */
export function isNotebookPath(file: string): boolean {
  return file.endsWith('.ipynb');
}

/** The URL of a notebook image under the site's `base` (ending in `/`). */
export function notebookImageUrl(base: string, image: NotebookImage): string {
  return `${base}${NOTEBOOK_IMAGE_FOLDER}/${image.name}`;
}

/** Read a notebook and convert it; `text` when the caller has read it already. */
export function loadNotebook(text: string, base = '/'): { parsed: ParsedNotebook; converted?: ConvertedNotebook; data: Record<string, unknown>; frontmatter?: ReturnType<typeof notebookFrontmatter> } {
  const parsed = parseNotebookJson(text);
  if (!parsed.notebook) return { parsed, data: {} };
  const frontmatter = notebookFrontmatter(parsed.notebook, parsed);
  const converted = notebookToMyst(parsed.notebook, { imageUrl: (image) => notebookImageUrl(base, image), skip: frontmatter.cellBlock });
  return { parsed, converted, data: frontmatter.data, frontmatter };
}

/** Read a `.ipynb` chapter file: the same shape as a Markdown chapter, its source the converted MyST. */
export function readNotebookChapter(absolutePath: string, root: string): ChapterFile {
  const text = readFileSync(absolutePath, 'utf8');
  const displayPath = path.relative(root, absolutePath).split(path.sep).join('/');
  const loaded = loadNotebook(text);
  const source = loaded.converted?.source ?? '';
  const file = new VFile({ path: displayPath, value: source });
  const chapter: ChapterFile = { path: absolutePath, displayPath, source, file };
  const fail = (reason: string, place: { line: number; column: number }, ruleId: string) => {
    file.message(reason, { place, ruleId, source: 'notebook' }).fatal = true;
  };
  if (!loaded.converted || !loaded.frontmatter) {
    for (const problem of loaded.parsed.problems) fail(problem.reason, problem.place, RuleId.notebookValid);
    return chapter;
  }
  chapter.notebook = { parsed: loaded.parsed, converted: loaded.converted, data: loaded.data };
  for (const { cellIndex, about, reason } of loaded.converted.warnings) {
    // An output's warning points at the cell's outputs; a raw cell's at the start of its text.
    const place = about === 'outputs' ? loaded.parsed.locate(['cells', cellIndex, 'outputs']) : loaded.parsed.locateInCellSource(cellIndex, 0);
    const ruleId = about === 'outputs' ? RuleId.notebookOutput : RuleId.notebookRawCell;
    file.message(`Cell ${cellIndex + 1}: ${reason}`, { place, ruleId, source: 'notebook' }).fatal = false;
  }
  const { places, problems } = loaded.frontmatter;
  for (const problem of problems) fail(problem.reason, problem.place, RuleId.frontmatterValid);
  if (problems.length > 0) return chapter;
  if (Object.keys(loaded.data).length === 0) {
    fail(
      'The notebook has no chapter metadata: start its first Markdown cell with a `---` block of `id:`, `title:`, `slug:` and `description:` lines, or add those fields to the notebook\'s metadata',
      loaded.parsed.locate(['metadata']),
      RuleId.frontmatterValid,
    );
    return chapter;
  }
  const result = chapterFrontmatterSchema.safeParse(loaded.data);
  if (result.success) {
    chapter.frontmatter = result.data;
    chapter.fieldPlaces = places;
    return chapter;
  }
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    fail(`Invalid chapter metadata \`${field}\`: ${issue.message}`, places[String(issue.path[0])] ?? loaded.parsed.locate(['metadata']), RuleId.frontmatterValid);
  }
  return chapter;
}

/**
 * Move messages found in a notebook's converted source to the `.ipynb` file: the line and column where
 * the cell's text is stored, and "cell 7, line 3" in the reason (cells count from 1, as Jupyter's
 * numbering of a fresh run does; the cell's line is the one the author sees in Jupyter).
 */
export function relocateNotebookMessages(chapter: ChapterFile, messages: readonly VFileMessage[]): void {
  const notebook = chapter.notebook;
  if (!notebook) return;
  for (const message of messages) {
    if (!message.line) continue;
    const origin = notebook.converted.lines[message.line - 1] ?? notebook.converted.lines.at(-1);
    if (!origin) continue;
    let where = `Cell ${origin.cellIndex + 1}`;
    let place = notebook.parsed.locate(['cells', origin.cellIndex]);
    if (origin.cellLine !== undefined) {
      const text = notebook.converted.cellTexts[origin.cellIndex] ?? '';
      const lineStart = text.split('\n').slice(0, origin.cellLine - 1).reduce((sum, line) => sum + line.length + 1, 0);
      place = notebook.parsed.locateInCellSource(origin.cellIndex, lineStart + (message.column ?? 1) - 1);
      where += `, line ${origin.cellLine}`;
    } else if (notebook.parsed.notebook?.cells[origin.cellIndex]?.cell_type === 'code') {
      // A line the conversion wrote: in a code cell, its outputs (a raw cell's HTML is the cell itself).
      where += ' (its output)';
    }
    message.line = place.line;
    message.column = place.column;
    message.place = place;
    message.reason = `${where}: ${message.reason}`;
    message.message = message.reason;
  }
}
