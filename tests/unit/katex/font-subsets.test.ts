/**
 * Which KaTeX fonts may draw a character, from the classes KaTeX puts around it and the font rules of
 * KaTeX's own stylesheet: the basis of the build's font subsets (the browser test of the math pages
 * checks the result glyph by glyph).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { katexDist } from '../../../src/integrations/katex-assets.js';
import { collectFontCharacters, fontsForClasses, katexFontRules, typesetMathFragments } from '../../../src/integrations/katex-font-subsets.js';
import katex from 'katex';

const rules = katexFontRules(readFileSync(path.join(katexDist(), 'katex.min.css'), 'utf8'));
const fonts = (...classes: string[]) => fontsForClasses(new Set(classes), rules).sort();

describe('KaTeX font subsets', () => {
  it('should read the font rules of KaTeX’s stylesheet', () => {
    expect(rules.find((rule) => rule.classes.join(' ') === 'mathnormal')).toEqual({ classes: ['mathnormal'], family: 'KaTeX_Math', bold: undefined, italic: true });
    expect(rules.find((rule) => rule.classes.join(' ') === 'delimsizing size3')?.family).toBe('KaTeX_Size3');
  });

  it('should give each kind of math text the fonts that may draw it', () => {
    expect(fonts('mord')).toEqual(['KaTeX_Main-Regular']);
    expect(fonts('mord', 'mathnormal')).toEqual(['KaTeX_Math-Italic']);
    expect(fonts('mord', 'boldsymbol')).toEqual(['KaTeX_Math-BoldItalic', 'KaTeX_Math-Italic']);
    expect(fonts('mord', 'mathbf')).toEqual(['KaTeX_Main-Bold', 'KaTeX_Main-Regular']);
    expect(fonts('mord', 'mathbb')).toEqual(['KaTeX_AMS-Regular']);
    expect(fonts('mop', 'op-symbol', 'large-op')).toEqual(['KaTeX_Size2-Regular']);
  });

  it('should collect the characters of typeset math per font, and none of its MathML copy', () => {
    const html = katex.renderToString(String.raw`\hat{p} \geq t \quad \mathbb{E}[x] = \sum_i x_i`, { output: 'htmlAndMathml' });
    const characters = collectFontCharacters(`<p>prose Q</p>${html}`, rules);
    expect([...(characters.get('KaTeX_Math-Italic') ?? [])].sort().join('')).toBe('iptx');
    expect(characters.get('KaTeX_AMS-Regular')).toEqual(new Set(['E']));
    expect(characters.get('KaTeX_Main-Regular')?.has('≥')).toBe(true);
    // Prose outside the formula is not math; the MathML annotation (the TeX source) is not drawn.
    expect([...characters.values()].some((set) => set.has('Q') || set.has('\\'))).toBe(false);
  });

  it('should read characters written as references (`&amp;`, `&lt;`) as the characters they stand for', () => {
    const html = katex.renderToString(String.raw`a \& b < c`, { output: 'htmlAndMathml' });
    expect(html).toContain('&amp;');
    const main = collectFontCharacters(html, rules).get('KaTeX_Main-Regular') ?? new Set();
    expect(main.has('&')).toBe(true);
    expect(main.has('<')).toBe(true);
    expect(main.has(';')).toBe(false);
  });

  it('should find each typeset formula of a page, whole, and only those', () => {
    const inline = katex.renderToString(String.raw`\sqrt{\frac{a}{b}}`, { output: 'htmlAndMathml' });
    const display = katex.renderToString(String.raw`\left( \sum_{i=1}^n x_i \right)^2`, { output: 'htmlAndMathml', displayMode: true });
    const page = `<main><p>See <span class="note"><span>prose</span></span> ${inline}.</p><div class="equation">${display}</div><p>After</p></main>`;
    const fragments = typesetMathFragments(page);
    expect(fragments).toHaveLength(2);
    for (const fragment of fragments) {
      expect(fragment.startsWith('<span class="katex-html"')).toBe(true);
      expect(fragment.endsWith('</span>')).toBe(true);
      expect(page).toContain(fragment);
    }
    expect(fragments.join('')).not.toContain('prose');
    // Each fragment ends where its element ends: what follows it in the page closes the outer `span.katex`.
    for (const fragment of fragments) expect(page.slice(page.indexOf(fragment) + fragment.length).startsWith('</span>')).toBe(true);
  });
});
