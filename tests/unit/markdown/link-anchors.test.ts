/**
 * Copy-link anchors on labelled figures, equations and callouts (src/markdown/link-anchors), rendered
 * through the book's own plugins: only elements with an author's label get one, never an unlabelled
 * (positional) element.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkCallouts from '../../../src/markdown/callouts/index.js';
import remarkEquations from '../../../src/markdown/equations/index.js';
import remarkFigures from '../../../src/markdown/figures/index.js';
import rehypeLinkAnchors from '../../../src/markdown/link-anchors/index.js';
import rehypeTypesetMath from '../../../src/markdown/typeset-math/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

const publicDir = makeTempDir('link-anchors-public-');
mkdirSync(path.join(publicDir, 'figures'), { recursive: true });
writeFileSync(path.join(publicDir, 'figures', 'loop.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>');

function render(source: string): string {
  const file = new VFile(source);
  file.data.bookChapter = { id: '1-2-measure', number: '1.2' };
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkCallouts)
    .use(remarkFigures, { publicDir })
    .use(remarkEquations)
    .use(remarkRehype)
    .use(rehypeKatex, { output: 'htmlAndMathml' })
    .use(rehypeLinkAnchors)
    .use(rehypeStringify);
  return String(processor.processSync(file));
}

/** The copy-link anchors of some HTML: `href` and label, in order. */
function anchors(html: string): string[][] {
  return [...html.matchAll(/<a class="copy-link" href="([^"]*)" aria-label="([^"]*)" data-copy-link><\/a>/g)].map((match) => [match[1] as string, match[2] as string]);
}

describe('rehypeLinkAnchors', () => {
  it('should end a named figure’s caption with a labelled link to the figure', () => {
    const html = render('```{figure} /figures/loop.svg\n:name: fig-loop\n:alt: A loop.\nThe feedback loop.\n```\n');
    expect(anchors(html)).toEqual([['#fig-loop', 'Link to Figure 1.2.1']]);
    expect(html).toMatch(/<figcaption>.*The feedback loop\.<a class="copy-link" href="#fig-loop"[^>]*><\/a><\/figcaption>/s);
  });

  it('should give a labelled equation a link named with its number, before the formula', () => {
    const html = render('$$\nE = mc^2 \\label{eq-energy}\n$$\n\n$$\nx = 1\n$$\n');
    expect(anchors(html)).toEqual([['#eq-energy', 'Link to equation (1.2.1)']]);
    expect(html).toMatch(/<div id="eq-energy" class="equation"><a class="copy-link"/);
  });

  it('should number an equation’s link from its TeX in an MDX chapter too, where the formula is one fragment of HTML', () => {
    const file = new VFile({ value: '$$\nE = mc^2 \\label{eq-energy}\n$$\n', path: 'chapter.mdx' });
    file.data.bookChapter = { id: '1-2-measure', number: '1.2' };
    const processor = unified().use(remarkParse).use(remarkMath).use(remarkEquations).use(remarkRehype).use(rehypeTypesetMath).use(rehypeLinkAnchors);
    const tree = processor.runSync(processor.parse(file), file) as Root;
    const equation = tree.children.find((node): node is Element => node.type === 'element' && node.properties.id === 'eq-energy');
    expect(equation?.children.map((child) => (child.type === 'element' ? child.properties.ariaLabel : child.type))).toEqual(['Link to equation (1.2.1)', 'mdxJsxFlowElement']);
  });

  it('should put a named callout’s link in its title, and a named dropdown’s after its summary', () => {
    const html = render('```{tip} A checklist\n:name: tip-checklist\nCheck.\n```\n\n```{dropdown} More\n:name: more-detail\nHidden.\n```\n');
    expect(anchors(html)).toEqual([
      ['#tip-checklist', 'Link to tip “A checklist”'],
      ['#more-detail', 'Link to note “More”'],
    ]);
    expect(html).toContain('<p class="callout-title">A checklist<a class="copy-link" href="#tip-checklist"');
    expect(html).toMatch(/<summary class="callout-title">More<\/summary><a class="copy-link" href="#more-detail"/);
  });

  it('should give no link to a figure, equation or callout without a label', () => {
    const html = render('```{figure} /figures/loop.svg\n:alt: A loop.\nUnnamed.\n```\n\n$$\nx = 1\n$$\n\n```{note}\nPlain.\n```\n');
    expect(html).toContain('Unnamed.');
    expect(html).toContain('Plain.');
    expect(anchors(html)).toEqual([]);
  });
});
