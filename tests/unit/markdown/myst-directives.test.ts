/**
 * The MyST that Jupyter Book authors write: the one directive parser (both fences, options with their
 * lines, nesting), admonitions and dropdowns, the `{bibliography}` place, footnotes inside directives,
 * and unknown directives — each through the book's own plugins, in .md and .mdx.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Code, Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseBibliography } from '../../../src/bibliography/load-bibliography.js';
import remarkAmsmath from '../../../src/markdown/amsmath/index.js';
import remarkBibliographyDirective from '../../../src/markdown/bibliography-directive/index.js';
import remarkCallouts from '../../../src/markdown/callouts/index.js';
import { checkCitationKeys } from '../../../src/markdown/citation-keys/index.js';
import { resolveCitations } from '../../../src/markdown/citations/index.js';
import remarkDirectives from '../../../src/markdown/directives/index.js';
import { readDirective } from '../../../src/markdown/directives/parse-directive.js';
import remarkDirectivesCheck from '../../../src/markdown/directives-check/index.js';
import remarkFigures from '../../../src/markdown/figures/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

const publicDir = makeTempDir('myst-directives-public-');
mkdirSync(path.join(publicDir, 'figures'), { recursive: true });
writeFileSync(path.join(publicDir, 'figures', 'loop.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle cx="2" cy="2" r="1"/></svg>');

/** Parse with the chapter parser's syntax (GFM, math, MDX for .mdx) and the directive plugins. */
function transform(source: string, extension: '.md' | '.mdx' = '.md'): { tree: Root; file: VFile } {
  const file = new VFile({ path: `/book/content/p/chapter${extension}`, value: source });
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (extension === '.mdx') processor.use(remarkMdx);
  processor
    .use(remarkMath)
    .use(remarkAmsmath)
    .use(remarkDirectives)
    .use(remarkCallouts)
    .use(remarkFigures, { publicDir })
    .use(remarkBibliographyDirective, { base: '/b/' })
    .use(remarkDirectivesCheck)
    .use(remarkMystRoles);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { tree, file };
}

function html(tree: Root, file: VFile): string {
  return unified().use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file));
}

function render(source: string, extension: '.md' | '.mdx' = '.md'): { html: string; file: VFile; tree: Root } {
  const { tree, file } = transform(source, extension);
  return { html: html(tree, file), file, tree };
}

const messages = (file: VFile) => file.messages.map((message) => ({ line: message.line, ruleId: message.ruleId, fatal: message.fatal, reason: message.reason }));

describe('readDirective', () => {
  const code = (lang: string, meta: string | null, value: string): Code => ({
    type: 'code',
    lang,
    meta,
    value,
    position: { start: { line: 5, column: 1, offset: 0 }, end: { line: 12, column: 4, offset: 0 } },
  });

  it('should read the name, argument, `:key: value` options with their lines, flags, and the body with its line', () => {
    const directive = readDirective(code('{figure}', ' ../images/x.png ', ':name: fig-x\n:alt: What it shows.\n:open:\n\nThe caption,\non two lines.'));
    expect(directive).toMatchObject({ name: 'figure', argument: '../images/x.png', body: 'The caption,\non two lines.', bodyLine: 10, problems: [] });
    expect(Object.fromEntries(directive!.options)).toEqual({
      name: { value: 'fig-x', line: 6 },
      alt: { value: 'What it shows.', line: 7 },
      open: { value: '', line: 8 },
    });
  });

  it('should read options from a YAML block between `---` lines', () => {
    const directive = readDirective(code('{admonition}', 'A title', '---\nclass: tip\nname: adm-a\n---\nBody.'));
    expect(Object.fromEntries(directive!.options)).toEqual({ class: { value: 'tip', line: 7 }, name: { value: 'adm-a', line: 8 } });
    expect(directive).toMatchObject({ body: 'Body.', bodyLine: 10 });
  });

  it('should report a YAML block that does not parse, and leave ordinary code alone', () => {
    expect(readDirective(code('{note}', null, '---\nclass: [tip\n---\nBody.'))?.problems[0]?.reason).toContain('not valid YAML');
    expect(readDirective(code('python', null, 'print(1)'))).toBeUndefined();
  });
});

