/**
 * The `{interactive}` directive: real MDX in, through MDX's own compiler, a numbered `<figure>` around
 * the widget's component out (numbered with the chapter's image figures, labelled for cross-references);
 * and its positioned errors (rule `interactive-valid`): unknown widget, missing `:name:` or `:alt:`, unknown
 * or malformed options, a `.md` chapter.
 */
import { evaluate } from '@mdx-js/mdx';
import { stringRuntime } from '../../support/mdx-string-runtime.js';
import type { Code, Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { INTERACTIVE_WIDGETS } from '../../../src/interactive/widgets.js';
import remarkDirectivesCheck from '../../../src/markdown/directives-check/index.js';
import remarkFigures, { type Figure, transformFigures } from '../../../src/markdown/figures/index.js';
import { readDirective } from '../../../src/markdown/directives/parse-directive.js';
import { readInteractiveDirective } from '../../../src/markdown/interactive-figures/index.js';

const publicDir = '/nonexistent-public';

const SCORES = ':scores: 0.9 0.6 0.4 0.1';
/** The registry's widgets as the message lists them (other chapters add theirs). */
const knownWidgets = Object.keys(INTERACTIVE_WIDGETS).map((name) => `\`${name}\``).join(', ');
const OUTCOMES = ':outcomes: 1 0 1 0';

/** A chapter's MDX with one interactive figure whose body lines are `body`. */
function chapter(body: string, argument = 'threshold-explorer'): string {
  return `Some text.\n\n\`\`\`{interactive} ${argument}\n${body}\n\`\`\`\n`;
}

const complete = chapter(`:name: fig-explorer\n:alt: A slider and a table.\n${SCORES}\n${OUTCOMES}\n:threshold: 0.6\nMove *the* threshold $t$.`);

type Props = Record<string, unknown> & { children?: unknown };

/** Compile and run MDX with the figures plugin, rendering widget components as `<widget …>` stubs. */
async function renderMdx(source: string, chapterNumber = '2.1'): Promise<string> {
  const file = new VFile({ path: '/book/content/part/chapter.mdx', value: source });
  file.data.bookChapter = { id: 'chapter', number: chapterNumber };
  const { default: Content } = await evaluate(file, {
    ...stringRuntime,
    remarkPlugins: [remarkMath, [remarkFigures, { publicDir }]],
  } as unknown as Parameters<typeof evaluate>[1]);
  const ThresholdExplorer = (props: Props) => ({ toString: () => `<widget ${JSON.stringify(props)}>` });
  return String((Content as (props: unknown) => unknown)({ components: { ThresholdExplorer } }));
}

/** Parse MDX, run the figures transform alone, return the tree and the messages. */
function transform(source: string, path = 'chapter.mdx'): { tree: Root; file: VFile } {
  const file = new VFile({ path, value: source });
  file.data.bookChapter = { id: 'chapter', number: '2.1' };
  const tree = unified().use(remarkParse).use(remarkMdx).parse(file);
  transformFigures(tree, file, { publicDir });
  return { tree, file };
}

const summary = (file: VFile) => file.messages.map((message) => ({ line: message.line, column: message.column, ruleId: message.ruleId, fatal: message.fatal, reason: message.reason }));

describe('readInteractiveDirective', () => {
  it('should split the widget and the options, with the file line of each', () => {
    const code: Code = {
      type: 'code',
      lang: '{interactive}',
      meta: ' threshold-explorer ',
      value: ':name: fig-a\n:alt: Alt.\n:scores: 0.9 0.1\n\nThe caption,\non two lines.',
      position: { start: { line: 10, column: 1 }, end: { line: 17, column: 4 } },
    };
    expect(readInteractiveDirective(readDirective(code)!)).toEqual({
      widget: 'threshold-explorer',
      name: 'fig-a',
      alt: 'Alt.',
      options: { scores: '0.9 0.1' },
      optionLines: { name: 11, alt: 12, scores: 13 },
    });
  });
});

describe('the {interactive} directive', () => {
  it('should render, through MDX, a numbered figure around the widget’s component with the directive’s options as props', async () => {
    expect(await renderMdx(complete)).toBe(
      '<p>Some text.</p>\n' +
        '<figure id="fig-explorer" class="figure figure-interactive">' +
        '<widget {"alt":"A slider and a table.","scores":"0.9 0.6 0.4 0.1","outcomes":"1 0 1 0","threshold":"0.6"}>' +
        // The caption is Markdown like any figure's: emphasis, and math for the later plugins (KaTeX in the book).
        '<figcaption data-preview-content=""><span class="figure-number">Figure 2.1.1</span> Move <em>the</em> threshold <code class="language-math math-inline">t</code>.</figcaption>' +
        '</figure>',
    );
  });

  it('should number interactive and image figures in one sequence, and record the label for cross-references', () => {
    const source = '```{figure} /figures/missing.svg\n:name: fig-image\n:alt: An image.\nFirst.\n```\n\n' + complete;
    const { tree } = transform(source);
    const figures = tree.children.filter((node): node is Figure => node.type === 'figure');
    expect(figures.map((node) => node.data)).toEqual([
      expect.objectContaining({ hName: 'figure', figure: { id: 'fig-image', number: '2.1.1' } }),
      expect.objectContaining({ hName: 'figure', figure: { id: 'fig-explorer', number: '2.1.2' } }),
    ]);
    expect(figures[1]?.children[0]).toMatchObject({
      type: 'mdxJsxFlowElement',
      name: 'ThresholdExplorer',
      position: { start: { line: 9, column: 1 } },
    });
  });

  it('should leave `{interactive}` to the figures plugin, and suggest it for a misspelt directive', () => {
    const file = new VFile({ path: 'chapter.mdx', value: `${complete}\n\`\`\`{interactiv} threshold-explorer\n\`\`\`\n` });
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFigures, { publicDir }).use(remarkDirectivesCheck);
    processor.runSync(processor.parse(file), file);
    expect(summary(file)).toEqual([
      expect.objectContaining({ line: 12, column: 1, ruleId: 'directive-known', reason: expect.stringContaining('Unknown directive `{interactiv}` (did you mean `{interactive}`?)') }),
    ]);
  });
});

