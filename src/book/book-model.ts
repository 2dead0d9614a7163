/**
 * The book model: parts → chapters with their derived numbers, stable ids and slugs, joined from the
 * structure file and the chapter files' frontmatter. Built once per build before pages render; every
 * mismatch between the two is a positioned message naming both sides.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { RuleId } from '../diagnostics/rule-ids.js';
import type { BookPaths } from './book-paths.js';
import { type ChapterFile, listChapterFiles, readChapterFileOnce } from './chapter-files.js';
import { loadBookStructure } from './structure.js';

export interface BookChapter {
  id: string;
  /** Derived from the structure: `<part number>.<position in part>`, e.g. `4.1`. */
  number: string;
  title: string;
  slug?: string;
  description?: string;
  objectives?: string[];
  /** Planned chapters are listed as forthcoming and have no page. */
  planned: boolean;
  partIndex: number;
  /** The chapter's file, relative to the book root (absent for a planned chapter without one). */
  file?: string;
}

export interface BookPart {
  number: number;
  title: string;
  chapters: BookChapter[];
}

export interface BookModel {
  title: string;
  /** The book's language (BCP 47), for the pages' `lang`. */
  language: string;
  subtitle?: string;
  authors: string[];
  introduction?: string;
  parts: BookPart[];
  /** Published chapters in reading order. */
  chapters: BookChapter[];
  /** Chapter files of the published chapters, by id (the content checks parse these). */
  chapterFiles: Map<string, ChapterFile>;
  /** Every file that has messages: the structure file and the chapter files. */
  files: VFile[];
}

/** Build the model from the book at `paths`. Never throws on bad content: problems go into `files`. */
export function buildBookModel(paths: BookPaths): BookModel {
  const structurePath = path.relative(paths.root, paths.structure).split(path.sep).join('/');
  const loaded = loadBookStructure(paths.structure, structurePath, paths.root);
  const chapterFiles = listChapterFiles(paths.content).map((file) => readChapterFileOnce(file, paths.root));
  const files: VFile[] = [loaded.file, ...chapterFiles.map((chapter) => chapter.file)];
  const model: BookModel = { title: '', language: 'en', authors: [], parts: [], chapters: [], chapterFiles: new Map(), files };
  const structure = loaded.structure;
  if (!structure) return model;
  Object.assign(model, {
    title: structure.title,
    language: structure.language,
    subtitle: structure.subtitle,
    authors: structure.authors,
    introduction: structure.introduction,
  });

  const byId = new Map<string, ChapterFile>();
  const byLowerCaseId = new Map<string, ChapterFile>();
  const bySlug = new Map<string, ChapterFile>();
  for (const chapter of chapterFiles) {
    const meta = chapter.frontmatter;
    if (!meta) continue;
    const clash = byId.get(meta.id);
    if (clash) {
      chapter.file.message(`Chapter id \`${meta.id}\` is already used by ${clash.displayPath}; ids must be unique`, {
        place: chapter.fieldPlaces?.id ?? { line: 2, column: 1 },
        ruleId: RuleId.chapterUnique,
        source: 'book-model',
      }).fatal = true;
      continue;
    }
    // Ids are case-sensitive in `{doc}`, but an old `content/<id>.html` URL and a case-insensitive file
    // system cannot tell `4-1-GenAI` from `4-1-genai`.
    const caseClash = byLowerCaseId.get(meta.id.toLowerCase());
    if (caseClash) {
      chapter.file.message(
        `Chapter id \`${meta.id}\` differs only in case from \`${caseClash.frontmatter?.id}\` (${caseClash.displayPath}); ids must differ in more than case`,
        { place: chapter.fieldPlaces?.id ?? { line: 2, column: 1 }, ruleId: RuleId.chapterUnique, source: 'book-model' },
      ).fatal = true;
      continue;
    }
    byLowerCaseId.set(meta.id.toLowerCase(), chapter);
    const slugClash = bySlug.get(meta.slug);
    if (slugClash) {
      chapter.file.message(`Slug \`${meta.slug}\` is already used by ${slugClash.displayPath}; slugs must be unique`, {
        place: chapter.fieldPlaces?.slug ?? { line: 2, column: 1 },
        ruleId: RuleId.chapterUnique,
        source: 'book-model',
      }).fatal = true;
    }
    byId.set(meta.id, chapter);
    bySlug.set(meta.slug, chapter);
  }

  const listed = new Set<string>();
  structure.parts.forEach((part, partIndex) => {
    const partNumber = structure.firstPartNumber + partIndex;
    const bookPart: BookPart = { number: partNumber, title: part.title, chapters: [] };
    part.chapters.forEach((entry, chapterIndex) => {
      const id = typeof entry === 'string' ? entry : entry.id;
      const planned = typeof entry === 'string' ? false : entry.planned;
      const place = loaded.locate(['parts', partIndex, 'chapters', chapterIndex]);
      if (listed.has(id)) {
        loaded.file.message(`Chapter \`${id}\` is listed twice in ${structurePath}; list each chapter once`, {
          place,
          ruleId: RuleId.chapterUnique,
          source: 'book-model',
        }).fatal = true;
        return;
      }
      listed.add(id);
      const chapterFile = byId.get(id);
      const meta = chapterFile?.frontmatter;
      const chapter: BookChapter = {
        id,
        number: `${partNumber}.${chapterIndex + 1}`,
        title: meta?.title ?? (typeof entry === 'string' ? id : (entry.title ?? id)),
        slug: meta?.slug,
        description: meta?.description,
        objectives: meta?.objectives,
        planned,
        partIndex: bookPart.number,
        file: chapterFile?.displayPath,
      };
      bookPart.chapters.push(chapter);
      if (planned) {
        const what = chapterFile
          ? `its file ${chapterFile.displayPath} is a draft and is not published until \`planned: true\` is removed`
          : 'it is shown in the contents as forthcoming';
        loaded.file.message(`Chapter \`${id}\` is planned: ${what}`, { place, ruleId: RuleId.chapterPlanned, source: 'book-model' }).fatal = false;
        return;
      }
      if (!chapterFile) {
        loaded.file.message(
          `Chapter \`${id}\` is listed in ${structurePath} but no chapter file under content/ has \`id: ${id}\`${didYouMean(id, [...byId.keys()])}; create the file, or mark the entry \`planned: true\``,
          { place, ruleId: RuleId.structureMatchesFiles, source: 'book-model' },
        ).fatal = true;
        return;
      }
      model.chapters.push(chapter);
      model.chapterFiles.set(id, chapterFile);
    });
    model.parts.push(bookPart);
  });

  for (const [id, chapter] of byId) {
    if (listed.has(id)) continue;
    chapter.file.message(
      `Chapter \`${id}\` (${chapter.displayPath}) is not listed in ${structurePath}; add \`- ${id}\` to a part's chapters there, or remove the file`,
      { place: { line: 1, column: 1 }, ruleId: RuleId.structureMatchesFiles, source: 'book-model' },
    ).fatal = true;
  }
  return model;
}
