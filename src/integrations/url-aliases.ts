/**
 * The book's URL aliases, `content/redirects.yaml`: the one place where the author says where an old
 * URL now lives. A YAML list of `old -> new` lines, both relative to the site's base:
 *
 * ```yaml
 * - content/1-3-mitigation.html -> {doc}`1-3-mitigation`   # a chapter, by its stable id
 * - old-slug/ -> new-slug/                                 # a page that moved
 * - measuring-fairness/#old-heading -> measuring-fairness/#new-heading   # an anchor renamed
 * - measuring-fairness/#a-section -> mitigating-bias/#the-section        # an anchor moved elsewhere
 * ```
 *
 * `old` is a page (`x/`, `x.html`) or a page with an anchor (`x/#id`). `new` is a page, a page with an
 * anchor, or a chapter by id (`` {doc}`id` ``, optionally followed by `#anchor`), which follows the
 * chapter when its slug changes; a planned chapter's URL sends readers to the home page until it is
 * published. This module only reads and checks the file's form; `redirects.ts` checks the targets
 * against the built site and writes the redirect pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import { VFile } from 'vfile';
import { RuleId } from '../diagnostics/rule-ids.js';
import type { BookPaths } from '../book/book-paths.js';

/** File name of the aliases, in the book's `content/` folder. */
export const ALIASES_FILE = 'redirects.yaml';

/** A position in the aliases file. */
export interface Place {
  line: number;
  column: number;
}

/** One `old -> new` line. */
export interface UrlAlias {
  /** The old page URL, relative to the base (`content/4-1-GenAI.html`, `old-slug/`). */
  fromPage: string;
  /** The old anchor, for an anchor alias. */
  fromAnchor?: string;
  /** The new place: a page URL relative to the base, or a chapter id (`{doc}`). */
  to: { page: string; chapter?: undefined } | { chapter: string; page?: undefined };
  /** The new anchor, if any. */
  toAnchor?: string;
  /** The line as written, for messages. */
  text: string;
  place: Place;
}

export interface LoadedAliases {
  aliases: UrlAlias[];
  /** The file's messages (errors are fatal). */
  file: VFile;
  /** Whether the book has an aliases file at all. */
  exists: boolean;
}

const LINE = /^\s*(\S+)\s*->\s*(\S+)\s*$/;
const CHAPTER_TARGET = /^\{doc\}`([^`]+)`(?:#(.+))?$/;
const PAGE = /^(?:\.\/|(?:[^\s#?/:][^\s#?:]*\/)|(?:[^\s#?/:][^\s#?:]*\.html))$/;

/** Read `content/redirects.yaml` of the book at `paths`; a book without one has no aliases. */
export function loadUrlAliases(paths: BookPaths): LoadedAliases {
  const absolute = path.join(paths.content, ALIASES_FILE);
  const file = new VFile({ path: path.relative(paths.root, absolute).split(path.sep).join('/') });
  if (!existsSync(absolute)) return { aliases: [], file, exists: false };
  return { ...parseUrlAliases(readFileSync(absolute, 'utf8'), file), exists: true };
}

/** Parse the aliases in `source`; every problem is a positioned error on `file`. */
export function parseUrlAliases(source: string, file: VFile): { aliases: UrlAlias[]; file: VFile } {
  file.value = source;
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  const at = (offset: number | undefined): Place => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  const fail = (reason: string, place: Place) => {
    file.message(reason, { place, ruleId: RuleId.redirectValid, source: 'url-aliases' }).fatal = true;
  };
  for (const error of document.errors) fail(`Invalid YAML: ${error.message.split('\n')[0]}`, at(error.pos[0]));
  const aliases: UrlAlias[] = [];
  if (document.errors.length > 0 || document.contents === null) return { aliases, file };
  if (!isSeq(document.contents)) {
    fail('The aliases file is a YAML list of `old -> new` lines, e.g. `- old-slug/ -> new-slug/`', at(document.contents.range?.[0]));
    return { aliases, file };
  }
  const seen = new Map<string, UrlAlias>();
  for (const item of document.contents.items) {
    const place = at(isNode(item) ? item.range?.[0] : undefined);
    const range = isNode(item) ? item.range : undefined;
    const text = isScalar(item) ? String(item.value) : range ? source.slice(range[0], range[1]).trim() : '';
    const alias = parseAlias(text, place, fail);
    if (!alias) continue;
    const key = `${alias.fromPage}#${alias.fromAnchor ?? ''}`;
    const earlier = seen.get(key);
    if (earlier) {
      fail(`\`${alias.fromPage}${alias.fromAnchor ? `#${alias.fromAnchor}` : ''}\` already has an alias at line ${earlier.place.line}: keep one`, place);
      continue;
    }
    seen.set(key, alias);
    aliases.push(alias);
  }
  return { aliases, file };
}

function parseAlias(text: string, place: Place, fail: (reason: string, place: Place) => void): UrlAlias | undefined {
  const line = LINE.exec(text);
  if (!line) {
    fail(`Expected \`old -> new\`, e.g. \`old-slug/ -> new-slug/\`, found \`${text}\``, place);
    return undefined;
  }
  const [, from = '', to = ''] = line;
  const [fromPage = '', fromAnchor] = splitAnchor(from);
  if (!isPageUrl(fromPage) || fromPage === './' || fromAnchor === '') {
    fail(`\`${from}\` is not an old URL: write a page relative to the site's base (\`old-slug/\`, \`content/old.html\`), optionally with \`#anchor\`, without a leading \`/\``, place);
    return undefined;
  }
  const chapter = CHAPTER_TARGET.exec(to);
  if (chapter) {
    return { fromPage, fromAnchor, to: { chapter: chapter[1] ?? '' }, toAnchor: chapter[2], text, place };
  }
  const [toPage = '', toAnchor] = splitAnchor(to);
  if (!isPageUrl(toPage) || toAnchor === '') {
    fail(`\`${to}\` is not a new URL: write a page relative to the site's base (\`new-slug/\`, \`./\` for the home page), optionally with \`#anchor\`, or a chapter as \`{doc}\`chapter-id\`\``, place);
    return undefined;
  }
  return { fromPage, fromAnchor, to: { page: toPage }, toAnchor, text, place };
}

/** A page URL relative to the base: `./`, `x/`, `x/y.html`; no leading `/`, scheme, query, `.` or `..` segment. */
function isPageUrl(url: string): boolean {
  return PAGE.test(url) && (url === './' || !url.split('/').some((segment) => segment === '.' || segment === '..'));
}

function splitAnchor(url: string): [string, string | undefined] {
  const hash = url.indexOf('#');
  return hash < 0 ? [url, undefined] : [url.slice(0, hash), decodeFragment(url.slice(hash + 1))];
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
