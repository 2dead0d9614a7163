/**
 * The book's KaTeX typesetting (src/markdown/typeset-math/): the same HTML as rehype-katex gives, each
 * distinct formula typeset once for the content check and the rendering, formulas independent of each
 * other, and a formula KaTeX cannot parse rendered as KaTeX's red error with a message.
 */
import katex from 'katex';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkMath } from '../../../src/markdown/math-check/index.js';
import rehypeTypesetMath from '../../../src/markdown/typeset-math/index.js';

const macros = { '\\R': '\\mathbb{R}' };

function render(source: string, rehypeMath: PluggableList): { html: string; file: VFile } {
  const file = new VFile(source);
  const html = String(unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeMath).use(rehypeStringify).processSync(file));
  return { html, file };
}

/** The tree of a chapter typeset as an MDX chapter (`chapter.mdx`), and its page as Astro writes it (a fragment's HTML as is). */
function renderMdx(source: string): { tree: Root; html: string; file: VFile } {
  const file = new VFile({ value: source, path: 'chapter.mdx' });
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeTypesetMath, { macros });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const page = structuredClone(tree);
  visit(page, (node, index, parent) => {
    if ((node.type as string) !== 'mdxJsxTextElement' && (node.type as string) !== 'mdxJsxFlowElement') return;
    const html = (node as unknown as MdxJsxTextElementHast).attributes.find((attribute) => 'name' in attribute && attribute.name === 'set:html')?.value;
    parent!.children.splice(index!, 1, { type: 'raw', value: String(html) });
  });
  return { tree, html: toHtml(page, { allowDangerousHtml: true }), file };
}

