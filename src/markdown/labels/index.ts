/**
 * remark plugin: section labels, MyST style. A paragraph `(my-label)=` right before a heading gives
 * that heading the id `my-label`; `## Title {#my-id}` does the same inline. Either way the heading's
 * URL fragment no longer depends on its text, and `{ref}` can point at it. A label that is not
 * followed by a heading, or an id not at the end of a heading, is an error (rule `label-placement`).
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RuleId } from '../../diagnostics/rule-ids.js';

const LABEL_LINE = /^\(([A-Za-z0-9][\w:.-]*)\)=$/;

/** What a heading's label records, for the cross-reference targets. */
export interface HeadingLabel {
  id: string;
  title: string;
}

declare module 'mdast' {
  interface HeadingData {
    /** Set when the author gave the heading an explicit label or id. */
    label?: HeadingLabel;
  }
}

export default function remarkLabels() {
  return (tree: Root, file: VFile) => applyLabels(tree, file);
}

/** Move `(label)=` lines and `{#id}` suffixes onto their headings as ids. */
export function applyLabels(tree: Root, file: VFile): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'paragraph') {
      const id = labelOf(node);
      if (!id) return;
      const next = parent.children[index + 1] as RootContent | undefined;
      if (next?.type === 'heading') {
        setHeadingId(next, id);
        parent.children.splice(index, 1);
        return index;
      }
      file.message(`The label \`(${id})=\` must stand right before a heading; put it on the line above the heading it names`, {
        place: node.position,
        ruleId: RuleId.labelPlacement,
        source: 'labels',
      }).fatal = true;
      return;
    }
    if (node.type === 'heading') {
      const last = node.children[node.children.length - 1];
      if (last?.type !== 'mystHeadingId') return;
      node.children.pop();
      const before = node.children[node.children.length - 1];
      if (before?.type === 'text') before.value = before.value.trimEnd();
      if (!node.data?.label) setHeadingId(node, last.value);
      return;
    }
    if (node.type === 'mystHeadingId') {
      file.message(`\`{#${node.value}}\` sets a heading's id: write it at the end of a heading line, e.g. \`## Title {#${node.value}}\``, {
        place: node.position,
        ruleId: RuleId.labelPlacement,
        source: 'labels',
      }).fatal = true;
      parent.children.splice(index, 1);
      return index;
    }
    return;
  });
}

function labelOf(paragraph: Paragraph): string | undefined {
  if (paragraph.children.length !== 1 || paragraph.children[0]?.type !== 'text') return undefined;
  return LABEL_LINE.exec(paragraph.children[0].value.trim())?.[1];
}

function setHeadingId(heading: Heading, id: string): void {
  heading.data ??= {};
  heading.data.hProperties = { ...heading.data.hProperties, id };
  heading.data.label = { id, title: toString(heading) };
}
