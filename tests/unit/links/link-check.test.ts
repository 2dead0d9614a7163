/**
 * The link checker on small built sites in temporary folders: links to pages, anchors and assets
 * that exist pass; a broken page link, a broken fragment, a missing asset, a link outside the base
 * and a page link without its trailing slash are each reported with the page and the URL.
 */
import { describe, expect, it } from 'vitest';
import { checkBuiltLinks, formatBrokenLink } from '../../../src/integrations/link-check.js';
import { chapterPage, writeSite } from './write-site.js';

const home = (links: string) => chapterPage(links);

describe('checkBuiltLinks', () => {
  it('should pass a site whose every link, fragment and asset resolves', () => {
    const dir = writeSite({
      'index.html': home(
        '<a href="/a/">A</a> <a href="/a/#x">A, x</a> <a href="a/#x">relative</a> <a href="#here">here</a> <h2 id="here">H</h2>' +
          '<a href="#">top</a> <a href="#top">top</a> <img src="/fig.svg" srcset="/fig.svg 1x, /fig.svg 2x" alt="">' +
          '<a href="https://example.org/missing/">external</a> <a href="mailto:a@b.c">mail</a>',
      ),
      'a/index.html': chapterPage('<h2 id="x">X</h2><a href="../">home</a><svg><use href="#m"/><marker id="m"/></svg>'),
      'fig.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'style.css': '@font-face { src: url(fonts/a.woff2) format("woff2"), url("data:font/woff2;base64,AA") }',
      'fonts/a.woff2': '',
    });
    expect(checkBuiltLinks(dir, '/').map(formatBrokenLink)).toEqual([]);
  });

  it('should report a link to a page that does not exist, and a fragment the page does not have', () => {
    const dir = writeSite({
      'index.html': home('<a href="/a/">fine</a> <a href="/missing/">gone</a> <a href="/a/#nope">no anchor</a> <a href="#nowhere">same page</a>'),
      'a/index.html': chapterPage('<h2 id="x">X</h2>'),
    });
    const broken = checkBuiltLinks(dir, '/');
    expect(broken).toEqual([
      { file: 'index.html', where: 'a[href]', url: '/missing/', reason: 'names nothing in the built site (no file `missing/index.html`)' },
      { file: 'index.html', where: 'a[href]', url: '/a/#nope', reason: 'names no element on `a/`: there is no id `nope`' },
      { file: 'index.html', where: 'a[href]', url: '#nowhere', reason: 'names no element on the home page: there is no id `nowhere`' },
    ]);
    expect(formatBrokenLink(broken[0]!)).toBe('index.html  a[href]="/missing/"  names nothing in the built site (no file `missing/index.html`)');
  });

  it('should report missing assets, stylesheet URLs, links outside the base and folders without their slash', () => {
    const dir = writeSite({
      'index.html': `<!doctype html><html><head><link rel="stylesheet" href="/rai/s.css"><script src="/rai/app.js"></script></head>
        <body><main><a href="/other/">outside</a> <a href="/rai/a">no slash</a> <img src="fig.png" alt=""></main></body></html>`,
      'a/index.html': chapterPage(''),
      's.css': 'body { background: url(./bg.png) }',
      'app.js': '',
    });
    const broken = checkBuiltLinks(dir, '/rai/').map((link) => `${link.file} ${link.where} ${link.url}: ${link.reason}`);
    expect(broken).toEqual([
      "index.html a[href] /other/: is outside the site's base `/rai/`",
      'index.html a[href] /rai/a: names a page without its trailing slash: write `/rai/a/`',
      'index.html img[src] fig.png: names nothing in the built site (no file `fig.png`)',
      's.css css url() ./bg.png: names nothing in the built site (no file `bg.png`)',
    ]);
  });

  it('should follow a redirect page and check the fragment on the page it leads to', () => {
    const redirect = '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=../a/"></head><body></body></html>';
    const dir = writeSite({
      'index.html': home('<a href="/old/page.html#x">kept</a> <a href="/old/page.html#gone">lost</a>'),
      'old/page.html': redirect,
      'a/index.html': chapterPage('<h2 id="x">X</h2>'),
    });
    expect(checkBuiltLinks(dir, '/').map((link) => `${link.url}: ${link.reason}`)).toEqual(['/old/page.html#gone: names no element on `a/`: there is no id `gone`']);
  });

  it('should check a redirect page’s own target', () => {
    const dir = writeSite({
      'index.html': home(''),
      'content/old.html': '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=../moved/"></head><body></body></html>',
    });
    expect(checkBuiltLinks(dir, '/').map((link) => `${link.file} ${link.where} ${link.url}`)).toEqual(['content/old.html meta[http-equiv=refresh] ../moved/']);
  });
});
