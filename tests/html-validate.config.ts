/**
 * html-validate's configuration for the validity gate (tests/e2e/html-validity.test.ts): the
 * standards-conformance preset, less three rules that judge style rather than validity, each off for
 * a reason that holds for this site.
 */
import type { ConfigData } from 'html-validate';

export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:standard'],
  rules: {
    // KaTeX positions and sizes every glyph with a `style` attribute; formulas need it (and the
    // Content-Security-Policy allows style attributes for that reason).
    'no-inline-style': 'off',
    // `role="list"` on lists styled without markers is deliberate: WebKit drops their list
    // semantics for screen readers otherwise.
    'no-redundant-role': 'off',
    // Titles are "chapter · book": a long chapter title makes a long <title>, which is valid HTML
    // (browsers truncate the tab); the 70-character advice is about search-result snippets.
    'long-title': 'off',
  },
};
