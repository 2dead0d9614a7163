/**
 * Attributed block quotes (the manuscript's epigraphs) become `figure.epigraph` with the quote and a
 * `figcaption` that marks the work's title as `<cite>`; other block quotes are left alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Blockquote, Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkCallouts from '../../../src/markdown/callouts/index.js';
import remarkEpigraphs, { transformEpigraphs } from '../../../src/markdown/epigraphs/index.js';
import remarkFigures from '../../../src/markdown/figures/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

function render(source: string): { html: string; file: VFile } {
  const file = new VFile(source);
  const html = String(unified().use(remarkParse).use(remarkEpigraphs).use(remarkRehype).use(rehypeStringify).processSync(file));
  return { html, file };
}

function parse(source: string): Root {
  return unified().use(remarkParse).parse(source);
}

describe('remarkEpigraphs on the manuscript’s quote forms', () => {
  it('should turn `> text  -- Name, [Title](url)` into a figure with a cited, linked title', () => {
    const { html, file } = render(
      '> People outside the field are often surprised.  -- Dario Amodei, [The Urgency of Interpretability](https://example.org/urgency)\n',
    );
    expect(html).toBe(
      '<figure class="epigraph">\n<blockquote>\n<p>People outside the field are often surprised.</p>\n</blockquote>\n' +
        '<figcaption>— Dario Amodei, <cite><a href="https://example.org/urgency">The Urgency of Interpretability</a></cite></figcaption>\n</figure>',
    );
    expect(file.messages).toHaveLength(0);
  });

  it('should cite an emphasised title and keep the text after it, without splitting at single hyphens', () => {
    const { html } = render(
      '> Learning what to do - how to map situations to actions - so as to maximize a reward.  -- Sutton and Barto, *Reinforcement Learning* (Chapter 1.1)\n',
    );
    expect(html).toBe(
      '<figure class="epigraph">\n<blockquote>\n<p>Learning what to do - how to map situations to actions - so as to maximize a reward.</p>\n</blockquote>\n' +
        '<figcaption>— Sutton and Barto, <cite>Reinforcement Learning</cite> (Chapter 1.1)</figcaption>\n</figure>',
    );
  });

  it('should take an attribution on its own paragraph at the end of the quote', () => {
    const { html } = render('> A quote.\n>\n> -- Sutton and Barto, *Reinforcement Learning* (Chapter 1.1)\n');
    expect(html).toBe(
      '<figure class="epigraph">\n<blockquote>\n<p>A quote.</p>\n</blockquote>\n' +
        '<figcaption>— Sutton and Barto, <cite>Reinforcement Learning</cite> (Chapter 1.1)</figcaption>\n</figure>',
    );
  });

  it('should take an attribution on the quote’s last line', () => {
    const { html } = render('> A quote\n> -- Name\n');
    expect(html).toBe('<figure class="epigraph">\n<blockquote>\n<p>A quote</p>\n</blockquote>\n<figcaption>— Name</figcaption>\n</figure>');
  });

  it('should keep the earlier paragraphs and the inline markup of a longer quote', () => {
    const { html } = render('> One.\n>\n> Two **bold** words -- Name, [T](https://example.org/t)\n');
    expect(html).toBe(
      '<figure class="epigraph">\n<blockquote>\n<p>One.</p>\n<p>Two <strong>bold</strong> words</p>\n</blockquote>\n' +
        '<figcaption>— Name, <cite><a href="https://example.org/t">T</a></cite></figcaption>\n</figure>',
    );
  });

  it.each([
    ['an en dash', '> A quote – Name\n'],
    ['an em dash', '> A quote — Name\n'],
  ])('should accept %s as the attribution mark', (_name, source) => {
    const { html } = render(source);
    expect(html).toBe('<figure class="epigraph">\n<blockquote>\n<p>A quote</p>\n</blockquote>\n<figcaption>— Name</figcaption>\n</figure>');
  });
});

describe('remarkEpigraphs on other block quotes', () => {
  it('should leave a block quote without attribution unchanged', () => {
    const { html, file } = render('> Just a quote.\n');
    expect(html).toBe('<blockquote>\n<p>Just a quote.</p>\n</blockquote>');
    expect(file.messages).toHaveLength(0);
  });

  it.each([
    ['a mark with nothing after it', '> A quote --\n'],
    ['`--` inside a word', '> well--known a-- b\n'],
    ['a dash inside the quote’s sentence', '> The model — which nobody audited — failed in deployment.\n'],
    ['a spaced double hyphen inside a sentence', '> Data -- like people -- carry history\n'],
  ])('should leave %s unchanged', (_name, source) => {
    const tree = parse(source);
    const before = structuredClone(tree);
    transformEpigraphs(tree);
    expect(tree).toEqual(before);
  });

  it('should not look for an attribution inside links or emphasis', () => {
    const tree = parse('> A quote *ending -- in emphasis*\n');
    const before = structuredClone(tree);
    transformEpigraphs(tree);
    expect(tree).toEqual(before);
  });
});

describe('remarkEpigraphs after the directives (as in the book’s pipeline)', () => {
  const publicDir = makeTempDir('epigraphs-public-');
  mkdirSync(path.join(publicDir, 'figures'));
  writeFileSync(path.join(publicDir, 'figures', 'loop.svg'), '<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>');

  function renderBook(source: string): string {
    const processor = unified()
      .use(remarkParse)
      .use(remarkCallouts)
      .use(remarkFigures, { publicDir })
      .use(remarkEpigraphs)
      .use(remarkRehype)
      .use(rehypeStringify);
    return String(processor.processSync(new VFile(source)));
  }

  it('should leave a callout whose text has spaced dashes a callout', () => {
    const html = renderBook('```{note}\nBias – like variance – is measurable.\n```\n');
    expect(html).toBe('<div class="callout callout-note" role="note"><p class="callout-title">Note</p><p>Bias – like variance – is measurable.</p></div>');
  });

  it('should leave a figure whose caption has a spaced dash a figure, with its id', () => {
    const html = renderBook('```{figure} /figures/loop.svg\n:name: fig-loop\n:alt: A loop.\nThe agent -- environment loop.\n```\n');
    expect(html).toMatch(/^<figure id="fig-loop" class="figure">/);
    // The caption's dash is punctuated like the chapter's text (an em dash).
    expect(html).toContain('<figcaption><span class="figure-number">Figure 1</span> The agent — environment loop.</figcaption>');
    expect(html).not.toContain('epigraph');
  });

  it('should still make an epigraph of a quote inside a callout', () => {
    const html = renderBook('```{note}\n> A quote -- Name\n```\n');
    expect(html).toContain('<div class="callout callout-note" role="note">');
    expect(html).toContain('<figure class="epigraph">\n<blockquote>\n<p>A quote</p>\n</blockquote>\n<figcaption>— Name</figcaption>\n</figure>');
  });
});

describe('transformEpigraphs', () => {
  it('should keep the quote’s position on the figure and mark it up through data only', () => {
    const tree = parse('Intro.\n\n> A quote -- Name, *Work*\n');
    transformEpigraphs(tree);
    const figure = tree.children[1] as Blockquote;
    expect(figure.type).toBe('blockquote');
    expect(figure.data).toEqual({ hName: 'figure', hProperties: { className: ['epigraph'] } });
    expect(figure.position?.start).toMatchObject({ line: 3, column: 1 });
    expect(figure.children[0]).toMatchObject({ type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'A quote' }] }] });
    expect(figure.children[1]).toMatchObject({
      type: 'paragraph',
      data: { hName: 'figcaption' },
      children: [
        { type: 'text', value: '— ' },
        { type: 'text', value: 'Name, ' },
        { type: 'emphasis', data: { hName: 'cite' }, children: [{ type: 'text', value: 'Work' }] },
      ],
    });
  });

  it('should not wrap a figure again when it runs twice', () => {
    const tree = parse('> A quote -- Name\n');
    transformEpigraphs(tree);
    const once = structuredClone(tree);
    transformEpigraphs(tree);
    expect(tree).toEqual(once);
  });
});
