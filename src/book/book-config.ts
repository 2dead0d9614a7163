/**
 * The book's configuration, in one place: the settings of the structure file (`content/book.yaml`:
 * title, authors, language, site URL, base path, bibliography, citation style), validated once by the
 * structure file's Zod schema with errors at their line, the environment's overrides of the base path
 * and the site URL (`BASE=/course/rai/ SITE=https://example.org/course/rai/ npm run build`, as a deploy
 * workflow sets them), and the folders the book lives in. Every module that needs a
 * setting reads it from here. An invalid structure file still yields a configuration, of defaults,
 * so that the content check can list every problem of the book before the build fails.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { readFileSync } from 'node:fs';
import { type CitationStyle, cslStyleProblem, isBuiltInStyle } from '../bibliography/csl-style.js';
import { RuleId } from '../diagnostics/rule-ids.js';
import { type BookPaths, bookPaths, displayPath } from './book-paths.js';
import { type BookStructure, loadBookStructure } from './structure.js';

/** The resolved configuration of a book. */
export interface BookConfig {
  paths: BookPaths;
  /** The validated structure file, when it is valid. */
  structure?: BookStructure;
  /** The structure file's messages (an invalid setting is an error at its line). */
  file: VFile;
  title: string;
  language: string;
  /** The public URL: SITE from the environment, else the structure file's `siteUrl`. */
  siteUrl?: string;
  /** The book's authors, in order. */
  authors: string[];
  /** This edition's publication date (`YYYY[-MM[-DD]]`): the structure file's, else the build's date. */
  published: string;
  edition?: string;
  /** Base path, `/` or `/sub/path/`: BASE from the environment, else the structure file's `base`. */
  base: string;
  citationStyle: CitationStyle;
  /** LaTeX macros for every formula (`math.macros` of the structure file), as KaTeX takes them. */
  mathMacros: Record<string, string>;
  /** The .bib file: absolute, and as messages show it (relative to the book folder). */
  bibliography: { path: string; displayPath: string };
}

/** Normalise a base path written by hand (`course/rai`, `/course/rai`) to `/course/rai/`. */
export function normalizeBase(value: string): string {
  const trimmed = value.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  return trimmed === '//' ? '/' : trimmed;
}

/** The SITE variable, checked: an absolute http(s) URL, or the build stops saying what to write. */
export function siteUrlFromEnvironment(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`SITE=${value} is not the full public URL of the site: write it with its scheme, e.g. SITE=https://example.org/course/rai/`);
  }
  return url.href;
}

/** The configuration of the book at `paths`, with `env`'s overrides. */
export function loadBookConfig(paths: BookPaths = bookPaths(), env: NodeJS.ProcessEnv = process.env): BookConfig {
  const { structure, file, locate } = loadBookStructure(paths.structure, displayPath(paths, paths.structure));
  const bibliography = path.resolve(paths.root, structure?.bibliography ?? 'bib/references.bib');
  return {
    paths,
    structure,
    file,
    title: structure?.title ?? '',
    language: structure?.language ?? 'en',
    siteUrl: env.SITE ? siteUrlFromEnvironment(env.SITE) : structure?.siteUrl,
    authors: structure?.authors ?? [],
    published: structure?.published ?? new Date().toISOString().slice(0, 10),
    edition: structure?.edition,
    base: normalizeBase(env.BASE ?? structure?.base ?? '/'),
    citationStyle: structure ? resolveCitationStyle(structure.citationStyle, paths, file, locate(['citationStyle'])) : 'apa',
    mathMacros: structure?.math.macros ?? {},
    bibliography: { path: bibliography, displayPath: displayPath(paths, bibliography) },
  };
}

/**
 * The style to format citations with: a built-in name as it is, or a `.csl` file of the book as its
 * absolute path once it is found to be a usable style. A missing or broken file is an error at the
 * `citationStyle` line of the structure file, naming the file and what is wrong with it; the build then
 * goes on with APA so that every other problem is listed too.
 */
function resolveCitationStyle(value: string, paths: BookPaths, file: VFile, place: { line: number; column: number } | undefined): CitationStyle {
  if (isBuiltInStyle(value)) return value;
  const stylePath = path.resolve(paths.root, value);
  let problem: string | undefined;
  try {
    problem = cslStyleProblem(readFileSync(stylePath, 'utf8'));
  } catch {
    problem = 'the file does not exist (the path is relative to the book folder, the one that holds `content/`)';
  }
  if (problem === undefined) return stylePath as CitationStyle;
  file.message(`The citation style \`${displayPath(paths, stylePath)}\` cannot be used: ${problem}`, {
    place,
    ruleId: RuleId.structureValid,
    source: 'book-config',
  }).fatal = true;
  return 'apa';
}
