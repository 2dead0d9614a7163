/**
 * remark plugin: a block quote whose last paragraph ends with an attribution, `-- Name, [Title](url)`
 * (the manuscript's epigraph form), becomes `<figure class="epigraph"><blockquote>…</blockquote>
 * <figcaption>— Name, <cite>Title</cite></figcaption></figure>`, so the source is marked up as such.
 */
import type { Blockquote, Paragraph, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** `--` (or an en or em dash) with whitespace before it, or at the start of the last paragraph. */
const ATTRIBUTION_MARK = /(^|\s+)(?:--|–|—)\s+/;
/**
 * An attribution starts with a name (a capital letter) or with the work's linked or emphasised title;
 * after a dash that is punctuation inside the quote, the sentence goes on (`the model — which…`).
 */
const ATTRIBUTION_START = /^[\p{Lu}\p{Lt}]/u;

export default function remarkEpigraphs() {
  return (tree: Root) => transformEpigraphs(tree);
}

/** Rewrite every attributed block quote of the tree. */
export function transformEpigraphs(tree: Root): void {
  visit(tree, 'blockquote', (node: Blockquote, index, parent) => {
    // Callouts, figures and equations have node types of their own, so a dash in a callout or a caption
    // never makes an epigraph; a quote already rendered as another element (`data.hName`) is left alone.
    if (!parent || index === undefined || node.data?.hName) return;
    const last = node.children[node.children.length - 1];
    if (!last || last.type !== 'paragraph') return;
    const split = splitAttribution(last);
    if (!split) return;
    const quoteChildren = [...node.children.slice(0, -1)];
    if (split.quote.length > 0) quoteChildren.push({ type: 'paragraph', children: split.quote });
    parent.children[index] = {
      type: 'blockquote',
      position: node.position,
      data: { hName: 'figure', hProperties: { className: ['epigraph'] } },
      children: [
        { type: 'blockquote', children: quoteChildren },
        {
          type: 'paragraph',
          data: { hName: 'figcaption' },
          children: [{ type: 'text', value: '— ' }, ...split.attribution.map(citeWorkTitle)],
        },
      ],
    };
    return 'skip';
  });
}

/** Split a paragraph at its last attribution mark, if the mark is in a text node at the top level. */
export function splitAttribution(paragraph: Paragraph): { quote: PhrasingContent[]; attribution: PhrasingContent[] } | undefined {
  for (let i = paragraph.children.length - 1; i >= 0; i--) {
    const child = paragraph.children[i];
    if (!child || child.type !== 'text') continue;
    const matches = [...child.value.matchAll(new RegExp(ATTRIBUTION_MARK.source, 'g'))];
    const match = matches[matches.length - 1];
    if (!match || match.index === undefined) continue;
    const before = child.value.slice(0, match.index).trimEnd();
    const after = child.value.slice(match.index + match[0].length);
    const quote = [...paragraph.children.slice(0, i)];
    if (before) quote.push({ type: 'text', value: before });
    const attribution: PhrasingContent[] = [];
    if (after) attribution.push({ type: 'text', value: after });
    attribution.push(...paragraph.children.slice(i + 1));
    const first = attribution[0];
    if (!first) return undefined;
    if (first.type === 'text' ? !ATTRIBUTION_START.test(first.value.trimStart()) : first.type !== 'link' && first.type !== 'emphasis') return undefined;
    return { quote, attribution };
  }
  return undefined;
}

/** The work's title is the link or the emphasis in the attribution: mark it as `<cite>`. */
function citeWorkTitle(node: PhrasingContent): PhrasingContent {
  if (node.type === 'link' || node.type === 'emphasis') {
    return { type: 'emphasis', data: { hName: 'cite' }, children: [node.type === 'link' ? node : { type: 'text', value: toPlain(node) }] };
  }
  return node;
}

function toPlain(node: PhrasingContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child) => toPlain(child as PhrasingContent)).join('');
  return '';
}
