/**
 * remark plugin: resolve `{term}` roles against the book's glossary (content/glossary.yaml). A name
 * matches a term or an alias whatever its case, also in a simple plural (`-s`, `-es`, `-ies`).
 *
 * - The **first** marked use of an entry in a chapter becomes a link to its glossary entry
 *   (`glossary/#term-<slug>`, id `termref-<slug>` so the glossary's "used in" link lands on it),
 *   marked `data-preview`: the shared preview popover shows the definition on hover, focus or tap,
 *   and without JavaScript it is a plain link.
 * - **Later** marked uses of the same entry in the chapter render as emphasized text without a link,
 *   so a chapter links each term once.
 * - An unknown name is an error at the role, with the nearest term (rule `glossary-term-exists`);
 *   the text is still rendered, so the check reports every problem together.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import type { GlossaryTerm } from '../myst-roles/types.js';
import { smartPunctuationOf } from '../smart-punctuation/index.js';

/** What the plugin needs of a glossary (the book's is `src/book/glossary.ts`). */
export interface Glossary {
  /** The book has no glossary file. */
  missing?: boolean;
  /** The entry a name (term or alias) written in a `{term}` role stands for, or undefined. */
  lookup(name: string): { term: string; anchor: string } | undefined;
  /** Every name a role may use (terms and aliases, as written in the glossary), for suggestions. */
  names(): string[];
}

/** How names compare: case, spacing and the kind of apostrophe or dash do not matter. */
export function normalizeTermName(name: string): string {
  return name.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/[‐‑–—]/g, '-').replace(/\s+/g, ' ');
}

export interface GlossaryTermOptions {
  /** The book's glossary (loaded once per build). */
  glossary: () => Glossary;
  /** The site's base path, ending in `/`. */
  base: string;
  /** How messages name the glossary file. */
  glossaryDisplayPath?: string;
}

/** The id of a term's first use in a chapter (where "used in" links land). */
export const termUseId = (anchor: string) => anchor.replace(/^term-/, 'termref-');

/** URL of the glossary page below the base. */
export const glossaryHref = (base: string) => `${base}glossary/`;

export default function remarkGlossaryTerms(options: GlossaryTermOptions) {
  return (tree: Root, file: VFile) => resolveGlossaryTerms(tree, file, options.glossary(), options.base, options.glossaryDisplayPath);
}

/** Render every `{term}` role of a chapter tree: a link for each entry's first use, emphasis after. */
export function resolveGlossaryTerms(tree: Root, file: VFile, glossary: Glossary, base: string, displayPath = 'content/glossary.yaml'): void {
  const linked = new Set<string>();
  visit(tree, 'glossaryTerm', (node: GlossaryTerm) => {
    // A role's text is not part of the text smart punctuation reads: "Goodhart's law" is curled here.
    const text = smartPunctuationOf(node.text ?? node.term);
    const entry = node.term === '' ? undefined : glossary.lookup(node.term);
    if (!entry) {
      const reason =
        node.term === ''
          ? `Empty glossary term \`{term}\`\`\`: write a term of ${displayPath} between the backticks`
          : glossary.missing
            ? `Unknown glossary term \`${node.term}\`: there is no ${displayPath}; create it with an entry for \`${node.term}\``
            : `Unknown glossary term \`${node.term}\`, expected a term or alias of ${displayPath}${suggest(glossary, node.term)}; add it there, or fix the spelling`;
      file.message(reason, { place: node.position, ruleId: RuleId.glossaryTermExists, source: 'glossary' }).fatal = true;
      node.data = { hName: 'span', hProperties: { className: ['term', 'term-unknown'] }, hChildren: [{ type: 'text', value: text }] };
      return;
    }
    if (linked.has(entry.anchor)) {
      node.data = { hName: 'em', hProperties: { className: ['term'] }, hChildren: [{ type: 'text', value: text }] };
      return;
    }
    linked.add(entry.anchor);
    node.data = {
      hName: 'a',
      hProperties: {
        href: `${glossaryHref(base)}#${entry.anchor}`,
        id: termUseId(entry.anchor),
        className: ['term', 'term-link'],
        dataPreview: '',
        dataTerm: entry.term,
      },
      hChildren: [{ type: 'text', value: text }],
    };
  });
}

/** ` (did you mean \`x\`?)` for the glossary name nearest to `name`, compared as lookups compare them. */
function suggest(glossary: Glossary, name: string): string {
  const names = new Map(glossary.names().map((candidate) => [normalizeTermName(candidate), candidate]));
  return didYouMean(normalizeTermName(name), names.keys(), (key) => names.get(key) ?? key);
}
