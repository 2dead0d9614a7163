/**
 * The citation plugin on MDX snippets: author–year (APA 7) and numeric (Vancouver) citations linked to
 * their entries, the chapter's References with back-links, escaping and links in references, and the
 * messages for unknown and empty keys (count, text, position, rule).
 */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { CitationStyle } from '../../../src/bibliography/csl-formatter.js';
import { parseBibliography } from '../../../src/bibliography/load-bibliography.js';
import { checkCitationKeys } from '../../../src/markdown/citation-keys/index.js';
import { resolveCitations } from '../../../src/markdown/citations/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import { markUnresolvedRoles } from '../../../src/markdown/role-placeholders/index.js';

const bib = parseBibliography(
  String.raw`
@inproceedings{dai2024bias,
  author = {Dai, Sunhao and Xu, Chen and Xu, Shicheng and Pang, Liang and Dong, Zhenhua and Xu, Jun},
  title = {Bias and Unfairness in Information Retrieval Systems: New Challenges in the {LLM} Era},
  booktitle = {Proceedings of the 30th {ACM} {SIGKDD} Conference on Knowledge Discovery and Data Mining},
  pages = {6437--6447},
  year = {2024},
  doi = {10.1145/3637528.3671458}
}
@inproceedings{schaeffer2023emergent,
  author = {Schaeffer, Rylan and Miranda, Brando and Koyejo, Sanmi},
  title = {Are Emergent Abilities of Large Language Models a Mirage?},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2023}
}
@article{wei2022emergent,
  author = {Wei, Jason and Tay, Yi and Bommasani, Rishi},
  title = {Emergent Abilities of Large Language Models},
  journal = {Transactions on Machine Learning Research},
  year = {2022},
  url = {https://openreview.net/forum?id=yzkSU5zdwD}
}
@misc{betley2025emergent,
  author = {Betley, Jan and Tan, Daniel and Warncke, Niels},
  title = {Emergent Misalignment},
  year = {2025}
}
@misc{mirzadeh2024gsm,
  author = {Mirzadeh, Iman and Alizadeh, Keivan},
  title = {{GSM-Symbolic}},
  year = {2024}
}
@article{smith2023first,
  author = {Smith, Jane},
  title = {First Paper},
  journal = {J},
  year = {2023}
}
@article{smith2023second,
  author = {Smith, Jane},
  title = {Second Paper},
  journal = {J},
  year = {2023}
}
@article{zliobaite2017,
  author = {{\v{Z}}liobait{\.e}, Indr{\.e}},
  title = {Measuring Discrimination in Algorithmic Decision Making \& Beyond},
  journal = {Data Mining and Knowledge Discovery},
  year = {2017}
}
@misc{evil2020,
  author = {Mallory, Eve},
  title = {A title with <script>alert(1)</script> in it},
  year = {2020}
}
`,
  'bib/references.bib',
);

function render(source: string, style: CitationStyle = 'apa', checkOnly = false, citedInBook?: string[]) {
  const file = new VFile({ path: 'content/p/x.mdx', value: source });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMystRoles);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  // As in the pipeline: the key check, then (when rendering) the formatter.
  checkCitationKeys(tree, file, bib);
  if (!checkOnly) resolveCitations(tree, file, bib, style, 'en', citedInBook ? () => citedInBook : undefined);
  // As in the pipeline: roles no resolver handled get a placeholder and a warning.
  markUnresolvedRoles(tree, file);
  const html = unified().use(remarkRehype).use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file));
  const text = html.replace(/<[^>]+>/g, '');
  return { html, text, messages: file.messages };
}

