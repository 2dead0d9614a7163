/**
 * Format the build's messages as `file:line:col  error|warning  reason  [rule-id]`, all of them
 * together, and count the errors (a message with `fatal: true`). Astro does not print vfile messages
 * by itself (and errors thrown in a `.md` entry's plugins only log and exit 0), so the book integration
 * prints these through its logger and fails the build itself.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export interface DiagnosticSummary {
  errors: string[];
  warnings: string[];
}

/** One message as data, for the dev server's problem banner (and its terminal lines). */
export interface ContentProblem {
  /** The file, relative to the book root (`content/p/x.mdx`). */
  file: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  ruleId?: string;
  message: string;
  /** The terminal line: `file:line:col  error  message  [rule-id]`. */
  text: string;
}

/** One line for one message. */
export function formatMessage(path: string, message: VFileMessage): string {
  return formatProblem({ file: path, line: message.line, column: message.column, severity: message.fatal ? 'error' : 'warning', ruleId: message.ruleId, message: message.reason });
}

/** One line for one problem: `file:line:col  error|warning  message  [rule-id]`. */
export function formatProblem(problem: { file: string; line?: number | null; column?: number | null; severity: ContentProblem['severity']; ruleId?: string | null; message: string }): string {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  const rule = problem.ruleId ? `  [${problem.ruleId}]` : '';
  return `${where}  ${problem.severity}  ${problem.message}${rule}`;
}

/** Split the messages of all files into formatted errors and warnings, in file and position order. */
export function summarizeDiagnostics(files: VFile[]): DiagnosticSummary {
  const summary: DiagnosticSummary = { errors: [], warnings: [] };
  for (const problem of listProblems(files)) (problem.severity === 'error' ? summary.errors : summary.warnings).push(problem.text);
  return summary;
}

/** Every error and warning of `files` as data, in file and position order. */
export function listProblems(files: VFile[]): ContentProblem[] {
  // Several passes may report on one file (each with its own VFile): merge them before sorting.
  const entries = files.flatMap((file) => file.messages.map((message) => ({ path: file.path ?? '(unknown)', message })));
  entries.sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      (a.message.line ?? 0) - (b.message.line ?? 0) ||
      (a.message.column ?? 0) - (b.message.column ?? 0),
  );
  const problems: ContentProblem[] = [];
  for (const { path, message } of entries) {
    // `fatal: undefined` is information, which the book's checks do not use for problems.
    if (message.fatal !== true && message.fatal !== false) continue;
    problems.push({
      file: path,
      line: message.line ?? undefined,
      column: message.line ? (message.column ?? 1) : undefined,
      severity: message.fatal ? 'error' : 'warning',
      ruleId: message.ruleId ?? undefined,
      message: message.reason,
      text: formatMessage(path, message),
    });
  }
  return problems;
}
