/**
 * Cross-references over a small book written to a temporary folder: targets are collected for the
 * whole book first (labels, heading ids, figures, equations, numbered per chapter), then `{doc}`,
 * `{ref}`, `{numref}` and `{eq}` resolve to links with the right text, or fail with the nearest targets.
 */
import type { Root } from 'mdast';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildBookModel } from '../../../src/book/book-model.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { chapterParser } from '../../../src/book/check-chapters.js';
import { collectCrossReferenceTargets } from '../../../src/book/cross-reference-targets.js';
import remarkCallouts from '../../../src/markdown/callouts/index.js';
import remarkChapterContext from '../../../src/markdown/chapter-context/index.js';
import { resolveCrossReferences } from '../../../src/markdown/crossrefs/index.js';
import remarkEquations from '../../../src/markdown/equations/index.js';
import remarkFigures from '../../../src/markdown/figures/index.js';
import remarkLabels from '../../../src/markdown/labels/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import remarkMath from 'remark-math';
import { makeTempDir } from '../../support/temp-dir.js';

function writeBook(files: Record<string, string>): string {
  const root = makeTempDir('xref-book-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const chapter = (id: string, slug: string, title: string, body: string) => `---\nid: ${id}\ntitle: ${title}\nslug: ${slug}\ndescription: A chapter.\n---\n\n${body}\n`;

const root = writeBook({
  'content/book.yaml': 'title: T\nauthors: [A]\nparts:\n  - title: One\n    chapters: [a-1, a-2]\n  - title: Two\n    chapters:\n      - b-1\n      - { id: b-2, title: Later Chapter, planned: true }\n',
  'content/one/a-1.mdx': chapter('a-1', 'first', 'First Chapter', '(sec-intro)=\n## Introduction\n\nText.\n\n## Method {#method}\n\n$$\nx = 1 \\label{eq-one}\n$$\n\n$$\ny = 2 \\label{eq-two}\n$$\n'),
  'content/one/a-2.mdx': chapter('a-2', 'second', 'Second Chapter', '## Results\n\n```{figure} /fig.svg\n:name: fig-result\n:alt: A result.\nThe result.\n```\n'),
  'content/two/b-1.md': chapter('b-1', 'third', 'Third Chapter', 'Text.'),
  'public/fig.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title></svg>',
});
const paths = bookPaths(root);
const model = buildBookModel(paths);
const targets = collectCrossReferenceTargets(model, paths);

/** Render a snippet as if it were chapter `a-2` (number 1.2). */
function render(source: string) {
  const file = new VFile({ path: path.join(root, 'content/one/a-2.mdx'), value: source });
  const processor = chapterParser('x.mdx')
    .use(remarkMath)
    .use(remarkChapterContext, { chapterOfFile: () => ({ id: 'a-2', number: '1.2' }) })
    .use(remarkCallouts)
    .use(remarkFigures, { publicDir: path.join(root, 'public') })
    .use(remarkMystRoles)
    .use(remarkLabels)
    .use(remarkEquations);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  resolveCrossReferences(tree, file, targets, '/base/');
  const html = unified().use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file));
  return { html, messages: file.messages };
}

describe('collecting the book’s targets', () => {
  it('should collect labels, heading ids, figures and equations with per-chapter numbers', () => {
    expect(Object.fromEntries([...targets.labels].map(([label, target]) => [label, [target.kind, target.chapterId, target.number ?? target.title]]))).toEqual({
      'sec-intro': ['section', 'a-1', 'Introduction'],
      method: ['section', 'a-1', 'Method'],
      'eq-one': ['equation', 'a-1', '1.1.1'],
      'eq-two': ['equation', 'a-1', '1.1.2'],
      'fig-result': ['figure', 'a-2', '1.2.1'],
    });
    expect(targets.files.flatMap((file) => file.messages)).toEqual([]);
  });
});

