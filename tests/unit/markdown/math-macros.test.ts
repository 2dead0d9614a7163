/**
 * The book's LaTeX macros (`math.macros` in content/book.yaml, which the Jupyter Book import fills from
 * `_config.yml`'s MathJax macros) reach both the math check and KaTeX's rendering.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadBookConfig } from '../../../src/book/book-config.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import remarkMathCheck from '../../../src/markdown/math-check/index.js';
import { bookRehypePlugins } from '../../../src/markdown/pipeline.js';
import { makeTempDir } from '../../support/temp-dir.js';

const MACROS = { '\\R': '\\mathbb{R}', '\\prob': '\\operatorname{P}\\left(#1\\right)' };

async function render(markdown: string, macros?: Record<string, string>) {
  const file = new VFile({ path: 'chapter.md', value: markdown });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkMathCheck, { macros })
    .use(remarkRehype)
    // Astro's plugin list type is wider than unified's (it allows plugin names as strings); ours are functions.
    .use(bookRehypePlugins({ mathMacros: macros }) as PluggableList)
    .use(rehypeStringify);
  const html = String(await processor.process(file));
  return { html, messages: file.messages };
}

describe('math macros', () => {
  it('should render a macro of the book, with and without arguments', async () => {
    const { html, messages } = await render('Scores in $[0, 1] \\subset \\R$ and $\\prob{Y = 1}$.', MACROS);
    expect(messages).toEqual([]);
    expect(html).toContain('<mi mathvariant="double-struck">R</mi>');
    expect(html).toContain('<mi mathvariant="normal">P</mi>');
    expect(html).not.toContain('katex-error');
  });

  it('should report the same formula as a LaTeX error when the book defines no such macro', async () => {
    const { messages: all } = await render('Rates $\\prob{Y = 1}$.');
    const messages = all.filter((message) => message.source === 'math-check');
    expect(messages.map((message) => [message.ruleId, message.fatal, message.line])).toEqual([['math-parses', true, 1]]);
    expect(messages[0]?.reason).toContain('Undefined control sequence: \\prob');
  });

  it('should read math.macros from the structure file, and reject a name that is not a macro at its line', () => {
    const root = makeTempDir('macros-');
    mkdirSync(path.join(root, 'content'));
    const structure = (macros: string) => `title: A\nauthors: [B]\nmath:\n  macros:\n${macros}parts:\n  - title: One\n    chapters: [a-1]\n`;
    writeFileSync(path.join(root, 'content/book.yaml'), structure('    \\R: \\mathbb{R}\n'));
    expect(loadBookConfig(bookPaths(root), {}).mathMacros).toEqual({ '\\R': '\\mathbb{R}' });
    writeFileSync(path.join(root, 'content/book.yaml'), structure('    R: \\mathbb{R}\n'));
    const invalid = loadBookConfig(bookPaths(root), {});
    expect(invalid.file.messages.map((message) => [message.line, message.reason])).toEqual([[5, 'Invalid structure at `math.macros.R`: `R` is not a macro name: write a backslash and letters, such as `\\R`']]);
    expect(invalid.mathMacros).toEqual({});
  });
});
