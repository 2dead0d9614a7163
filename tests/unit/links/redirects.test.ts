/**
 * Redirects planned from the aliases against a small built site: redirect pages for moved pages and
 * the previous edition's chapters (through the book model, planned chapters to the home page), old
 * anchors kept on their page or followed to another, and every bad alias reported at its line.
 */
import { runInNewContext } from 'node:vm';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { BookChapter, BookModel } from '../../../src/book/book-model.js';
import { type BuiltSite, readBuiltPage } from '../../../src/integrations/built-site.js';
import { REDIRECT_SCRIPT_SOURCE, renderRedirectPage } from '../../../src/integrations/redirect-page.js';
import { applyPageEdit } from '../../../src/integrations/anchor-aliases.js';
import { planRedirects, relativeUrl } from '../../../src/integrations/redirects.js';
import { parseUrlAliases } from '../../../src/integrations/url-aliases.js';
import { chapterPage } from './write-site.js';

function siteOf(pages: Record<string, string>): BuiltSite {
  const site: BuiltSite = { pages: new Map(), files: new Set(), stylesheets: new Map() };
  for (const [file, html] of Object.entries(pages)) {
    site.files.add(file);
    site.pages.set(file, readBuiltPage(file, html));
  }
  return site;
}

const chapter = (id: string, title: string, slug?: string): BookChapter => ({ id, title, slug, number: '1.1', planned: slug === undefined, partIndex: 1 });
const chapters = [chapter('1-3-mitigation', 'Mitigating Bias', 'mitigating-bias'), chapter('4-1-genai', 'Generative AI', 'generative-ai'), chapter('2-1-intro', 'Interpretable ML')];
const model: BookModel = {
  title: 'Book',
  language: 'en',
  authors: [],
  parts: [{ number: 1, title: 'Part', chapters }],
  chapters: chapters.filter((candidate) => !candidate.planned),
  chapterFiles: new Map(),
  files: [],
};

const site = () =>
  siteOf({
    'index.html': '<html><head><title>Book</title></head><body><main><h1>Book</h1></main></body></html>',
    'mitigating-bias/index.html': chapterPage('<h2 id="pre">Pre</h2><h2 id="post">Post</h2>').replace('<h1>Chapter</h1>', '<h1>Mitigating Bias</h1>'),
    'generative-ai/index.html': chapterPage('<h2 id="genai-and-fairness">Fairness</h2><h2 id="new-name">Renamed</h2>'),
    'bibliography/index.html': '<html><body><main><h1>Bibliography</h1><ol><li id="ref-a">A</li></ol></main></body></html>',
  });

function plan(lines: string[], built = site()) {
  const file = new VFile({ path: 'content/redirects.yaml' });
  const { aliases } = parseUrlAliases(lines.map((line) => `- ${line}`).join('\n'), file);
  return { plan: planRedirects(aliases, model, built, file), file, built };
}

