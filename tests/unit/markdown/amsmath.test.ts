/**
 * amsmath environments written bare (`\begin{align*} … \end{align*}`) are display math, numbered by
 * their `\label`; and LaTeX that ends up as text on a page is an error at its line (`math-raw-latex`).
 */
import type { Math as MathNode } from 'mdast-util-math';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkAmsmath, { amsmathToKatex } from '../../../src/markdown/amsmath/index.js';
import remarkCallouts from '../../../src/markdown/callouts/index.js';
import remarkDirectives from '../../../src/markdown/directives/index.js';
import remarkEquations from '../../../src/markdown/equations/index.js';
import remarkMathCheck from '../../../src/markdown/math-check/index.js';
import remarkMathDirective from '../../../src/markdown/math-directive/index.js';
import remarkRawLatexCheck from '../../../src/markdown/raw-latex-check/index.js';

function transform(source: string, extension: '.md' | '.mdx' = '.md'): { tree: Root; file: VFile } {
  const file = new VFile({ path: `chapter${extension}`, value: source });
  file.data.bookChapter = { id: 'c', number: '2.3' };
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (extension === '.mdx') processor.use(remarkMdx);
  processor.use(remarkMath).use(remarkAmsmath).use(remarkDirectives).use(remarkCallouts).use(remarkMathDirective).use(remarkEquations).use(remarkMathCheck).use(remarkRawLatexCheck);
  return { tree: processor.runSync(processor.parse(file), file) as Root, file };
}

function displayMath(tree: Root): MathNode[] {
  const found: MathNode[] = [];
  visit(tree, 'math', (node: MathNode) => {
    found.push(node);
  });
  return found;
}

const messages = (file: VFile) => file.messages.map((message) => ({ line: message.line, ruleId: message.ruleId, fatal: message.fatal }));

describe('amsmath environments', () => {
  const align = ['Before.', '', '\\begin{align*}', '  a &= b_1 + c_1 \\\\', '', '  d &= e \\label{eq-ad}', '\\end{align*}', '', 'After.', ''].join('\n');

  it('should make a bare `align*` display math, verbatim (no Markdown inside), with its position, in .md and .mdx', () => {
    for (const extension of ['.md', '.mdx'] as const) {
      const { tree, file } = transform(align, extension);
      expect(messages(file)).toEqual([]);
      const [math] = displayMath(tree);
      // `\\` stays a line break and `_` a subscript; the label numbers it, as in `$$…$$`.
      expect(math?.value).toBe('\\begin{aligned}\n  a &= b_1 + c_1 \\\\\n\n  d &= e \n\\end{aligned}\n\\tag{2.3.1}');
      expect(math?.data?.equation).toEqual({ id: 'eq-ad', number: '2.3.1' });
      expect(math?.position?.start.line).toBe(3);
      expect(math?.position?.end.line).toBe(7);
      expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'equation', 'paragraph']);
    }
  });

  it('should typeset it with KaTeX, numbered, with the label as the id', () => {
    const { tree, file } = transform(align);
    const hast = unified().use(rehypeKatex).runSync(unified().use(remarkRehype).runSync(tree, file), file);
    const html = unified().use(rehypeStringify).stringify(hast as HastRoot);
    expect(html).toContain('<div id="eq-ad" class="equation">');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('(2.3.1)');
    expect(html).not.toMatch(/<p>[^<]*\\begin/);
  });

  it('should read equation, gather, multline and alignat, and amsmath inside a callout', () => {
    expect(amsmathToKatex('\\begin{equation}\nE = mc^2\n\\end{equation}')).toBe('E = mc^2');
    expect(amsmathToKatex('\\begin{gather*}\na \\\\ b \\nonumber\n\\end{gather*}')).toBe('\\begin{gathered}\na \\\\ b\n\\end{gathered}');
    expect(amsmathToKatex('\\begin{multline}\na + b \\\\ = c\n\\end{multline}')).toBe('\\begin{gathered}\na + b \\\\ = c\n\\end{gathered}');
    expect(amsmathToKatex('\\begin{alignat}{2}\na &= b & c &= d\n\\end{alignat}')).toBe('\\begin{alignedat}{2}\na &= b & c &= d\n\\end{alignedat}');
    const { tree, file } = transform(':::{note}\n\\begin{equation}\nx^2 \\label{eq-in-note}\n\\end{equation}\n:::\n');
    expect(messages(file)).toEqual([]);
    expect(displayMath(tree)[0]?.data?.equation).toEqual({ id: 'eq-in-note', number: '2.3.1' });
  });
});

describe('the {math} directive', () => {
  it('should make display math numbered by its `:label:`, in either fence', () => {
    const { tree, file } = transform('```{math}\n:label: eq-one\na = b\n```\n\n:::{math}\nc = d\n:::\n');
    expect(messages(file)).toEqual([]);
    const [first, second] = displayMath(tree);
    expect(first?.data?.equation).toEqual({ id: 'eq-one', number: '2.3.1' });
    expect(first?.position?.start.line).toBe(1);
    expect(second?.value).toBe('c = d');
    expect(second?.data?.equation).toBeUndefined();
  });

  it('should report an unknown option at its line', () => {
    const { file } = transform('Text.\n\n```{math}\n:lable: eq-one\na = b\n```\n');
    expect(messages(file)).toEqual([{ line: 4, ruleId: 'directive-valid', fatal: true }]);
    expect(file.messages[0]?.reason).toContain('(did you mean `:label:`?)');
  });
});

describe('raw LaTeX left as text', () => {
  it('should fail on an environment that is not closed, at its line', () => {
    const { file } = transform('Text.\n\n\\begin{align*}\na &= b\n');
    expect(messages(file)).toEqual([{ line: 3, ruleId: 'math-raw-latex', fatal: true }]);
    expect(file.messages[0]?.reason).toContain('must start its own line (a blank line before it) and be closed by `\\end{align*}`');
  });

  it('should fail on an environment that is not an amsmath one, or not at the start of a line', () => {
    const { file } = transform('\\begin{pmatrix} 1 \\end{pmatrix}\n\nSee \\begin{align} x \\end{align} here.\n');
    expect(messages(file)).toEqual([
      { line: 1, ruleId: 'math-raw-latex', fatal: true },
      { line: 3, ruleId: 'math-raw-latex', fatal: true },
    ]);
    expect(file.messages[0]?.reason).toContain('`pmatrix` is not an environment this book typesets bare');
  });

  it('should fail on `\\begin` read as text and an MDX expression in .mdx', () => {
    const { file } = transform('See \\begin{x} here.\n', '.mdx');
    expect(messages(file)).toEqual([{ line: 1, ruleId: 'math-raw-latex', fatal: true }]);
  });

  it('should fail on a `$$` left as text, but not on escaped dollars or code', () => {
    const { file } = transform('Costs \\$\\$ and `$$`.\n\nAn unclosed $$ x + y\n\n```\n$$ in code\n```\n');
    expect(messages(file)).toEqual([{ line: 3, ruleId: 'math-raw-latex', fatal: true }]);
    expect(file.messages[0]?.reason).toContain('a `$$` was not typeset');
  });

  it('should accept `$…$` and `$$…$$` math', () => {
    const { file } = transform('Inline $a$ and $$b$$.\n\n$$\nc \\label{eq-c}\n$$\n');
    expect(file.messages).toEqual([]);
  });
});
