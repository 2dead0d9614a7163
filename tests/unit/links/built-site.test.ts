/**
 * Which ids of a built page are public anchors (the URL manifest keeps them), and how page files map
 * to base-relative URLs.
 */
import { describe, expect, it } from 'vitest';
import { pageFile, pageUrl, readBuiltPage } from '../../../src/integrations/built-site.js';
import { chapterPage } from './write-site.js';

describe('readBuiltPage', () => {
  it('should keep every id in the chapter body but drawings’ internals and citation occurrences', () => {
    const page = readBuiltPage(
      'a/index.html',
      chapterPage(
        '<h2 id="intro">Intro</h2><p>Text <a id="cite-smith2020-1" href="#ref-smith2020">Smith</a><sup><a id="user-content-fnref-1" href="#user-content-fn-1">1</a></sup></p>' +
          '<figure id="fig-map"><svg id="map-svg"><marker id="map-arrow"/><title id="map-title">Map</title></svg></figure>' +
          '<div id="eq-risk" class="equation"></div><section id="footnotes"><li id="user-content-fn-1">Note</li></section>' +
          '<ol><li id="ref-smith2020" class="reference">Smith</li></ol>',
        { chrome: '<h2 id="part-1">Part 1</h2>', main: '<h2 id="objectives-title">Objectives</h2>' },
      ),
    );
    expect(page.anchors).toEqual(['intro', 'fig-map', 'eq-risk', 'footnotes', 'user-content-fn-1', 'ref-smith2020']);
    // Every id is still a valid fragment for the link checker.
    expect([...page.ids]).toEqual(expect.arrayContaining(['sidebar', 'main', 'cite-smith2020-1', 'map-arrow', 'objectives-title']));
  });

  it('should keep reference entries outside a chapter body (the bibliography page), and nothing else there', () => {
    const page = readBuiltPage(
      'bibliography/index.html',
      '<html><body><nav><h3 id="part-1">P</h3><li id="ref-nav">x</li></nav><main id="main"><h1>Bibliography</h1><h2 id="a-heading">A</h2><ol><li id="ref-smith2020">Smith</li></ol></main></body></html>',
    );
    expect(page.anchors).toEqual(['ref-smith2020']);
  });

  it('should keep glossary entries (term-<slug>) but not a chapter’s first uses of terms (termref-<slug>)', () => {
    const glossary = readBuiltPage(
      'glossary/index.html',
      '<html><body><main id="main"><h1>Glossary</h1><h2 id="glossary-d">D</h2><h3 id="term-differential-privacy">Differential privacy</h3></main></body></html>',
    );
    expect(glossary.anchors).toEqual(['term-differential-privacy']);
    const chapter = readBuiltPage('a/index.html', chapterPage('<h2 id="intro">Intro</h2><p><a id="termref-proxy" href="/glossary/#term-proxy">proxy</a></p>'));
    expect(chapter.anchors).toEqual(['intro']);
    expect(chapter.ids.has('termref-proxy')).toBe(true);
  });

  it('should count old anchors that the redirect script follows to another page', () => {
    const html = chapterPage('<h2 id="kept">K</h2>').replace('</body>', '<script src="../redirect.js" data-moved="{&quot;old&quot;:&quot;../b/#new&quot;}"></script></body>');
    const page = readBuiltPage('a/index.html', html);
    expect(page.anchors).toEqual(['kept', 'old']);
    expect(page.ids.has('old')).toBe(true);
  });

  it('should read a redirect page’s target and its links', () => {
    const page = readBuiltPage('content/x.html', '<html><head><meta http-equiv="refresh" content="0; url=../x/"><link rel="canonical" href="../x/"></head><body><a href="../x/">X</a></body></html>');
    expect(page.redirectTo).toBe('../x/');
    expect(page.references.map((reference) => reference.where)).toEqual(['meta[http-equiv=refresh]', 'link[href]', 'a[href]']);
  });
});

describe('pageUrl and pageFile', () => {
  it('should map files to base-relative URLs and back', () => {
    expect(pageUrl('index.html')).toBe('./');
    expect(pageUrl('generative-ai/index.html')).toBe('generative-ai/');
    expect(pageUrl('content/4-1-GenAI.html')).toBe('content/4-1-GenAI.html');
    expect(pageFile('./')).toBe('index.html');
    expect(pageFile('generative-ai/')).toBe('generative-ai/index.html');
    expect(pageFile('content/4-1-GenAI.html')).toBe('content/4-1-GenAI.html');
  });
});
