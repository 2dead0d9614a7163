/**
 * The CSL adapter: formats citations and reference lists with citeproc-js, using the styles and
 * locales that citation-js ships. The rest of the book sees only `createCitationFormatter`.
 *
 * One citeproc engine per style is built once per build (building a style costs ~1 s) and armed
 * with the items a document cites, in order of first citation: citeproc then numbers (numeric styles)
 * and disambiguates (2023a/2023b, added names) within that document. A book build arms it once, with
 * every work the book cites (`bookCitationFormatter`); a lone document (a test) gets its own.
 */
import { createHash } from 'node:crypto';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import CSL, { type Engine } from 'citeproc';
import { countWork } from '../process/build-counts.js';
import { processWide } from '../process/process-wide.js';
import { type CitationStyle, cslStyleXml, isCslFile } from './csl-style.js';
import type { CslItem } from './load-bibliography.js';

// The styles: built-in names or a book's `.csl` file (content/book.yaml's `citationStyle`).
export { CITATION_STYLES, type CitationStyle } from './csl-style.js';

export interface FormattedReference {
  id: string;
  /** The reference as HTML (citeproc's `csl-entry` markup; field text escaped). */
  html: string;
}

export interface CitationFormatter {
  /** A parenthetical citation of `keys`, e.g. `(Dai et al., 2024; Li et al., 2023)` or `(1, 3)`. */
  parenthetical(keys: string[]): string;
  /** A textual citation, e.g. `Betley et al. (2025)`, or `Gonen et al. (2025) and Mirzadeh et al. (2024)`. */
  textual(keys: string[]): string;
  /** The reference list of every item, in the style's order. */
  references(): FormattedReference[];
}

interface CslConfig {
  styles: { get(name: string): string };
  locales: { get(name: string): string };
}

interface CitationLayout {
  prefix: string;
  suffix: string;
  delimiter: string;
}

interface EngineEntry {
  engine: Engine;
  items: Map<string, CslItem>;
  numeric: boolean;
  layout: CitationLayout;
  /** The formatter the engine is armed for now: a formatter is valid only while it is. */
  armedFor?: CitationFormatter;
}

// Shared by the pipeline and the pages' code (see process-wide.ts): one engine per style per build.
const engines = processWide('citation-engines', () => new Map<string, EngineEntry>());

/**
 * The CSL locale of a book language: the locale itself when citation-js has it (`en-GB`, `de-DE`),
 * else the language's main region (`en` → `en-US`, `de` → `de-DE`), else US English.
 */
export function cslLocale(language: string, available: (locale: string) => boolean): string {
  const [primary = 'en'] = language.split('-');
  const candidates = [language, `${primary}-${primary.toUpperCase()}`, primary === 'en' ? 'en-US' : ''];
  return candidates.find((candidate) => candidate !== '' && available(candidate)) ?? 'en-US';
}

/** The affixes and delimiter of the style's citation layout, e.g. `(`, `)`, `; ` for APA. */
function citationLayout(styleXml: string): CitationLayout {
  const layout = /<citation\b[\s\S]*?<layout\b([^>]*)>/.exec(styleXml)?.[1] ?? '';
  const attribute = (name: string) => decodeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(layout)?.[1] ?? '');
  return { prefix: attribute('prefix'), suffix: attribute('suffix'), delimiter: attribute('delimiter') || '; ' };
}

function decodeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Link markup of one cited item; `data-cite-key` marks it for the citation plugin. */
function citeLink(html: string, id: string): string {
  return `<a class="citation-link" href="#ref-${encodeURIComponent(id)}" data-cite-key="${escapeAttribute(id)}" data-preview>${html}</a>`;
}

function engineFor(style: CitationStyle, language: string) {
  const config = plugins.config.get('@csl') as CslConfig;
  const locale = cslLocale(language, (name) => Boolean(config.locales.get(name)));
  // A `.csl` file is read each time (a small file): an edited style then gets a new engine in dev.
  const styleXml = cslStyleXml(style, (name) => config.styles.get(name));
  const key = isCslFile(style) ? `${style} ${locale} ${hashText(styleXml)}` : `${style} ${locale}`;
  let entry = engines.get(key);
  if (entry) return entry;
  const items = new Map<string, CslItem>();
  const engine = new CSL.Engine(
    {
      retrieveLocale: (lang) => config.locales.get(lang) ?? config.locales.get('en-US'),
      retrieveItem: (id) => {
        const item = items.get(id);
        if (!item) throw new Error(`No bibliography item ${id}`);
        return item;
      },
    },
    styleXml,
    locale,
    true,
  );
  countWork('citation engines');
  engine.setOutputFormat('html');
  // DOIs and URLs become links in references.
  engine.opt.development_extensions.wrap_url_and_doi = true;
  entry = { engine, items, numeric: /citation-format="numeric"/.test(styleXml), layout: citationLayout(styleXml) };
  engines.set(key, entry);
  return entry;
}

