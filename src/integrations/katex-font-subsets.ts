/**
 * KaTeX's fonts cut down to the glyphs the book's formulas use. The full fonts are ~100 KB (gzip) on a
 * math-heavy chapter, most of it glyphs no formula of the book draws. After the build, every page's
 * typeset math is read, each character is assigned to the KaTeX fonts that may draw it (from the
 * classes KaTeX puts on its ancestors, by the font rules of KaTeX's own stylesheet), each WOFF2 font is
 * subset to its characters (harfbuzz, through subset-font), written under a name with a content hash
 * (a new edition with new glyphs is a new URL, never a stale cached font), and the pages' font URLs
 * are rewritten to those names. The same rewrite cuts the pages' inlined KaTeX stylesheet down to the
 * rules the book's formulas can use (katex-stylesheet-pruning.ts).
 *
 * The assignment errs on the side of keeping glyphs: a character goes to every font whose rule could
 * apply. The browser test of the math pages checks, in Chromium, that every glyph of every formula is
 * drawn by a KaTeX font and none falls back to a system font.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import subsetFont from 'subset-font';
import { KATEX_FOLDER, katexDist } from './katex-assets.js';
import { classesOfPage, katexStylePruner } from './katex-stylesheet-pruning.js';
import { replaceFile } from './replace-file.js';
import { scanHtmlTags } from './scan-html-tags.js';

/** A rule of KaTeX's stylesheet that sets a font: the classes its selector needs, and what it sets. */
interface FontRule {
  classes: string[];
  family?: string;
  bold?: boolean;
  italic?: boolean;
}

/** The font rules of KaTeX's stylesheet (`.katex .mathbf{font-family:KaTeX_Main;font-weight:700}`, …). */
export function katexFontRules(css: string): FontRule[] {
  const rules: FontRule[] = [];
  for (const match of css.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    const [selectors = '', body = ''] = [match[1], match[2]];
    const family = /font-family:\s*(KaTeX_[A-Za-z0-9]+)/.exec(body)?.[1];
    const weight = /font-weight:\s*(\w+)/.exec(body)?.[1];
    const style = /font-style:\s*(\w+)/.exec(body)?.[1];
    if (!family && !weight && !style) continue;
    for (const selector of selectors.split(',')) {
      const classes = [...selector.matchAll(/\.([\w-]+)/g)].map((found) => found[1] as string).filter((name) => name !== 'katex');
      if (classes.length === 0) continue;
      rules.push({
        classes,
        family,
        bold: weight === undefined ? undefined : weight === 'bold' || Number(weight) >= 600,
        italic: style === undefined ? undefined : style === 'italic',
      });
    }
  }
  return rules;
}

/** The font files (`KaTeX_Main-Bold`) that may draw text whose ancestors carry `classes`. */
export function fontsForClasses(classes: ReadonlySet<string>, rules: FontRule[]): string[] {
  const applicable = rules.filter((rule) => rule.classes.every((name) => classes.has(name)));
  const families = new Set(applicable.flatMap((rule) => (rule.family ? [rule.family] : [])));
  // `.katex` itself sets KaTeX_Main, so text under no other family rule is drawn in it.
  if (families.size === 0) families.add('KaTeX_Main');
  const bold = [false, ...(applicable.some((rule) => rule.bold) ? [true] : [])];
  const italic = [false, ...(applicable.some((rule) => rule.italic) ? [true] : [])];
  const files = new Set<string>();
  for (const family of families) {
    for (const b of bold) {
      // KaTeX_Math has no upright faces: its text is always drawn italic.
      for (const i of family === 'KaTeX_Math' ? [true] : italic) files.add(`${family}-${b && i ? 'BoldItalic' : b ? 'Bold' : i ? 'Italic' : 'Regular'}`);
    }
  }
  return [...files];
}

/** Characters per font file, from the typeset math (`.katex-html`) of one page. */
export function collectFontCharacters(html: string, rules: FontRule[], into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const add = (text: string, classes: ReadonlySet<string>) => {
    for (const file of fontsForClasses(classes, rules)) {
      const set = into.get(file) ?? new Set<string>();
      for (const character of text) set.add(character);
      into.set(file, set);
    }
  };
  // Only the typeset formulas are read, not the whole page (most of a page is prose and chrome), and
  // only their tags and text (scan-html-tags.ts): the classes in force over each text.
  for (const fragment of typesetMathFragments(html)) {
    const open: Set<string>[] = [];
    let textStart = 0;
    for (const tag of scanHtmlTags(fragment)) {
      const text = fragment.slice(textStart, tag.start);
      textStart = tag.end;
      const classes = open.at(-1);
      if (classes && text.trim() !== '') add(text.includes('&') ? decodeHTML(text) : text, classes);
      if (tag.kind === 'end') {
        open.pop();
        continue;
      }
      if (!tag.opens) continue;
      const names = (tag.attributes.get('class') ?? '').split(/[\t\n\f\r ]+/).filter(Boolean);
      open.push(names.length > 0 ? new Set([...(classes ?? []), ...names]) : (classes ?? new Set()));
    }
  }
  return into;
}

