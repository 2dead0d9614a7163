/**
 * KaTeX's stylesheet cut down to the rules the book's formulas can use. The whole stylesheet is
 * inlined into every page with math (katex-assets.ts), 3.3 KB gzip, most of it rules for constructs
 * the book does not contain (sizing resets, arrays, fraktur, typewriter): the build keeps about 1.3 KB.
 * One cut for the whole book rather than one per page, although a page alone would need hardly less:
 * a preview (reference-preview.ts) shows an equation or a paragraph of another page inside this one,
 * styled by this page's stylesheet, and the security policy allows each distinct inline stylesheet by
 * its hash, on every page.
 *
 * The test errs on the side of keeping: a selector is kept when every class it names appears on some
 * element of the book's pages with math (which it must, to match anything), whatever their nesting;
 * classes inside `:not(…)` only narrow a selector, so they are not required. Rules that name no class
 * (`body`) and at-rules other than `@font-face` are kept; a `@font-face` is kept when a kept rule sets
 * its family (`.katex` itself sets KaTeX_Main).
 */

/** The classes of a page's elements, from every `class` attribute of its HTML, added to `classes`. */
export function classesOfPage(html: string, classes = new Set<string>()): Set<string> {
  for (const match of html.matchAll(/\sclass="([^"]*)"/g)) for (const name of (match[1] ?? '').split(/[\t\n\f\r ]+/)) if (name) classes.add(name);
  return classes;
}

/** The top-level blocks of a stylesheet: each rule, each at-rule with the rules it nests (`@media{a{}b{}}`). */
function topLevelBlocks(css: string): string[] {
  const blocks: string[] = [];
  let start = 0;
  let depth = 0;
  for (let index = 0; index < css.length; index++) {
    const character = css[index];
    if (character === '{') depth++;
    else if (character === '}' && --depth === 0) {
      blocks.push(css.slice(start, index + 1));
      start = index + 1;
    }
  }
  const rest = css.slice(start).trim();
  if (rest) blocks.push(rest);
  return blocks;
}

/** The classes a selector needs on the page to match anything (those under `:not()` excepted). */
function requiredClasses(selector: string): string[] {
  return [...selector.replace(/:not\([^)]*\)/g, '').matchAll(/\.([\w-]+)/g)].map((match) => match[1] as string);
}

/** `css` (KaTeX's minified stylesheet) with only the rules that may apply on a page with `classes`. */
export function pruneKatexStylesheet(css: string, classes: ReadonlySet<string>): string {
  const kept: string[] = [];
  const faces: { family: string; block: string; index: number }[] = [];
  for (const block of topLevelBlocks(css)) {
    if (block.startsWith('@font-face')) {
      faces.push({ family: /KaTeX_\w+/.exec(block)?.[0] ?? '', block, index: kept.length });
      kept.push('');
      continue;
    }
    if (block.startsWith('@')) {
      kept.push(block);
      continue;
    }
    const brace = block.indexOf('{');
    const selectors = block.slice(0, brace).split(',').filter((selector) => requiredClasses(selector).every((name) => classes.has(name)));
    if (selectors.length > 0) kept.push(`${selectors.join(',')}${block.slice(brace)}`);
  }
  // Families as rules name them: `font-family:KaTeX_Math`, `"KaTeX_SansSerif"`, `.katex{font:… KaTeX_Main,…}`.
  const families = new Set(kept.flatMap((block) => [...block.matchAll(/KaTeX_\w+/g)].map((match) => match[0])));
  for (const face of faces) if (families.has(face.family)) kept[face.index] = face.block;
  return kept.join('');
}

const KATEX_STYLE = /(<style[^>]*\sdata-katex[^>]*>)([\s\S]*?)(<\/style>)/;

/**
 * A function that gives a page's HTML with its inlined KaTeX stylesheet (`<style data-katex>`) cut down
 * to `classes`, the classes of every page with math; pages share the result.
 */
export function katexStylePruner(classes: ReadonlySet<string>): (html: string) => string {
  const pruned = new Map<string, string>();
  return (html) => {
    const found = KATEX_STYLE.exec(html);
    if (!found) return html;
    const [whole, open, css, close] = found as unknown as [string, string, string, string];
    let cut = pruned.get(css);
    if (cut === undefined) pruned.set(css, (cut = pruneKatexStylesheet(css, classes)));
    return html.slice(0, found.index) + open + cut + close + html.slice(found.index + whole.length);
  };
}
