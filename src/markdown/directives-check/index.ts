/**
 * remark plugin: a fenced block whose language is `{name}` is a MyST directive. Those this book knows
 * (figure, interactive, the callouts) are transformed by earlier plugins; any left is an unknown
 * directive, an error (rule `directive-known`) rather than a code block shown as-is.
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { CALLOUT_TITLES } from '../callouts/index.js';

// `code-cell` (MyST text notebooks) is transformed by code-cells/ before this check; listed for suggestions.
const KNOWN = ['figure', 'interactive', 'code-cell', ...Object.keys(CALLOUT_TITLES)];

export default function remarkDirectivesCheck() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node: Code) => {
      const name = /^\{([^}]*)\}$/.exec(node.lang ?? '')?.[1];
      if (name === undefined) return;
      file.message(
        `Unknown directive \`{${name}}\`${didYouMean(name, KNOWN, (known) => `{${known}}`)}; known directives: ${KNOWN.map((known) => `\`{${known}}\``).join(', ')}`,
        { place: node.position, ruleId: RuleId.directiveKnown, source: 'directives' },
      ).fatal = true;
    });
  };
}
