/**
 * The book's configuration, in one place: the settings of the structure file (`content/book.yaml`:
 * title, authors, language, site URL, base path, bibliography, citation style), validated once by the
 * structure file's Zod schema with errors at their line, the environment's overrides of the base path
 * and the site URL (`BASE=/course/rai/ SITE=https://example.org/course/rai/ npm run build`, as a deploy
 * workflow sets them) and of where exercise answers go (`ANSWERS=separate`, src/book/answer-mode.ts), and the folders the book lives in. Every module that needs a
 * setting reads it from here. An invalid structure file still yields a configuration, of defaults,
 * so that the content check can list every problem of the book before the build fails.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { type AnswerMode, answerModeFromEnvironment } from './answer-mode.js';
import { type CitationStyle, isCslFile } from '../bibliography/csl-style.js';
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
  /** Where exercise answers go: ANSWERS from the environment, else the structure file's `answers` (`inline`). */
  answers: AnswerMode;
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
  const { structure, file } = loadBookStructure(paths.structure, displayPath(paths, paths.structure), paths.root);
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
    // A `.csl` file was checked with the structure file (an unusable one is an error there, and `apa` here).
    citationStyle: structure ? (isCslFile(structure.citationStyle) ? (path.resolve(paths.root, structure.citationStyle) as CitationStyle) : structure.citationStyle) : 'apa',
    mathMacros: structure?.math.macros ?? {},
    answers: env.ANSWERS ? answerModeFromEnvironment(env.ANSWERS) : (structure?.answers ?? 'inline'),
    bibliography: { path: bibliography, displayPath: displayPath(paths, bibliography) },
  };
}