describe('colon fences', () => {
  it('should read `:::{name}` as the same directive as a backtick fence, in .md and .mdx', () => {
    for (const extension of ['.md', '.mdx'] as const) {
      const { html: out, file } = render(':::{warning} Mind the base rates\nUse **both** rates.\n:::\n\nAfter.\n', extension);
      expect(out).toContain('<div class="callout callout-warning" role="note"><p class="callout-title">Mind the base rates</p><p>Use <strong>both</strong> rates.</p></div>');
      expect(out).toContain('<p>After.</p>');
      expect(file.messages).toEqual([]);
    }
  });

  it('should nest: a figure in a dropdown, a `:::` fence in a `::::` one, a 3-backtick fence in a 4-backtick one', () => {
    const source = [
      '::::{dropdown} Show the loop',
      ':::{note}',
      'Inner note.',
      ':::',
      '',
      '````{tip}',
      '```{figure} /figures/loop.svg',
      ':alt: A loop.',
      'The loop.',
      '```',
      '````',
      '::::',
      '',
    ].join('\n');
    const { html: out, file } = render(source);
    expect(file.messages).toEqual([]);
    expect(out).toMatch(/^<details class="callout callout-note callout-dropdown"><summary class="callout-title">Show the loop<\/summary>/);
    expect(out).toContain('<div class="callout callout-note" role="note"><p class="callout-title">Note</p><p>Inner note.</p></div>');
    expect(out).toMatch(/<div class="callout callout-tip" role="note"><p class="callout-title">Tip<\/p><figure class="figure">.*The loop\.<\/figcaption>\s*<\/figure><\/div><\/details>$/s);
  });

  it('should leave a line of colons without `{name}` as text', () => {
    const { tree } = transform(':::note\nText\n:::\n');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
  });
});

describe('admonitions and dropdowns', () => {
  it('should style `{admonition}` by its `:class:`, with its title', () => {
    const { html: out, file } = render('```{admonition} Why it matters\n:class: tip\nBecause.\n```\n');
    expect(out).toBe('<div class="callout callout-tip" role="note"><p class="callout-title">Why it matters</p><p>Because.</p></div>');
    expect(file.messages).toEqual([]);
  });

  it('should make a collapsed, titled <details> of `{dropdown}`, of `:class: dropdown` on a named admonition, and keep `:open:` ones open', () => {
    expect(render('```{dropdown} Answer\nForty-two.\n```\n').html).toBe(
      '<details class="callout callout-note callout-dropdown"><summary class="callout-title">Answer</summary><p>Forty-two.</p></details>',
    );
    expect(render(':::{warning} Spoiler\n:class: dropdown\nIt was the data.\n:::\n').html).toBe(
      '<details class="callout callout-warning callout-dropdown"><summary class="callout-title">Spoiler</summary><p>It was the data.</p></details>',
    );
    expect(render('```{admonition} Proof\n:class: important dropdown\n:open:\nQED.\n```\n').html).toBe(
      '<details class="callout callout-important callout-dropdown" open><summary class="callout-title">Proof</summary><p>QED.</p></details>',
    );
  });

  it('should report an unknown option with a suggestion at its line, an unknown class as a warning, and an untitled `{admonition}`', () => {
    const { file } = render('Intro.\n\n```{note}\n:clas: tip\nBody.\n```\n\n```{admonition}\n:class: margin\nBody.\n```\n');
    expect(messages(file)).toEqual([
      { line: 4, ruleId: 'directive-valid', fatal: true, reason: expect.stringContaining('`{note}` has no option `:clas:` (did you mean `:class:`?)') },
      { line: 9, ruleId: 'directive-valid', fatal: false, reason: expect.stringContaining('`:class: margin` is not an admonition kind') },
      { line: 8, ruleId: 'directive-valid', fatal: true, reason: expect.stringContaining('`{admonition}` needs a title') },
    ]);
  });
});

