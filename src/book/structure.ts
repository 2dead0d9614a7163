/**
 * The book's structure file, `content/book.yaml`: title, authors, parts and the order of chapters,
 * edited by the author like a table of contents. Chapter numbers are derived from it, never written.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import { VFile } from 'vfile';
import { type BuiltInCitationStyle, CITATION_STYLES, cslStyleFileProblem, isBuiltInStyle, isCslFile } from '../bibliography/csl-style.js';
import { RuleId } from '../diagnostics/rule-ids.js';
import { answerModeSchema } from './answer-mode.js';
import { chapterIdSchema } from './chapter-frontmatter.js';
import { processWide } from '../process/process-wide.js';

const chapterId = chapterIdSchema;

/** A chapter entry: its id, or a planned chapter that is shown as forthcoming. */
const chapterEntrySchema = z.union([
  chapterId,
  z.object({
    /** The chapter's stable id. */
    id: chapterId,
    /** Title shown in the contents while the chapter is planned (a written chapter takes its own). */
    title: z.string().min(1).optional(),
    /** Planned: listed in the contents as forthcoming, without a link, and not published. */
    planned: z.boolean().default(false),
  }),
]);

export const bookStructureSchema = z.object({
  /** The book's title. */
  title: z.string().min(1),
  /** Subtitle shown on the home page. */
  subtitle: z.string().optional(),
  /** Authors, in order. */
  authors: z.array(z.string().min(1)).min(1),
  /** A short introduction for the home page (Markdown not interpreted). */
  introduction: z.string().optional(),
  /**
   * The CSL style of citations and references: `apa` (APA 7, author–date), `vancouver` (numeric), or the
   * path of a `.csl` file relative to the book's folder (`styles/chicago-author-date.csl`), checked when
   * the configuration is loaded (book-config.ts).
   */
  citationStyle: z
    .string()
    .refine((value) => isBuiltInStyle(value) || isCslFile(value), {
      error: `give ${CITATION_STYLES.map((name) => `\`${name}\``).join(' or ')}, or the path of a \`.csl\` file relative to the book folder, such as \`styles/chicago-author-date.csl\``,
    })
    .default('apa'),
  /** The book's language, a BCP 47 tag such as `en` or `en-GB`: the pages' `lang`, search stemming, citation terms. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'give a BCP 47 language tag such as `en`, `en-GB` or `de`')
    .default('en'),
  /** The site's public URL (`https://example.org/rai/`), for canonical and copied links; optional. */
  siteUrl: z.url({ protocol: /^https?$/, error: 'give the full public URL of the site, starting with https://' }).optional(),
  /** This edition's publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, for citations of the book; default: the build's date. */
  published: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'give a date as `2026`, `2026-11` or `2026-11-30`')
    .optional(),
  /** The edition, e.g. `2nd` or `2026 edition`, for citations of the book; optional. */
  edition: z.string().min(1).optional(),
  /** The path the site is served under: `/`, or a sub-path such as `/course/rai/`; the BASE environment variable overrides it. */
  base: z
    .string()
    .regex(/^\/(?:[^/\s]+\/)*$/, 'give a path that starts and ends with `/`, such as `/` or `/course/rai/`')
    .default('/'),
  /**
   * Exercise answers: `inline` on the chapter pages (the default), or `separate` for a graded edition that
   * leaves them out of the site and writes the instructor's answer book; the ANSWERS environment variable overrides it.
   */
  answers: answerModeSchema.default('inline'),
  /** The BibTeX file citations resolve against, relative to the book's folder. */
  bibliography: z.string().regex(/\.bib$/, 'give the path of a `.bib` file, relative to the book folder').default('bib/references.bib'),
  /** Math settings: `macros`, LaTeX macros every formula of the book may use (`\\R: \\mathbb{R}`), as KaTeX's `macros` option. */
  math: z
    .object({
      /** Macro name (a backslash and letters) → its definition; arguments as `#1`, `#2`. */
      macros: z
        .record(z.string(), z.string())
        .superRefine((macros, context) => {
          for (const name of Object.keys(macros)) {
            if (!/^\\(?:[A-Za-z]+|.)$/.test(name)) {
              context.addIssue({ code: 'custom', path: [name], message: `\`${name}\` is not a macro name: write a backslash and letters, such as \`\\R\`` });
            }
          }
        })
        .default({}),
    })
    .default({ macros: {} }),
  /** Number of the first part (0 when part 0 is an overview, as in this book). */
  firstPartNumber: z.number().int().min(0).default(1),
  /** Parts in reading order, each with its chapters in order. */
  parts: z
    .array(
      z.object({
        /** The part's title. */
        title: z.string().min(1),
        /** The part's chapters, in order: ids, or `{ id, title, planned: true }`. */
        chapters: z.array(chapterEntrySchema).min(1),
      }),
    )
    .min(1),
});

