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

  it('should report an unknown command in inline math at the formula, with KaTeX’s reason', () => {
    const file = check('Intro.\n\nBad $\\badcommand$ here.\n');
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message).toMatchObject({ ruleId: 'math-parses', fatal: true, source: 'math-check', line: 3, column: 5 });
    expect(message?.place).toMatchObject({ start: { line: 3, column: 5 }, end: { line: 3, column: 18 } });
    expect(message?.reason).toContain('LaTeX error in inline math: Undefined control sequence: \\badcommand');
    expect(message?.reason).toContain('(formula: `\\badcommand`)');
  });

  it('should report an error in display math at the opening fence', () => {
    const file = check('Display:\n\n$$\n\\frac{1}{\\badcommand}\n$$\n');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'math-parses', fatal: true, line: 3, column: 1 });
    expect(file.messages[0]?.reason).toContain('LaTeX error in display math: Undefined control sequence: \\badcommand (formula: `\\frac{1}{\\badcommand}`)');
  });

  it('should report a syntax error with KaTeX’s own reason', () => {
    const file = check('a $x^{$ b\n');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'math-parses', fatal: true, line: 1, column: 3 });
    expect(file.messages[0]?.reason).toContain("Expected '}', got 'EOF'");
  });

  it('should report each bad formula, in document order', () => {
    const file = check('First $\\badone$ then fine $x$.\n\nSecond $\\badtwo{y}$.\n');
    expect(file.messages.map((message) => [message.ruleId, message.fatal, message.line, message.column])).toEqual([
      ['math-parses', true, 1, 7],
      ['math-parses', true, 3, 8],
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
    expect(file.messages[0]).toMatchObject({ ruleId: 'math-parses', fatal: true, line: 1, column: 17 });
  });
});
