/**
 * The one MyST directive parser every directive plugin uses. A directive is a fenced block whose info
 * string is `{name}`, written with backticks (```` ```{note} ````) or colons (`:::{note}`, see
 * colon-fence.ts); both reach the tree as a `code` node. Its parts:
 *
 *     ```{figure} ../images/x.png        ← name `figure`, argument `../images/x.png`
 *     :name: fig-x                        ← options, `:key: value` lines…
 *     :alt: What it shows.
 *     The caption, or the body.           ← body (after the options and blank lines)
 *     ```
 *
 * …or a YAML block between `---` lines at the top of the body. Each option and the body keep their line
 * in the chapter file, so a message about them points there.
 */
import type { Code } from 'mdast';
import type { Point, Position } from 'unist';
import { parse as parseYaml } from 'yaml';

/** One option of a directive, with the line it is on in the chapter file. */
export interface DirectiveOption {
  value: string;
  line: number;
}

export interface Directive {
  /** The directive's name: `note` for ```` ```{note} ````. */
  name: string;
  /** Text after `{name}` on the opening line, trimmed (a title, an image path, a widget). */
  argument: string;
  /** Options by key, in the order written. A flag (`:open:`) has the value `''`. */
  options: Map<string, DirectiveOption>;
  /** The body after the options, as written. */
  body: string;
  /** The line of the chapter file the body starts on. */
  bodyLine: number;
  /** The whole directive, in the chapter file. */
  position?: Position;
  /** Malformed options (a YAML block that does not parse), with their line. */
  problems: { reason: string; line: number }[];
}

const DIRECTIVE_INFO = /^\{([A-Za-z][\w:-]*)\}$/;
const OPTION_LINE = /^:([A-Za-z][\w-]*):(?:\s+(.*))?\s*$/;

/** The directive's name if `node` is a directive (its info string is `{name}`), else undefined. */
export function directiveName(node: Code): string | undefined {
  return DIRECTIVE_INFO.exec(node.lang ?? '')?.[1];
}

/** Read a directive from its `code` node; undefined when the node is ordinary code. */
export function readDirective(node: Code): Directive | undefined {
  const name = directiveName(node);
  if (name === undefined) return undefined;
  const firstBodyLine = (node.position?.start.line ?? 1) + 1;
  const lines = node.value.split('\n');
  const options = new Map<string, DirectiveOption>();
  const problems: Directive['problems'] = [];
  let index = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (end > 0) {
      readYamlOptions(lines.slice(1, end), firstBodyLine + 1, options, problems);
      index = end + 1;
    }
  }
  for (; index < lines.length; index++) {
    const match = OPTION_LINE.exec(lines[index] ?? '');
    if (!match) break;
    options.set(match[1] as string, { value: (match[2] ?? '').trim(), line: firstBodyLine + index });
  }
  while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
  return {
    name,
    argument: (node.meta ?? '').trim(),
    options,
    body: lines.slice(index).join('\n').replace(/\s+$/, ''),
    bodyLine: firstBodyLine + index,
    position: node.position,
    problems,
  };
}

function readYamlOptions(lines: string[], firstLine: number, options: Map<string, DirectiveOption>, problems: Directive['problems']): void {
  let parsed: unknown;
  try {
    parsed = parseYaml(lines.join('\n'));
  } catch (error) {
    problems.push({ reason: `its options between \`---\` lines are not valid YAML: ${String((error as Error).message).split('\n')[0]}`, line: firstLine });
    return;
  }
  if (parsed === null || parsed === undefined) return;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push({ reason: 'its options between `---` lines must be `key: value` lines', line: firstLine });
    return;
  }
  for (const [key, value] of Object.entries(parsed)) {
    const offset = lines.findIndex((line) => line.trimStart().startsWith(`${key}:`));
    options.set(key, { value: value === null || value === true ? '' : String(value), line: firstLine + Math.max(0, offset) });
  }
}

/** Where option `key` is in the chapter file, or the directive's start if it has no such option. */
export function optionPlace(directive: Directive, key: string): Point | Position | undefined {
  const option = directive.options.get(key);
  return option ? { line: option.line, column: directive.position?.start.column ?? 1 } : directive.position;
}
