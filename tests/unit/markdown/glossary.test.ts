/**
 * The glossary: its file is validated (schema, duplicates, definitions) with positioned messages, and
 * the `{term}` role resolves against it on MDX snippets — case-insensitive, aliases, simple plurals,
 * MyST's custom-text form — the first use in a chapter a previewed link to the entry, later ones
 * emphasis, an unknown or empty term an error at the role with a suggestion and rule id.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { collectTermUses } from '../../../src/book/glossary-index.js';
import { checkGlossaryChapters, parseGlossary, renderDefinition } from '../../../src/book/glossary.js';
import { resolveGlossaryTerms } from '../../../src/markdown/glossary/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import { markUnresolvedRoles } from '../../../src/markdown/role-placeholders/index.js';

const glossary = parseGlossary(
  `- term: Differential privacy
  aliases: [DP]
  definition: A property of a *randomized* algorithm.
  see: [3-2-mechanism]
- term: Proxy
  definition: A feature that stands in for a sensitive attribute.
- term: Goodhart's law
  definition: A measure that becomes a target stops being a good measure.
- term: k-anonymity
  definition: Every record shares its quasi-identifiers with k − 1 others.
`,
  'content/glossary.yaml',
);

function parse(source: string, file: VFile): Root {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMystRoles);
  return processor.runSync(processor.parse(source), file) as Root;
}

/** Resolve the `{term}` roles of an MDX snippet; the HTML and the messages. */
function render(source: string, base = '/') {
  const file = new VFile({ path: 'content/p/x.mdx', value: source });
  const tree = parse(source, file);
  resolveGlossaryTerms(tree, file, glossary, base);
  markUnresolvedRoles(tree, file);
  const html = unified().use(remarkRehype).use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file));
  return { html, messages: file.messages, tree };
}

