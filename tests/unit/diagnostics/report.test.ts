/** The build's message report: one `file:line:col  severity  reason  [rule]` line per message, sorted. */
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { formatMessage, summarizeDiagnostics } from '../../../src/diagnostics/report.js';

/** Add a message with a severity (`fatal`) to `file`, as the plugins do. */
function report(file: VFile, reason: string, options: { line?: number; column?: number; ruleId?: string; fatal: boolean }): void {
  const place = options.line === undefined ? undefined : { line: options.line, column: options.column ?? 1 };
  file.message(reason, { place, ruleId: options.ruleId, source: 'test' }).fatal = options.fatal;
}

describe('formatMessage', () => {
  it('should format an error as `path:line:col  error  reason  [rule]`', () => {
    const message = new VFileMessage('Unknown citation key `x`', { place: { line: 12, column: 7 }, ruleId: 'citation-key-exists' });
    message.fatal = true;
    expect(formatMessage('content/a.mdx', message)).toBe('content/a.mdx:12:7  error  Unknown citation key `x`  [citation-key-exists]');
  });

  it('should format a warning, and a message without a rule id', () => {
    const message = new VFileMessage('Chapter `b` is planned', { place: { line: 3, column: 5 } });
    message.fatal = false;
    expect(formatMessage('content/book.yaml', message)).toBe('content/book.yaml:3:5  warning  Chapter `b` is planned');
  });

  it('should give only the path when the message has no position', () => {
    const message = new VFileMessage('The structure file is missing', { ruleId: 'structure-valid' });
    message.fatal = true;
    expect(formatMessage('content/book.yaml', message)).toBe('content/book.yaml  error  The structure file is missing  [structure-valid]');
  });

  it('should use the start of a range', () => {
    const message = new VFileMessage('Bad formula', { place: { start: { line: 4, column: 2 }, end: { line: 4, column: 9 } }, ruleId: 'math-parses' });
    message.fatal = true;
    expect(formatMessage('content/a.md', message)).toBe('content/a.md:4:2  error  Bad formula  [math-parses]');
  });
});

describe('summarizeDiagnostics', () => {
  it('should separate errors from warnings', () => {
    const file = new VFile({ path: 'content/a.mdx' });
    report(file, 'An error', { line: 2, column: 3, ruleId: 'role-known', fatal: true });
    report(file, 'A warning', { line: 1, column: 1, ruleId: 'role-resolved', fatal: false });
    expect(summarizeDiagnostics([file])).toEqual({
      errors: ['content/a.mdx:2:3  error  An error  [role-known]'],
      warnings: ['content/a.mdx:1:1  warning  A warning  [role-resolved]'],
    });
  });

  it('should sort by file, then line, then column', () => {
    const second = new VFile({ path: 'content/b.mdx' });
    report(second, 'b 1:1', { line: 1, column: 1, fatal: true });
    const first = new VFile({ path: 'content/a.mdx' });
    report(first, 'a 10:1', { line: 10, column: 1, fatal: true });
    report(first, 'a 2:9', { line: 2, column: 9, fatal: true });
    report(first, 'a 2:3', { line: 2, column: 3, fatal: true });
    report(first, 'a whole file', { fatal: true });
    expect(summarizeDiagnostics([second, first]).errors).toEqual([
      'content/a.mdx  error  a whole file',
      'content/a.mdx:2:3  error  a 2:3',
      'content/a.mdx:2:9  error  a 2:9',
      'content/a.mdx:10:1  error  a 10:1',
      'content/b.mdx:1:1  error  b 1:1',
    ]);
  });

  it('should merge the messages of several passes over the same file', () => {
    const structure = new VFile({ path: 'content/a.mdx' });
    report(structure, 'from the model', { line: 5, column: 1, ruleId: 'frontmatter-valid', fatal: true });
    const content = new VFile({ path: 'content/a.mdx' });
    report(content, 'from the content check', { line: 3, column: 1, ruleId: 'math-parses', fatal: true });
    expect(summarizeDiagnostics([structure, content]).errors).toEqual([
      'content/a.mdx:3:1  error  from the content check  [math-parses]',
      'content/a.mdx:5:1  error  from the model  [frontmatter-valid]',
    ]);
  });

  it('should name a file without a path `(unknown)`, and leave out info messages', () => {
    const file = new VFile();
    report(file, 'Somewhere', { line: 1, column: 2, fatal: true });
    file.info('Just so you know', { place: { line: 1, column: 1 } });
    expect(summarizeDiagnostics([file])).toEqual({ errors: ['(unknown):1:2  error  Somewhere'], warnings: [] });
  });

  it('should report nothing for files without messages', () => {
    expect(summarizeDiagnostics([new VFile({ path: 'content/a.mdx' })])).toEqual({ errors: [], warnings: [] });
    expect(summarizeDiagnostics([])).toEqual({ errors: [], warnings: [] });
  });
});
