/**
 * KaTeX's output for one formula: a `span.katex` (inline) or `span.katex-display` holding thousands
 * of spans. Plugins that look for headings, ids or anchors skip its inside (KaTeX writes no ids), as a
 * heavy chapter's formulas are most of its tree.
 */
import type { Element } from 'hast';

export function isTypesetFormula(element: Element): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && (classes.includes('katex') || classes.includes('katex-display'));
}
