/**
 * remark plugin for MyST's `{math}` directive, which Jupyter Book authors use for labelled equations:
 *
 *     ```{math}
 *     :label: eq-rates
 *     r = \frac{TP}{TP + FN}
 *     ```
 *
 * It becomes display math like `$$…$$`; `:label:` names and numbers it (as `\label{}` does, see
 * ../equations), so `{eq}` links to it. Another option is an error at its line (rule `directive-valid`).
 */
import type { Code, Root } from 'mdast';
import type { Math as MathNode } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { optionPlace, readDirective } from '../directives/parse-directive.js';

const OPTIONS = ['label', 'name', 'class', 'nowrap'];

export default function remarkMathDirective() {
  return (tree: Root, file: VFile) => transformMathDirectives(tree, file);
}

/** Replace each `{math}` directive by a display `math` node, its label written as `\label{}`. */
export function transformMathDirectives(tree: Root, file: VFile): void {
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined) return;
    const directive = readDirective(node);
    if (directive?.name !== 'math') return;
    for (const key of directive.options.keys()) {
      if (OPTIONS.includes(key)) continue;
      file.message(`\`{math}\` has no option \`:${key}:\`${didYouMean(key, OPTIONS, (option) => `:${option}:`)}; name the equation with \`:label:\``, {
        place: optionPlace(directive, key),
        ruleId: RuleId.directiveValid,
        source: 'math-directive',
      }).fatal = true;
    }
    const label = directive.options.get('label')?.value || directive.options.get('name')?.value;
    const tex = [directive.argument, directive.body].filter(Boolean).join('\n');
    const value = label ? `${tex}\n\\label{${label}}` : tex;
    const math: MathNode = {
      type: 'math',
      meta: null,
      value,
      position: node.position,
      data: {
        hName: 'pre',
        hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }],
      },
    };
    parent.children[index] = math;
  });
}
