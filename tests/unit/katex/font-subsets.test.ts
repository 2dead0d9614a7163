/**
 * Which KaTeX fonts may draw a character, from the classes KaTeX puts around it and the font rules of
 * KaTeX's own stylesheet: the basis of the build's font subsets (the browser test of the math pages
 * checks the result glyph by glyph).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KATEX_FOLDER, katexDist } from '../../../src/integrations/katex-assets.js';
import { collectFontCharacters, fontsForClasses, katexFontRules, typesetMathFragments, writeKatexFontSubsets } from '../../../src/integrations/katex-font-subsets.js';
import katex from 'katex';
import { makeTempDir } from '../../support/temp-dir.js';

/** The tags of a WOFF2 font's tables, from its table directory (WOFF2 spec, 5.1–5.2). */
function woff2TableTags(font: Buffer): string[] {
  // The tags a flags byte can name by index (WOFF2 spec, table 5.1), as far as TrueType fonts go.
  const known = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB'];
  expect(font.toString('latin1', 0, 4)).toBe('wOF2');
  const count = font.readUInt16BE(12);
  const tags: string[] = [];
  let offset = 48;
  const base128 = () => {
    let value = 0;
    for (let byte = 0x80; byte & 0x80; ) {
      byte = font[offset++] as number;
      value = value * 128 + (byte & 0x7f);
    }
    return value;
  };
  for (let index = 0; index < count; index++) {
    const flags = font[offset++] as number;
    const tag = (flags & 0x3f) === 0x3f ? font.toString('latin1', offset, (offset += 4)) : (known[flags & 0x3f] ?? `#${flags & 0x3f}`);
    tags.push(tag);
    base128();
    // glyf and loca are transformed unless their version bits say otherwise; other tables only when set.
    const version = (flags >> 6) & 3;
    if ((tag === 'glyf' || tag === 'loca') === (version === 0)) base128();
  }
  return tags;
}

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

  it('should write each font as a subset of the glyphs the pages use, without TrueType hinting, and point the pages at it', async () => {
    const dir = makeTempDir('katex-subsets-');
    try {
      const formula = katex.renderToString(String.raw`\hat{p} \geq t`, { output: 'htmlAndMathml' });
      const style = `<style>@font-face{font-family:KaTeX_Math;src:url(/${KATEX_FOLDER}/fonts/KaTeX_Math-Italic.woff2) format("woff2")}</style>`;
      mkdirSync(path.join(dir, 'chapter'));
      writeFileSync(path.join(dir, 'chapter', 'index.html'), `<html><head>${style}</head><body>${formula}</body></html>`);
      const summary = await writeKatexFontSubsets(dir);
      expect(summary.subsetBytes).toBeLessThan(summary.fullBytes / 5);
      const written = readdirSync(path.join(dir, KATEX_FOLDER, 'fonts'));
      const math = written.find((name) => /^KaTeX_Math-Italic\.[0-9a-f]{10}\.woff2$/.test(name));
      expect(math).toBeDefined();
      expect(readFileSync(path.join(dir, 'chapter', 'index.html'), 'utf8')).toContain(`/${KATEX_FOLDER}/fonts/${math}`);
      const full = woff2TableTags(readFileSync(path.join(katexDist(), 'fonts', 'KaTeX_Math-Italic.woff2')));
      const subset = woff2TableTags(readFileSync(path.join(dir, KATEX_FOLDER, 'fonts', math as string)));
      // KaTeX's own fonts carry hinting (the parser reads them right); the subsets keep the outlines only.
      expect(full).toEqual(expect.arrayContaining(['fpgm', 'prep', 'cvt ', 'glyf', 'cmap']));
      expect(subset).toEqual(expect.arrayContaining(['glyf', 'loca', 'cmap', 'hmtx']));
      expect(subset.filter((tag) => ['fpgm', 'prep', 'cvt ', 'hdmx', 'LTSH', 'VDMX'].includes(tag))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

