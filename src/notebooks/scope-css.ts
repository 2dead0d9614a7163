/**
 * Scope a notebook output's stylesheet to that output: every selector is prefixed with the output's
 * own class, so pandas' `<style scoped>` (which browsers no longer honour) cannot restyle the page.
 * Rules that could reach outside the output or the site are dropped and named: `@import`,
 * `@font-face`, and any declaration with `url(…)` (a request to another host would break the book's
 * privacy promise and its Content-Security-Policy).
 */

export interface ScopedCss {
  css: string;
  /** What was dropped, in words, for the build warning. */
  dropped: string[];
}

/** Prefix every selector of `css` with `scope` (e.g. `.nb-output-3-1`). */
export function scopeCss(css: string, scope: string): ScopedCss {
  const dropped = new Set<string>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out = scopeBlock(text, scope, dropped);
  return { css: out.trim(), dropped: [...dropped] };
}

function scopeBlock(text: string, scope: string, dropped: Set<string>): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{', index);
    const semicolon = text.indexOf(';', index);
    // A statement at-rule (`@import url(…);`, `@charset …;`) before the next block.
    if (semicolon !== -1 && (open === -1 || semicolon < open)) {
      const statement = text.slice(index, semicolon).trim();
      if (statement.startsWith('@')) dropped.add(`\`${statement.split(/\s/)[0]}\``);
      index = semicolon + 1;
      continue;
    }
    if (open === -1) break;
    const prelude = text.slice(index, open).trim();
    const close = matchingBrace(text, open);
    const body = text.slice(open + 1, close);
    index = close + 1;
    if (prelude.startsWith('@media') || prelude.startsWith('@supports')) {
      out += `${prelude}{${scopeBlock(body, scope, dropped)}}`;
    } else if (prelude.startsWith('@')) {
      dropped.add(`\`${prelude.split(/\s/)[0]}\``);
    } else if (prelude) {
      const declarations = body
        .split(';')
        .map((declaration) => declaration.trim())
        .filter((declaration) => {
          if (!/url\s*\(|expression\s*\(|@import/i.test(declaration)) return declaration.length > 0;
          dropped.add('declarations with `url(…)`');
          return false;
        });
      if (declarations.length > 0) out += `${scopeSelectors(prelude, scope)}{${declarations.join(';')}}`;
    }
  }
  return out;
}

/** Prefix each selector of a comma-separated list; `:root`, `html` and `body` become the scope itself. */
export function scopeSelectors(selectors: string, scope: string): string {
  return splitTopLevel(selectors)
    .map((selector) => selector.trim())
    .filter(Boolean)
    .map((selector) => {
      const rest = selector.replace(/^(?::root|html|body)\b\s*/, '');
      return rest === selector ? `${scope} ${selector}` : `${scope}${rest ? ` ${rest}` : ''}`;
    })
    .join(',');
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
  return parts;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return text.length;
}
