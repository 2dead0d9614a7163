/**
 * Read a Jupyter Book table of contents (`_toc.yml`) into parts and chapters in reading order.
 * Formats: `jb-book` (a root file, then parts with captions, or chapters without parts), `jb-article`
 * (a root and its sections), and the older list format of Jupyter Book 0.x (`- file:` and
 * `- part: … chapters:` items). This site has parts → chapters only, so nested `sections:` are
 * flattened into chapters after their parent, in order, and each flattening is noted for the report.
 */
import { z } from 'astro/zod';
import { type YamlFile, readYamlFile } from './read-yaml.js';

/** One chapter of the imported book, as the toc names it. */
export interface TocChapter {
  /** The file as written in the toc, relative to the book folder, usually without extension. */
  file: string;
  /** The toc's own title for it, if any. */
  title?: string;
  /** Line of the entry in `_toc.yml`. */
  line?: number;
  /** The file of the chapter this entry was a section of, when it was flattened. */
  sectionOf?: string;
}

export interface TocPart {
  /** The part's caption; undefined when the toc has no parts. */
  caption?: string;
  chapters: TocChapter[];
}

/** Something of the toc the import does not carry over as written, for the report. */
export interface TocNote {
  line?: number;
  construct: string;
  action: string;
}

export interface BookToc {
  format: 'jb-book' | 'jb-article' | 'legacy';
  /** The root (landing) file. */
  root: TocChapter;
  parts: TocPart[];
  notes: TocNote[];
}

interface Entry {
  file?: string;
  title?: string;
  url?: string;
  glob?: string;
  sections?: Entry[];
}

/** A toc entry: a file, an external url or a glob, with optional nested sections. */
const entrySchema: z.ZodType<Entry> = z.lazy(() =>
  z
    .object({
      file: z.string().min(1).optional(),
      title: z.string().optional(),
      url: z.string().optional(),
      glob: z.string().optional(),
      sections: z.array(entrySchema).optional(),
    })
    .refine((entry) => entry.file !== undefined || entry.url !== undefined || entry.glob !== undefined, 'each entry needs `file:` (or `url:`/`glob:`)'),
);

const partSchema = z.object({ caption: z.string().optional(), chapters: z.array(entrySchema).min(1) });

const jbBookSchema = z.object({
  format: z.literal('jb-book'),
  root: z.string().min(1),
  parts: z.array(partSchema).optional(),
  chapters: z.array(entrySchema).optional(),
});

const jbArticleSchema = z.object({
  format: z.literal('jb-article'),
  root: z.string().min(1),
  sections: z.array(entrySchema).optional(),
});

/** Jupyter Book 0.x: a list whose first item is the landing file, then files and `part:` groups. */
const legacySchema = z
  .array(
    z.object({
      file: z.string().optional(),
      title: z.string().optional(),
      url: z.string().optional(),
      glob: z.string().optional(),
      part: z.string().optional(),
      chapters: z.array(entrySchema).optional(),
      sections: z.array(entrySchema).optional(),
    }),
  )
  .min(1);

const tocSchema = z.union([jbBookSchema, jbArticleSchema, legacySchema], {
  error: 'expected `format: jb-book` with `root:` and `parts:` or `chapters:` (or `format: jb-article`, or the older list of `- file:` items)',
});

/** Read `_toc.yml`; throws an ImportError naming the file and line if it is malformed. */
export function readToc(absolutePath: string, displayPath: string): BookToc {
  const yaml = readYamlFile(absolutePath, displayPath, tocSchema);
  return tocFromData(yaml);
}

/** The toc's parts and chapters from validated data (exported for tests). */
export function tocFromData({ data, lineOf }: YamlFile<z.infer<typeof tocSchema>>): BookToc {
  const notes: TocNote[] = [];
  const flatten = (entries: readonly Entry[], at: (string | number)[], parent?: string): TocChapter[] => {
    const chapters: TocChapter[] = [];
    entries.forEach((entry, index) => {
      const path = [...at, index];
      const line = lineOf(path);
      if (entry.file === undefined) {
        const what = entry.url !== undefined ? `external link \`${entry.url}\`` : `glob \`${entry.glob}\``;
        notes.push({ line, construct: `toc entry: ${what}`, action: 'not imported: list the chapters it stands for in content/book.yaml by hand' });
        return;
      }
      chapters.push({ file: entry.file, title: entry.title, line, ...(parent ? { sectionOf: parent } : {}) });
      if (entry.sections?.length) {
        notes.push({
          line,
          construct: `nested sections under \`${entry.file}\` (${entry.sections.length})`,
          action: 'flattened: each section became a chapter following its parent, in order (this site has parts → chapters only)',
        });
        chapters.push(...flatten(entry.sections, [...path, 'sections'], entry.file));
      }
    });
    return chapters;
  };

  if (Array.isArray(data)) {
    const [first, ...rest] = data;
    if (!first?.file) throw new Error('unreachable: legacy toc validated without a root file');
    const parts: TocPart[] = [];
    const loose: TocChapter[] = [];
    rest.forEach((item, index) => {
      if (item.part !== undefined || item.chapters) {
        parts.push({ caption: item.part, chapters: flatten(item.chapters ?? [], [index + 1, 'chapters']) });
      } else {
        loose.push(...flatten([item], []).map((chapter) => ({ ...chapter, line: lineOf([index + 1]) })));
      }
    });
    if (loose.length > 0) parts.unshift({ chapters: loose });
    const root: TocChapter = { file: first.file, title: first.title, line: lineOf([0]) };
    if (first.sections?.length) parts.unshift({ chapters: flatten(first.sections, [0, 'sections'], first.file) });
    return { format: 'legacy', root, parts, notes };
  }
  const root: TocChapter = { file: data.root, line: lineOf(['root']) };
  if (data.format === 'jb-article') {
    return { format: 'jb-article', root, parts: data.sections?.length ? [{ chapters: flatten(data.sections, ['sections']) }] : [], notes };
  }
  const parts: TocPart[] = (data.parts ?? []).map((part, index) => ({ caption: part.caption, chapters: flatten(part.chapters, ['parts', index, 'chapters']) }));
  if (data.chapters?.length) parts.push({ chapters: flatten(data.chapters, ['chapters']) });
  return { format: 'jb-book', root, parts, notes };
}
