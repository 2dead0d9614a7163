/** Every formula is parsed with KaTeX before rendering; one that fails is an error at its position. */
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkMathCheck, { checkMath } from '../../../src/markdown/math-check/index.js';

function check(source: string): VFile {
  const file = new VFile(source);
  const tree: Root = unified().use(remarkParse).use(remarkMath).parse(file);
  checkMath(tree, file);
  return file;
}

describe('checkMath', () => {
  it('should accept good inline and display math without messages', () => {
    const file = check('Good $a^2 + \\alpha$ and $\\frac{1}{n}\\sum_i x_i$.\n\n$$\n\\begin{aligned} a &= b \\\\ c &= \\mathbb{E}[d] \\end{aligned}\n$$\n');
    expect(file.messages).toHaveLength(0);
  });

  it('should report an unknown command in inline math at the command, with KaTeX’s reason', () => {
    const file = check('Intro.\n\nBad $\\badcommand$ here.\n');
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    // Column 6 is the backslash of \badcommand, just after the opening `$` (column 5).
    expect(message).toMatchObject({ ruleId: 'math-parses', fatal: true, source: 'math-check', line: 3, column: 6 });
    expect(message?.place).toMatchObject({ line: 3, column: 6 });
    expect(message?.reason).toContain('LaTeX error in inline math: Undefined control sequence: \\badcommand');
    expect(message?.reason).toContain('(formula: `\\badcommand`)');
  });

  it('should report an error in display math at the offending command, not at the opening `$$`', () => {
    const file = check('Display:\n\n$$\n\\frac{1}{\\badcommand}\n$$\n');
    expect(file.messages).toHaveLength(1);
    // Line 4 (the `$$` is on line 3), column 10: `\frac{1}{` is nine characters.
    expect(file.messages[0]).toMatchObject({ ruleId: 'math-parses', fatal: true, line: 4, column: 10 });
    expect(file.messages[0]?.reason).toContain('LaTeX error in display math: Undefined control sequence: \\badcommand (formula: `\\frac{1}{\\badcommand}`)');
  });

  it('should report a syntax error with KaTeX’s own reason', () => {
    const file = check('a $x^{$ b\n');
    expect(file.messages).toHaveLength(1);
    // KaTeX stops at the end of the TeX: the closing `$`.
    expect(file.messages[0]).toMatchObject({ ruleId: 'math-parses', fatal: true, line: 1, column: 7 });
    expect(file.messages[0]?.reason).toContain("Expected '}', got 'EOF'");
  });

  it('should report each bad formula, in document order', () => {
    const file = check('First $\\badone$ then fine $x$.\n\nSecond $\\badtwo{y}$.\n');
    expect(file.messages.map((message) => [message.ruleId, message.fatal, message.line, message.column])).toEqual([
      ['math-parses', true, 1, 8],
      ['math-parses', true, 3, 9],
    ]);
    expect(file.messages[0]?.reason).toContain('\\badone');
    expect(file.messages[1]?.reason).toContain('\\badtwo');
  });

  it('should abbreviate a long formula in the reason to one line', () => {
    const file = check(`$$\n\\badcommand ${'x + '.repeat(30)}\ny\n$$\n`);
    expect(file.messages).toHaveLength(1);
    const formula = /\(formula: `([^`]*)`\)/.exec(file.messages[0]?.reason ?? '')?.[1];
    expect(formula).toHaveLength(58);
    expect(formula).toMatch(/^\\badcommand x \+ x.*…$/);
  });
});

describe('remarkMathCheck', () => {
  it('should check math in MDX through the plugin', () => {
    const file = new VFile('Sum {1 + 1} and $\\badcommand$.\n');
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkMathCheck);
    processor.runSync(processor.parse(file), file);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'math-parses', fatal: true, line: 1, column: 18 });
  });
});

describe('positions inside the formula', () => {
  it('should place an error on a later line of a multi-line display formula', () => {
    const file = check('$$\n\\begin{aligned}\na &= b \\\\\nc &= \\mathbb{E}[\\oops]\n\\end{aligned}\n$$\n');
    expect(file.messages).toHaveLength(1);
    // Column 17 is the backslash of \\oops in `c &= \\mathbb{E}[\\oops]`.
    expect(file.messages[0]).toMatchObject({ line: 4, column: 17 });
  });

  it('should place an error in display math on the `$$` line itself', () => {
    const file = check('Text.\n\n$$ x + \\oops $$\n');
    expect(file.messages[0]).toMatchObject({ line: 3, column: 8 });
  });

  it('should place an error in a formula inside a block quote, whose lines lose their `> `', () => {
    const file = check('> $$\n> a = 1\n> b = \\oops\n> $$\n');
    expect(file.messages[0]).toMatchObject({ line: 3, column: 7 });
  });

  it('should place an unclosed brace at the end of the formula', () => {
    const file = check('$$\n\\frac{1}{2\n$$\n');
    expect(file.messages[0]?.reason).toContain("expected '}'");
    expect(file.messages[0]).toMatchObject({ line: 2 });
  });
});