describe('the {interactive} directive’s errors', () => {
  it('should report an unknown widget at the directive, suggest the nearest, and show a placeholder instead', () => {
    const { tree, file } = transform(chapter(`:name: fig-x\n:alt: Alt.\n${SCORES}\n${OUTCOMES}\nCaption.`, 'threshold-explorr'));
    expect(summary(file)).toEqual([
      {
        line: 3,
        column: 1,
        ruleId: 'interactive-valid',
        fatal: true,
        // Every registered widget is listed, whichever chapters add them.
        reason: `Interactive figure names the widget \`threshold-explorr\`, which does not exist (did you mean \`threshold-explorer\`?); known widgets: ${knownWidgets}`,
      },
    ]);
    const figure = tree.children[1] as Figure;
    expect(figure.children[0]).toMatchObject({ type: 'paragraph', data: { hProperties: { className: ['role-placeholder'] } } });
    // The figure keeps its number and label, so references to it still resolve while the author fixes it.
    expect(figure.data).toMatchObject({ figure: { id: 'fig-x', number: '2.1.1' } });
  });

  it('should report a directive without a widget name', () => {
    const { file } = transform(chapter(`:name: fig-x\n:alt: Alt.\nCaption.`, ''));
    expect(summary(file)).toEqual([expect.objectContaining({ line: 3, reason: expect.stringContaining('names no widget: write one after `{interactive}`, e.g. `{interactive} threshold-explorer`') })]);
  });

  it('should require `:name:` and `:alt:`', () => {
    const { tree, file } = transform(chapter(`${SCORES}\n${OUTCOMES}\nCaption.`));
    expect(summary(file)).toEqual([
      expect.objectContaining({ line: 3, column: 1, ruleId: 'interactive-valid', fatal: true, reason: expect.stringContaining('has no `:name:` (give it a label such as `:name: fig-<chapter>-<what>`') }),
      expect.objectContaining({ line: 3, column: 1, ruleId: 'interactive-valid', fatal: true, reason: expect.stringContaining('has no `:alt:` text') }),
    ]);
    expect((tree.children[1] as Figure).data).not.toHaveProperty('figure');
  });

  it('should report an empty `:alt:` at its line', () => {
    const { file } = transform(chapter(`:name: fig-x\n:alt:\n${SCORES}\n${OUTCOMES}\nCaption.`));
    expect(summary(file)).toEqual([expect.objectContaining({ line: 5, column: 1, reason: expect.stringContaining('has no `:alt:` text') })]);
  });

  it('should report an unknown option at its line, with the nearest known one', () => {
    const { file } = transform(chapter(`:name: fig-x\n:alt: Alt.\n${SCORES}\n${OUTCOMES}\n:treshold: 0.5\nCaption.`));
    expect(summary(file)).toEqual([
      expect.objectContaining({
        line: 8,
        column: 1,
        reason: 'Interactive figure `threshold-explorer` has no option `:treshold:` (did you mean `:threshold:`?); its options: `:name:`, `:alt:`, `:scores:`, `:outcomes:`, `:threshold:`',
      }),
    ]);
  });

  it('should report malformed data at the option’s line, and missing data at the directive', () => {
    const { file } = transform(chapter(`:name: fig-x\n:alt: Alt.\n:scores: 0.9 0.6 1.4\n:outcomes: 1 0\nCaption.`));
    expect(summary(file)).toEqual([
      expect.objectContaining({ line: 6, column: 1, reason: 'Interactive figure `threshold-explorer`: `:scores:` has scores that are not numbers from 0 to 1: `1.4`' }),
      expect.objectContaining({ line: 7, column: 1, reason: 'Interactive figure `threshold-explorer`: `:outcomes:` has 2 outcomes for 3 scores; give one outcome per score' }),
    ]);
    const missing = transform(chapter(`:name: fig-x\n:alt: Alt.\nCaption.`)).file;
    expect(summary(missing).map((message) => [message.line, message.reason])).toEqual([
      [3, 'Interactive figure `threshold-explorer`: `:scores:` is missing: give the scores, numbers from 0 to 1 separated by spaces'],
      [3, 'Interactive figure `threshold-explorer`: `:outcomes:` is missing: give the true outcomes, 1 or 0 for each score, separated by spaces'],
    ]);
  });

  it('should refuse a `.md` chapter, where no component can render', () => {
    const file = new VFile({ path: 'chapter.md', value: complete });
    const tree = unified().use(remarkParse).parse(file);
    transformFigures(tree, file, { publicDir });
    expect(summary(file)).toEqual([expect.objectContaining({ line: 3, column: 1, reason: expect.stringContaining('works in `.mdx` chapters only') })]);
  });
});
