/**
 * remark plugin: numbered display equations. `\label{name}` inside `$$…$$` (as in LaTeX and MyST)
 * names the equation: the label is removed from the TeX (KaTeX has no `\label`), the equation gets
 * the number `<chapter>.<n>`, shown with `\tag`, and the id `name` for `{eq}` references.
 */
import type { Parent, Root } from 'mdast';
import type { Math as MathNode } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RuleId } from '../../diagnostics/rule-ids.js';

const LABEL = /\\label\{([^{}]+)\}/g;
const HAS_LABEL = /\\label\{/;

/** What a labelled equation records, for the cross-reference targets. */
export interface EquationLabel {
  id: string;
  number: string;
}

declare module 'mdast-util-math' {
  interface MathData {
    equation?: EquationLabel;
  }
}

/** A numbered display equation: its `math` node, in an element that carries the id. */
export interface Equation extends Parent {
  type: 'equation';
  children: [MathNode];
}

declare module 'mdast' {
  interface BlockContentMap {
    equation: Equation;
  }
  interface RootContentMap {
    equation: Equation;
  }
}

export default function remarkEquations() {
  return (tree: Root, file: VFile) => numberEquations(tree, file);
}

/** Number the labelled display equations of a chapter, in order. */
export function numberEquations(tree: Root, file: VFile): void {
  const chapterNumber = file.data.bookChapter?.number;
  let count = 0;
  visit(tree, (node, index, parent) => {
    if (node.type === 'inlineMath' && HAS_LABEL.test(node.value)) {
      file.message('`\\label` names a display equation: move the formula into `$$ … $$` on its own lines', {
        place: node.position,
        ruleId: RuleId.labelPlacement,
        source: 'equations',
      }).fatal = true;
      node.value = node.value.replace(LABEL, '');
      return;
    }
    if (node.type !== 'math' || !parent || index === undefined) return;
    const labels = [...node.value.matchAll(LABEL)].map((match) => (match[1] as string).trim());
    if (labels.length === 0) return;
    if (labels.length > 1) {
      file.message(`One equation has ${labels.length} labels (${labels.join(', ')}); give it one, or split it into one \`$$ … $$\` per label`, {
        place: node.position,
        ruleId: RuleId.labelPlacement,
        source: 'equations',
      }).fatal = true;
    }
    count++;
    const id = labels[0] as string;
    const number = chapterNumber ? `${chapterNumber}.${count}` : String(count);
    const math = node as MathNode;
    math.value = `${math.value.replace(LABEL, '').trim()}\n\\tag{${number}}`;
    // remark-math renders from `data.hChildren`, filled at parse time with the original TeX.
    math.data = {
      ...math.data,
      equation: { id, number },
      hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: math.value }] }],
    };
    // A wrapper carries the id: the KaTeX plugin (typeset-math) replaces the math element's own attributes.
    const equation: Equation = {
      type: 'equation',
      position: node.position,
      data: { hName: 'div', hProperties: { id, className: ['equation'] } },
      children: [math],
    };
    parent.children[index] = equation;
  });
}
