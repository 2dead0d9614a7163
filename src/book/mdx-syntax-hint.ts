/**
 * What to do about an MDX syntax error, said for what authors actually write. micromark's MDX
 * messages describe the parser's state ("Could not parse expression with acorn", "Expected a closing
 * tag for `<details>` before the end of `paragraph`"); the three mistakes behind nearly all of them are
 * an HTML block written on one line with Markdown after it, LaTeX outside `$…$`, and a literal `{` or
 * `<` in prose. Each gets its own hint; anything else keeps the general one.
 */
import type { VFileMessage } from 'vfile-message';

/** A hint for the error, and where it belongs when the parser's place is less useful (end of file). */
export interface MdxSyntaxHint {
  hint: string;
  /** 1-based line and column of the character the hint is about (the `{` of an unclosed expression). */
  place?: { line: number; column: number };
}

const generalHint = 'in MDX, `{` starts a JavaScript expression and `<` a component or HTML tag: write `\\{` or `&lt;` for the characters';

/** The hint for `error`, raised while parsing `source` (the chapter's whole text) as MDX. */
export function mdxSyntaxHint(error: VFileMessage, source: string): MdxSyntaxHint {
  const offset = errorOffset(error, source);
  if (error.source === 'mdast-util-mdx-jsx' && error.ruleId === 'end-tag-mismatch') {
    const tag = /closing tag for `<([^>\s`]+)>`/.exec(error.reason)?.[1];
    if (tag && /before the end of `paragraph`/.test(error.reason)) return { hint: blockTagHint(tag) };
  }
  if (error.source === 'micromark-extension-mdx-jsx' && error.ruleId === 'unexpected-character' && offset !== undefined) {
    const lessThan = source.lastIndexOf('<', offset);
    if (lessThan >= 0 && lessThan >= source.lastIndexOf('\n', offset - 1)) {
      return { hint: 'a literal `<` in prose needs `&lt;` (or `$<$` in math): in MDX, `<` starts a component or HTML tag' };
    }
  }
  if (error.source === 'micromark-extension-mdx-expression' && offset !== undefined) {
    const brace = openingBrace(source, offset);
    if (brace !== undefined) {
      const before = source.slice(source.lastIndexOf('\n', brace - 1) + 1, brace);
      const place = error.ruleId === 'unexpected-eof' ? pointAt(source, brace) : undefined;
      if (/^\s*$/.test(before) && /^\{[A-Za-z][\w-]*:[\w-]+\}`/.test(source.slice(brace))) {
        // The myst-roles syntax cannot stop MDX from trying a `{name:variant}` that starts a line inside a
        // paragraph as a flow expression (it may not interrupt the paragraph), and acorn then throws.
        return { hint: 'a role with a variant (`{cite:t}`, `{cite:p}`) that starts a line inside a paragraph is read by MDX as a JavaScript expression: move it off the start of the line (join the line to the one before, or break the line earlier)' };
      }
      const environment = /\\(?:begin|end)$/.test(before) ? /^\{([^}\n]*)\}/.exec(source.slice(brace))?.[1] : undefined;
      if (environment !== undefined) {
        return {
          hint: `a LaTeX environment (\`\\begin{${environment}}\`) belongs inside \`$$…$$\`, or on lines of its own with \`\\begin{${environment}}\` starting the first and \`\\end{${environment}}\` ending the last: in MDX, \`{\` in prose starts a JavaScript expression`,
          place,
        };
      }
      if (/(?:\\[A-Za-z]+\*?|[_^])\s*$/.test(before)) {
        return { hint: 'LaTeX belongs inside `$…$` (inline) or `$$…$$` (display): in MDX, `{` in prose starts a JavaScript expression', place };
      }
      return { hint: 'a literal `{` in prose needs `\\{` (and `}` needs `\\}`), or put it in `code` or `$…$`: in MDX, `{` starts a JavaScript expression', place };
    }
  }
  return { hint: generalHint };
}

function blockTagHint(tag: string): string {
  const example =
    tag === 'details'
      ? '`<details>` and `<summary>Answer</summary>` each on a line of its own, a blank line, the Markdown, a blank line, then `</details>` on its own line'
      : `\`<${tag}>\` on a line of its own, a blank line, the Markdown, a blank line, then \`</${tag}>\` on its own line`;
  return `an HTML element that holds Markdown needs its tags on lines of their own: write ${example} (a tag followed by text on the same line is read as part of a paragraph, which ends before the closing tag)`;
}

/** The offset of the error's place in `source`, from its offset or its line and column. */
function errorOffset(error: VFileMessage, source: string): number | undefined {
  const place = error.place;
  const point = place && 'start' in place ? place.start : place;
  if (!point) return undefined;
  if (typeof point.offset === 'number') return point.offset;
  let lineStart = 0;
  for (let line = 1; line < point.line; line++) {
    lineStart = source.indexOf('\n', lineStart) + 1;
    if (lineStart === 0) return undefined;
  }
  return lineStart + point.column - 1;
}

/** The `{` that opened the expression the error is in: the last one before `offset` not closed before it. */
function openingBrace(source: string, offset: number): number | undefined {
  let depth = 0;
  for (let index = Math.min(offset, source.length - 1); index >= 0; index--) {
    const character = source[index];
    if (character === '}' && index < offset) depth++;
    else if (character === '{' && source[index - 1] !== '\\') {
      if (depth === 0) return index;
      depth--;
    }
  }
  return undefined;
}

function pointAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