const KATEX_HTML_START = /<span class="katex-html"[^>]*>/g;
const SPAN_TAG = /<span\b|<\/span>/g;

/**
 * The `<span class="katex-html">…</span>` elements of a page, as HTML. KaTeX's output, as the build
 * writes it, nests only balanced spans inside (its SVGs hold no span), so counting span tags finds
 * each one's end.
 */
export function typesetMathFragments(html: string): string[] {
  const fragments: string[] = [];
  KATEX_HTML_START.lastIndex = 0;
  for (let start = KATEX_HTML_START.exec(html); start; start = KATEX_HTML_START.exec(html)) {
    SPAN_TAG.lastIndex = KATEX_HTML_START.lastIndex;
    let depth = 1;
    while (depth > 0) {
      const tag = SPAN_TAG.exec(html);
      // Unbalanced (not KaTeX's output as the build writes it): no more formulas to read.
      if (!tag) return fragments;
      depth += tag[0] === '</span>' ? -1 : 1;
    }
    fragments.push(html.slice(start.index, SPAN_TAG.lastIndex));
    KATEX_HTML_START.lastIndex = SPAN_TAG.lastIndex;
  }
  return fragments;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export interface FontSubsetSummary {
  fonts: number;
  fullBytes: number;
  subsetBytes: number;
}

/**
 * Write the subset fonts into `<outDir>/_katex/fonts/` and point the pages at them. Fonts no formula
 * uses are written too (empty of glyphs, about 1 KB), so every URL of the stylesheet stays valid.
 */
export async function writeKatexFontSubsets(outDir: string): Promise<FontSubsetSummary> {
  const source = katexDist();
  const rules = katexFontRules(readFileSync(path.join(source, 'katex.min.css'), 'utf8'));
  const pages = htmlFiles(outDir).map((file) => ({ file, html: readFileSync(file, 'utf8') }));
  const characters = new Map<string, Set<string>>();
  const classes = new Set<string>();
  for (const page of pages) {
    if (!page.html.includes('katex-html')) continue;
    collectFontCharacters(page.html, rules, characters);
    classesOfPage(page.html, classes);
  }
  const pruneStyle = katexStylePruner(classes);

  const target = path.join(outDir, KATEX_FOLDER, 'fonts');
  mkdirSync(target, { recursive: true });
  const names = new Map<string, string>();
  const summary: FontSubsetSummary = { fonts: 0, fullBytes: 0, subsetBytes: 0 };
  for (const file of readdirSync(path.join(source, 'fonts')).filter((name) => name.endsWith('.woff2'))) {
    const font = file.replace(/\.woff2$/, '');
    const full = readFileSync(path.join(source, 'fonts', file));
    // Without TrueType hinting (its programs and control values), which is most of a small subset's
    // bytes: KaTeX's fonts are auto-hinted, and the phones and Macs most readers use draw fonts without
    // hints anyway (Android and Apple ignore them, Chromium on Windows mostly). A third off the fonts.
    const subset = await subsetFont(full, [...(characters.get(font) ?? [])].join(''), { targetFormat: 'woff2', noHinting: true });
    const hashed = `${font}.${createHash('sha256').update(subset).digest('hex').slice(0, 10)}.woff2`;
    writeFileSync(path.join(target, hashed), subset);
    names.set(file, hashed);
    if (characters.has(font)) Object.assign(summary, { fonts: summary.fonts + 1, fullBytes: summary.fullBytes + full.length, subsetBytes: summary.subsetBytes + subset.length });
  }
  const url = new RegExp(`${KATEX_FOLDER}/fonts/(KaTeX_[\\w-]+\\.woff2)`, 'g');
  for (const page of pages) {
    if (!page.html.includes(`${KATEX_FOLDER}/fonts/`)) continue;
    // One rewrite per page: the fonts' new names, and the book's cut of KaTeX's stylesheet.
    replaceFile(page.file, pruneStyle(page.html.replace(url, (found, name: string) => (names.has(name) ? `${KATEX_FOLDER}/fonts/${names.get(name)}` : found))));
  }
  return summary;
}
