/**
 * Carry one MyST Markdown text (a `.md` chapter, or a notebook's Markdown cell) over to this site,
 * line by line, keeping roles and directives as the author wrote them. Only what the site cannot
 * render changes, and visibly: a directive it does not know is wrapped in a `{warning}` callout that
 * shows the original in a code block ("Not converted: …"), and a role it does not know becomes inline
 * code showing its source; both are listed as findings with their line. On the way it collects what
 * the import report counts and what the importer must resolve: citation keys, `{doc}` targets, images.
 */
import { CALLOUT_TITLES } from '../markdown/callouts/index.js';

/** Directives this site renders (with the MyST additions of this release: admonition, dropdown, code cells, bibliography, math). */
export const KNOWN_DIRECTIVES: ReadonlySet<string> = new Set([
  'figure',
  'interactive',
  ...Object.keys(CALLOUT_TITLES),
  'admonition',
  'dropdown',
  'code-cell',
  'bibliography',
  'math',
]);

/** Directives that have a plain Markdown equivalent here: converted, not wrapped. */
const CONVERTED_DIRECTIVES = new Set(['code-block', 'code', 'sourcecode', 'image']);

/** Roles this site resolves. */
export const KNOWN_ROLES: ReadonlySet<string> = new Set(['cite', 'cite:p', 'cite:t', 'doc', 'ref', 'numref', 'eq', 'term']);

/** Directives whose body is code or LaTeX, not Markdown: no roles to look for inside. */
const VERBATIM_DIRECTIVES = new Set(['code-cell', 'math']);

/** Something changed or noticed on a line of the text. */
export interface Finding {
  /** 1-based line in the text given (in a notebook: in the cell; 0 for the whole cell). */
  line: number;
  /** In a notebook: the 1-based number of the cell. */
  cell?: number;
  construct: string;
  action: string;
  /** True for constructs the site cannot render (counted as unresolved). */
  unsupported: boolean;
}

export interface ConvertedMyst {
  text: string;
  findings: Finding[];
  /** Every citation key, in order, with repeats. */
  citationKeys: { key: string; line: number }[];
  /** Every `{doc}` target as written, after any rewrite by `resolveDoc`. */
  docTargets: { target: string; line: number }[];
  /** Every local image reference (Markdown, `<img>`, `{figure}`/`{image}`), as written. */
  images: { path: string; line: number }[];
}

export interface ConvertOptions {
  /**
   * The chapter id a `{doc}` target written as a path (`../part/intro`, `/content/intro`) stands for;
   * undefined to keep the target as written.
   */
  resolveDoc?: (target: string) => string | undefined;
}

