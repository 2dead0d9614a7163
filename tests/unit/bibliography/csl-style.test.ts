/** A `.csl` file as the book's style: checked before citeproc meets it, and used in the book's language. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCitationFormatter } from '../../../src/bibliography/csl-formatter.js';
import { cslStyleProblem } from '../../../src/bibliography/csl-style.js';
import { loadBibliography } from '../../../src/bibliography/load-bibliography.js';

const fixture = path.join(import.meta.dirname, '../../fixtures/csl-style');
const style = path.join(fixture, 'styles/author-date.csl') as `${string}.csl`;
const good = readFileSync(style, 'utf8');

describe('cslStyleProblem', () => {
  it('should accept an independent CSL style with a citation layout and a bibliography', () => {
    expect(cslStyleProblem(good)).toBeUndefined();
  });

  it('should say where a file stops being well-formed XML', () => {
    expect(cslStyleProblem(readFileSync(path.join(fixture, 'styles/broken.csl'), 'utf8'))).toMatch(/^it is not well-formed XML: .*\(line 66, column 1\)$/);
  });

  it('should refuse XML that is not a CSL style', () => {
    expect(cslStyleProblem('<html><body/></html>')).toMatch(/^its root element is not `<style>`/);
    expect(cslStyleProblem(good.replace('xmlns="http://purl.org/net/xbiblio/csl"', ''))).toMatch(/not in the CSL namespace/);
  });

  it('should send a dependent style to its parent', () => {
    const dependent = `<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>X</title><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>`;
    expect(cslStyleProblem(dependent)).toBe('it is a dependent style, which only names its parent (http://www.zotero.org/styles/apa): use the parent style\'s .csl file');
  });

  it('should ask for a bibliography, which every chapter’s references need', () => {
    expect(cslStyleProblem(good.replace(/<bibliography[\s\S]*<\/bibliography>/, ''))).toMatch(/no `<bibliography>` element/);
  });
});

describe('createCitationFormatter with a `.csl` file', () => {
  const items = [...loadBibliography(path.join(fixture, 'bib/references.bib')).items.values()].filter((item) =>
    ['hardt2016equality', 'dwork2006calibrating'].includes(item.id),
  );
  const plain = (html: string) => html.replace(/<[^>]+>/g, '');

  it('should format citations and references in the file’s style', () => {
    const formatter = createCitationFormatter(style, items, 'en');
    expect(plain(formatter.parenthetical(['hardt2016equality']))).toBe('(Hardt, Price, and Srebro 2016)');
    expect(plain(formatter.textual(['dwork2006calibrating']))).toBe('Dwork et al. (2006)');
    expect(plain(formatter.references()[1]?.html ?? '')).toBe(
      'Hardt, Moritz, Eric Price, and Nati Srebro. 2016. “Equality of opportunity in supervised learning.” In Advances in Neural Information Processing Systems.',
    );
  });

  it('should take the terms from the book’s language', () => {
    const formatter = createCitationFormatter(style, items, 'de');
    expect(plain(formatter.parenthetical(['hardt2016equality']))).toBe('(Hardt, Price, und Srebro 2016)');
    // The German locale's "et al." is "u. a.", with a narrow no-break space.
    expect(plain(formatter.textual(['dwork2006calibrating']))).toMatch(/^Dwork u\.\s?a\. \(2006\)$/u);
  });
});
