/**
 * Split a .bib file into its entries with their line numbers, without interpreting fields, so that
 * every problem can be reported at the entry it belongs to: an unclosed entry, a missing key, a
 * duplicate key (both lines). Text between entries (comments, the YAML front matter some tools
 * write at the top) is ignored, as BibTeX itself ignores it.
 */
import { location } from 'vfile-location';

/** One `@type{key, …}` entry as written. */
export interface RawBibEntry {
  /** Entry type in lowercase: `article`, `string`, `comment`… */
  type: string;
  /** Citation key ('' for @string, @preamble and @comment). */
  key: string;
  /** The entry's full source text. */
  text: string;
  /** 1-based line and column where the `@` is. */
  line: number;
  column: number;
}

/** A problem found while splitting. */
export interface BibSourceProblem {
  line: number;
  column: number;
  reason: string;
}

const NON_ENTRY_TYPES = new Set(['string', 'preamble', 'comment']);

/** Find the entries of `source`; problems are returned, never thrown. */
export function splitBibEntries(source: string): { entries: RawBibEntry[]; problems: BibSourceProblem[] } {
  const entries: RawBibEntry[] = [];
  const problems: BibSourceProblem[] = [];
  const where = location(source);
  const position = (offset: number) => {
    const point = where.toPoint(offset);
    return { line: point?.line ?? 1, column: point?.column ?? 1 };
  };

  const header = /@([A-Za-z]+)\s*([{(])/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(source))) {
    const start = match.index;
    const type = (match[1] as string).toLowerCase();
    const open = match[2] as string;
    const close = open === '{' ? '}' : ')';
    const where = position(start);
    if (type === 'comment') {
      header.lastIndex = start + match[0].length;
      continue;
    }
    // Find the closing delimiter at depth 0, counting braces (BibTeX values nest braces, not quotes).
    let depth = 0;
    let end = -1;
    for (let i = start + match[0].length - 1; i < source.length; i++) {
      const char = source[i];
      if (char === '\\') {
        i++;
        continue;
      }
      if (char === '{' || (open === '(' && char === '(' && depth === 0)) depth++;
      else if (char === '}' || (open === '(' && char === ')' && depth === 1)) {
        depth--;
        if (depth === 0 && char === close) {
          end = i;
          break;
        }
      }
      // An `@type{` at the start of a line inside an unclosed entry: the previous entry lacks a `}`.
      if (char === '\n' && depth > 0 && /^@[A-Za-z]+\s*[{(]/.test(source.slice(i + 1, i + 40))) break;
    }
    if (end < 0) {
      problems.push({ ...where, reason: `The \`@${type}\` entry that starts here is not closed: a \`${close}\` is missing (check the braces of its last fields)` });
      header.lastIndex = start + match[0].length;
      continue;
    }
    const text = source.slice(start, end + 1);
    let key = '';
    if (!NON_ENTRY_TYPES.has(type)) {
      const keyMatch = /^@[A-Za-z]+\s*[{(]\s*([^,\s{}()]*)\s*,/.exec(text);
      key = keyMatch?.[1] ?? '';
      if (!key) {
        problems.push({ ...where, reason: `The \`@${type}\` entry that starts here has no citation key: write \`@${type}{key,\` before its fields` });
        header.lastIndex = end + 1;
        continue;
      }
    }
    entries.push({ type, key, text, ...where });
    header.lastIndex = end + 1;
  }
  return { entries, problems };
}
