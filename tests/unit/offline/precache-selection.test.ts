/**
 * What the service worker precaches: everything reading needs, nothing else; pages by the URL readers
 * request them by; references resolved from the page that makes them, under the base.
 */
import { describe, expect, it } from 'vitest';
import { readBuiltPage, type BuiltSite } from '../../../src/integrations/built-site.js';
import { type PrecacheContext, precacheExclusion, precacheUrl, referencedFiles } from '../../../src/integrations/service-worker.js';

const context: PrecacheContext = {
  redirectPages: new Set(['content/1-3-mitigation.html']),
  referenced: new Set(['figures/photo.png']),
  searchLanguages: new Set(['en']),
};

describe('the precache selection', () => {
  it('should keep pages, scripts, styles, WOFF2 fonts, the search index and referenced images', () => {
    for (const file of ['index.html', 'generative-ai/index.html', '_astro/page.abc.js', '_astro/page.abc.css', '_katex/fonts/KaTeX_Main-Regular.woff2', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.en.pagefind', 'pagefind/index/en_1.pf_index', 'pagefind/fragment/en_2.pf_fragment', 'manifest.webmanifest', 'icons/icon-192.png', 'figures/photo.png']) {
      expect(precacheExclusion(file, context), file).toBeUndefined();
    }
  });

  it('should keep the citation files that the "Cite this" panels download, the book’s and each chapter’s', () => {
    for (const file of ['cite.bib', 'cite.ris', 'measuring-fairness/cite.bib', 'measuring-fairness/cite.ris']) {
      expect(precacheExclusion(file, context), file).toBeUndefined();
    }
    // Any other BibTeX or RIS file is a download like a PDF.
    expect(precacheExclusion('downloads/references.bib', context)).toBe('files that are not part of reading (headers, downloads)');
    expect(precacheExclusion('downloads/chapters/cite.ris', context)).toBe('files that are not part of reading (headers, downloads)');
  });

  it('should leave out redirect pages, the 404 page, other font formats, unused search code, inlined figures and downloads, each with its reason', () => {
    expect(precacheExclusion('content/1-3-mitigation.html', context)).toBe('redirect pages of old URLs');
    expect(precacheExclusion('404.html', context)).toBe('the 404 page');
    expect(precacheExclusion('_katex/fonts/KaTeX_Main-Regular.woff', context)).toBe('fonts in formats other than WOFF2');
    expect(precacheExclusion('_katex/fonts/KaTeX_Main-Regular.ttf', context)).toBe('fonts in formats other than WOFF2');
    expect(precacheExclusion('pagefind/wasm.unknown.pagefind', context)).toBe('search code for languages the index does not have');
    expect(precacheExclusion('figures/drawing.svg', context)).toBe('figure files that pages inline instead');
    expect(precacheExclusion('_headers', context)).toBe('files that are not part of reading (headers, downloads)');
    expect(precacheExclusion('book.pdf', context)).toBe('files that are not part of reading (headers, downloads)');
    expect(precacheExclusion('sw.js', context)).toBe('the worker and its figures');
    expect(precacheExclusion('offline.json', context)).toBe('the worker and its figures');
  });

  it('should precache pages under the URL readers request', () => {
    expect(precacheUrl('index.html')).toBe('./');
    expect(precacheUrl('generative-ai/index.html')).toBe('generative-ai/');
    expect(precacheUrl('_astro/page.abc.js')).toBe('_astro/page.abc.js');
  });

  it('should resolve the references of pages and stylesheets below the base, and ignore other origins', () => {
    const page = readBuiltPage(
      'generative-ai/index.html',
      '<html><body><img src="/rai/figures/a.png"><img src="../figures/b%20c.png"><img src="https://example.org/x.png"><a href="/other/y.png">y</a></body></html>',
    );
    const site: BuiltSite = { pages: new Map([[page.file, page]]), files: new Set(), stylesheets: new Map([['_astro/x.css', [{ where: 'css url()', url: '../_katex/fonts/a.woff2' }]]]) };
    expect([...referencedFiles(site, '/rai/')].sort()).toEqual(['_katex/fonts/a.woff2', 'figures/a.png', 'figures/b c.png']);
  });
});
