/**
 * remark plugin for Jupyter Book's `{bibliography}` directive (sphinxcontrib-bibtex), as the author
 * writes it:
 *
 *     ```{bibliography}
 *     ```
 *
 * In this book every chapter lists the works it cites in its References section, and the Bibliography
 * page lists every work cited in the book. So the directive says *where* a chapter's references go: the
 * citations plugin puts the References section at the directive's place instead of at the chapter's end
 * (never both). In a chapter that cites nothing (Jupyter Book's separate bibliography page), it is a link
 * to the Bibliography page. sphinxcontrib-bibtex's options (`:filter:`, `:style:`, …) are accepted and
 * have no effect: the list is always the chapter's cited works, in the book's citation style.
 */
import type { Code, Parent, PhrasingContent, Root } from 'mdast';
import type { Point, Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { optionPlace, readDirective } from '../directives/parse-directive.js';

/** Where the chapter's references go; rendered as a link to the Bibliography page until replaced. */
export interface BibliographyPlace extends Parent {
  type: 'bibliographyPlace';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface BlockContentMap {
    bibliographyPlace: BibliographyPlace;
  }
  interface RootContentMap {
    bibliographyPlace: BibliographyPlace;
  }
}

const OPTIONS = ['filter', 'style', 'all', 'cited', 'notcited', 'list', 'enumtype', 'start', 'labelprefix', 'keyprefix'];

export interface BibliographyDirectiveOptions {
  /** The site's base path, ending in `/`. */
  base?: string;
}

export default function remarkBibliographyDirective(options: BibliographyDirectiveOptions = {}) {
  return (tree: Root, file: VFile) => placeBibliography(tree, file, options.base ?? '/');
}

/** Replace each `{bibliography}` by a place for the references; more than one is an error. */
export function placeBibliography(tree: Root, file: VFile, base: string): void {
  let seen = 0;
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined) return;
    const directive = readDirective(node);
    if (directive?.name !== 'bibliography') return;
    seen++;
    const report = (reason: string, place: Point | Position | undefined = directive.position) => {
      file.message(reason, { place, ruleId: RuleId.directiveValid, source: 'bibliography-directive' }).fatal = true;
    };
    if (seen > 1) report('A chapter has one `{bibliography}`: its references are listed once; remove this one');
    for (const key of directive.options.keys()) {
      if (!OPTIONS.includes(key)) report(`\`{bibliography}\` has no option \`:${key}:\`${didYouMean(key, OPTIONS, (option) => `:${option}:`)}`, optionPlace(directive, key));
    }
    if (directive.body) report('`{bibliography}` takes no content: it lists the works the chapter cites', { line: directive.bodyLine, column: 1 });
    const place: BibliographyPlace = {
      type: 'bibliographyPlace',
      position: node.position,
      data: { hName: 'p', hProperties: { className: ['bibliography-link'] } },
      children: [
        { type: 'text', value: 'The ' },
        { type: 'link', url: `${base}bibliography/`, children: [{ type: 'text', value: 'Bibliography' }] },
        { type: 'text', value: ' lists every work cited in this book.' },
      ],
    };
    parent.children[index] = place;
  });
}
