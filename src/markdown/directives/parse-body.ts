/**
 * Parse a directive's body (a callout's content, a figure's caption) as Markdown, with the chapter's
 * syntax extensions: GFM (tables, footnotes), math and amsmath environments, MyST roles, and nested
 * directives in either fence. Positions are moved to the chapter file's lines, so messages about what
 * the body contains point into the chapter.
 *
 * Footnotes: micromark only reads `[^x]` as a footnote call when `[^x]: …` is defined in the same
 * document, and a body is parsed on its own. So the chapter's footnote labels are passed in and
 * defined for the parse (stand-ins appended after the body, removed again): a body can call a footnote
 * that the chapter defines, and the definition stays where the author wrote it.
 */
import type { BlockContent, FootnoteDefinition, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { amsmathFromMarkdown } from '../amsmath/from-markdown.js';
import { amsmathSyntax } from '../amsmath/syntax.js';
import { mystRoleFromMarkdown } from '../myst-roles/from-markdown.js';
import { mystRoleSyntax } from '../myst-roles/syntax.js';
import { colonFenceSyntax } from './colon-fence.js';

const STAND_IN = 'directive-body-footnote-stand-in';

/** Parse `markdown`, whose first line is line `firstLine` of the chapter, into block content. */
export function parseDirectiveBody(markdown: string, firstLine: number, footnoteLabels: Iterable<string> = []): BlockContent[] {
  const defined = new Set([...markdown.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)].map((match) => match[1] as string));
  const standIns = [...footnoteLabels].filter((label) => !defined.has(label)).map((label) => `[^${label}]: ${STAND_IN}`);
  const root = fromMarkdown(standIns.length > 0 ? `${markdown}\n\n${standIns.join('\n\n')}\n` : markdown, {
    extensions: [gfm(), math(), amsmathSyntax(), mystRoleSyntax(), colonFenceSyntax()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown(), amsmathFromMarkdown(), mystRoleFromMarkdown()],
  });
  root.children = root.children.filter((child) => !isStandIn(child));
  visit(root, (child: Node) => {
    if (!child.position) return;
    child.position.start.line += firstLine - 1;
    child.position.end.line += firstLine - 1;
    child.position.start.offset = undefined;
    child.position.end.offset = undefined;
  });
  return root.children as BlockContent[];
}

/** The inline content of the first paragraph of `markdown` (a title, a caption). */
export function parseDirectiveInline(markdown: string, firstLine: number, footnoteLabels: Iterable<string> = []): PhrasingContent[] {
  const first = parseDirectiveBody(markdown, firstLine, footnoteLabels)[0];
  return first?.type === 'paragraph' ? first.children : [];
}

/** The footnote labels the chapter defines, so bodies parsed apart can call them. */
export function footnoteLabels(tree: Root): string[] {
  const labels: string[] = [];
  visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
    labels.push(node.label ?? node.identifier);
  });
  return labels;
}

function isStandIn(node: Node): boolean {
  if (node.type !== 'footnoteDefinition') return false;
  const definition = node as FootnoteDefinition;
  const first = definition.children[0];
  return first?.type === 'paragraph' && first.children.length === 1 && first.children[0]?.type === 'text' && first.children[0].value === STAND_IN;
}
