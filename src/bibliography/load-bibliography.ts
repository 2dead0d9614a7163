/**
 * The bibliography: a .bib file parsed once with citation-js into CSL-JSON items by key, with every
 * problem as a positioned message on the .bib's VFile. Cached by path and content, so a build parses
 * it once and the dev server again only when the file changes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { VFile } from 'vfile';
import { RuleId } from '../diagnostics/rule-ids.js';
import { splitBibEntries } from './bibtex-source.js';
import { prepareTitleCompounds } from './title-compounds.js';
import { countWork } from '../process/build-counts.js';
import { processWide } from '../process/process-wide.js';

/** A CSL-JSON item, as citation-js produces it. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: { family?: string; given?: string; literal?: string }[];
  editor?: { family?: string; given?: string; literal?: string }[];
  issued?: { 'date-parts'?: (string | number)[][]; literal?: string };
  [field: string]: unknown;
}

export interface Bibliography {
  /** Items by citation key. */
  items: Map<string, CslItem>;
  /** Line of each entry in the .bib (for messages). */
  lines: Map<string, number>;
  /** Messages about the .bib file itself. */
  file: VFile;
  /** The file does not exist (a book without citations needs none). */
  missing?: boolean;
}

/**
 * APA 7 and Vancouver print the titles of articles, chapters and books in sentence case, but .bib
 * files keep them in title case ("A Reductions Approach to Fair Classification"). citation-js
 * converts fields of its `title` type when told to (`parse.sentenceCase`), leaving words in braces
 * such as `{AI}` or `{COMPAS}`, and words with capitals inside (`ChatGPT`), as written. Only a work's
 * own title is converted: the names of proceedings, series, events and report types keep their case.
 */
const BIBTEX_CONFIG = plugins.config.get('@bibtex') as {
  parse: { sentenceCase: 'never' | 'english' | 'always' };
  constants: { fieldTypes: Record<string, [string, string]> };
};
BIBTEX_CONFIG.parse.sentenceCase = 'english';
for (const field of ['booktitle', 'eventtitle', 'maintitle', 'series', 'origtitle', 'type']) BIBTEX_CONFIG.constants.fieldTypes[field] = ['field', 'literal'];

// One parse per build: the pipeline and the bibliography page share this cache (see process-wide.ts).
const cache = processWide('bibliographies', () => new Map<string, { digest: string; bibliography: Bibliography }>());

/** The bibliography at `bibPath`; parsed again only when the file's content changed. */
export function loadBibliography(bibPath: string, displayPath = path.relative(process.cwd(), bibPath)): Bibliography {
  let source = '';
  try {
    source = readFileSync(bibPath, 'utf8');
  } catch {
    return { items: new Map(), lines: new Map(), file: new VFile({ path: displayPath }), missing: true };
  }
  const digest = createHash('sha1').update(source).digest('hex');
  const cached = cache.get(bibPath);
  if (cached?.digest === digest) return cached.bibliography;
  const bibliography = parseBibliography(source, displayPath);
  countWork('bib parses');
  cache.set(bibPath, { digest, bibliography });
  return bibliography;
}

/** Parse .bib source into items; problems become messages, all of them. */
export function parseBibliography(source: string, displayPath: string): Bibliography {
  const file = new VFile({ path: displayPath, value: source });
  const items = new Map<string, CslItem>();
  const lines = new Map<string, number>();
  const { entries, problems } = splitBibEntries(source);
  for (const problem of problems) {
    file.message(problem.reason, { place: { line: problem.line, column: problem.column }, ruleId: RuleId.bibliographyParses, source: 'bibliography' }).fatal = true;
  }
  const strings = entries.filter((entry) => entry.type === 'string').map((entry) => entry.text).join('\n');
  const works = entries.filter((entry) => entry.key !== '');
  for (const entry of works) {
    const first = lines.get(entry.key);
    if (first !== undefined) {
      file.message(`Duplicate citation key \`${entry.key}\` at lines ${first} and ${entry.line}: keep one entry, or rename one key`, {
        place: { line: entry.line, column: entry.column },
        ruleId: RuleId.bibliographyUniqueKeys,
        source: 'bibliography',
      }).fatal = true;
      continue;
    }
    lines.set(entry.key, entry.line);
  }
  // Parse entry by entry: one malformed entry is reported at its own line and the others still load.
  for (const entry of works) {
    if (lines.get(entry.key) !== entry.line) continue;
    let parsed: CslItem[];
    try {
      parsed = new Cite(`${strings}\n${prepareTitleCompounds(entry.text)}`).data as CslItem[];
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      file.message(`Malformed BibTeX in entry \`${entry.key}\`: ${reason}; check its commas, quotes and braces`, {
        place: { line: entry.line, column: entry.column },
        ruleId: RuleId.bibliographyParses,
        source: 'bibliography',
      }).fatal = true;
      continue;
    }
    const item = parsed.find((candidate) => candidate.id === entry.key) ?? parsed[0];
    if (!item) continue;
    item.id = entry.key;
    dropOthers(item);
    items.set(entry.key, item);
    const missing = [!item.author?.length && !item.editor?.length && 'author', !item.title && 'title', !item.issued && 'year'].filter(Boolean);
    if (missing.length > 0) {
      file.message(`Entry \`${entry.key}\` has no ${missing.join(', ')}: its reference will be incomplete`, {
        place: { line: entry.line, column: entry.column },
        ruleId: RuleId.bibliographyComplete,
        source: 'bibliography',
      }).fatal = false;
    }
  }
  return { items, lines, file };
}

/**
 * BibTeX's `and others` truncates an author list; citation-js keeps it as a person named "others",
 * which styles would print ("…, & others"). Drop it: the style's own et-al rules then apply.
 */
function dropOthers(item: CslItem): void {
  for (const role of ['author', 'editor'] as const) {
    const people = item[role];
    if (!people) continue;
    item[role] = people.filter((person) => (person.family ?? person.literal ?? '').toLowerCase() !== 'others');
  }
}