/** A fence and its info string: `{name} argument` for a directive, a language (or nothing) for code. */
const OPENING_FENCE = /^(\s*)(`{3,}|~{3,}|:{3,})\s*(?:\{([^}\s]+)\})?\s*(.*)$/;
const ROLE = /^\{([A-Za-z][\w.-]*(?::[\w.-]*)?)\}(`+)([\s\S]*?[^`]|)\2(?!`)/;
const CUSTOM_TEXT = /^(.*\S)\s*<([^<>]+)>$/;
const MARKDOWN_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;

interface OpenFence {
  char: string;
  length: number;
  /** Directive name; undefined for a plain code block. */
  directive?: string;
}

/** Convert a MyST text; lines of findings are 1-based lines of `text`. */
export function convertMyst(text: string, options: ConvertOptions = {}): ConvertedMyst {
  const lines = text.split('\n');
  const result: ConvertedMyst = { text: '', findings: [], citationKeys: [], docTargets: [], images: [] };
  const out: string[] = [];
  const stack: OpenFence[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const lineNumber = index + 1;
    const top = stack.at(-1);
    if (top && closesFence(line, top)) {
      stack.pop();
      out.push(line);
      continue;
    }
    if (top && (top.directive === undefined || VERBATIM_DIRECTIVES.has(top.directive))) {
      out.push(line);
      continue;
    }
    const opening = OPENING_FENCE.exec(line);
    // A bare colon line opens nothing (a colon fence needs a directive name).
    if (opening && !(opening[2]?.startsWith(':') && opening[3] === undefined)) {
      const [, indent = '', fence = '', name, argument = ''] = opening;
      const open: OpenFence = { char: fence[0] as string, length: fence.length, ...(name === undefined ? {} : { directive: name }) };
      if (name === 'solution') {
        // sphinx-exercise's answer: a dropdown titled Solution, which a graded edition leaves out.
        let next = index + 1;
        const label = [];
        for (; next < lines.length; next++) {
          const option = /^\s*:([\w-]+):\s*(.*)$/.exec(lines[next] as string);
          if (!option) break;
          if (option[1] === 'label' && option[2]) label.push(`${indent}:name: ${option[2].trim()}`);
        }
        out.push(`${indent}${fence}{dropdown} Solution`, ...label);
        stack.push({ ...open, directive: 'dropdown' });
        result.findings.push({
          line: lineNumber,
          construct: 'directive `{solution}`',
          action: 'converted to a `{dropdown} Solution` (an answer: a graded edition leaves it out); its other options dropped',
          unsupported: false,
        });
        index = next - 1;
        continue;
      }
      if (name !== undefined && !KNOWN_DIRECTIVES.has(name)) {
        let end = index + 1;
        while (end < lines.length && !closesFence(lines[end] as string, open)) end++;
        const block = lines.slice(index, Math.min(end + 1, lines.length));
        if (CONVERTED_DIRECTIVES.has(name)) {
          if (name === 'image') recordImage(result, argument.trim(), lineNumber);
          const converted = convertDirective(name, argument.trim(), block.slice(1, end < lines.length ? -1 : undefined), indent, fence);
          out.push(...converted.lines);
          result.findings.push({ line: lineNumber, construct: `directive \`{${name}}\``, action: converted.action, unsupported: false });
          index = end;
          continue;
        }
        out.push(...wrapUnknownDirective(block, name, indent));
        result.findings.push({
          line: lineNumber,
          construct: `directive \`{${name}}\``,
          action: 'kept visibly: wrapped in a "Not converted" warning showing the original',
          unsupported: true,
        });
        index = end;
        continue;
      }
      if (name === 'figure' || name === 'image') recordImage(result, argument.trim(), lineNumber);
      stack.push(open);
      out.push(line);
      continue;
    }
    out.push(convertInline(line, lineNumber, result, options));
  }
  result.text = out.join('\n');
  return result;
}

/**
 * A directive with a Markdown equivalent: `{code-block}` (`{code}`, `{sourcecode}`) becomes a fenced
 * code block in its language, `{image}` a Markdown image with its `:alt:`. Other options have no
 * equivalent and are named in the action.
 */
function convertDirective(name: string, argument: string, body: readonly string[], indent: string, fence: string): { lines: string[]; action: string } {
  let start = 0;
  const options = new Map<string, string>();
  for (; start < body.length; start++) {
    const option = /^\s*:([\w-]+):\s*(.*)$/.exec(body[start] as string);
    if (!option) break;
    options.set(option[1] as string, (option[2] ?? '').trim());
  }
  const kept = name === 'image' ? ['alt'] : [];
  const droppedOptions = [...options.keys()].filter((option) => !kept.includes(option));
  const dropped = droppedOptions.length > 0 ? `; option${droppedOptions.length > 1 ? 's' : ''} ${droppedOptions.map((option) => `\`:${option}:\``).join(', ')} dropped (no equivalent)` : '';
  if (name === 'image') {
    const alt = (options.get('alt') ?? '').replace(/[[\]]/g, '');
    return { lines: [`${indent}![${alt}](${argument})`], action: `converted to a Markdown image${alt ? '' : ' (no `:alt:`: add a description for screen readers)'}${dropped}` };
  }
  const ticks = fence.startsWith('`') ? fence : '```';
  return {
    lines: [`${indent}${ticks}${argument}`, ...body.slice(start), `${indent}${ticks}`],
    action: `converted to a fenced code block${argument ? ` in \`${argument}\`` : ''}${dropped}`,
  };
}

function closesFence(line: string, fence: OpenFence): boolean {
  const match = /^\s*(`{3,}|~{3,}|:{3,})\s*$/.exec(line);
  return match !== null && match[1]?.[0] === fence.char && (match[1]?.length ?? 0) >= fence.length;
}

