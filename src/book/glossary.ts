/**
 * The book's glossary, `content/glossary.yaml`: a YAML list of entries, each a term with optional
 * aliases, a short definition (inline Markdown) and optional `see` chapters. `{term}` roles resolve
 * against it; the glossary page lists it. Read and validated once per content of the file (cached
 * like the bibliography): a malformed entry, an unknown field, or a term or alias used twice is an
 * error at its line (rule `glossary-valid`).
 *
 * ```yaml
 * - term: differential privacy
 *   aliases: [DP]
 *   definition: A property of a randomized algorithm …
 *   see: [3-2-mechanism]
 * ```
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import GithubSlugger from 'github-slugger';
import type { PhrasingContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { LineCounter, parseDocument } from 'yaml';
import { VFile } from 'vfile';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { RuleId } from '../diagnostics/rule-ids.js';
import { normalizeTermName } from '../markdown/glossary/index.js';
import { punctuateTree } from '../markdown/smart-punctuation/index.js';

const chapterId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a chapter id, e.g. `3-2-mechanism`');

export const glossaryEntrySchema = z.strictObject({
  /** The term as the glossary page shows it and as authors write it in `{term}` (any case). */
  term: z.string().trim().min(1),
  /** Other names that resolve to the term (`DP` for differential privacy). */
  aliases: z.array(z.string().trim().min(1)).optional(),
  /** One to three sentences, in inline Markdown (emphasis, code, links); no math. */
  definition: z.string().trim().min(1),
  /** Chapters that treat the term, by stable id (as in `{doc}`). */
  see: z.array(chapterId).optional(),
});

export const glossarySchema = z.array(glossaryEntrySchema);

export interface GlossaryEntry {
  term: string;
  aliases: string[];
  definition: string;
  /** The definition rendered as inline HTML. */
  definitionHtml: string;
  see: string[];
  /** The entry's anchor on the glossary page, `term-<slug>`. */
  anchor: string;
  /** Line of the entry in the glossary file, and of each `see` id. */
  line: number;
  seeLines: number[];
}

export interface Glossary {
  /** Entries in file order. */
  entries: GlossaryEntry[];
  /** Messages about the glossary file itself. */
  file: VFile;
  /** The book has no glossary file. */
  missing?: boolean;
  /** The entry a name (term or alias) written in a `{term}` role stands for, or undefined. */
  lookup(name: string): GlossaryEntry | undefined;
  /** Every name a role may use (terms and aliases, as written in the glossary), for suggestions. */
  names(): string[];
}

/** The anchor of a term on the glossary page. */
export const termAnchor = (term: string) => `term-${new GithubSlugger().slug(term)}`;


/** The singular forms a name may stand for: itself, and without a simple plural ending (-s, -es, -ies). */
function singularCandidates(name: string): string[] {
  const forms = [name];
  if (name.endsWith('ies')) forms.push(`${name.slice(0, -3)}y`);
  if (name.endsWith('es')) forms.push(name.slice(0, -2));
  if (name.endsWith('s')) forms.push(name.slice(0, -1));
  return forms;
}

// By the file's text itself: comparing strings is cheaper than hashing the file on every role resolved.
const cache = new Map<string, { source: string; glossary: Glossary }>();

/** The glossary at `glossaryPath`; parsed again only when the file's content changed. */
export function loadGlossary(glossaryPath: string, displayPath = glossaryPath): Glossary {
  let source: string;
  try {
    source = readFileSync(glossaryPath, 'utf8');
  } catch {
    return { ...parseGlossary('', displayPath), missing: true };
  }
  const cached = cache.get(glossaryPath);
  if (cached?.source === source && cached.glossary.file.path === displayPath) return cached.glossary;
  const glossary = parseGlossary(source, displayPath);
  cache.set(glossaryPath, { source, glossary });
  return glossary;
}

