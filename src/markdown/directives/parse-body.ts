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
import { punctuateTree } from '../smart-punctuation/index.js';
import { colonFenceSyntax } from './colon-fence.js';
import { processWide } from '../../process/process-wide.js';

const STAND_IN = 'directive-body-footnote-stand-in';

/** Parse `markdown`, whose first line is line `firstLine` of the chapter, into block content. */
export function parseDirectiveBody(markdown: string, firstLine: number, footnoteLabels: Iterable<string> = []): BlockContent[] {
  const defined = new Set([...markdown.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)].map((match) => match[1] as string));
  const standIns = [...footnoteLabels].filter((label) => !defined.has(label)).map((label) => `[^${label}]: ${STAND_IN}`);
  const source = standIns.length > 0 ? `${markdown}\n\n${standIns.join('\n\n')}\n` : markdown;
  // A copy: the caller puts the nodes in its tree, and later plugins change them.
  const children = structuredClone(parsedBodyOf(source));
  for (const child of children) {
    visit(child, (node: Node) => {
      if (!node.position) return;
      node.position.start.line += firstLine - 1;
      node.position.end.line += firstLine - 1;
      node.position.start.offset = undefined;
      node.position.end.offset = undefined;
    });
  }
  return children;
}

/**
 * Bodies parsed, by their source, with positions as in the body itself. A chapter is parsed twice per
 * save in dev (its page, and the book's structural pass) and most of its directives did not change:
 * micromark, with its extensions combined again for each body, took a tenth of a heavy chapter's render.
 * One per process (the config's and the pages' copies of this module share it). Bounded: cleared when full, as a dev session of edits would otherwise keep every version of a body.
 */
const parsedBodies = processWide('directive-bodies', () => new Map<string, BlockContent[]>());
const PARSED_BODIES_KEPT = 5000;

function parsedBodyOf(source: string): BlockContent[] {
  let children = parsedBodies.get(source);
  if (!children) {
    const root = fromMarkdown(source, {
      extensions: [gfm(), math(), amsmathSyntax(), mystRoleSyntax(), colonFenceSyntax()],
      mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown(), amsmathFromMarkdown(), mystRoleFromMarkdown()],
    });
    // The chapter's smart punctuation ran before this body was parsed out of its directive: the
    // body's own pass, so a caption or a question reads "model’s" as the text around it does.
    punctuateTree(root);
    children = root.children.filter((child) => !isStandIn(child)) as BlockContent[];
    if (parsedBodies.size >= PARSED_BODIES_KEPT) parsedBodies.clear();
    parsedBodies.set(source, children);
  }
  return children;
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
