/**
 * Cross-page previews in the export: every preview link's target on another page is collected, as
 * the HTML the preview shows (a heading and its first paragraph, a figure, a chapter's title and
 * opening), with links relative to the export's root.
 */
import { describe, expect, it } from 'vitest';
import { previewSnippets, previewsScript, previewTargets } from '../../../src/export/preview-data.js';

const pages = new Map([
  [
    'a/index.html',
    '<html><body><p><a href="/b/#sec" data-preview>B’s section</a>, <a href="/b/" class="xref" data-preview>chapter B</a>, <a href="#ref-x" data-preview>here</a>, <a href="/glossary/#term-proxy" data-preview>proxy</a>, <a href="/b/#fig-1">no preview</a></p><ol><li id="ref-x">X</li></ol></body></html>',
  ],
  [
    'b/index.html',
    '<html><body><article class="chapter"><h1>Chapter B</h1><div class="chapter-body"><p>Opening of B, see <a href="/a/">A</a>.</p><h2 id="sec">Section</h2><figure id="fig-1">F</figure><p>First paragraph.</p><p>Second.</p></div></article></body></html>',
  ],
  ['glossary/index.html', '<html><body><h3 id="term-proxy">Proxy</h3><p class="glossary-definition">A stand-in.</p></body></html>'],
]);

describe('previewTargets', () => {
  it('should collect targets on other pages only, the page itself as the empty id', () => {
    const targets = previewTargets(pages);
    expect(Object.fromEntries([...targets].map(([file, ids]) => [file, [...ids].sort()]))).toEqual({ 'b/index.html': ['', 'sec'], 'glossary/index.html': ['term-proxy'] });
  });
});

describe('previewSnippets', () => {
  it('should keep what the preview shows, findable by id, with root-relative links', () => {
    const snippets = previewSnippets(pages, previewTargets(pages));
    const html = snippets['b/index.html'] ?? '';
    // The chapter's title and opening paragraph, its link relative to the export's root.
    expect(html).toContain('<article class="chapter"><h1>Chapter B</h1><div class="chapter-body"><p>Opening of B, see <a href="a/index.html">A</a>.</p></div></article>');
    // The heading and the first paragraph after it (past the figure), not the second.
    expect(html).toContain('<h2 id="sec">Section</h2><p>First paragraph.</p>');
    expect(html).not.toContain('Second.');
    expect(snippets['glossary/index.html']).toBe('<h3 id="term-proxy">Proxy</h3><p class="glossary-definition">A stand-in.</p>');
  });

  it('should write them as a script that assigns a global', () => {
    expect(previewsScript({ 'g/index.html': '<p>x</p>' })).toBe('window.BOOK_PREVIEWS = {"g/index.html":"<p>x</p>"};\n');
  });
});
