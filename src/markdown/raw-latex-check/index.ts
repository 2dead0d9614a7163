/**
 * remark plugin: no raw LaTeX on a page without an error. After every transform that makes math
 * (`$…$`, `$$…$$`, bare amsmath environments, directive bodies), a text node that still holds
 * `\begin{` or `$$` would print TeX source to the reader: each is an error at its line (rule
 * `math-raw-latex`) saying why it was not typeset. Code is exempt, and so is `\$\$` (escaped dollars).
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { AMSMATH_ENVIRONMENTS } from '../amsmath/syntax.js';

const ENVIRONMENTS = AMSMATH_ENVIRONMENTS.filter((name) => !name.endsWith('*')).join(', ');

export default function remarkRawLatexCheck() {
  return (tree: Root, file: VFile) => checkRawLatex(tree, file);
}

/** Report every text node of `tree` that holds LaTeX that was not typeset. */
export function checkRawLatex(tree: Root, file: VFile): void {
  const lines = String(file.value ?? '').split(/\r?\n/);
  visit(tree, 'text', (node: Text, index, parent) => {
    const begin = /\\begin\{([^}]*)\}?/.exec(node.value);
    // In MDX, `{…}` after `\begin` is an expression node, not text.
    const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
    const beginBeforeExpression = /\\begin$/.test(node.value) && (next?.type === 'mdxTextExpression' || next?.type === 'mdxFlowExpression');
    if (begin || beginBeforeExpression) {
      const environment = begin?.[1] ?? (next && 'value' in next ? String(next.value) : '');
      const known = AMSMATH_ENVIRONMENTS.includes(environment);
      file.message(
        `LaTeX shown as text: \`\\begin{${environment}}\` was not typeset. ` +
          (known
            ? `An amsmath environment must start its own line (a blank line before it) and be closed by \`\\end{${environment}}\``
            : `\`${environment}\` is not an environment this book typesets bare (${ENVIRONMENTS}); put it inside \`$$ … $$\` (e.g. \`aligned\`, \`cases\`, \`pmatrix\`)`),
        { place: node.position, ruleId: RuleId.mathRawLatex, source: 'raw-latex-check' },
      ).fatal = true;
      return;
    }
    if (node.value.includes('$$') && !onlyEscapedDollars(node, lines)) {
      file.message(
        'LaTeX shown as text: a `$$` was not typeset; a display formula needs `$$` alone on the line before it and on the line after it, and an inline one single `$…$` (write `\\$` for a dollar sign)',
        { place: node.position, ruleId: RuleId.mathRawLatex, source: 'raw-latex-check' },
      ).fatal = true;
    }
  });
}

/** Whether every `$$` on the node's source lines is escaped (`\$\$`, `\$$`), i.e. dollars the author meant. */
function onlyEscapedDollars(node: Text, lines: string[]): boolean {
  const start = node.position?.start.line;
  const end = node.position?.end.line ?? start;
  if (start === undefined || end === undefined || lines.length < end) return false;
  // Code spans on those lines are not the text node's.
  const source = lines.slice(start - 1, end).join('\n').replace(/(`+)[^`]*?\1/g, '');
  return !/(^|[^\\])\$\$/.test(source.replace(/\\\$\\?\$/g, ''));
}
