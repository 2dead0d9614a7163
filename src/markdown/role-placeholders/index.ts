/**
 * remark plugin: render the roles no resolver has handled (`cite`, `crossReference` nodes still in the
 * tree) as visible, clearly marked placeholders, and list each as a warning (rule `role-resolved`).
 * It runs after the resolvers, so it only sees what they left; never raw `{cite:p}` text on the page.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RuleId } from '../../diagnostics/rule-ids.js';
import type { Cite, CrossReference, GlossaryTerm } from '../myst-roles/types.js';

export default function remarkRolePlaceholders() {
  return (tree: Root, file: VFile) => markUnresolvedRoles(tree, file);
}

/** Give every unresolved role a placeholder rendering and a warning. */
export function markUnresolvedRoles(tree: Root, file: VFile): void {
  visit(tree, (node) => {
    if (node.type !== 'cite' && node.type !== 'crossReference' && node.type !== 'glossaryTerm') return;
    const role = node as Cite | CrossReference | GlossaryTerm;
    if (role.data?.hName) return; // a resolver rendered it
    if (role.type === 'cite' && role.resolved) return; // checked; formatting is rendering's (the content check stops before it)
    const [label, target, what] =
      role.type === 'cite'
        ? [`cite:${role.kind}`, role.keys.join(', '), 'citation']
        : role.type === 'glossaryTerm'
          ? ['term', role.term, 'glossary term']
          : [role.kind, role.target, 'cross-reference'];
    file.message(`Unresolved ${what} \`{${label}}\`${target}\`\` shown as a placeholder until ${what}s are resolved`, {
      place: role.position,
      ruleId: RuleId.roleResolved,
      source: 'role-placeholders',
    }).fatal = false;
    role.data = {
      hName: 'span',
      hProperties: { className: ['role-placeholder'], dataRole: label, title: `Unresolved ${what}: ${target}` },
      hChildren: [{ type: 'text', value: role.type === 'cite' ? `[${target}]` : role.type === 'glossaryTerm' ? (role.text ?? target) : target }],
    };
  });
}