/** Parse and validate glossary source; every problem is a positioned error on the returned file. */
export function parseGlossary(source: string, displayPath: string): Glossary {
  const file = new VFile({ path: displayPath, value: source });
  const entries: GlossaryEntry[] = [];
  const byName = new Map<string, GlossaryEntry>();
  const glossary: Glossary = {
    entries,
    file,
    lookup(name) {
      for (const form of singularCandidates(normalizeTermName(name))) {
        const entry = byName.get(form);
        if (entry) return entry;
      }
      return undefined;
    },
    names: () => entries.flatMap((entry) => [entry.term, ...entry.aliases]),
  };
  if (source.trim() === '') return glossary;

  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  const locate = (path: (string | number)[]) => {
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    // A missing field is reported at its entry.
    const fallback = path.length > 1 ? (document.getIn(path.slice(0, 1), true) as { range?: [number, number, number] } | undefined) : undefined;
    return at(node?.range?.[0] ?? fallback?.range?.[0]);
  };
  const fail = (reason: string, place: { line: number; column: number }) => {
    file.message(reason, { place, ruleId: RuleId.glossaryValid, source: 'glossary' }).fatal = true;
  };
  for (const error of document.errors) fail(`Invalid YAML: ${error.message.split('\n')[0]}`, at(error.pos[0]));
  if (document.errors.length > 0) return glossary;

  const raw: unknown = document.toJS();
  if (!Array.isArray(raw)) {
    fail('The glossary is a YAML list of entries, each `- term: …` with a `definition: …` (see README, "Glossary and resources")', at(0));
    return glossary;
  }
  const slugs = new Map<string, GlossaryEntry>();
  raw.forEach((value: unknown, index) => {
    const result = glossaryEntrySchema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join('.');
        const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
        const reason = keys.length > 0
          ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((key) => `\`${key}\`${didYouMean(key, Object.keys(glossaryEntrySchema.shape))}`).join(', ')}; an entry has \`term\`, \`aliases\`, \`definition\` and \`see\``
          : issue.message;
        fail(`Invalid glossary entry ${index + 1}${field ? ` at \`${field}\`` : ''}: ${reason}`, locate([index, ...(issue.path as (string | number)[])]));
      }
      return;
    }
    const data = result.data;
    const place = locate([index]);
    const seeLines = (data.see ?? []).map((_, seeIndex) => locate([index, 'see', seeIndex]).line);
    const definition = renderDefinition(data.definition);
    if (definition.problem) fail(`The definition of \`${data.term}\` ${definition.problem}`, locate([index, 'definition']));
    const entry: GlossaryEntry = {
      term: data.term,
      aliases: data.aliases ?? [],
      definition: data.definition,
      definitionHtml: definition.html,
      see: data.see ?? [],
      anchor: termAnchor(data.term),
      line: place.line,
      seeLines,
    };
    const clash = slugs.get(entry.anchor);
    if (clash && normalizeTermName(clash.term) !== normalizeTermName(entry.term)) {
      fail(`The term \`${entry.term}\` has the same anchor \`#${entry.anchor}\` as \`${clash.term}\` (line ${clash.line}); reword one of them`, place);
      return;
    }
    for (const [name, where] of [[entry.term, locate([index, 'term'])], ...entry.aliases.map((alias, aliasIndex) => [alias, locate([index, 'aliases', aliasIndex])] as const)] as const) {
      const key = normalizeTermName(name);
      const earlier = byName.get(key);
      if (earlier) {
        fail(
          earlier === entry
            ? `\`${name}\` is listed twice for \`${entry.term}\`; list each name once`
            : `Duplicate glossary term \`${name}\`: it already names \`${earlier.term}\` (line ${earlier.line}); terms and aliases must be unique`,
          where,
        );
        continue;
      }
      byName.set(key, entry);
    }
    slugs.set(entry.anchor, entry);
    entries.push(entry);
  });
  return glossary;
}

/**
 * Check the `see` chapter ids of the glossary against the book's chapters (published or planned);
 * the messages go on a file of their own, so the cached glossary stays independent of the book.
 */
export function checkGlossaryChapters(glossary: Glossary, chapterIds: Iterable<string>): VFile {
  const known = [...chapterIds];
  const file = new VFile({ path: glossary.file.path });
  for (const entry of glossary.entries) {
    entry.see.forEach((id, index) => {
      if (known.includes(id)) return;
      file.message(`Unknown chapter \`${id}\` in \`see\` of \`${entry.term}\`, expected a chapter id of content/book.yaml${didYouMean(id, known)}`, {
        place: { line: entry.seeLines[index] ?? entry.line, column: 1 },
        ruleId: RuleId.glossaryValid,
        source: 'glossary',
      }).fatal = true;
    });
  }
  return file;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => ESCAPES[character] as string);

/**
 * A definition as inline HTML: one paragraph of text, emphasis, strong emphasis, code and links to
 * absolute `https://` URLs. Anything else (lists, headings, HTML, math in `$…$`) is a problem: the
 * definition is shown on the glossary page and, copied, in previews on every chapter page.
 */
export function renderDefinition(markdown: string): { html: string; problem?: string } {
  if (/(^|[^\\])\$/.test(markdown)) return { html: escapeHtml(markdown), problem: 'contains math (`$`): glossary definitions are plain text; write symbols in Unicode (ε, δ, ≤)' };
  const tree = fromMarkdown(markdown);
  // Curly quotes and dashes, as in the chapters whose terms these definitions explain.
  punctuateTree(tree);
  const [paragraph, ...rest] = tree.children;
  if (!paragraph || paragraph.type !== 'paragraph' || rest.length > 0) {
    return { html: escapeHtml(markdown), problem: 'must be one paragraph of text (no lists, headings or blank lines)' };
  }
  let problem: string | undefined;
  const render = (nodes: PhrasingContent[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
            return escapeHtml(node.value);
          case 'emphasis':
            return `<em>${render(node.children)}</em>`;
          case 'strong':
            return `<strong>${render(node.children)}</strong>`;
          case 'inlineCode':
            return `<code>${escapeHtml(node.value)}</code>`;
          case 'break':
            return ' ';
          case 'link':
            if (!/^https:\/\//.test(node.url)) problem = `links to \`${node.url}\`: links in definitions must be absolute https:// URLs`;
            return `<a href="${escapeHtml(node.url)}">${render(node.children)}</a>`;
          default:
            problem = `uses ${node.type === 'html' ? 'HTML' : `\`${node.type}\``}: definitions allow text, *emphasis*, **strong**, \`code\` and links`;
            return '';
        }
      })
      .join('');
  const html = render(paragraph.children);
  return problem ? { html, problem } : { html };
}
