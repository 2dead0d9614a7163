/**
 * remark plugin: parse MyST roles (`{cite:p}`key``, `{doc}`id``, `{term}`name``, …) in `.md` and `.mdx`
 * and type them into `cite` / `crossReference` / `glossaryTerm` nodes. Unknown role names are reported (rule `role-known`) and kept
 * as `mystRole` nodes, which render as their literal source so nothing is silently dropped.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { mystRoleFromMarkdown } from './from-markdown.js';
import { mystRoleSyntax } from './syntax.js';
import type { Cite, CrossReference, GlossaryTerm, MystRole } from './types.js';

export type { Cite, CrossReference, GlossaryTerm, MystHeadingId, MystRole } from './types.js';

const CROSS_REFERENCE_ROLES = new Set(['doc', 'ref', 'numref', 'eq']);
const KNOWN_ROLES = ['cite:p', 'cite:t', ...CROSS_REFERENCE_ROLES, 'term'];

/** MyST's `{role}`custom text <target>`` form. */
const CUSTOM_TEXT = /^(.*\S)\s*<([^<>]+)>$/;

/** Register the syntax and type the roles of each tree. */
export default function remarkMystRoles(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(mystRoleSyntax());
  (data.fromMarkdownExtensions ??= []).push(mystRoleFromMarkdown());
  return (tree: Root, file: VFile) => typeMystRoles(tree, file);
}

/** Replace each `mystRole` node by its typed node; report unknown roles. Pure over the tree. */
export function typeMystRoles(tree: Root, file: VFile): void {
  visit(tree, 'mystRole', (node: MystRole, index, parent) => {
    if (!parent || index === undefined) return;
    const typed = typeRole(node);
    if (typed) {
      parent.children[index] = typed;
      return;
    }
    file.message(
      `Unknown role \`{${node.name}}\`, expected one of ${KNOWN_ROLES.map((r) => `\`{${r}}\``).join(', ')}`,
      { place: node.position, ruleId: RuleId.roleKnown, source: 'myst-roles' },
    ).fatal = true;
    node.data = { hName: 'code', hChildren: [{ type: 'text', value: `{${node.name}}\`${node.value}\`` }] };
  });
}

function typeRole(node: MystRole): Cite | CrossReference | GlossaryTerm | undefined {
  const base = { position: node.position };
  if (node.name === 'cite:p' || node.name === 'cite:t' || node.name === 'cite') {
    const keys = [...new Set(node.value.split(',').map((key) => key.trim()).filter(Boolean))];
    return { type: 'cite', kind: node.name === 'cite:t' ? 't' : 'p', keys, ...base };
  }
  if (CROSS_REFERENCE_ROLES.has(node.name)) {
    // MyST's `{ref}`custom text <target>`` form sets the link text.
    const custom = CUSTOM_TEXT.exec(node.value.trim());
    return {
      type: 'crossReference',
      kind: node.name as CrossReference['kind'],
      target: (custom ? (custom[2] as string) : node.value).trim(),
      ...(custom ? { text: custom[1] } : {}),
      ...base,
    };
  }
  if (node.name === 'term') {
    const custom = CUSTOM_TEXT.exec(node.value.trim());
    const term = (custom ? (custom[2] as string) : node.value).trim();
    return { type: 'glossaryTerm', term, ...(custom ? { text: custom[1] } : {}), value: custom ? (custom[1] as string) : term, ...base };
  }
  return undefined;
}