describe('planRedirects', () => {
  it('should redirect the previous edition’s chapters through the book model, keeping the target’s anchors', () => {
    const { plan: result, file } = plan(['content/1-3-mitigation.html -> {doc}`1-3-mitigation`', 'content/zbib.html -> bibliography/']);
    expect(file.messages).toEqual([]);
    expect(result.redirects.get('content/1-3-mitigation.html')).toEqual({
      target: '../mitigating-bias/',
      canonical: '../mitigating-bias/',
      title: 'Mitigating Bias',
      anchors: ['pre', 'post'],
      moved: {},
      script: '../redirect.js',
      pending: false,
    });
    expect(result.redirects.get('content/zbib.html')).toMatchObject({ target: '../bibliography/', title: 'Bibliography', anchors: ['ref-a'] });
  });

  it('should send a planned chapter’s old URL to the home page until it is published', () => {
    const { plan: result, file } = plan(['content/2-1-intro.html -> {doc}`2-1-intro`']);
    expect(file.messages).toEqual([]);
    expect(result.redirects.get('content/2-1-intro.html')).toMatchObject({ target: '../', title: 'Interpretable ML', anchors: [], pending: true });
    expect(result.pending).toEqual(new Map([['content/2-1-intro.html', '2-1-intro']]));
  });

  it('should keep a renamed anchor on its page and follow one moved to another page', () => {
    const { plan: result, file, built } = plan(['generative-ai/#old-name -> generative-ai/#new-name', 'generative-ai/#mitigation -> mitigating-bias/#pre']);
    expect(file.messages).toEqual([]);
    const edit = result.edits.get('generative-ai/index.html');
    expect(edit).toEqual({ renamed: new Map([['old-name', 'new-name']]), moved: { mitigation: '../mitigating-bias/#pre' } });
    const html = applyPageEdit(built.pages.get('generative-ai/index.html')!, edit!, '../redirect.js');
    expect(html).toContain('<h2 id="new-name"><span id="old-name" data-anchor-alias></span>Renamed</h2>');
    expect(html).toContain('<script src="../redirect.js" data-moved="{&quot;mitigation&quot;:&quot;../mitigating-bias/#pre&quot;}"></script></body>');
  });

  it('should give a moved page’s redirect its old anchors', () => {
    const { plan: result, file } = plan(['old-genai/ -> generative-ai/', 'old-genai/#intro -> mitigating-bias/#post']);
    expect(file.messages).toEqual([]);
    expect(result.redirects.get('old-genai/index.html')).toMatchObject({ target: '../generative-ai/', moved: { intro: '../mitigating-bias/#post' } });
  });

  it('should report unknown chapters, pages and anchors, and aliases of URLs that still exist', () => {
    const { plan: result, file } = plan([
      'content/x.html -> {doc}`1-3-mitigaton`',
      'content/y.html -> mitigating-bais/',
      'content/z.html -> mitigating-bias/#prr',
      'mitigating-bias/ -> generative-ai/',
      'generative-ai/#genai-and-fairness -> generative-ai/#new-name',
      'nowhere/#a -> generative-ai/',
    ]);
    expect(result.redirects.size).toBe(0);
    expect(file.messages.map((message) => `${message.line} ${message.reason}`)).toEqual([
      '1 Unknown chapter `1-3-mitigaton` in `content/x.html -> {doc}`1-3-mitigaton`` (did you mean `1-3-mitigation`?): name a chapter of content/book.yaml',
      '2 `mitigating-bais/` is not a page of the built site (did you mean `mitigating-bias/`?): point the alias at a published page',
      '3 `mitigating-bias/` has no anchor `#prr` (nearest: `pre`, `post`): point the alias at an existing heading, figure or equation id',
      '5 `generative-ai/#genai-and-fairness` still exists: an alias is for an anchor that is gone; remove this line',
      '6 `nowhere/` is not a page of the book, nor the old URL of a moved page: add `nowhere/ -> new-page/` too, or correct the page',
      '4 `mitigating-bias/` is a page of the built site: an alias is for a URL that no longer exists; remove this line',
    ]);
  });
});

describe('renderRedirectPage', () => {
  const html = renderRedirectPage({ target: '../generative-ai/', canonical: '../generative-ai/', title: 'Generative AI & You', anchors: ['a', 'b'], moved: {}, script: '../redirect.js' });

  it('should redirect without JavaScript, say where to, and stay out of search engines and the book’s search', () => {
    const page = readBuiltPage('content/4-1-GenAI.html', html);
    expect(page.redirectTo).toBe('../generative-ai/');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=../generative-ai/">');
    expect(html).toContain('<link rel="canonical" href="../generative-ai/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('This page has moved to <a href="../generative-ai/">Generative AI &amp; You</a>.');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toContain('<body data-pagefind-ignore="all">');
    // The script runs before the refresh, and has no inline code (a hash-based CSP allows it).
    expect(html.indexOf('<script src="../redirect.js" data-target="../generative-ai/" data-anchors="a b"></script>')).toBeLessThan(html.indexOf('http-equiv'));
  });
});

describe('the redirect script', () => {
  function run(hash: string, data: Record<string, string>): string[] {
    const replaced: string[] = [];
    runInNewContext(REDIRECT_SCRIPT_SOURCE, {
      document: { currentScript: { dataset: data } },
      location: { hash, replace: (url: string) => replaced.push(url) },
    });
    return replaced;
  }

  it('should keep a fragment the target has, drop one it does not, and follow moved anchors', () => {
    const data = { target: '../generative-ai/', anchors: 'genai-and-fairness references', moved: '{"old":"../mitigating-bias/#pre"}' };
    expect(run('#genai-and-fairness', data)).toEqual(['../generative-ai/#genai-and-fairness']);
    expect(run('#some-old-fragment', data)).toEqual(['../generative-ai/']);
    expect(run('', data)).toEqual(['../generative-ai/']);
    expect(run('#old', data)).toEqual(['../mitigating-bias/#pre']);
  });

  it('should do nothing on a live page unless the fragment moved', () => {
    expect(run('#here', { moved: '{"old":"../b/#new"}' })).toEqual([]);
    expect(run('#old', { moved: '{"old":"../b/#new"}' })).toEqual(['../b/#new']);
  });
});

describe('relativeUrl', () => {
  it('should link from any page to any page relatively', () => {
    expect(relativeUrl('content/x.html', 'generative-ai/')).toBe('../generative-ai/');
    expect(relativeUrl('content/x.html', './')).toBe('../');
    expect(relativeUrl('old/', 'new/', 'an id')).toBe('../new/#an%20id');
    expect(relativeUrl('a/b/', 'redirect.js')).toBe('../../redirect.js');
    expect(relativeUrl('./', './')).toBe('./');
    expect(relativeUrl('x.html', 'redirect.js')).toBe('redirect.js');
  });
});