describe('unknown directives', () => {
  it('should be an error at their line with the nearest known directive, in either fence', () => {
    const { file } = render('Text.\n\n:::{dropdwn} Title\nBody\n:::\n\n```{bibliographie}\n```\n');
    expect(messages(file)).toEqual([
      { line: 3, ruleId: 'directive-known', fatal: true, reason: expect.stringContaining('Unknown directive `{dropdwn}` (did you mean `{dropdown}`?)') },
      { line: 7, ruleId: 'directive-known', fatal: true, reason: expect.stringContaining('Unknown directive `{bibliographie}` (did you mean `{bibliography}`?)') },
    ]);
    expect(file.messages[0]?.reason).toContain('known directives: `{figure}`, `{interactive}`, `{math}`, `{bibliography}`, `{code-cell}`, `{note}`');
  });

  it('should leave an unknown directive as plain code, so no highlighter warns about a `{name}` language', () => {
    const { tree } = transform('```{dropdwn} Title\nBody\n```\n');
    expect(tree.children[0]).toMatchObject({ type: 'code', lang: null, meta: null, value: 'Body' });
  });
});

describe('footnotes', () => {
  it('should link a footnote called inside an admonition, a dropdown and a figure caption to the chapter’s definition', () => {
    for (const extension of ['.md', '.mdx'] as const) {
      const source = [
        'Text with a note.[^a]',
        '',
        ':::{note}',
        'Inside a callout.[^b]',
        ':::',
        '',
        '```{dropdown} More',
        'Inside a dropdown.[^a]',
        '```',
        '',
        '```{figure} /figures/loop.svg',
        ':alt: A loop.',
        'A caption.[^c]',
        '```',
        '',
        '[^a]: First note.',
        '[^b]: Second note.',
        '[^c]: Third note.',
        '',
      ].join('\n');
      const { html: out, file } = render(source, extension);
      expect(file.messages).toEqual([]);
      // Every call is a link to its definition, none left as `[^x]` text…
      expect(out).not.toContain('[^');
      expect(out.match(/<a href="#user-content-fn-(a|b|c)" id="user-content-fnref-[a-c](?:-2)?" data-footnote-ref/g)).toHaveLength(4);
      // …and the list at the end holds each definition once, with its back-links.
      expect(out).toMatch(/<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes<\/h2>/);
      for (const label of ['a', 'b', 'c']) expect(out.match(new RegExp(`<li id="user-content-fn-${label}">`, 'g'))).toHaveLength(1);
      expect(out).toContain('href="#user-content-fnref-a-2"');
    }
  });

  it('should render a definition written inside an admonition in the chapter’s footnotes', () => {
    const { html: out } = render('Main text.[^in]\n\n```{note}\nBody.\n\n[^in]: Defined in the callout.\n```\n');
    expect(out).toContain('<li id="user-content-fn-in">');
    expect(out).toContain('Defined in the callout.');
  });
});

describe('{bibliography}', () => {
  const bibliography = parseBibliography('@article{k, author = {Doe, Jane}, title = {A title}, journal = {J}, year = {2020}}', 'refs.bib');

  it('should place the chapter’s references at the directive, and not again at the end', () => {
    const { tree, file } = transform('Cited {cite:p}`k`.\n\n## References\n\n```{bibliography}\n:filter: docname in docnames\n```\n\nAfter the references.\n');
    checkCitationKeys(tree, file, bibliography);
    resolveCitations(tree, file, bibliography, 'apa');
    const out = html(tree, file);
    // The heading the author wrote before the directive gives way to the section’s own: one heading.
    expect(out.match(/>References<\/h2>/g)).toHaveLength(1);
    expect(out).toContain('<h2 id="references">References</h2>');
    expect(out.indexOf('id="references"')).toBeLessThan(out.indexOf('After the references.'));
    expect(out).not.toContain('bibliography-link');
    expect(file.messages).toEqual([]);
  });

  it('should link the Bibliography page in a chapter that cites nothing, and report a second directive', () => {
    const { tree, file } = transform('```{bibliography}\n```\n\n:::{bibliography}\n:::\n');
    checkCitationKeys(tree, file, bibliography);
    resolveCitations(tree, file, bibliography, 'apa');
    expect(html(tree, file)).toContain('<p class="bibliography-link">The <a href="/b/bibliography/">Bibliography</a> lists every work cited in this book.</p>');
    expect(messages(file)).toEqual([{ line: 4, ruleId: 'directive-valid', fatal: true, reason: expect.stringContaining('A chapter has one `{bibliography}`') }]);
  });
});
