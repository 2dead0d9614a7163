/**
 * remark plugin: a fenced block whose language is `{name}` (backtick or colon fence) is a MyST
 * directive. Those this book knows are transformed by earlier plugins; any left is an unknown
 * directive, an error (rule `directive-known`) with the nearest known name, rather than a code block
 * shown as-is.
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { CALLOUT_DIRECTIVES } from '../callouts/index.js';
import { directiveName } from '../directives/parse-directive.js';

/** Every directive the book knows, as the suggestions list them. `code-cell` (MyST text notebooks) is
 * transformed by code-cells/ before this check. */
export const KNOWN_DIRECTIVES = ['figure', 'interactive', 'math', 'bibliography', 'code-cell', ...CALLOUT_DIRECTIVES, 'self-check'];

export default function remarkDirectivesCheck() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node: Code) => {
      const name = directiveName(node) ?? /^\{([^}]*)\}$/.exec(node.lang ?? '')?.[1];
      if (name === undefined) return;
      file.message(
        `Unknown directive \`{${name}}\`${didYouMean(name, KNOWN_DIRECTIVES, (known) => `{${known}}`)}; known directives: ${KNOWN_DIRECTIVES.map((known) => `\`{${known}}\``).join(', ')}`,
        { place: node.position, ruleId: RuleId.directiveKnown, source: 'directives' },
      ).fatal = true;
      // Shown as plain code until fixed: a `{name}` language would make the highlighter print its own
      // "language does not exist" warning in the dev server, beside ours.
      node.lang = null;
      node.meta = null;
    });
  };
}
