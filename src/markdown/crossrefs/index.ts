/**
 * remark plugin: resolve `{doc}`, `{ref}`, `{numref}` and `{eq}` against the book's targets, collected
 * beforehand for the whole book. `{doc}` links a chapter by its stable id with its title as text;
 * `{ref}` a label with its section title; `{numref}` a figure or equation with its number
 * ("Figure 4.1.2"); `{eq}` an equation as "(4.1.2)". Custom text: `{ref}`text <label>`` (`%s` is the
 * number). An unknown target is an error naming the nearest existing ones (rule `xref-target-exists`).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { LabelTarget, ResolvableTargets as CrossReferenceTargets } from './targets.js';
import { nearest } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import type { CrossReference } from '../myst-roles/types.js';

export interface CrossReferenceOptions {
  /** The book's targets (collected once per build). */
  targets: () => CrossReferenceTargets;
  /** The site's base path, ending in `/`. */
  base: string;
}

export default function remarkCrossReferences(options: CrossReferenceOptions) {
  return (tree: Root, file: VFile) => resolveCrossReferences(tree, file, options.targets(), options.base);
}

/** Resolve every cross-reference of a chapter tree into a link (or report it). */
export function resolveCrossReferences(tree: Root, file: VFile, targets: CrossReferenceTargets, base: string): void {
  const here = file.data.bookChapter?.id;
  visit(tree, 'crossReference', (node: CrossReference) => {
    const fail = (reason: string) => {
      file.message(reason, { place: node.position, ruleId: RuleId.xrefTargetExists, source: 'cross-references' }).fatal = true;
    };
    if (node.kind === 'doc') {
      const chapter = targets.chapters.get(node.target);
      if (!chapter) {
        fail(`Unknown chapter \`${node.target}\` in \`{doc}\`; nearest chapter ids: ${list(nearest(node.target, targets.chapters.keys()))}`);
        return;
      }
      const text = node.text ?? chapter.title;
      if (chapter.planned || !chapter.slug) {
        render(node, 'span', { className: ['xref', 'xref-planned'], title: `Chapter ${chapter.number} is forthcoming` }, `${text} (forthcoming)`);
        return;
      }
      link(node, `${base}${chapter.slug}/`, text, 'xref-doc');
      return;
    }
    const target = targets.labels.get(node.target);
    if (!target) {
      const kinds = node.kind === 'eq' ? ['equation'] : node.kind === 'numref' ? ['figure', 'equation'] : ['section', 'figure', 'equation'];
      const candidates = [...targets.labels.values()].filter((candidate) => kinds.includes(candidate.kind)).map((candidate) => candidate.label);
      fail(`Unknown \`{${node.kind}}\` target \`${node.target}\`; nearest ${kinds.join('/')} labels: ${list(nearest(node.target, candidates))}`);
      return;
    }
    const text = labelText(node, target);
    if (text === undefined) {
      fail(`\`{${node.kind}}\` cannot point at the ${target.kind} \`${node.target}\`: use ${target.kind === 'section' ? '`{ref}`' : target.kind === 'figure' ? '`{numref}` or `{ref}`' : '`{eq}` or `{numref}`'}`);
      return;
    }
    const chapter = targets.chapters.get(target.chapterId);
    const page = target.chapterId === here || !chapter?.slug ? '' : `${base}${chapter.slug}/`;
    link(node, `${page}#${target.anchor}`, text, `xref-${target.kind}`);
  });
}

/** The link text of a label reference, or undefined when the role does not fit the target. */
function labelText(node: CrossReference, target: LabelTarget): string | undefined {
  const number = target.number ?? '';
  const custom = node.text?.replace(/%s/g, number);
  switch (node.kind) {
    case 'eq':
      return target.kind === 'equation' ? (custom ?? `(${number})`) : undefined;
    case 'numref':
      if (target.kind === 'figure') return custom ?? `Figure ${number}`;
      if (target.kind === 'equation') return custom ?? `Equation (${number})`;
      return undefined;
    default:
      if (target.kind === 'section') return custom ?? target.title;
      if (target.kind === 'figure') return custom ?? `Figure ${number}`;
      return custom ?? `(${number})`;
  }
}

function link(node: CrossReference, href: string, text: string, kindClass: string): void {
  render(node, 'a', { href, className: ['xref', kindClass], dataPreview: '' }, text);
}

function render(node: CrossReference, hName: string, hProperties: Record<string, string | string[]>, text: string): void {
  node.data = { hName, hProperties, hChildren: [{ type: 'text', value: text }] };
}

function list(labels: string[]): string {
  return labels.length > 0 ? labels.map((label) => `\`${label}\``).join(', ') : '(none in the book)';
}
