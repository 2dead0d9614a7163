/**
 * The error an import stops on: unreadable input (bad YAML, a notebook that is not JSON, a missing
 * file) or a target it must not overwrite. It names the file, and the line and column when known, so
 * the author can go straight to the problem; nothing has been written when it is thrown.
 */
export class ImportError extends Error {
  /** The file at fault, as the author knows it (relative to the book folder or the target). */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, where: { file?: string; line?: number; column?: number } = {}) {
    const place = where.file ? `${where.file}${where.line ? `:${where.line}${where.column ? `:${where.column}` : ''}` : ''}: ` : '';
    super(`${place}${message}`);
    this.name = 'ImportError';
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
}
