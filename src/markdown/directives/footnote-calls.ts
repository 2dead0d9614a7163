/**
 * Footnotes defined inside a directive's body (`[^x]: …` inside a callout) are parsed with the body, so
 * when the chapter was parsed the definition was unknown and micromark left its calls (`[^x]` in the
 * chapter's text) as text. Once the bodies are parsed, those calls become footnote references.
 */
import type { FootnoteReference, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/** A footnote label as mdast identifies it (micromark's normalisation, lowercased). */
const identifierOf = (label: string) => label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase();

/** Turn `[^label]` text into footnote references, for each label the tree defines. */
export function linkFootnoteCalls(tree: Root, labels: Iterable<string>): void {
  const known = new Set([...labels].map((label) => identifierOf(label)));
  if (known.size === 0) return;
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('[^')) return;
    const parts: (Text | FootnoteReference)[] = [];
    let last = 0;
    for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
      const identifier = identifierOf(match[1] as string);
      if (!known.has(identifier)) continue;
      if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
      parts.push({ type: 'footnoteReference', identifier, label: match[1] as string, position: node.position });
      last = match.index + match[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    parent.children.splice(index, 1, ...(parts as typeof parent.children));
    return [SKIP, index + parts.length];
  });
}