export type BookStructure = Omit<z.infer<typeof bookStructureSchema>, 'citationStyle'> & {
  /** A built-in style's name, or a `.csl` path relative to the book folder (checked: it can be used). */
  citationStyle: BuiltInCitationStyle | `${string}.csl`;
};

/** Result of loading the structure file: the structure if valid, and the file's diagnostics. */
export interface LoadedStructure {
  structure?: BookStructure;
  file: VFile;
  /** Line and column of the value at a path of the YAML document (for messages about an entry). */
  locate: (path: (string | number)[]) => { line: number; column: number } | undefined;
}

/**
 * Read and validate the structure file; every problem becomes a positioned message on `file`. With
 * `bookRoot`, a `.csl` file named by `citationStyle` is checked too (relative to it): one that cannot be
 * used is an error at that line naming the file, and the structure falls back to `apa`.
 */
export function loadBookStructure(structurePath: string, displayPath = structurePath, bookRoot?: string): LoadedStructure {
  let source: string | undefined;
  try {
    source = readFileSync(structurePath, 'utf8');
  } catch {
    source = undefined;
  }
  // Pages and plugins ask for the settings many times per page: parse and validate each text of the
  // file once. A copy each time, so that no caller sees another's changes.
  const key = [structurePath, displayPath, bookRoot ?? ''].join('\n');
  const kept = source === undefined ? undefined : parsedStructures.get(key);
  if (kept && kept.source === source && kept.cslStamp === cslStamp(kept.cslPath)) {
    const file = new VFile({ path: displayPath, value: source });
    file.messages.push(...kept.messages);
    return { structure: kept.structure && structuredClone(kept.structure), file, locate: kept.locate };
  }
  const { loaded, cslPath } = parseBookStructure(structurePath, displayPath, bookRoot);
  if (source !== undefined) {
    parsedStructures.set(key, { source, cslPath, cslStamp: cslStamp(cslPath), structure: loaded.structure && structuredClone(loaded.structure), messages: [...loaded.file.messages], locate: loaded.locate });
  }
  return loaded;
}

const parsedStructures = processWide('parsed-book-structures', () => new Map<string, { source: string; cslPath?: string; cslStamp: number; structure?: BookStructure; messages: VFile['messages']; locate: LoadedStructure['locate'] }>());

/** When a `.csl` style file was last changed (it is checked with the structure), 0 for none. */
function cslStamp(cslPath: string | undefined): number {
  if (cslPath === undefined) return 0;
  try {
    return statSync(cslPath).mtimeMs;
  } catch {
    return -1;
  }
}

/** The structure file parsed and validated, with the `.csl` file it checked (if any). */
function parseBookStructure(structurePath: string, displayPath: string, bookRoot: string | undefined): { loaded: LoadedStructure; cslPath?: string } {
  const file = new VFile({ path: displayPath });
  let source: string;
  try {
    source = readFileSync(structurePath, 'utf8');
  } catch {
    file.message(`The structure file is missing: create it with the book's title, authors and parts (see README, "Adding a chapter")`, {
      ruleId: RuleId.structureValid,
      source: 'structure',
    }).fatal = true;
    return { loaded: { file, locate: () => undefined } };
  }
  file.value = source;
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  const locate = (path: (string | number)[]) => {
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    file.message(`Invalid YAML: ${error.message.split('\n')[0]}`, { place: { line, column: col }, ruleId: RuleId.structureValid, source: 'structure' }).fatal = true;
  }
  if (document.errors.length > 0) return { loaded: { file, locate } };
  const result = bookStructureSchema.safeParse(document.toJS());
  if (result.success) {
    const structure = result.data as BookStructure;
    let cslPath: string | undefined;
    if (bookRoot !== undefined && isCslFile(structure.citationStyle)) {
      cslPath = path.resolve(bookRoot, structure.citationStyle);
      const problem = cslStyleFileProblem(cslPath);
      if (problem !== undefined) {
        file.message(`The citation style \`${structure.citationStyle}\` cannot be used: ${problem}`, {
          place: locate(['citationStyle']),
          ruleId: RuleId.structureValid,
          source: 'structure',
        }).fatal = true;
        structure.citationStyle = 'apa';
      }
    }
    return { loaded: { structure, file, locate }, cslPath };
  }
  for (const issue of result.error.issues) {
    const place = locate(issue.path as (string | number)[]);
    file.message(`Invalid structure at \`${issue.path.join('.') || '(top)'}\`: ${issue.message}`, {
      place,
      ruleId: RuleId.structureValid,
      source: 'structure',
    }).fatal = true;
  }
  return { loaded: { file, locate } };
}
