/**
 * remark plugin: check every formula with KaTeX before rendering, so that a LaTeX error fails the
 * build with the formula's position (rule `math-parses`) instead of shipping KaTeX's red
 * fallback, which it renders silently (a red `katex-error` span, exit 0).
 */
import katex from 'katex';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { texOffsetToPoint } from './tex-place.js';
import { typesetFormula } from '../typeset-math/typeset.js';

export interface MathCheckOptions {
  /** The book's LaTeX macros (`math.macros` of the structure file), known to KaTeX as when rendering. */
  macros?: Record<string, string>;
}

const emptyOptions: MathCheckOptions = Object.freeze({});

export default function remarkMathCheck(options?: MathCheckOptions) {
  const settings = options || emptyOptions;
  return (tree: Root, file: VFile) => checkMath(tree, file, settings.macros);
}

/** Report each `math`/`inlineMath` node that KaTeX cannot parse (with the book's `macros`). */
export function checkMath(tree: Root, file: VFile, macros: Record<string, string> = {}): void {
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return;
    // Typeset once for the check and the rendering (../typeset-math/typeset.ts).
    const { error } = typesetFormula(node.value, node.type === 'math', macros);
    if (error !== undefined) {
      const reason = error instanceof katex.ParseError ? error.rawMessage : String(error);
      // KaTeX says where in the TeX it stopped (`position`, a character offset; absent for some errors):
      // point there, at the offending token, rather than at the `$$` that opens the formula.
      const position = error instanceof katex.ParseError ? error.position : undefined;
      const point = typeof position === 'number' ? texOffsetToPoint(file, node, position) : undefined;
      file.message(
        `LaTeX error in ${node.type === 'math' ? 'display' : 'inline'} math: ${reason} (formula: \`${abbreviate(node.value)}\`); check the command's spelling and that KaTeX supports it (katex.org/docs/supported)`,
        { place: point ?? node.position, ruleId: RuleId.mathParses, source: 'math-check' },
      ).fatal = true;
    }
  });
}

function abbreviate(tex: string): string {
  const oneLine = tex.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
