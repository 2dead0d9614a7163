/**
 * Apply a notebook output's stylesheet to the output itself, as `style` attributes on the elements its
 * rules select (what e-mail "CSS inliners" do). pandas prints a `<style scoped>` block before each
 * DataFrame, and Styler tables colour cells through `#T_…` id rules. Kept as a `<style>` element it
 * would be invalid HTML in the body, would restyle the whole page (browsers ignore `scoped`), and need
 * a hash in the Content-Security-Policy; inlined, it reaches exactly the output's elements, and the ids
 * it needed can be removed afterwards (an output's ids are not anchors of the chapter).
 *
 * What cannot be inlined is dropped and named: at-rules (`@media`, `@import`, `@font-face`), selectors
 * with states or pseudo-elements (`:hover`, `::before`), and any declaration with `url(…)` (a request to
 * another host would break the book's privacy promise).
 */
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';

interface CssRule {
  selector: string;
  declarations: [property: string, value: string][];
  specificity: number;
  order: number;
}

/** Set the declarations of `css` on the elements of `tree` they select; return what was dropped, in words. */
export function inlineCss(tree: Root, css: string): string[] {
  const dropped = new Set<string>();
  const rules = parseRules(css.replace(/\/\*[\s\S]*?\*\//g, ''), dropped);
  // Cascade, simplified: by specificity, then source order; the element's own `style` wins over both.
  rules.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
  const styles = new Map<Element, Map<string, string>>();
  for (const rule of rules) {
    let matched: Element[];
    try {
      matched = selectAll(rule.selector, tree);
    } catch {
      dropped.add(`rules it cannot apply without a browser (\`${rule.selector}\`)`);
      continue;
    }
    for (const element of matched) {
      const style = styles.get(element) ?? new Map<string, string>();
      for (const [property, value] of rule.declarations) style.set(property, value);
      styles.set(element, style);
    }
  }
  for (const [element, style] of styles) {
    const own = typeof element.properties.style === 'string' ? element.properties.style : '';
    for (const [property, value] of parseDeclarations(own)) style.set(property, value);
    element.properties.style = [...style].map(([property, value]) => `${property}: ${value}`).join('; ');
  }
  return [...dropped];
}

function parseRules(text: string, dropped: Set<string>): CssRule[] {
  const rules: CssRule[] = [];
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{', index);
    const semicolon = text.indexOf(';', index);
    // A statement at-rule (`@import url(…);`, `@charset …;`) before the next block.
    if (semicolon !== -1 && (open === -1 || semicolon < open)) {
      const statement = text.slice(index, semicolon).trim();
      if (statement.startsWith('@')) dropped.add(`\`${statement.split(/\s/)[0]}\` rules`);
      index = semicolon + 1;
      continue;
    }
    if (open === -1) break;
    const prelude = text.slice(index, open).trim();
    const close = matchingBrace(text, open);
    const body = text.slice(open + 1, close);
    index = close + 1;
    if (prelude.startsWith('@')) {
      dropped.add(`\`${prelude.split(/[\s(]/)[0]}\` rules`);
      continue;
    }
    const declarations = parseDeclarations(body).filter(([property, value]) => {
      if (!/url\s*\(|expression\s*\(/i.test(value)) return true;
      dropped.add(`\`${property}\` declarations with \`url(…)\``);
      return false;
    });
    if (!prelude || declarations.length === 0) continue;
    for (const selector of splitTopLevel(prelude)) {
      if (/::|:(hover|focus|active|visited|focus-within|focus-visible|target)\b/.test(selector)) {
        dropped.add(`rules it cannot apply without a browser (\`${selector}\`)`);
        continue;
      }
      rules.push({ selector, declarations, specificity: specificity(selector), order: rules.length });
    }
  }
  return rules;
}

/** `a: b; c: d` → `[['a', 'b'], ['c', 'd']]`, properties in lower case, `!important` dropped. */
function parseDeclarations(text: string): [string, string][] {
  return text
    .split(';')
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      return [declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).replace(/!important/i, '').trim()] as [string, string];
    })
    .filter(([property, value]) => /^-?[a-z][a-z-]*$/.test(property) && value.length > 0);
}

/** Specificity as one number: ids, then classes/attributes/pseudo-classes, then element names. */
function specificity(selector: string): number {
  const ids = selector.match(/#[\w-]+/g)?.length ?? 0;
  const classes = selector.match(/\.[\w-]+|\[[^\]]*\]|:(?!not\b|is\b|where\b)[\w-]+/g)?.length ?? 0;
  const types = selector.replace(/#[\w-]+|\.[\w-]+|\[[^\]]*\]|:[\w-]+(\([^)]*\))?/g, ' ').match(/(^|[\s>+~])[a-z][\w-]*/gi)?.length ?? 0;
  return ids * 10_000 + classes * 100 + types;
}

/** Split on commas outside parentheses and brackets (`:is(a, b)` stays one selector). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return text.length;
}
