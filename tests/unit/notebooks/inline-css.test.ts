/** An output's stylesheet is applied to the output's own elements as style attributes; what cannot be is named. */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { inlineCss } from '../../../src/notebooks/inline-css.js';

function inline(html: string, css: string): { html: string; dropped: string[] } {
  const tree = fromHtml(html, { fragment: true }) as Root;
  const dropped = inlineCss(tree, css);
  return { html: toHtml(tree), dropped };
}

describe('inlineCss', () => {
  it('should set the declarations of each rule on the elements it selects, and only those', () => {
    expect(inline('<table class="dataframe"><thead><tr><th>a</th></tr></thead><tbody><tr><th>0</th><td>1</td></tr></tbody></table>', '.dataframe thead th { text-align: right; } .dataframe tbody tr th:only-of-type { vertical-align: middle }').html).toBe(
      '<table class="dataframe"><thead><tr><th style="text-align: right">a</th></tr></thead><tbody><tr><th style="vertical-align: middle">0</th><td>1</td></tr></tbody></table>',
    );
  });

  it('should apply id rules (pandas Styler) and let the more specific rule and the element’s own style win', () => {
    expect(inline('<td id="T_1_row0" class="data" style="color: black">x</td>', '#T_1_row0 { background-color: yellow; color: red } td.data { background-color: blue }').html).toBe(
      '<td id="T_1_row0" class="data" style="background-color: yellow; color: black">x</td>',
    );
  });

  it('should drop at-rules, states, pseudo-elements and url() declarations, saying so', () => {
    const result = inline('<p class="a">t</p>', '@import url(https://fonts.example/x.css); @media (max-width: 30em) { p { margin: 0 } } .a:hover { color: red } .a::before { content: "x" } .a { background: url(https://t.example/p.png); color: blue }');
    expect(result.html).toBe('<p class="a" style="color: blue">t</p>');
    expect(result.dropped).toEqual([
      '`@import` rules',
      '`@media` rules',
      'rules it cannot apply without a browser (`.a:hover`)',
      'rules it cannot apply without a browser (`.a::before`)',
      '`background` declarations with `url(…)`',
    ]);
  });

  it('should apply a selector list rule to each of its selectors', () => {
    expect(inline('<b>1</b><i>2</i>', 'b, i { font-size: 2em }').html).toBe('<b style="font-size: 2em">1</b><i style="font-size: 2em">2</i>');
  });
});
