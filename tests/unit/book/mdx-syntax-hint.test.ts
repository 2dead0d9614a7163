/** MDX syntax errors get a hint for the mistake an author most likely made, not a generic one. */
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { chapterParser } from '../../../src/book/check-chapters.js';
import { mdxSyntaxHint } from '../../../src/book/mdx-syntax-hint.js';
import remarkAmsmath from '../../../src/markdown/amsmath/index.js';
import remarkDirectives from '../../../src/markdown/directives/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';

/** Parse `source` as a chapter's MDX (with the book's syntax extensions) and return the hint for its error. */
function hintFor(source: string) {
  const file = new VFile({ path: 'chapter.mdx', value: source });
  try {
    chapterParser('chapter.mdx').use(remarkMath).use(remarkAmsmath).use(remarkDirectives).use(remarkMystRoles).parse(file);
  } catch (error) {
    if (error instanceof VFileMessage) return mdxSyntaxHint(error, source);
    throw error;
  }
  throw new Error('expected a syntax error');
}

describe('mdxSyntaxHint', () => {
  it('should say that a block element’s tags need their own lines for `<details><summary>` on one line', () => {
    const { hint } = hintFor('# T\n\n<details><summary>Answer</summary>\n\nThe **answer** is 42.\n\n</details>\n');
    expect(hint).toContain('needs its tags on lines of their own');
    expect(hint).toContain('`<summary>Answer</summary>` each on a line of its own');
    expect(hint).not.toContain('&lt;');
  });

  it('should name the element for another block tag with Markdown after it', () => {
    const { hint } = hintFor('# T\n\n<aside>A **note**\n\n</aside>\n');
    expect(hint).toContain('`<aside>` on a line of its own');
  });

  it('should say that a LaTeX environment written inside a paragraph belongs in `$$…$$`', () => {
    const { hint } = hintFor('# T\n\nThe loss \\begin{align*} x &= 1 \\end{align*} is small.\n');
    expect(hint).toContain('a LaTeX environment (`\\begin{align*}`) belongs inside `$$…$$`');
    expect(hint).not.toContain('&lt;');
  });

  it('should say that a LaTeX command outside math belongs in `$…$`', () => {
    const { hint } = hintFor('# T\n\nThe ratio \\frac{a b}{c} is small.\n');
    expect(hint).toContain('LaTeX belongs inside `$…$`');
  });

  it('should say that a literal `{` in prose needs `\\{`', () => {
    const { hint } = hintFor('# T\n\nThe set {a b} is small.\n');
    expect(hint).toContain('a literal `{` in prose needs `\\{`');
  });

  it('should place an unclosed `{` at the brace, not at the end of the file', () => {
    const result = hintFor('# T\n\nThe set { is small.\n\nMore text.\n');
    expect(result.hint).toContain('a literal `{` in prose needs `\\{`');
    expect(result.place).toEqual({ line: 3, column: 9 });
  });

  it('should say how to fix a `{cite:t}` role at the start of a paragraph’s second line', () => {
    const { hint } = hintFor('# T\n\nAs shown by\n{cite:t}`hardt2016equality` in 2016.\n');
    expect(hint).toContain('move it off the start of the line');
  });

  it('should say that a literal `<` needs `&lt;`', () => {
    const { hint } = hintFor('# T\n\nIf x <3 then y.\n');
    expect(hint).toContain('a literal `<` in prose needs `&lt;`');
  });
});
