/**
 * The .bib loader: real-world BibTeX (the author's previous bibliography) loads completely with
 * decoded accents; every malformed, duplicate or incomplete entry is reported at its own line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibliography } from '../../../src/bibliography/load-bibliography.js';
import { splitBibEntries } from '../../../src/bibliography/bibtex-source.js';

const realWorld = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/jupyter-book/references-jupyterbook.bib'), 'utf8');

describe('the author’s previous bibliography (298 real entries)', () => {
  const bibliography = parseBibliography(realWorld, 'references-jupyterbook.bib');

  it('should load every entry despite the YAML front matter at its top', () => {
    expect(realWorld.startsWith('---')).toBe(true);
    expect(bibliography.items.size).toBe(298);
    expect(bibliography.file.messages.filter((message) => message.fatal)).toEqual([]);
  });

  it('should decode LaTeX accents and escapes in names and titles', () => {
    const names = [...bibliography.items.values()].flatMap((item) => (item.author ?? []).map((person) => `${person.given ?? ''} ${person.family ?? ''}`));
    expect(names).toContain('Indrė Žliobaitė');
    expect(names.some((name) => name.includes('\\') || name.includes('{'))).toBe(false);
    const titles = [...bibliography.items.values()].map((item) => item.title ?? '');
    expect(titles).toContain('A unified approach to quantifying algorithmic unfairness: Measuring individual &group unfairness via inequality indices');
    expect(titles.some((title) => /\\&|\\'|\\"/.test(title))).toBe(false);
  });

  it('should keep the line of each entry for messages', () => {
    const line = realWorld.split('\n').findIndex((text) => text.startsWith('@book{barocas-hardt-narayanan')) + 1;
    expect(bibliography.lines.get('barocas-hardt-narayanan')).toBe(line);
  });
});

describe('problems in a .bib file', () => {
  const source = [
    '@article{good2020,', //                                             1
    '  author = {Ada Lovelace}, title = {A Title}, journal = {J}, year = {2020}', // 2
    '}', //                                                              3
    '@article{good2020,', //                                             4  duplicate key
    '  author = {Someone Else}, title = {Other}, year = {2021}', //     5
    '}', //                                                              6
    '@article{broken,', //                                               7  missing closing brace of a field
    '  author = {Alan Turing, title = {Unclosed}, year = {1950}', //    8
    '}', //                                                              9
    '@misc{incomplete,', //                                             10  no author, no year
    '  title = {Only a Title}', //                                      11
    '}', //                                                             12
    '@book{, title = {X}}', //                                         13
  ].join('\n');
  const bibliography = parseBibliography(source, 'bib/references.bib');
  const messages = bibliography.file.messages.map((message) => ({ line: message.line, fatal: message.fatal, rule: message.ruleId, reason: message.reason }));

  it('should report a duplicate key with both lines', () => {
    expect(messages).toContainEqual(expect.objectContaining({ line: 4, fatal: true, rule: 'bibliography-unique-keys', reason: expect.stringContaining('lines 1 and 4') }));
  });

  it('should report an unclosed entry at its own line and still load the others', () => {
    expect(messages).toContainEqual(expect.objectContaining({ line: 7, fatal: true, rule: 'bibliography-parses', reason: expect.stringContaining('not closed') }));
    expect(bibliography.items.has('good2020')).toBe(true);
    expect(bibliography.items.has('incomplete')).toBe(true);
  });

  it('should warn about an entry without author or year, naming its key', () => {
    expect(messages).toContainEqual(expect.objectContaining({ line: 10, fatal: false, rule: 'bibliography-complete', reason: 'Entry `incomplete` has no author, year: its reference will be incomplete' }));
  });

  it('should report an entry without a key', () => {
    expect(messages).toContainEqual(expect.objectContaining({ line: 13, fatal: true, reason: expect.stringContaining('has no citation key') }));
  });

  it('should report every problem, not only the first', () => {
    expect(messages.filter((message) => message.fatal)).toHaveLength(3);
  });
});

describe('splitBibEntries', () => {
  it('should ignore text between entries and @comment blocks', () => {
    const { entries, problems } = splitBibEntries('---\nfront: matter\n---\n@comment{anything {here}}\n@book{a, title={T}}\n% note\n@string{x = "y"}');
    expect(entries.map((entry) => [entry.type, entry.key, entry.line])).toEqual([
      ['book', 'a', 5],
      ['string', '', 7],
    ]);
    expect(problems).toEqual([]);
  });
});

describe('titles in sentence case, as APA 7 and Vancouver print them', () => {
  const bib = `
@inproceedings{agarwal2018reductions,
  title = {A Reductions Approach to Fair Classification},
  author = {Agarwal, Alekh and Beygelzimer, Alina},
  booktitle = {Proceedings of the 35th International Conference on Machine Learning},
  series = {Proceedings of Machine Learning Research},
  year = {2018}
}
@misc{dieterich2016compas,
  title = {{COMPAS} Risk Scales: Demonstrating Accuracy Equity in {AI} and ChatGPT},
  author = {Dieterich, William},
  year = {2016}
}
@inproceedings{brown2020language,
  title = {Language Models Are Few-Shot Learners, or {Few-Shot} Ones},
  author = {Brown, Tom},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2020}
}`;
  const { items } = parseBibliography(bib, 'titles.bib');

  it('should lowercase the words of a work’s title after the first, and after a colon keep the capital', () => {
    expect(items.get('agarwal2018reductions')?.title).toBe('A reductions approach to fair classification');
    expect(items.get('dieterich2016compas')?.title).toBe('COMPAS risk scales: Demonstrating accuracy equity in AI and ChatGPT');
  });

  it('should keep braced words and words with inner capitals as written', () => {
    expect(items.get('dieterich2016compas')?.title).toContain('COMPAS');
    expect(items.get('dieterich2016compas')?.title).toContain(' AI ');
    expect(items.get('dieterich2016compas')?.title).toContain('ChatGPT');
  });

  it('should lowercase hyphenated compounds too, unless braced', () => {
    expect(items.get('brown2020language')?.title).toBe('Language models are few-shot learners, or Few-Shot ones');
  });

  it('should keep the case of the names of proceedings and series', () => {
    expect(items.get('agarwal2018reductions')?.['container-title']).toBe('Proceedings of the 35th International Conference on Machine Learning');
    expect(items.get('agarwal2018reductions')?.['collection-title']).toBe('Proceedings of Machine Learning Research');
    expect(items.get('brown2020language')?.['container-title']).toBe('Advances in Neural Information Processing Systems');
  });
});
