/**
 * The MyST figure directive (read by the shared parser, tested in directives.test.ts): the figure it renders (SVG inlined from `public/`),
 * and the positioned errors (rule `figure-valid`) for a missing alt text or source.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Paragraph, Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { type Figure, type FigureOptions, transformFigures } from '../../../src/markdown/figures/index.js';
import { checkMath } from '../../../src/markdown/math-check/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

const publicDir = makeTempDir('figures-public-');
mkdirSync(path.join(publicDir, 'figures', '1-1-intro'), { recursive: true });
writeFileSync(
  path.join(publicDir, 'figures', '1-1-intro', 'loop.svg'),
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="currentColor"/></svg>\n',
);
writeFileSync(path.join(publicDir, 'figures', '1-1-intro', 'photo.png'), 'not really a png');

const options: FigureOptions = { publicDir, base: '/book/' };

/** Parse, run the figure transform alone, and render to HTML. */
function render(source: string, chapterNumber?: string): { tree: Root; html: string; file: VFile } {
  const file = new VFile(source);
  if (chapterNumber) file.data.bookChapter = { id: '1-1-intro', number: chapterNumber };
  const tree = unified().use(remarkParse).parse(file);
  transformFigures(tree, file, options);
  const html = unified().use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file));
  return { tree, html, file };
}

