/**
 * The pages' inlined KaTeX stylesheet keeps the rules the book's formulas can use. The browser test of
 * the math pages (tests/e2e/math.test.ts) checks that every page lays its formulas out with the cut
 * exactly as with the whole stylesheet.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { katexDist } from '../../../src/integrations/katex-assets.js';
import { classesOfPage, katexStylePruner, pruneKatexStylesheet } from '../../../src/integrations/katex-stylesheet-pruning.js';

const KATEX_CSS = readFileSync(path.join(katexDist(), 'katex.min.css'), 'utf8');

describe('KaTeX stylesheet pruning', () => {
  it('should keep the selectors whose classes all appear on the page, and drop the others from a list', () => {
    const css = '.katex .mfrac .frac-line{border-bottom-style:solid}.katex .sqrt>.root{margin-left:.27777778em}.katex .mord.mtight{x:1}body{counter-reset:a}';
    expect(pruneKatexStylesheet(css, new Set(['katex', 'mfrac', 'frac-line']))).toBe('.katex .mfrac .frac-line{border-bottom-style:solid}body{counter-reset:a}');
    expect(pruneKatexStylesheet('.katex .a,.katex .b{c:d}', new Set(['katex', 'b']))).toBe('.katex .b{c:d}');
  });

  it('should not require the classes a selector excludes with :not()', () => {
    const css = '.katex .accent .accent-body:not(.accent-full){width:0}';
    expect(pruneKatexStylesheet(css, new Set(['katex', 'accent', 'accent-body']))).toBe(css);
    expect(pruneKatexStylesheet(css, new Set(['katex', 'accent']))).toBe('');
  });

  it('should keep a font face when a kept rule uses its family, including through the `font` shorthand', () => {
    const faces = '@font-face{font-family:KaTeX_AMS;src:url(a.woff2)}@font-face{font-family:KaTeX_Main;src:url(b.woff2)}@font-face{font-family:KaTeX_Math;src:url(c.woff2)}';
    const rules = '.katex{font:normal 1.21em KaTeX_Main,serif}.katex .amsrm{font-family:KaTeX_AMS}.katex .mathnormal{font-family:KaTeX_Math}';
    expect(pruneKatexStylesheet(faces + rules, new Set(['katex', 'amsrm']))).toBe(
      '@font-face{font-family:KaTeX_AMS;src:url(a.woff2)}@font-face{font-family:KaTeX_Main;src:url(b.woff2)}.katex{font:normal 1.21em KaTeX_Main,serif}.katex .amsrm{font-family:KaTeX_AMS}',
    );
  });

  it('should cut KaTeX’s own stylesheet to a fraction for a page of ordinary formulas, keeping what they use', () => {
    const formulas = [String.raw`\hat{p} = \frac{a}{b}`, String.raw`\mathbb{E}[x] \geq \sqrt{2}`].map((tex) => katex.renderToString(tex, { output: 'htmlAndMathml' })).join(' ');
    const classes = classesOfPage(formulas);
    expect(classes.has('mfrac')).toBe(true);
    const pruned = pruneKatexStylesheet(KATEX_CSS, classes);
    expect(pruned.length).toBeLessThan(KATEX_CSS.length / 2);
    expect(pruned).toContain('.katex .mfrac .frac-line{');
    expect(pruned).toContain('font-family:KaTeX_AMS');
    expect(pruned).toContain('.katex{font:');
    // Nothing for what the page lacks: arrays, fraktur, typewriter.
    expect(pruned).not.toContain('.arraycolsep');
    expect(pruned).not.toContain('KaTeX_Fraktur');
    expect(pruned).not.toContain('KaTeX_Typewriter');
  });

  it('should give every page the same cut, made from the classes of all of them, and leave a page without math as it is', () => {
    const [fraction, root] = [String.raw`\frac{a}{b}`, String.raw`\sqrt[3]{2}`].map((tex) => katex.renderToString(tex, { output: 'htmlAndMathml' })) as [string, string];
    const page = (formula: string) => `<html><head><style>.keep{}</style><style data-katex>${KATEX_CSS}</style></head><body>${formula}</body></html>`;
    const classes = classesOfPage(page(root), classesOfPage(page(fraction)));
    const prune = katexStylePruner(classes);
    const [first, second] = [prune(page(fraction)), prune(page(root))];
    const style = (html: string) => /<style data-katex>([^<]*)<\/style>/.exec(html)?.[1];
    expect(style(first)).toBe(style(second));
    // A page's stylesheet serves the other page's formula too (a preview shows it there).
    expect(style(first)).toContain('.katex .sqrt>.root{');
    expect(style(second)).toContain('.katex .mfrac .frac-line{');
    expect(style(first)?.length).toBeLessThan(KATEX_CSS.length / 2);
    expect(first).toContain('<style>.keep{}</style><style data-katex>@font-face{');
    expect(first.endsWith(`</style></head><body>${fraction}</body></html>`)).toBe(true);
    expect(prune('<p class="a">no math</p>')).toBe('<p class="a">no math</p>');
  });
});
