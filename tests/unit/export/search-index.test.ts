/**
 * The export's search index: the same content Pagefind indexes (the page's `data-pagefind-body`,
 * without ignored parts, math or reference lists), cut into sections at headings with ids, with title,
 * number and part; and how hits become chapter results with section sub-results and marked excerpts.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { pageSections, searchDocuments, searchIndexScript } from '../../../src/export/search-index.js';
import { excerptAround, groupHits, MINISEARCH_OPTIONS, type OfflineSearchDocument, partCounts } from '../../../src/scripts/offline-search-index.js';

const chapter = (body: string) =>
  `<html><body><nav><a href="/">Contents: Conceptual Framework of Privacy</a></nav><main><article class="chapter" data-pagefind-body data-pagefind-filter="part:Special Topics" data-pagefind-meta="number:4.2">` +
  `<p class="chapter-kicker" data-pagefind-ignore>Part 4 · Special Topics · Chapter 4.2</p><h1 data-pagefind-meta="title">Aligning AI Systems</h1>${body}</article></main></body></html>`;

describe('pageSections', () => {
  it('should cut the indexed body at headings with ids, with title, number and part', () => {
    const sections = pageSections(
      'alignment/index.html',
      chapter('<p>Opening words.</p><h2 id="reward-hacking">Reward hacking<a class="heading-anchor" href="#reward-hacking">#</a></h2><p>A policy <em>games</em> its reward.</p><h3>No id</h3><p>Still here.</p>'),
    );
    expect(sections).toEqual([
      { page: 'alignment/index.html', title: 'Aligning AI Systems', pageTitle: 'Aligning AI Systems', number: '4.2', part: 'Special Topics', text: 'Opening words.' },
      { page: 'alignment/index.html', anchor: 'reward-hacking', title: 'Reward hacking', pageTitle: 'Aligning AI Systems', number: '4.2', part: 'Special Topics', text: 'A policy games its reward. No id Still here.' },
    ]);
  });

  it('should leave out the chrome, ignored parts, typeset math and reference lists', () => {
    const [opening] = pageSections(
      'a/index.html',
      chapter('<p>Rate <span class="katex"><math><mi>x</mi></math><span class="katex-html">x</span></span> here.</p><div data-pagefind-ignore>Ignored</div><ol class="references"><li>Smith, J. (2020)</li></ol>'),
    );
    expect(opening?.text).toBe('Rate here.');
  });

  it('should index nothing of a page without an indexed body', () => {
    expect(pageSections('search/index.html', '<html><body><main><h1>Search</h1><h2 id="x">X</h2></main></body></html>')).toEqual([]);
  });
});

describe('the offline index', () => {
  const documents: OfflineSearchDocument[] = searchDocuments([
    { file: 'alignment/index.html', html: chapter('<p>Alignment opening.</p><h2 id="reward-hacking">Reward hacking</h2><p>A policy that exploits flaws in the reward function is reward hacking.</p><h2 id="summary">Summary</h2><p>Reward hacking again.</p>') },
    { file: 'glossary/index.html', html: '<article data-pagefind-body data-pagefind-filter="part:Back matter"><h1 data-pagefind-meta="title">Glossary</h1><h3 id="term-reward-hacking">Reward hacking</h3><p>Exploiting a reward.</p></article>' },
  ]);

  it('should serialise an index that MiniSearch loads and searches', () => {
    const script = searchIndexScript(documents);
    expect(script.startsWith('window.BOOK_SEARCH_INDEX = ')).toBe(true);
    const data = JSON.parse(script.slice('window.BOOK_SEARCH_INDEX = '.length, -2)) as { documents: OfflineSearchDocument[]; index: Parameters<typeof MiniSearch.loadJS>[0] };
    const engine = MiniSearch.loadJS(data.index, MINISEARCH_OPTIONS);
    const ids = engine.search('reward hack').map((hit) => hit.id);
    expect(ids.map((id) => `${data.documents[id as number]?.page}#${data.documents[id as number]?.anchor ?? ''}`).sort()).toEqual(['alignment/index.html#reward-hacking', 'alignment/index.html#summary', 'glossary/index.html#term-reward-hacking']);
  });

  it('should group hits by page, best page first, with section links that carry the searched words', () => {
    const engine = new MiniSearch<OfflineSearchDocument>(MINISEARCH_OPTIONS);
    engine.addAll(documents);
    const hits = engine.search('reward hacking').map((hit) => ({ id: hit.id as number, score: hit.score, terms: hit.terms }));
    const outcome = groupHits(hits, documents, 'reward hacking', '../', 10);
    expect(outcome.total).toBe(2);
    const alignment = outcome.results.find((result) => result.meta.title === 'Aligning AI Systems');
    expect(alignment?.url).toBe('../alignment/index.html?highlight=reward&highlight=hacking');
    expect(alignment?.meta.number).toBe('4.2');
    expect(alignment?.sub_results.map((sub) => sub.url)).toEqual(expect.arrayContaining(['../alignment/index.html?highlight=reward&highlight=hacking#reward-hacking']));
    expect(alignment?.sub_results.find((sub) => sub.title === 'Reward hacking')?.excerpt).toContain('<mark>reward</mark> <mark>hacking.</mark>');
    // The chapter with two matching sections ranks above the one glossary entry.
    expect(outcome.results[0]?.meta.title).toBe('Aligning AI Systems');
  });

  it('should count pages per part for the filter', () => {
    expect(partCounts(documents)).toEqual({ 'Special Topics': 1, 'Back matter': 1 });
  });
});

describe('excerptAround', () => {
  it('should show the words around the first match, escaped, with matches marked', () => {
    const text = `${'word '.repeat(40)}the <b> policy found reward-hacking tricks ${'tail '.repeat(40)}`;
    const excerpt = excerptAround(text, ['reward']);
    expect(excerpt).toContain('the &lt;b&gt; policy found <mark>reward-hacking</mark> tricks');
    expect(excerpt.split(' ').length).toBe(24);
  });
});
