/**
 * Links of a site built at `/` rewritten for a folder opened from disk: relative to the file they are
 * in, folders ending in `index.html`, queries and fragments kept, external URLs untouched, KaTeX's
 * font URLs relative to the stylesheet or page that holds them.
 */
import { describe, expect, it } from 'vitest';
import { folderUrl, rewriteCssUrls, rewritePageUrls, rootPrefix } from '../../../src/export/relative-urls.js';

describe('folderUrl', () => {
  it('should make root-absolute page links relative and end folders in index.html', () => {
    expect(folderUrl('generative-ai/index.html', '/')).toBe('../index.html');
    expect(folderUrl('generative-ai/index.html', '/alignment/')).toBe('../alignment/index.html');
    expect(folderUrl('index.html', '/alignment/')).toBe('alignment/index.html');
    expect(folderUrl('index.html', '/')).toBe('index.html');
  });

  it('should keep queries and fragments', () => {
    expect(folderUrl('generative-ai/index.html', '/alignment/?highlight=reward#align-reward-hacking')).toBe('../alignment/index.html?highlight=reward#align-reward-hacking');
    expect(folderUrl('generative-ai/index.html', '/glossary/#term-proxy')).toBe('../glossary/index.html#term-proxy');
  });

  it('should point files at themselves, from any depth', () => {
    expect(folderUrl('a/b/index.html', '/_astro/page.css')).toBe('../../_astro/page.css');
    expect(folderUrl('index.html', '/figures/x.svg')).toBe('figures/x.svg');
  });

  it('should give relative folder links (redirect pages) their index.html', () => {
    expect(folderUrl('content/0-1-intro.html', '../introduction/')).toBe('../introduction/index.html');
  });

  it('should leave fragments, external and data URLs alone', () => {
    for (const url of ['#ref-x', 'https://example.org/a/', '//cdn.example.org/x.js', 'data:image/png;base64,AAAA', 'mailto:a@b.c', '']) {
      expect(folderUrl('a/index.html', url)).toBe(url);
    }
  });
});

describe('rewritePageUrls', () => {
  it('should rewrite href, src and the page’s base, escaped ampersands included', () => {
    const html = '<html lang="en" data-base="/"><link rel="stylesheet" href="/_astro/a.css"><a href="/x/?q=1&amp;r=2#h">x</a><img src="/figures/f.svg"><a href="https://example.org/">e</a>';
    expect(rewritePageUrls('ch/index.html', html)).toBe(
      '<html lang="en" data-base="../"><link rel="stylesheet" href="../_astro/a.css"><a href="../x/index.html?q=1&amp;r=2#h">x</a><img src="../figures/f.svg"><a href="https://example.org/">e</a>',
    );
    expect(rewritePageUrls('index.html', '<html data-base="/">')).toBe('<html data-base="./">');
  });

  it('should rewrite font URLs of inline styles but not text that looks like CSS', () => {
    const html = '<style data-katex>@font-face{src:url(/_katex/fonts/KaTeX_Main.woff2) format("woff2")}</style><p>url(/not-css)</p>';
    expect(rewritePageUrls('ch/index.html', html)).toBe('<style data-katex>@font-face{src:url(../_katex/fonts/KaTeX_Main.woff2) format("woff2")}</style><p>url(/not-css)</p>');
  });

  it('should rewrite a redirect page’s refresh target', () => {
    expect(rewritePageUrls('content/old.html', '<meta http-equiv="refresh" content="0; url=../new/">')).toBe('<meta http-equiv="refresh" content="0; url=../new/index.html">');
  });
});

describe('rewriteCssUrls and rootPrefix', () => {
  it('should make url() relative to the stylesheet and keep other URLs', () => {
    expect(rewriteCssUrls('_astro/a.css', "a{background:url('/figures/x.svg')} b{fill:url(#g)} c{src:url(data:font/woff2;base64,AA)}")).toBe(
      "a{background:url('../figures/x.svg')} b{fill:url(#g)} c{src:url(data:font/woff2;base64,AA)}",
    );
  });

  it('should climb one folder per level', () => {
    expect([rootPrefix('index.html'), rootPrefix('a/index.html'), rootPrefix('a/b/c.html')]).toEqual(['', '../', '../../']);
  });
});