describe('author–year citations (APA 7, the default)', () => {
  it('should render a parenthetical citation linked to its entry', () => {
    const { html, text } = render('Biases {cite:p}`dai2024bias`.');
    expect(text).toContain('Biases (Dai et al., 2024).');
    expect(html).toContain('<a class="citation-link" href="#ref-dai2024bias" data-cite-key="dai2024bias" data-preview="" id="cite-dai2024bias-1">Dai et al., 2024</a>');
  });

  it('should order several works as the style does and link each one', () => {
    const { html, text } = render('Abrupt {cite:p}`wei2022emergent,schaeffer2023emergent`.');
    expect(text).toContain('Abrupt (Schaeffer et al., 2023; Wei et al., 2022).');
    expect(html).toMatch(/\(<a [^>]*href="#ref-schaeffer2023emergent"[^>]*>Schaeffer et al\., 2023<\/a>; <a [^>]*href="#ref-wei2022emergent"/);
  });

  it('should render textual citations, one or several, naturally', () => {
    expect(render('{cite:t}`betley2025emergent` found it.').text).toContain('Betley et al. (2025) found it.');
    expect(render('As {cite:t}`betley2025emergent,mirzadeh2024gsm` show.').text).toContain('As Betley et al. (2025) and Mirzadeh &#x26; Alizadeh (2024) show.');
  });

  it('should disambiguate the same author and year with letters', () => {
    const { text } = render('One {cite:p}`smith2023first` and two {cite:p}`smith2023second`.');
    expect(text).toContain('One (Smith, 2023a) and two (Smith, 2023b).');
  });

  it('should end the chapter with exactly the cited entries and back-links to each citation', () => {
    const { html } = render('A {cite:p}`dai2024bias`, B {cite:t}`betley2025emergent`, A again {cite:p}`dai2024bias`.');
    const entries = [...html.matchAll(/<li id="(ref-[^"]+)" class="reference">/g)].map((match) => match[1]);
    expect(entries).toEqual(['ref-betley2025emergent', 'ref-dai2024bias']);
    expect(html).toContain('<h2 id="references">References</h2>');
    expect(html).toContain('<a href="#cite-dai2024bias-1" class="back-link" aria-label="Back to citation 1 of 2">↩1</a>');
    expect(html).toContain('<a href="#cite-dai2024bias-2" class="back-link" aria-label="Back to citation 2 of 2">↩2</a>');
    expect(html).toContain('id="cite-dai2024bias-2"');
  });

  it('should link DOIs and URLs, decode BibTeX accents and escapes, and keep protected capitals', () => {
    const { html } = render('{cite:p}`dai2024bias` {cite:p}`wei2022emergent` {cite:p}`zliobaite2017`');
    expect(html).toContain('<a href="https://doi.org/10.1145/3637528.3671458">https://doi.org/10.1145/3637528.3671458</a>');
    expect(html).toContain('<a href="https://openreview.net/forum?id=yzkSU5zdwD">');
    // Titles print in sentence case, as APA 7 wants; braced words and acronyms keep their capitals.
    expect(html).toContain('Žliobaitė, I. (2017). Measuring discrimination in algorithmic decision making &#x26; beyond.');
    expect(html).toContain('New challenges in the LLM era');
  });

  it('should escape HTML in fields', () => {
    const { html } = render('{cite:p}`evil2020`');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});

describe('numeric citations (Vancouver)', () => {
  it('should number works by first citation and name authors in textual citations', () => {
    const { text, html } = render('A {cite:p}`wei2022emergent`, B {cite:p}`dai2024bias,wei2022emergent`, {cite:t}`betley2025emergent` too.', 'vancouver');
    expect(text).toContain('A (1), B (1,2), Betley et al. (3) too.');
    const entries = [...html.matchAll(/<li id="(ref-[^"]+)"/g)].map((match) => match[1]);
    expect(entries).toEqual(['ref-wei2022emergent', 'ref-dai2024bias', 'ref-betley2025emergent']);
  });
});

describe('citation errors', () => {
  it('should report an unknown key at its position with the nearest key', () => {
    const { messages } = render('Line one.\n\nBias {cite:p}`dai2024bais` here.');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      reason: 'Unknown citation key `dai2024bais`, expected a key from bib/references.bib (did you mean `dai2024bias`?)',
      line: 3,
      column: 6,
      ruleId: 'citation-key-exists',
      fatal: true,
    });
  });

  it('should report an empty citation', () => {
    const { messages } = render('Empty {cite:p}`` here.');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ line: 1, column: 7, ruleId: 'citation-not-empty', fatal: true });
    expect(messages[0]?.reason).toContain('Empty citation');
  });

  it('should report each bad key of a book, not only the first', () => {
    const { messages } = render('{cite:p}`nope1` and {cite:t}`dai2024bias,nope2`');
    expect(messages.map((message) => message.reason.match(/`(nope\d)`/)?.[1])).toEqual(['nope1', 'nope2']);
  });
});

describe('the content check’s pass (check only)', () => {
  it('should report the same problems as rendering, without formatting anything', () => {
    const source = 'Bias {cite:p}`dai2024bais` and {cite:t}`wei2022emergent` and {cite:p}``.';
    const checked = render(source, 'apa', true);
    const rendered = render(source);
    // The same messages, and no "unresolved citation" warning for the citations it did not format.
    expect(checked.messages.map(String)).toEqual(rendered.messages.map(String));
    expect(checked.messages).toHaveLength(2);
    expect(checked.messages.every((message) => message.ruleId !== 'role-resolved')).toBe(true);
    // Nothing was formatted: no citation text, no References section.
    expect(rendered.text).toContain('Wei et al. (2022)');
    expect(checked.text).not.toContain('Wei et al.');
    expect(checked.html).not.toContain('References');
  });
});

describe('citations formatted for the whole book', () => {
  // The book cites these, in this order of first citation; the chapter under test cites only some.
  const book = ['dai2024bias', 'smith2023first', 'wei2022emergent', 'smith2023second'];

  it('should disambiguate against works cited in other chapters, as in the book bibliography', () => {
    // Alone, the chapter has one Smith 2023; in the book there are two, so the letters are the book's.
    expect(render('See {cite:p}`smith2023second`.', 'apa').text).toContain('See (Smith, 2023).');
    expect(render('See {cite:p}`smith2023second`.', 'apa', false, book).text).toContain('See (Smith, 2023b).');
  });

  it('should number with the book numbers in a numeric style, and list only the chapter’s works', () => {
    const { text, html } = render('See {cite:p}`wei2022emergent` and {cite:p}`dai2024bias`.', 'vancouver', false, book);
    expect(text).toContain('See (3) and (1).');
    const entries = [...html.matchAll(/<li id="(ref-[^"]+)" class="reference">/g)].map((match) => match[1]);
    expect(entries).toEqual(['ref-dai2024bias', 'ref-wei2022emergent']);
  });

  it('should format a chapter cited after the book list was made (an edit in dev) with its own keys added', () => {
    const { text, messages } = render('New {cite:p}`betley2025emergent`.', 'vancouver', false, book);
    expect(messages).toHaveLength(0);
    expect(text).toContain('New (5).');
  });
});

describe('the formatter after the key check', () => {
  it('should refuse citations whose keys were not checked (the pipeline puts the check first)', () => {
    const file = new VFile({ path: 'content/p/x.mdx', value: 'Bias {cite:p}`dai2024bias`.' });
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMystRoles);
    const tree = processor.runSync(processor.parse(file), file) as Root;
    expect(() => resolveCitations(tree, file, bib, 'apa')).toThrow(/citation keys were not checked/);
    checkCitationKeys(tree, file, bib);
    expect(() => resolveCitations(tree, file, bib, 'apa')).not.toThrow();
  });
});
