/**
 * remark plugin for MyST admonitions, as Jupyter Book authors write them in `.md` and `.mdx`, with
 * backtick or colon fences:
 *
 *     ```{note} Optional title             :::{admonition} A title (required)
 *     Body, in Markdown.                   :class: tip dropdown
 *     ```                                  Body.
 *                                          :::
 *
 * Named admonitions: note, tip, hint, important, seealso, warning, caution, attention, danger, error.
 * `{admonition} Title` takes its kind from `:class:` (a note by default). `{dropdown} Title`, or
 * `:class: dropdown` on any of them, makes it collapsible and collapsed (`:open:` keeps it open).
 *
 * The result is a `callout` node: `<div class="callout callout-note" role="note"><p class="callout-title">…`
 * (the markup of the MDX `<Callout>` component), or for a dropdown
 * `<details class="callout callout-note callout-dropdown"><summary class="callout-title">…</summary>…`,
 * which the keyboard and screen readers operate natively and which prints open (book.css).
 */
import type { BlockContent, Code, DefinitionContent, Parent, PhrasingContent, Root } from 'mdast';
import type { Point, Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { linkFootnoteCalls } from '../directives/footnote-calls.js';
import { footnoteLabels, parseDirectiveBody, parseDirectiveInline } from '../directives/parse-body.js';
import { type Directive, optionPlace, readDirective } from '../directives/parse-directive.js';

/** Each admonition name and its default title. */
/** The class of a callout's title (`<p>`, or a dropdown's `<summary>`), which the anchor and math plugins look for. */
export const CALLOUT_TITLE_CLASS = 'callout-title';

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

/** The directives this plugin turns into callouts: the named admonitions, `admonition` and `dropdown`. */
export const CALLOUT_DIRECTIVES = [...Object.keys(CALLOUT_TITLES), 'admonition', 'dropdown'];

const OPTIONS = ['class', 'name', 'open'];

/** A callout in the tree: its kind, whether it collapses, its title and body as children. */
export interface Callout extends Parent {
  type: 'callout';
  kind: string;
  dropdown: boolean;
  children: (BlockContent | DefinitionContent)[];
}

declare module 'mdast' {
  interface BlockContentMap {
    callout: Callout;
  }
  interface RootContentMap {
    callout: Callout;
  }
}

export default function remarkCallouts() {
  return (tree: Root, file: VFile) => transformCallouts(tree, file);
}

/** Replace each admonition by a callout whose body is parsed Markdown; nested ones are transformed too. */
export function transformCallouts(tree: Root, file?: VFile): void {
  const labels = footnoteLabels(tree);
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined) return;
    const directive = readDirective(node);
    if (!directive || !CALLOUT_DIRECTIVES.includes(directive.name)) return;
    parent.children[index] = calloutOf(directive, labels, file);
    // Visit the new callout's body: a callout or a figure may be nested in it.
    return index;
  });
  // Footnotes defined inside a body can now be called from the rest of the chapter.
  linkFootnoteCalls(tree, footnoteLabels(tree));
}

function calloutOf(directive: Directive, labels: string[], file: VFile | undefined): Callout {
  const report = (reason: string, place: Point | Position | undefined = directive.position, fatal = true) => {
    if (file) file.message(reason, { place, ruleId: RuleId.directiveValid, source: 'callouts' }).fatal = fatal;
  };
  for (const problem of directive.problems) report(`\`{${directive.name}}\` ${problem.reason}`, { line: problem.line, column: 1 });
  for (const key of directive.options.keys()) {
    if (OPTIONS.includes(key)) continue;
    report(
      `\`{${directive.name}}\` has no option \`:${key}:\`${didYouMean(key, OPTIONS, (option) => `:${option}:`)}; its options: ${OPTIONS.map((option) => `\`:${option}:\``).join(', ')}`,
      optionPlace(directive, key),
    );
  }
  const classes = (directive.options.get('class')?.value ?? '').split(/\s+/).filter(Boolean);
  for (const name of classes) {
    if (name === 'dropdown' || name in CALLOUT_TITLES) continue;
    report(
      `\`:class: ${name}\` is not an admonition kind this book styles${didYouMean(name, [...Object.keys(CALLOUT_TITLES), 'dropdown'])}; it is ignored (kinds: ${Object.keys(CALLOUT_TITLES).join(', ')}, and \`dropdown\`)`,
      optionPlace(directive, 'class'),
      false,
    );
  }
  const named = directive.name in CALLOUT_TITLES ? directive.name : undefined;
  const kind = named ?? classes.find((name) => name in CALLOUT_TITLES) ?? 'note';
  const dropdown = directive.name === 'dropdown' || classes.includes('dropdown');
  if (directive.name === 'admonition' && !directive.argument) {
    report('`{admonition}` needs a title after the name, e.g. `{admonition} Why it matters`; or use a named admonition such as `{note}`');
  }
  const title = directive.argument || (directive.name === 'dropdown' ? 'Details' : (CALLOUT_TITLES[kind] as string));
  const titleLine = directive.position?.start.line ?? 1;
  const titleChildren: PhrasingContent[] = parseDirectiveInline(title, titleLine, labels);
  const id = directive.options.get('name')?.value || undefined;
  const open = directive.options.has('open');
  const className = ['callout', `callout-${kind}`, ...(dropdown ? ['callout-dropdown'] : [])];
  return {
    type: 'callout',
    kind,
    dropdown,
    position: directive.position,
    data: dropdown
      ? { hName: 'details', hProperties: { className, id, open } }
      : { hName: 'div', hProperties: { className, id, role: 'note' } },
    children: [
      {
        type: 'paragraph',
        data: { hName: dropdown ? 'summary' : 'p', hProperties: { className: [CALLOUT_TITLE_CLASS] } },
        children: titleChildren,
      },
      ...parseDirectiveBody(directive.body, directive.bodyLine, labels),
    ],
  };
}
