/**
 * The tag scanner that reads built pages back: what it must skip (comments, script and style text,
 * noscript), how it reads attributes, and when an element stays open.
 */
import { describe, expect, it } from 'vitest';
import { scanHtmlTags } from '../../../src/integrations/scan-html-tags.js';
import { readBuiltPage } from '../../../src/integrations/built-site.js';

const tags = (html: string) => [...scanHtmlTags(html)].map((tag) => (tag.kind === 'end' ? `/${tag.name}` : `${tag.name}${tag.opens ? '' : '!'}${[...tag.attributes].map(([name, value]) => ` ${name}=${value}`).join('')}`));

describe('scanHtmlTags', () => {
  it('should skip comments, the doctype and the text of script, style, title and noscript', () => {
    expect(
      tags('<!doctype html><!-- <a id="c"> --><title>a <b> title</title><script>if (a<b) x = "<a id=s>";</script><style>a>b{}</style><noscript><p id="n">x</p></noscript><p id="p">x</p>'),
    ).toEqual(['title', '/title', 'script', '/script', 'style', '/style', 'noscript', '/noscript', 'p id=p', '/p']);
  });

  it('should lower-case names, decode values, read unquoted and bare attributes, and keep the first of two', () => {
    expect(tags('<A HREF="a?b=1&amp;c=2" data-x=\'it&#39;s\' hidden id=one/two ID="second">')).toEqual(['a href=a?b=1&c=2 data-x=it\'s hidden= id=one/two']);
  });

  it('should open no void element, and close self-closed elements only in SVG', () => {
    expect(tags('<img src="a.png"><br/><div/><svg><path d="M0"/><linearGradient id="g"></linearGradient></svg>')).toEqual([
      'img! src=a.png',
      'br!',
      'div',
      'svg',
      'path! d=M0',
      'linearGradient id=g',
      '/lineargradient',
      '/svg',
    ]);
  });

  it('should read a `<` that starts no tag as text', () => {
    expect(tags('<p>1 < 2 and 3 <4</p>')).toEqual(['p', '/p']);
  });
});

describe('readBuiltPage on scanned tags', () => {
  it('should leave an unclosed element when its parent closes (the body ends where its div does)', () => {
    const page = readBuiltPage('a/index.html', '<main><div class="x chapter-body"><ul><li id="one">a<li id="two">b</ul><p id="three">c</div><p id="after">d</p></main>');
    expect(page.anchors).toEqual(['one', 'two', 'three']);
    expect(page.ids.has('after')).toBe(true);
  });

  it('should not read ids inside script text or comments', () => {
    const page = readBuiltPage('a/index.html', '<main><div class="chapter-body"><!-- <h2 id="gone"> --><script>document.write("<h2 id=\'js\'>")</script><h2 id="kept">K</h2></div></main>');
    expect([...page.ids]).toEqual(['kept']);
  });
});
