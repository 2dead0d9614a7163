/**
 * MDX expressions name their place in the errors they throw when the page renders: real MDX, through
 * MDX's own compiler, run with a string JSX runtime. And the problem the chapter page makes of such an
 * error (src/diagnostics/render-problems.ts).
 */
import { evaluate } from '@mdx-js/mdx';
import type { ExpressionStatement, Program } from 'estree';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkExpressionPlaces from '../../../src/markdown/expression-places/index.js';
import { renderProblemOf } from '../../../src/diagnostics/render-problems.js';
import { stringRuntime } from '../../support/mdx-string-runtime.js';

/** Compile `source` as the chapter `content/p/x.mdx` of a book at `/book`, with or without the plugin, and render it. */
async function render(source: string, props: Record<string, unknown> = {}, withPlugin = true): Promise<string> {
  const file = new VFile({ path: '/book/content/p/x.mdx', value: source });
  const { default: Content } = await evaluate(file, {
    ...stringRuntime,
    remarkPlugins: withPlugin ? [[remarkExpressionPlaces, { root: '/book' }]] : [],
  } as unknown as Parameters<typeof evaluate>[1]);
  return String((Content as (props: unknown) => unknown)(props));
}

async function thrown(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the render to throw');
}

describe('remarkExpressionPlaces', () => {
  it('should leave the values of working expressions as they were', async () => {
    const source = 'export const total = [1, 2, 3].reduce((sum, value) => sum + value, 0);\n\nTotal {total}, twice {total * 2}, prop {props.name}, {/* a comment */}end.\n';
    const expected = await render(source, { name: 'Ada' }, false);
    expect(await render(source, { name: 'Ada' })).toBe(expected);
    expect(expected).toContain('Total 6, twice 12, prop Ada, end.');
  });

  it('should leave literals as they are, so that a script or style element written with one stays its text', () => {
    const file = new VFile({ path: '/book/content/p/x.mdx', value: '' });
    const tree = unified().use(remarkParse).use(remarkMdx).parse('<script>{`document.title = "x";`}</script>\n\n{"a string"} and {`a ${1 + 1} template`}\n');
    const expressions = () => {
      const found: string[] = [];
      visit(tree, (node) => {
        if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') found.push((node.data as { estree: Program }).estree.body.map((statement) => (statement as ExpressionStatement).expression.type).join());
      });
      return found;
    };
    expect(expressions()).toEqual(['TemplateLiteral', 'Literal', 'TemplateLiteral']);
    remarkExpressionPlaces({ root: '/book' })(tree, file);
    // The template with an expression in it could throw: it alone is wrapped (a call of the guard).
    expect(expressions()).toEqual(['TemplateLiteral', 'Literal', 'CallExpression']);
  });

  it('should name the file, line and column of a text expression that throws, keeping its error as the cause', async () => {
    const source = 'First line.\n\nThe table has {[1, 2].at(7).toFixed(2)} rows.\n';
    const error = (await thrown(() => render(source))) as Error & { bookProblem?: string };
    expect(error.bookProblem).toBe('content/p/x.mdx:3:15');
    expect(error.cause).toBeInstanceOf(TypeError);
    // Without the plugin, the error says nothing of where it is.
    const bare = (await thrown(() => render(source, {}, false))) as Error & { bookProblem?: string };
    expect(bare).toBeInstanceOf(TypeError);
    expect(bare.bookProblem).toBeUndefined();
  });

  it('should name the place of a flow expression and of an attribute expression', async () => {
    const flow = (await thrown(() => render('Text.\n\n{missing.value}\n'))) as { bookProblem?: string };
    expect(flow.bookProblem).toBe('content/p/x.mdx:3:1');
    const Note = (props: { title: string }) => props.title;
    const attribute = (await thrown(() => render('Text.\n\n<Note title={data.columns.join(", ")} />\n', { components: { Note } }))) as { bookProblem?: string };
    // At the expression itself, inside the braces of the attribute.
    expect(attribute.bookProblem).toBe('content/p/x.mdx:3:14');
  });
});

describe('the list of expression errors', () => {
  it('should note every expression that throws on the list the page gives, each rendered as nothing, and render the rest', async () => {
    const errors: unknown[] = [];
    const html = await render('Before {[1].at(3).toFixed(1)} middle.\n\nAfter {missing.value} end.\n', { bookExpressionErrors: errors });
    expect(html).toContain('Before  middle.');
    expect(html).toContain('After  end.');
    expect(errors.map((error) => (error as { bookProblem?: string }).bookProblem)).toEqual(['content/p/x.mdx:1:8', 'content/p/x.mdx:3:7']);
    // Without the list, the first error ends the render, as before.
    expect(((await thrown(() => render('After {missing.value} end.\n'))) as { bookProblem?: string }).bookProblem).toBe('content/p/x.mdx:1:7');
  });
});

describe('renderProblemOf', () => {
  it('should make a positioned error of the chapter-renders rule from a labelled error, with the cause in the message', async () => {
    const error = await thrown(() => render('Text.\n\n{missing.value}\n'));
    const problem = renderProblemOf(error, 'content/p/x.mdx');
    expect(problem).toMatchObject({ file: 'content/p/x.mdx', line: 3, column: 1, severity: 'error', ruleId: 'chapter-renders', positioned: true });
    expect(problem.message).toMatch(/^This expression threw when the page was rendered: ReferenceError: missing is not defined\./);
  });

  it('should name only the chapter for an error from elsewhere (a component), as not positioned', () => {
    const problem = renderProblemOf(new RangeError('bad width'), 'content/p/x.mdx');
    expect(problem).toMatchObject({ file: 'content/p/x.mdx', positioned: false, ruleId: 'chapter-renders' });
    expect(problem.line).toBeUndefined();
    expect(problem.message).toContain('RangeError: bad width');
  });
});