/** The names of the MDX nodes of a tree. */
function mdxNodes(tree: Root): string[] {
  const names: string[] = [];
  visit(tree, (node) => {
    if ((node.type as string).startsWith('mdxJsx')) names.push(`${node.type}:${(node as unknown as MdxJsxTextElementHast).name}`);
  });
  return names;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('rehypeTypesetMath', () => {
  it('should give the HTML rehype-katex gives, for inline, display and fenced math, with the book’s macros', () => {
    // A formula of its own per run of this test file: the cache is for the whole process.
    const source = 'Inline $x \\in \\R^{7}$ here.\n\n$$\n\\hat{y}_{7} = \\sigma(w^\\top x)\n$$\n\n```math\n\\sum_{i=1}^{7} i = 28\n```\n';
    const ours = render(source, [[rehypeTypesetMath, { macros }]]);
    const theirs = render(source, [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore', macros: { ...macros } }]]);
    expect(ours.html).toBe(theirs.html);
    expect(ours.html.match(/class="katex"/g)).toHaveLength(3);
    expect(ours.html.match(/class="katex-display"/g)).toHaveLength(2);
    expect(ours.file.messages).toEqual([]);
  });

  it('should typeset a formula once for the content check and every rendering after it', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    const source = 'Once: $\\frac{13}{17} + \\R$.\n';
    const file = new VFile(source);
    checkMath(unified().use(remarkParse).use(remarkMath).parse(file), file, macros);
    expect(spy).toHaveBeenCalledTimes(1);
    const first = render(source, [[rehypeTypesetMath, { macros }]]).html;
    const second = render(source, [[rehypeTypesetMath, { macros }]]).html;
    expect(spy).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(first).toContain('<mn>13</mn>');
  });

  it('should give each rendering its own nodes, so that a plugin after it cannot change another page’s formula', () => {
    const source = 'Own: $a_{19}$.\n';
    const mark = () => (tree: import('hast').Root) => {
      const walk = (node: import('hast').Nodes) => {
        if (node.type === 'element' && node.tagName === 'span' && Array.isArray(node.properties.className) && node.properties.className.includes('katex')) node.properties.dataMarked = 'yes';
        // Deep down too: a class list (an array) and a text.
        if (node.type === 'element' && Array.isArray(node.properties.className)) node.properties.className.push('marked-deep');
        if (node.type === 'text' && node.value === '19') node.value = 'changed';
        if ('children' in node) for (const child of node.children) walk(child);
      };
      walk(tree);
    };
    const marked = render(source, [[rehypeTypesetMath, {}], mark]).html;
    expect(marked).toContain('data-marked="yes"');
    expect(marked).toContain('marked-deep');
    expect(marked).toContain('changed');
    const next = render(source, [[rehypeTypesetMath, {}]]).html;
    expect(next).not.toContain('data-marked');
    expect(next).not.toContain('marked-deep');
    expect(next).not.toContain('changed');
  });

  it('should not let one formula’s \\gdef define a macro for the next', () => {
    const { html, file } = render('Define $\\gdef\\foo{23} \\foo$ then use $\\foo$.\n', [[rehypeTypesetMath, {}]]);
    expect(html.match(/<mn>23<\/mn>/g)).toHaveLength(1);
    // The second formula does not know \foo: KaTeX prints it in red.
    expect(html).toContain('<mstyle mathcolor="#cc0000"><mtext>\\foo</mtext></mstyle>');
    expect(file.messages).toHaveLength(1);
  });

  it('should render a formula KaTeX cannot parse in KaTeX’s red, as rehype-katex does, with a message on the file', () => {
    const { html, file } = render('Bad $\\nosuchcommand{29}$.\n', [[rehypeTypesetMath, {}]]);
    const theirs = render('Bad $\\nosuchcommand{29}$.\n', [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }]]);
    expect(html).toBe(theirs.html);
    expect(html).toContain('<mstyle mathcolor="#cc0000"><mtext>\\nosuchcommand</mtext></mstyle>');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ reason: 'Could not render math with KaTeX', source: 'typeset-math', line: 1 });
  });

  it('should put each formula of an MDX chapter into the tree as one fragment of KaTeX’s HTML, giving the same page', () => {
    const source = 'Inline $x \\in \\R^{31}$ and $y_{31}$ here.\n\n$$\n\\hat{y}_{31} = \\sigma(w^\\top x)\n$$\n\n```math\n\\sum_{i=1}^{31} i = 496\n```\n';
    const mdx = renderMdx(source);
    expect(mdxNodes(mdx.tree)).toEqual(['mdxJsxTextElement:Fragment', 'mdxJsxTextElement:Fragment', 'mdxJsxFlowElement:Fragment', 'mdxJsxFlowElement:Fragment']);
    // None of KaTeX's thousands of elements are left in the tree for the plugins after it to walk.
    let katexElements = 0;
    visit(mdx.tree, 'element', (element) => void (String(element.properties.className ?? '').includes('katex') && katexElements++));
    expect(katexElements).toBe(0);
    expect(mdx.html).toBe(render(source, [[rehypeTypesetMath, { macros }]]).html);
    expect(mdx.file.messages).toEqual([]);
  });

  it('should keep KaTeX’s elements for a formula in a heading or a callout title of an MDX chapter, whose text is read after it', () => {
    const heading = renderMdx('## The $k_{37}$ rule\n\nText $z_{37}$.\n');
    expect(mdxNodes(heading.tree)).toEqual(['mdxJsxTextElement:Fragment']);
    const h2 = heading.tree.children.find((node) => node.type === 'element' && node.tagName === 'h2');
    expect(toHtml(h2!)).toContain('<span class="katex">');
    const title = unified().use(rehypeTypesetMath).runSync(
      { type: 'root', children: [{ type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-inline'] }, children: [{ type: 'text', value: 'q_{37}' }] }] }] } as Root,
      new VFile({ path: 'chapter.mdx' }),
    ) as Root;
    expect(mdxNodes(title)).toEqual([]);
    expect(toHtml(title)).toContain('<span class="katex">');
  });

  it('should render a formula KaTeX cannot parse in an MDX chapter in KaTeX’s red, with a message on the file', () => {
    const { tree, html, file } = renderMdx('Bad $\\nosuchcommand{41}$.\n');
    expect(mdxNodes(tree)).toEqual([]);
    expect(html).toContain('<mstyle mathcolor="#cc0000"><mtext>\\nosuchcommand</mtext></mstyle>');
    expect(file.messages).toHaveLength(1);
  });
});