/**
 * The original block inside a code block inside a `{warning}` callout. Tilde fences, longer than any
 * tilde fence of the original, so that its own backtick fences neither close the wrapper nor an
 * enclosing directive.
 */
function wrapUnknownDirective(block: readonly string[], name: string, indent: string): string[] {
  const longest = Math.max(2, ...block.map((line) => /^\s*(~+)/.exec(line)?.[1]?.length ?? 0));
  const inner = '~'.repeat(longest + 1);
  const outer = '~'.repeat(longest + 2);
  return [
    `${indent}${outer}{warning} Not converted: \`{${name}}\``,
    `${indent}This site has no \`{${name}}\` directive: the import kept it below as the author wrote it (see import-report.md).`,
    '',
    `${indent}${inner}text`,
    ...block,
    `${indent}${inner}`,
    `${indent}${outer}`,
  ];
}

/** Roles and images of one line outside code: inline code spans are skipped. */
function convertInline(line: string, lineNumber: number, result: ConvertedMyst, options: ConvertOptions): string {
  for (const pattern of [MARKDOWN_IMAGE, HTML_IMAGE]) {
    for (const match of line.matchAll(pattern)) recordImage(result, match[1] ?? '', lineNumber);
  }
  let converted = '';
  let position = 0;
  while (position < line.length) {
    const rest = line.slice(position);
    if (rest.startsWith('`')) {
      const run = /^`+/.exec(rest)?.[0] ?? '`';
      const close = findBacktickRun(line, position + run.length, run.length);
      const end = close < 0 ? line.length : close + run.length;
      converted += line.slice(position, end);
      position = end;
      continue;
    }
    const role = rest.startsWith('{') ? ROLE.exec(rest) : null;
    if (!role) {
      converted += line[position];
      position++;
      continue;
    }
    const [source, name = '', ticks = '`', content = ''] = role;
    converted += convertRole(source, name, ticks, content, lineNumber, result, options);
    position += source.length;
  }
  return converted;
}

function findBacktickRun(line: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match[0].length === length) return match.index;
  }
  return -1;
}

function convertRole(source: string, name: string, ticks: string, content: string, line: number, result: ConvertedMyst, options: ConvertOptions): string {
  if (name === 'cite' || name === 'cite:p' || name === 'cite:t') {
    for (const key of content.split(',').map((part) => part.trim()).filter(Boolean)) result.citationKeys.push({ key, line });
    return source;
  }
  if (name === 'doc') {
    const custom = CUSTOM_TEXT.exec(content);
    const target = (custom ? custom[2] : content)?.trim() ?? '';
    const id = options.resolveDoc?.(target);
    const kept = id ?? target;
    result.docTargets.push({ target: kept, line });
    if (id === undefined || id === target) return source;
    result.findings.push({ line, construct: `\`{doc}\` target \`${target}\``, action: `rewritten to the chapter id \`${id}\``, unsupported: false });
    return `{doc}${ticks}${custom ? `${custom[1]} <${id}>` : id}${ticks}`;
  }
  if (name === 'math') {
    result.findings.push({ line, construct: '`{math}` role', action: 'converted to `$…$` inline math', unsupported: false });
    return `$${content}$`;
  }
  if (KNOWN_ROLES.has(name)) return source;
  result.findings.push({ line, construct: `role \`{${name}}\``, action: 'kept visibly: shown as inline code with its source', unsupported: true });
  const fence = '`'.repeat(ticks.length + 1);
  return `${fence} ${source} ${fence}`;
}

function recordImage(result: ConvertedMyst, reference: string, line: number): void {
  // Only files of the book: not web addresses, data URLs or the site's own absolute paths.
  if (reference === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(reference)) return;
  result.images.push({ path: reference, line });
}
