/**
 * Read a Jupyter notebook (nbformat 4) from its JSON text, keeping where every value sits in the file,
 * so that a problem in a cell can be reported at its line of the `.ipynb` file (and not only as
 * "cell 7"). A file that is not JSON, or not an nbformat 4 notebook, is a positioned error, never a crash.
 */
import { type Node as JsonNode, findNodeAtLocation, type JSONPath, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { location } from 'vfile-location';

/** Multi-line text as nbformat stores it: one string, or a list of lines (each ending in `\n`). */
export type MultilineText = string | string[];

export interface NotebookOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error' | string;
  /** stream: `stdout` or `stderr`. */
  name?: string;
  text?: MultilineText;
  /** display_data / execute_result: one representation per MIME type. */
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  /** error */
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface NotebookCell {
  cell_type: 'markdown' | 'code' | 'raw' | string;
  source: MultilineText;
  metadata?: Record<string, unknown> & { tags?: unknown };
  outputs?: NotebookOutput[];
  attachments?: Record<string, Record<string, unknown>>;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor?: number;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

/** A place in the notebook file. */
export interface FilePlace {
  line: number;
  column: number;
}

export interface ParsedNotebook {
  notebook?: Notebook;
  /** What is wrong with the file, each at its place (empty when `notebook` is set). */
  problems: { reason: string; place: FilePlace }[];
  /** The place of the value at a JSON path (`['cells', 3, 'source']`), or of the nearest enclosing value. */
  locate(path: JSONPath): FilePlace;
  /** The place of character `offset` of a cell's source text, as stored in the file (escapes counted). */
  locateInCellSource(cellIndex: number, offset: number): FilePlace;
}

/** Parse and validate `text`. Never throws. */
export function parseNotebookJson(text: string): ParsedNotebook {
  const where = location(text);
  const placeAt = (offset: number): FilePlace => {
    const point = where.toPoint(offset);
    return { line: point?.line ?? 1, column: point?.column ?? 1 };
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const nodeAt = (path: JSONPath): JsonNode | undefined => {
    if (!root) return undefined;
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(root, path.slice(0, length));
      if (node) return node;
    }
    return undefined;
  };
  const locate = (path: JSONPath): FilePlace => placeAt(nodeAt(path)?.offset ?? 0);
  const locateInCellSource = (cellIndex: number, offset: number): FilePlace => {
    const source = root ? findNodeAtLocation(root, ['cells', cellIndex, 'source']) : undefined;
    if (!source) return locate(['cells', cellIndex]);
    // A list of lines, or one string: walk the strings until the one holding `offset`.
    const strings = source.type === 'array' ? (source.children ?? []) : [source];
    let before = 0;
    for (const node of strings) {
      const value = typeof node.value === 'string' ? node.value : '';
      if (offset <= before + value.length || node === strings.at(-1)) {
        const inside = value.slice(0, Math.max(0, offset - before));
        // The file stores the string escaped: count the escaped length (the quotes excluded).
        return placeAt(node.offset + 1 + JSON.stringify(inside).length - 2);
      }
      before += value.length;
    }
    return placeAt(source.offset);
  };
  const result: ParsedNotebook = { problems: [], locate, locateInCellSource };
  if (errors.length > 0 || !root) {
    // The first error only: the ones after it are usually its consequences.
    for (const error of errors.slice(0, 1)) {
      result.problems.push({
        reason: `The notebook is not valid JSON (${describeJsonError(printParseErrorCode(error.error))}); open it in Jupyter and save it again, or fix the file`,
        place: placeAt(error.offset),
      });
    }
    if (result.problems.length === 0) result.problems.push({ reason: 'The notebook is empty: it is not valid JSON', place: { line: 1, column: 1 } });
    return result;
  }
  const value: unknown = JSON.parse(text);
  const problem = (reason: string, path: JSONPath) => result.problems.push({ reason, place: locate(path) });
  if (!isRecord(value)) {
    problem('The file is JSON but not a notebook: a notebook is an object with `nbformat`, `metadata` and `cells`', []);
    return result;
  }
  if (value.nbformat !== 4) {
    problem(
      `The notebook is nbformat ${JSON.stringify(value.nbformat ?? 'missing')}, and only nbformat 4 is read; convert it with \`jupyter nbconvert --to notebook --nbformat 4\``,
      ['nbformat'],
    );
    return result;
  }
  if (!Array.isArray(value.cells)) {
    problem('The notebook has no `cells` list (nbformat 4 requires one)', ['cells']);
    return result;
  }
  value.cells.forEach((cell: unknown, index: number) => {
    if (!isRecord(cell) || typeof cell.cell_type !== 'string') {
      problem(`Cell ${index + 1} is not a notebook cell (an object with \`cell_type\` and \`source\`)`, ['cells', index]);
    } else if (typeof cell.source !== 'string' && !(Array.isArray(cell.source) && cell.source.every((line) => typeof line === 'string'))) {
      problem(`Cell ${index + 1} has no \`source\` text (a string or a list of strings)`, ['cells', index, 'source']);
    } else if (cell.outputs !== undefined && !(Array.isArray(cell.outputs) && cell.outputs.every(isRecord))) {
      problem(`Cell ${index + 1} has an \`outputs\` value that is not a list of outputs`, ['cells', index, 'outputs']);
    }
  });
  if (result.problems.length > 0) return result;
  result.notebook = { ...(value as unknown as Notebook), metadata: isRecord(value.metadata) ? value.metadata : {} };
  return result;
}

/** The text of a multi-line nbformat value. */
export function joinText(text: MultilineText | undefined): string {
  return Array.isArray(text) ? text.join('') : (text ?? '');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJsonError(code: string): string {
  // jsonc-parser's codes are identifiers (`CommaExpected`); say them as words.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
