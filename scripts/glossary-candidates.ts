/**
 * Where a chapter could mark glossary terms: for each chapter file given (default: every chapter under
 * content/), the first plain-text occurrence of each glossary term or alias (any case, simple plural)
 * that the chapter does not mark yet, as `file:line:col  Term  «text»  …context…`.
 *
 *   npx tsx scripts/glossary-candidates.ts                      # every chapter
 *   npx tsx scripts/glossary-candidates.ts content/1-fairness/1-2-measure.mdx
 *
 * It only suggests: it edits nothing. Wrap the ones used in the glossary's sense as {term}`text`
 * (a word like "policy" or "sensitivity" often is not). It skips the frontmatter, headings, code and
 * interactive blocks, math, inline code, roles, link targets, JSX tags and directive options; it may
 * still propose a word inside a link's text, which should not be wrapped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bookPaths, displayPath } from '../src/book/book-paths.js';
import { listChapterFiles } from '../src/book/chapter-files.js';
import { loadGlossary } from '../src/book/glossary.js';

const paths = bookPaths();
const glossary = loadGlossary(paths.glossary, displayPath(paths, paths.glossary));
if (glossary.missing) throw new Error(`There is no ${displayPath(paths, paths.glossary)}.`);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');
const names = glossary.entries
  .flatMap((entry) => [entry.term, ...entry.aliases].map((name) => ({ name, entry })))
  .sort((a, b) => b.name.length - a.name.length)
  .map(({ name, entry }) => ({ entry, pattern: new RegExp(`(?<![\\w\\-{\`<])${escape(name)}(?:e?s)?(?![\\w\\-])`, 'gi') }));
/** Spans of a line that are not prose: math, code, roles, link targets, JSX tags, MDX comments. */
const NOT_PROSE = [/\$[^$]*\$/g, /`[^`]*`/g, /\{[a-z:]+\}`[^`]*`/g, /\]\([^)]*\)/g, /<[^>]*>/g, /\{\/\*.*?\*\//g];
/** Whole lines that are not prose: headings, directive options, labels, display math, JSX, comments. */
const SKIPPED_LINE = /^\s*(#{1,6} |:\w+:|\(.*\)=\s*$|\$\$|\{\/\*|<|\\)/;

const files = process.argv.length > 2 ? process.argv.slice(2).map((file) => path.resolve(file)) : listChapterFiles(paths.content);
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const marked = new Set([...source.matchAll(/\{term\}`([^`]*)`/g)].map((match) => {
    const name = /<([^<>]+)>\s*$/.exec(match[1] ?? '')?.[1] ?? match[1] ?? '';
    return glossary.lookup(name)?.anchor;
  }));
  const found = new Map<string, { line: number; column: number; text: string; term: string; context: string }>();
  let fence: string | undefined;
  let frontmatter = false;
  source.split('\n').forEach((line, index) => {
    if (index === 0 && line === '---') return void (frontmatter = true);
    if (frontmatter) return void (frontmatter = line !== '---');
    const opening = /^(`{3,})(?:\{(\w+)\})?/.exec(line);
    if (opening && fence === undefined) return void (fence = opening[2] ?? 'code');
    if (opening && fence !== undefined && line.trim() === opening[1]) return void (fence = undefined);
    if (fence === 'code' || fence === 'interactive' || fence === 'math' || SKIPPED_LINE.test(line)) return;
    let prose = line;
    for (const pattern of NOT_PROSE) prose = prose.replace(pattern, (span) => '\0'.repeat(span.length));
    const taken: [number, number][] = [];
    for (const { entry, pattern } of names) {
      if (found.has(entry.anchor) || marked.has(entry.anchor)) continue;
      for (const match of prose.matchAll(pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (taken.some(([a, b]) => start < b && a < end)) continue;
        taken.push([start, end]);
        found.set(entry.anchor, { line: index + 1, column: start + 1, text: match[0], term: entry.term, context: line.slice(Math.max(0, start - 40), end + 30) });
        break;
      }
    }
  });
  const shown = displayPath(paths, file);
  for (const hit of [...found.values()].sort((a, b) => a.line - b.line || a.column - b.column)) {
    console.log(`${shown}:${hit.line}:${hit.column}  ${hit.term}  «${hit.text}»  …${hit.context}…`);
  }
}
