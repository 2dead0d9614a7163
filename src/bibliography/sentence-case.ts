/**
 * An English title written in title case ("Methods for Global Interpretations"), in the sentence case
 * that CSL records hold and APA and Vancouver print ("Methods for global interpretations"). The book's
 * own titles (book.yaml, chapter frontmatter) are written for headings, in title case; the .bib's titles
 * get the same conversion from citation-js's BibTeX parser (src/bibliography/load-bibliography.ts).
 *
 * Only words capitalised as title case capitalises them are lowered: an initial capital followed by
 * lower-case letters, hyphenated parts alike ("Human-Centric"). A word with any other capital ("AI",
 * "McNemar", "t-SNE"), a digit, the pronoun "I", the first word and the first word after a colon stay
 * as written. A proper noun written like an ordinary word ("Shapley") cannot be told apart and is
 * lowered too.
 */
const TITLE_CASED = /^[A-Z][a-z’']*(?:-[A-Z]?[a-z’']*)*$/u;

export function sentenceCase(title: string): string {
  let startOfSentence = true;
  return title.replace(/(\S+)(\s*)/gu, (_, word: string, space: string) => {
    // Punctuation around a word ("(Global"), kept while the word itself is judged.
    const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
    const lowered = !startOfSentence && core !== 'I' && TITLE_CASED.test(core) ? core.toLowerCase() : core;
    startOfSentence = /[:?!]$/.test(after);
    return `${before}${lowered}${after}${space}`;
  });
}
