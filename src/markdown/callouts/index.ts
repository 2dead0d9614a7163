/**
 * remark plugin for MyST admonitions, as the author writes them in `.md` and `.mdx`:
 *
 *     ```{note} Optional title
 *     Body, in Markdown (roles, math and emphasis work).
 *     ```
 *
 * Names: note, tip, hint, important, seealso, warning, caution, attention, danger, error. The result is
 * `<div class="callout callout-note" role="note"><p class="callout-title">…</p>…body…</div>`, the same
 * markup as the MDX `<Callout type="note" title="…">` component.
 */
import type { BlockContent, Code, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { mystRoleFromMarkdown } from '../myst-roles/from-markdown.js';
import { mystRoleSyntax } from '../myst-roles/syntax.js';

/** Each admonition name and its default title. */
export const CALLOUT_TITLES: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  hint: 'Hint',
  important: 'Important',
  seealso: 'See also',
  warning: 'Warning',
  caution: 'Caution',
  attention: 'Attention',
  danger: 'Danger',
  error: 'Error',
};

const DIRECTIVE = /^\{([a-z]+)\}$/;

export default function remarkCallouts() {
  return (tree: Root) => transformCallouts(tree);
}

/** Replace each admonition code block by a callout whose body is parsed Markdown. */
export function transformCallouts(tree: Root): void {
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined || !node.lang) return;
    const name = DIRECTIVE.exec(node.lang)?.[1];
    if (!name || !(name in CALLOUT_TITLES)) return;
    const lines = node.value.split('\n');
    // MyST options (`:class: dropdown`) come first; they have no effect here.
    let skipped = 0;
    while (/^:[a-z-]+:/.test(lines[skipped] ?? '')) skipped++;
    const body = parseBody(lines.slice(skipped).join('\n'), (node.position?.start.line ?? 1) + 1 + skipped);
    const title = (node.meta ?? '').trim() || (CALLOUT_TITLES[name] as string);
    const callout: RootContent = {
      type: 'blockquote',
      position: node.position,
      data: { hName: 'div', hProperties: { className: ['callout', `callout-${name}`], role: 'note' } },
      children: [
        { type: 'paragraph', data: { hName: 'p', hProperties: { className: ['callout-title'] } }, children: parseInline(title) },
        ...body,
      ],
    };
    parent.children[index] = callout;
    return 'skip';
  });
}

/** Parse a directive's body; positions are shifted to the chapter file's lines. */
function parseBody(markdown: string, firstLine: number): BlockContent[] {
  const root = fromMarkdown(markdown, {
    extensions: [gfm(), math(), mystRoleSyntax()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown(), mystRoleFromMarkdown()],
  });
  visit(root, (child: Node) => {
    if (!child.position) return;
    child.position.start.line += firstLine - 1;
    child.position.end.line += firstLine - 1;
    child.position.start.offset = undefined;
    child.position.end.offset = undefined;
  });
  return root.children as BlockContent[];
}

function parseInline(markdown: string) {
  const first = fromMarkdown(markdown, { extensions: [math(), mystRoleSyntax()], mdastExtensions: [mathFromMarkdown(), mystRoleFromMarkdown()] }).children[0];
  return first?.type === 'paragraph' ? first.children : [];
}