describe('resolving cross-references', () => {
  it('should link {doc} with the chapter title, and mark a planned chapter as forthcoming', () => {
    const { html, messages } = render('See Chapter {doc}`a-1` and {doc}`b-2`.');
    expect(html).toContain('See Chapter <a href="/base/first/" class="xref xref-doc" data-preview="">First Chapter</a> and <span class="xref xref-planned" title="Chapter 2.2 is forthcoming">Later Chapter (forthcoming)</span>.');
    expect(messages).toEqual([]);
  });

  it('should link {ref} with the section title, and accept custom text', () => {
    const { html } = render('Back in {ref}`sec-intro`, then {ref}`the method <method>`.');
    expect(html).toContain('<a href="/base/first/#sec-intro" class="xref xref-section" data-preview="">Introduction</a>');
    expect(html).toContain('<a href="/base/first/#method" class="xref xref-section" data-preview="">the method</a>');
  });

  it('should number figures and equations in {numref} and {eq}, on the same page without the path', () => {
    const { html } = render('As {numref}`fig-result` shows, and by {eq}`eq-two` and {numref}`Eq. %s <eq-one>`.');
    expect(html).toContain('<a href="#fig-result" class="xref xref-figure" data-preview="">Figure 1.2.1</a>');
    expect(html).toContain('<a href="/base/first/#eq-two" class="xref xref-equation" data-preview="">(1.1.2)</a>');
    expect(html).toContain('>Eq. 1.1.1</a>');
  });

  it('should give the figure its number in the caption and the equation its tag and id', () => {
    const { html } = render('```{figure} /fig.svg\n:name: fig-here\n:alt: Alt.\nCaption.\n```\n\n$$\nz \\label{eq-here}\n$$\n');
    expect(html).toContain('<figcaption><span class="figure-number">Figure 1.2.1</span> Caption.</figcaption>');
    expect(html).toMatch(/<div id="eq-here" class="equation">\s*<pre><code class="language-math math-display">z\n\\tag\{1\.2\.1\}<\/code><\/pre>\s*<\/div>/);
  });

  it('should report unknown targets with the nearest existing ones, at their position', () => {
    const { messages } = render('Text {ref}`sec-intr` and\n{eq}`eq-tow` and {doc}`a-3`.');
    expect(messages.map((message) => [message.line, message.column, message.ruleId, message.fatal])).toEqual([
      [1, 6, 'xref-target-exists', true],
      [2, 1, 'xref-target-exists', true],
      [2, 18, 'xref-target-exists', true],
    ]);
    expect(messages[0]?.reason).toBe('Unknown `{ref}` target `sec-intr`; nearest section/figure/equation labels: `sec-intro`, `eq-one`, `eq-two`');
    expect(messages[1]?.reason).toBe('Unknown `{eq}` target `eq-tow`; nearest equation labels: `eq-two`, `eq-one`');
    expect(messages[2]?.reason).toContain('Unknown chapter `a-3` in `{doc}`; nearest chapter ids: `a-1`, `a-2`');
  });

  it('should refuse a role that does not fit its target', () => {
    const { messages } = render('{eq}`fig-result`');
    expect(messages[0]?.reason).toBe('`{eq}` cannot point at the figure `fig-result`: use `{numref}` or `{ref}`');
  });

  it('should leave roles inside code literal', () => {
    const { html, messages } = render('Write `` {ref}`label` `` like this.\n\n```md\n{doc}`a-1`\n```\n');
    expect(html).toContain('<code>{ref}`label`</code>');
    expect(html).toContain('{doc}`a-1`\n</code></pre>');
    expect(messages).toEqual([]);
  });
});

describe('duplicate labels', () => {
  it('should report a label defined twice in the book at the second place, naming the first', () => {
    const dupRoot = writeBook({
      'content/book.yaml': 'title: T\nauthors: [A]\nparts:\n  - title: One\n    chapters: [a-1, a-2]\n',
      'content/one/a-1.md': chapter('a-1', 'first', 'First', '(same)=\n## One\n'),
      'content/one/a-2.md': chapter('a-2', 'second', 'Second', 'Text.\n\n(same)=\n## Two\n'),
    });
    const dupPaths = bookPaths(dupRoot);
    const { files } = collectCrossReferenceTargets(buildBookModel(dupPaths), dupPaths);
    const messages = files.flatMap((file) => file.messages.map((message) => ({ file: file.path, line: message.line, reason: message.reason, rule: message.ruleId })));
    expect(messages).toEqual([{ file: 'content/one/a-2.md', line: 11, reason: 'Duplicate label `same`: it is already defined at content/one/a-1.md:9; labels must be unique in the book', rule: 'label-unique' }]);
  });
});