describe('the glossary file', () => {
  it('should read terms, aliases, definitions, `see` chapters and anchors', () => {
    expect(glossary.file.messages).toEqual([]);
    expect(glossary.entries.map((entry) => entry.anchor)).toEqual(['term-differential-privacy', 'term-proxy', 'term-goodharts-law', 'term-k-anonymity']);
    expect(glossary.entries[0]).toMatchObject({ term: 'Differential privacy', aliases: ['DP'], see: ['3-2-mechanism'], line: 1 });
    expect(glossary.entries[0]?.definitionHtml).toBe('A property of a <em>randomized</em> algorithm.');
  });

  it('should look names up whatever their case, by alias and in a simple plural', () => {
    expect(glossary.lookup('differential PRIVACY')?.term).toBe('Differential privacy');
    expect(glossary.lookup('dp')?.term).toBe('Differential privacy');
    expect(glossary.lookup('proxies')?.term).toBe('Proxy');
    expect(glossary.lookup('Goodhart’s law')?.term).toBe("Goodhart's law");
    expect(glossary.lookup('k-anonymities')?.term).toBe('k-anonymity');
    expect(glossary.lookup('k-anonymous')).toBeUndefined();
    expect(glossary.lookup('privacy')).toBeUndefined();
  });

  it('should report a duplicate term or alias at its line, naming the first', () => {
    const duplicate = parseGlossary(
      '- term: Proxy\n  definition: One.\n- term: Proxy variable\n  aliases: [proxy]\n  definition: Two.\n',
      'content/glossary.yaml',
    );
    expect(duplicate.file.messages.map((message) => [message.line, message.column, message.ruleId, message.fatal])).toEqual([[4, 13, 'glossary-valid', true]]);
    expect(duplicate.file.messages[0]?.reason).toBe('Duplicate glossary term `proxy`: it already names `Proxy` (line 1); terms and aliases must be unique');
  });

  it('should report a malformed entry, an unknown field and a missing definition at their lines', () => {
    const broken = parseGlossary(
      '- term: Proxy\n  definiton: Misspelt.\n- term: Reward model\n  definition: Fine.\n  see: [Not An Id]\n',
      'content/glossary.yaml',
    );
    const messages = broken.file.messages.map((message) => `${message.line}:${message.column} ${message.reason} [${message.ruleId}]`);
    expect(messages).toContain('1:3 Invalid glossary entry 1: unknown field `definiton` (did you mean `definition`?); an entry has `term`, `aliases`, `definition` and `see` [glossary-valid]');
    expect(messages.some((message) => message.startsWith('1:3 Invalid glossary entry 1 at `definition`'))).toBe(true);
    expect(messages.some((message) => message.startsWith('5:9 Invalid glossary entry 2 at `see.0`: a chapter id'))).toBe(true);
    expect(broken.file.messages.every((message) => message.fatal === true)).toBe(true);
  });

  it('should report invalid YAML at its position', () => {
    const invalid = parseGlossary('- term: Proxy\n  definition: [unclosed\n', 'content/glossary.yaml');
    expect(invalid.file.messages[0]?.reason).toMatch(/^Invalid YAML: /);
    expect(invalid.file.messages[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('should accept inline Markdown in definitions and reject math, blocks and relative links', () => {
    expect(renderDefinition('A **strong** `code` [link](https://example.org) & <b>').html).toBe(
      'A <strong>strong</strong> <code>code</code> <a href="https://example.org">link</a> &amp; ',
    );
    expect(renderDefinition('Bounded by $e^\\varepsilon$.').problem).toMatch(/contains math/);
    // The chapters' smart punctuation, not in code.
    expect(renderDefinition("A model's \"score\" -- see `it's`.").html).toBe('A model’s “score” — see <code>it\'s</code>.');
    expect(renderDefinition('One.\n\nTwo.').problem).toMatch(/one paragraph/);
    expect(renderDefinition('See [the chapter](/privacy/).').problem).toMatch(/absolute https:\/\/ URLs/);
  });

  it('should check `see` chapter ids against the book, with a suggestion', () => {
    const file = checkGlossaryChapters(glossary, ['3-1-framework', '3-2-mechanisms']);
    expect(file.messages.map((message) => `${message.line} ${message.reason}`)).toEqual([
      '4 Unknown chapter `3-2-mechanism` in `see` of `Differential privacy`, expected a chapter id of content/book.yaml (did you mean `3-2-mechanisms`?)',
    ]);
    expect(checkGlossaryChapters(glossary, ['3-2-mechanism']).messages).toEqual([]);
  });
});

describe('the {term} role', () => {
  it('should link the first use to the glossary entry with a preview, and emphasize later uses', () => {
    const { html, messages } = render('We add {term}`differential privacy` here, and {term}`DP` there.\n');
    expect(messages).toEqual([]);
    expect(html).toBe(
      '<p>We add <a href="/glossary/#term-differential-privacy" id="termref-differential-privacy" class="term term-link" data-preview="" data-term="Differential privacy">differential privacy</a> here, and <em class="term">DP</em> there.</p>',
    );
  });

  it('should take the display text of the `text <Term>` form, and plurals and any case', () => {
    const { html, messages } = render('Zip codes are {term}`proxies`; {term}`a measure that became a target <Goodhart’s Law>`.\n', '/course/rai/');
    expect(messages).toEqual([]);
    expect(html).toContain('<a href="/course/rai/glossary/#term-proxy" id="termref-proxy"');
    expect(html).toContain('>proxies</a>');
    expect(html).toContain('href="/course/rai/glossary/#term-goodharts-law"');
    expect(html).toContain('>a measure that became a target</a>');
  });

  it('should show a term written with a straight apostrophe with the curly one of the text around it', () => {
    const { html, messages } = render("By {term}`Goodhart's law`, and again {term}`Goodhart's law`.\n");
    expect(messages).toEqual([]);
    expect(html).toContain('>Goodhart’s law</a>');
    expect(html).toContain('<em class="term">Goodhart’s law</em>');
  });

  it('should give a marked term its text for plain-text readers (captions, headings)', () => {
    const { tree } = render('A {term}`word <Proxy>` and {term}`DP`.\n');
    expect(toString(tree)).toBe('A word and DP.');
  });

  it('should report an unknown term at its position with the nearest term, and keep its text', () => {
    const { html, messages } = render('Intro.\n\nWe use {term}`diferential privacy` and {term}`quokka`.\n');
    expect(messages.map((message) => [message.line, message.column, message.ruleId, message.fatal, message.source])).toEqual([
      [3, 8, 'glossary-term-exists', true, 'glossary'],
      [3, 40, 'glossary-term-exists', true, 'glossary'],
    ]);
    expect(messages[0]?.reason).toBe(
      'Unknown glossary term `diferential privacy`, expected a term or alias of content/glossary.yaml (did you mean `Differential privacy`?); add it there, or fix the spelling',
    );
    expect(messages[1]?.reason).not.toMatch(/did you mean/);
    expect(html).toContain('<span class="term term-unknown">diferential privacy</span>');
    // Resolved (with an error), so not also reported as an unresolved placeholder.
    expect(messages.some((message) => message.ruleId === 'role-resolved')).toBe(false);
  });

  it('should report an empty term', () => {
    const { messages } = render('An empty {term}`` role.\n');
    expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['1:10 glossary-term-exists']);
    expect(messages[0]?.reason).toMatch(/^Empty glossary term/);
  });

  it('should say so when the book has no glossary', () => {
    const file = new VFile({ path: 'content/p/x.mdx', value: '{term}`proxy`\n' });
    const tree = parse(String(file.value), file);
    resolveGlossaryTerms(tree, file, { ...parseGlossary('', 'content/glossary.yaml'), missing: true }, '/');
    expect(file.messages[0]?.reason).toBe('Unknown glossary term `proxy`: there is no content/glossary.yaml; create it with an entry for `proxy`');
  });

  it('should be shown as a placeholder, with a warning, where no glossary resolver ran', () => {
    const file = new VFile({ path: 'content/p/x.mdx', value: 'A {term}`proxy`.\n' });
    const tree = parse(String(file.value), file);
    markUnresolvedRoles(tree, file);
    expect(file.messages.map((message) => `${message.ruleId} ${message.fatal}`)).toEqual(['role-resolved false']);
  });
});

describe('term uses for the glossary page', () => {
  it('should list the first use of each entry per chapter, with its section', () => {
    const file = new VFile({ path: 'content/p/x.mdx' });
    const tree = parse('Opening {term}`DP`.\n\n## Linkage\n\nA {term}`proxy`, then {term}`differential privacy` again, {term}`unknown`.\n', file);
    expect(collectTermUses(tree, 'x', glossary)).toEqual([
      { anchor: 'term-differential-privacy', chapterId: 'x', section: undefined },
      { anchor: 'term-proxy', chapterId: 'x', section: { title: 'Linkage', id: 'linkage' } },
    ]);
  });
});