describe('transformFigures', () => {
  it('should render a figure with its id, the inlined SVG as an image with the alt text, and the caption', () => {
    const { html, file } = render('```{figure} /figures/1-1-intro/loop.svg\n:name: fig-loop\n:alt: A loop of arrows.\nThe *feedback* loop.\n```\n', '1.1');
    expect(html).toBe(
      '<figure id="fig-loop" class="figure">' +
        '<div class="figure-media" role="img" aria-label="A loop of arrows.">' +
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><circle cx="5" cy="5" r="4" fill="currentColor"></circle></svg>' +
        '</div>' +
        '<figcaption><span class="figure-number">Figure 1.1.1</span> The <em>feedback</em> loop.</figcaption>' +
        '</figure>',
    );
    expect(html).not.toContain('<?xml');
    expect(file.messages).toHaveLength(0);
  });

  it('should number figures in order within the chapter and record the label', () => {
    const source = '```{figure} /figures/1-1-intro/loop.svg\n:name: fig-a\n:alt: A.\nOne.\n```\n\n```{figure} /figures/1-1-intro/loop.svg\n:name: fig-b\n:alt: B.\nTwo.\n```\n';
    const { tree, html } = render(source, '4.1');
    expect(html).toContain('<span class="figure-number">Figure 4.1.1</span> One.');
    expect(html).toContain('<span class="figure-number">Figure 4.1.2</span> Two.');
    expect(tree.children.map((node) => node.data)).toEqual([
      expect.objectContaining({ figure: { id: 'fig-a', number: '4.1.1' } }),
      expect.objectContaining({ figure: { id: 'fig-b', number: '4.1.2' } }),
    ]);
  });

  it('should number figures from 1 without a chapter, and keep the code block’s position', () => {
    const { tree } = render('Intro.\n\n```{figure} /figures/1-1-intro/loop.svg\n:name: fig-a\n:alt: A.\nOne.\n```\n');
    const figure = tree.children[1];
    expect(figure?.data).toMatchObject({ hName: 'figure', figure: { id: 'fig-a', number: '1' } });
    expect(figure?.position?.start).toMatchObject({ line: 3, column: 1 });
    expect(figure?.position?.end).toMatchObject({ line: 7, column: 4 });
  });

  it('should render a non-SVG source as an image under the base path', () => {
    const { html, file } = render('```{figure} /figures/1-1-intro/photo.png\n:alt: A photo.\nA photo.\n```\n');
    expect(html).toContain('<div class="figure-media" role="img" aria-label="A photo."><img src="/book/figures/1-1-intro/photo.png" alt=""></div>');
    expect(html).toMatch(/^<figure class="figure">/);
    expect(file.messages).toHaveLength(0);
  });

  it('should report a missing `:alt:` once, as fatal, at the code block', () => {
    const { html, file } = render('Intro.\n\n```{figure} /figures/1-1-intro/loop.svg\n:name: fig-loop\nNo alt.\n```\n');
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message).toMatchObject({ ruleId: 'figure-valid', fatal: true, source: 'figures', line: 3, column: 1 });
    expect(message?.place).toMatchObject({ start: { line: 3, column: 1 }, end: { line: 6, column: 4 } });
    expect(message?.reason).toContain('no `:alt:` text');
    // The figure is still rendered, so the page shows where it is.
    expect(html).toContain('<div class="figure-media" role="img" aria-label="">');
  });

  it('should report a missing file, naming its path', () => {
    const { html, file } = render('```{figure} /figures/1-1-intro/missing.svg\n:alt: A.\nC.\n```\n');
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message).toMatchObject({ ruleId: 'figure-valid', fatal: true, line: 1, column: 1 });
    expect(message?.reason).toContain('`/figures/1-1-intro/missing.svg`, which does not exist under public/');
    expect(html).toContain('<img src="/book/figures/1-1-intro/missing.svg" alt="">');
  });

  it('should report a figure without a path and without alt text with one message for each', () => {
    const { file } = render('```{figure}\nCaption.\n```\n');
    expect(file.messages.map((message) => [message.ruleId, message.fatal, message.line, message.column])).toEqual([
      ['figure-valid', true, 1, 1],
      ['figure-valid', true, 1, 1],
    ]);
    expect(file.messages[0]?.reason).toContain('has no image path after `{figure}`');
    expect(file.messages[1]?.reason).toContain('has no `:alt:` text');
  });

  it('should apply `:width:`, `:align:` and `:class:`, a bare number as pixels', () => {
    const { html, file } = render('```{figure} /figures/1-1-intro/loop.svg\n:alt: A.\n:width: 60%\n:align: left\n:class: wide  framed\nC.\n```\n\n```{figure} /figures/1-1-intro/photo.png\n:alt: B.\n:width: 300\nD.\n```\n');
    expect(file.messages).toHaveLength(0);
    expect(html).toContain('<figure class="figure figure-align-left wide framed"><div class="figure-media figure-media-sized" role="img" aria-label="A." style="--figure-width: 60%"><svg');
    expect(html).toContain('<div class="figure-media figure-media-sized" role="img" aria-label="B." style="--figure-width: 300px"><img');
  });

  it('should report a wrong width or alignment, and an unknown option with the nearest, at the option’s line', () => {
    const { file } = render('Intro.\n\n```{figure} /figures/1-1-intro/loop.svg\n:alt: A.\n:width: wide\n:align: middle\n:atl: B.\nC.\n```\n');
    expect(file.messages.map((message) => [message.ruleId, message.fatal, message.line, message.column])).toEqual([
      ['figure-valid', true, 5, 1],
      ['figure-valid', true, 6, 1],
      ['figure-valid', true, 7, 1],
    ]);
    expect(file.messages[0]?.reason).toBe('Figure `:width: wide` is not a width: give a length such as `80%`, `400px` or `30em`');
    expect(file.messages[1]?.reason).toBe('Figure `:align: middle` is not an alignment: give `left`, `center` or `right`');
    expect(file.messages[2]?.reason).toBe('Figure has no option `:atl:` (did you mean `:alt:`?); its options: `:name:`, `:alt:`, `:width:`, `:align:`, `:class:`');
  });

  it('should warn, without failing, of a MyST figure option this site does not apply, saying what to write', () => {
    const { html, file } = render('```{figure} /figures/1-1-intro/loop.svg\n:alt: A.\n:height: 200px\nC.\n```\n');
    expect(file.messages.map((message) => [message.ruleId, message.fatal, message.line])).toEqual([['figure-valid', false, 3]]);
    expect(file.messages[0]?.reason).toBe("Figure option `:height:` is not applied on this site: give `:width:` alone; the height follows the image's proportions");
    expect(html).toContain('<div class="figure-media" role="img" aria-label="A.">');
  });

  it('should leave other code blocks alone', () => {
    const { tree, file } = render('```js\nconst figure = 1;\n```\n');
    expect(tree.children[0]).toMatchObject({ type: 'code', lang: 'js', value: 'const figure = 1;' });
    expect(file.messages).toHaveLength(0);
  });

  it('should place roles and math of the caption at their line in the file', () => {
    // Line 8 is the caption: after the fence (5) and two options (6, 7).
    const source = 'One.\n\nTwo.\n\n```{figure} /figures/1-1-intro/loop.svg\n:name: fig-a\n:alt: A.\nSee $\\badcommand$ and {cite:p}`k`.\n```\n';
    const file = new VFile(source);
    const processor = unified().use(remarkParse).use(remarkMath).use(remarkMystRoles);
    const tree = processor.runSync(processor.parse(file), file) as Root;
    transformFigures(tree, file, options);
    checkMath(tree, file);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'math-parses', line: 8, column: 5 });
    const caption = (tree.children[2] as Figure).children[1] as Paragraph;
    const role = caption.children.find((node) => node.type === 'mystRole');
    expect(role?.position?.start).toMatchObject({ line: 8, column: 23 });
  });
});