/**
 * A formatter for one document (a chapter, or the book's bibliography page) citing `items`, given in
 * order of first citation. Formatters share their style's engine: use one fully before creating the next.
 */
export function createCitationFormatter(style: CitationStyle, items: CslItem[], language = 'en'): CitationFormatter {
  const entry = engineFor(style, language);
  const { engine, items: registry, numeric, layout } = entry;
  countWork('citation registrations');
  registry.clear();
  for (const item of items) registry.set(item.id, item);
  // Start from an empty processor state: what earlier documents left in the engine's caches would
  // otherwise make each document a little slower than the one before.
  engine.restoreProcessorState([]);
  engine.updateItems(items.map((item) => item.id));
  // The style's reference order also orders the items of a citation (APA: by author; numeric: by number).
  const bibliography = engine.makeBibliography();
  const references: FormattedReference[] = bibliography
    ? bibliography[1].map((html, index) => ({ id: bibliography[0].entry_ids[index]?.[0] ?? '', html: html.trim() }))
    : [];
  const rank = new Map(references.map(({ id }, index) => [id, index]));

  // citeproc renders a cluster as one string; to link each item to its entry, each item is rendered
  // alone (the registry still disambiguates it: "Wei, Tay, et al., 2022") and the cluster is rebuilt
  // with the style's own affixes and delimiter.
  // Each item renders the same way wherever the document cites it: render it once.
  const bareCache = new Map<string, string>();
  const bare = (key: string) => {
    let html = bareCache.get(key);
    if (html === undefined) bareCache.set(key, (html = stripAffixes(engine.makeCitationCluster([{ id: key }]), layout)));
    return html;
  };
  const parenthetical = (keys: string[]) => {
    const sorted = [...new Set(keys)].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    return `${layout.prefix}${sorted.map((key) => citeLink(bare(key), key)).join(layout.delimiter)}${layout.suffix}`;
  };
  // "Betley et al. (2025)": the style's author part, then its date part (or number), linked as one.
  const textualCache = new Map<string, string>();
  const textualOne = (key: string) => {
    const cached = textualCache.get(key);
    if (cached !== undefined) return cached;
    const names = numeric ? escapeText(narrativeNames(registry.get(key))) : engine.makeCitationCluster([{ id: key, 'author-only': true }]);
    const date = engine.makeCitationCluster([{ id: key, 'suppress-author': true }]);
    const html = citeLink(`${names} ${date}`, key);
    textualCache.set(key, html);
    return html;
  };
  const formatter: CitationFormatter = {
    parenthetical,
    textual: (keys) => joinNaturally(keys.map(textualOne)),
    references: () => references,
  };
  entry.armedFor = formatter;
  return formatter;
}

const bookFormatter = processWide('book-citation-formatter', () => ({ key: '', formatter: undefined as CitationFormatter | undefined }));

/**
 * The formatter of the whole book: every work the book cites registered once, in order of first
 * citation, so that disambiguation (APA's "2023a/2023b", added initials) and numbers (numeric styles)
 * are the same in every chapter and on the bibliography page. Every chapter and the bibliography page
 * of a build ask for the same items and get the same formatter.
 */
export function bookCitationFormatter(style: CitationStyle, items: CslItem[], language = 'en'): CitationFormatter {
  const key = [style, language, ...items.map((item) => item.id)].join('\n');
  const cached = bookFormatter.formatter;
  if (cached && bookFormatter.key === key && engineFor(style, language).armedFor === cached) return cached;
  bookFormatter.key = key;
  bookFormatter.formatter = createCitationFormatter(style, items, language);
  return bookFormatter.formatter;
}

/** A cluster's text without the layout's prefix and suffix. */
function stripAffixes(html: string, layout: CitationLayout): string {
  let text = html;
  if (layout.prefix && text.startsWith(layout.prefix)) text = text.slice(layout.prefix.length);
  if (layout.suffix && text.endsWith(layout.suffix)) text = text.slice(0, -layout.suffix.length);
  return text;
}

/** "A", "A and B", "A et al." from an item's authors (numeric styles print no names in citations). */
function narrativeNames(item: CslItem | undefined): string {
  const people = item?.author ?? item?.editor ?? [];
  const name = (person: { family?: string; literal?: string }) => person.family ?? person.literal ?? '';
  if (people.length === 0) return item?.title ?? '';
  if (people.length === 1) return name(people[0] as { family?: string });
  if (people.length === 2) return `${name(people[0] as { family?: string })} and ${name(people[1] as { family?: string })}`;
  return `${name(people[0] as { family?: string })} et al.`;
}

/** "a", "a and b", "a, b and c". */
function joinNaturally(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A short hash of a style's text, to tell an edited `.csl` file from the one an engine was built with. */
function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
