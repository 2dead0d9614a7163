/** Section headings get GitHub-style ids and an empty, labelled link anchor to themselves. */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkLabels from '../../../src/markdown/labels/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import rehypeHeadingAnchors, { addHeadingAnchors } from '../../../src/markdown/heading-anchors/index.js';

/** Add anchors to an HTML fragment and serialise it again. */
function anchor(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  addHeadingAnchors(tree);
  return unified().use(rehypeStringify).stringify(tree);
}

function headings(tree: Root): Element[] {
  return tree.children.filter((node): node is Element => node.type === 'element' && /^h\d$/.test(node.tagName));
}

describe('addHeadingAnchors', () => {
  it('should give h2 and h3 a slug id and append an empty anchor with an accessible name', () => {
    expect(anchor('<h2>Why fairness?</h2><h3>Base rates &amp; <em>odds</em></h3>')).toBe(
      '<h2 id="why-fairness">Why fairness?<a class="heading-anchor copy-link" href="#why-fairness" aria-label="Link to section “Why fairness?”" data-copy-link></a></h2>' +
        '<h3 id="base-rates--odds">Base rates &#x26; <em>odds</em><a class="heading-anchor copy-link" href="#base-rates--odds" aria-label="Link to section “Base rates &#x26; odds”" data-copy-link></a></h3>',
    );
  });

  it('should suffix duplicate slugs in document order', () => {
    const tree: Root = fromHtml('<h2>Summary</h2><h3>Summary</h3><h2>Summary</h2>', { fragment: true });
    addHeadingAnchors(tree);
    expect(headings(tree).map((heading) => heading.properties.id)).toEqual(['summary', 'summary-1', 'summary-2']);
  });

  it('should keep an id already set and link the anchor to it', () => {
    expect(anchor('<h2 id="kept">Some title</h2>')).toBe(
      '<h2 id="kept">Some title<a class="heading-anchor copy-link" href="#kept" aria-label="Link to section “Some title”" data-copy-link></a></h2>',
    );
  });

  it('should not give a heading an id that another element already has', () => {
    // `## Findings {#results}` kept an old URL; a later `## Results` must not take the same id.
    const tree: Root = fromHtml('<h2 id="results">Findings</h2><h2>Results</h2><figure id="fig-a"></figure><h2>Fig A</h2>', { fragment: true });
    addHeadingAnchors(tree);
    expect(headings(tree).map((heading) => heading.properties.id)).toEqual(['results', 'results-1', 'fig-a-1']);
  });

  it('should give an anchor no text of its own', () => {
    const tree: Root = fromHtml('<h4>Deep</h4>', { fragment: true });
    addHeadingAnchors(tree);
    const [heading] = headings(tree);
    expect(heading?.children).toHaveLength(2);
    expect(heading?.children[1]).toMatchObject({ type: 'element', tagName: 'a', children: [] });
  });

  it('should leave h1 alone', () => {
    expect(anchor('<h1>Chapter title</h1><p>Text</p>')).toBe('<h1>Chapter title</h1><p>Text</p>');
  });
});

describe('rehypeHeadingAnchors', () => {
  it('should use the explicit `{#id}` of a Markdown heading', () => {
    const processor = unified().use(remarkParse).use(remarkMystRoles).use(remarkLabels).use(remarkRehype).use(rehypeHeadingAnchors).use(rehypeStringify);
    const html = String(processor.processSync('## Findings {#results}\n\n## Results\n'));
    expect(html).toBe(
      '<h2 id="results">Findings<a class="heading-anchor copy-link" href="#results" aria-label="Link to section “Findings”" data-copy-link></a></h2>\n' +
        '<h2 id="results-1">Results<a class="heading-anchor copy-link" href="#results-1" aria-label="Link to section “Results”" data-copy-link></a></h2>',
    );
  });
});
