/**
 * The whole book as every part of a build needs it: the book model, which chapter a file is, the
 * cross-reference targets and the citations in reading order. Each chapter's structure is parsed once
 * per source of that chapter and shared by all of them: once per build, and in dev again only for the
 * chapter that was edited (the others keep their trees while their source, id and number are the
 * same). The context itself is shared by the config's modules and the pages' bundled code.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { ChapterContext } from '../markdown/chapter-context/index.js';
import { type BookChapter, type BookModel, buildBookModel } from './book-model.js';
import { type ChapterCounts, countChapter } from './chapter-counts.js';
import type { BookPaths } from './book-paths.js';
import { type ChapterFile, listChapterFiles } from './chapter-files.js';
import { type CitationOccurrence, collectCitations, indexBookCitations } from './citation-index.js';
import { type ChapterTarget, collectCrossReferenceTargets, type CrossReferenceTargets, targetsOfTree } from './cross-reference-targets.js';
import { type ChapterStructure, parseChapterStructureWithMessages } from './parse-chapter.js';
import { processWide } from '../process/process-wide.js';

export interface BookContext {
  /** The book model (structure file and chapter frontmatter). */
  model(): BookModel;
  /** The chapter of a file, by its absolute path (or a path relative to the book root). */
  chapterOfFile(absolutePath: string): ChapterContext | undefined;
  targets(): CrossReferenceTargets;
  /** Every citation of every published chapter, in reading order. */
  citations(): CitationOccurrence[];
  /** The keys the book cites, in order of first citation. */
  citedKeys(): string[];
  /** A parser of chapter structures that parses each chapter once (for whole-book indexes). */
  structures(): StructureParser;
  /**
   * A published chapter's structural pass, with its messages (the same, shared, parse): the content
   * check reports those messages and resolves a copy of the tree. Undefined for an unknown id.
   */
  structureOf(chapterId: string): ChapterStructure | undefined;
  /**
   * Drop every kept chapter structure: something outside the chapters that their structure reads
   * changed (a figure under public/). The dev server calls it; a build never needs to.
   */
  forgetStructures(): void;
  /**
   * Each published chapter's counts (words, display formulas, figures, interactive figures,
   * exercises), by id, from the shared structural trees; absent for a chapter that does not parse.
   */
  counts(): Map<string, ChapterCounts>;
  /**
   * A chapter's tree as rendering has it right after the structural plugins, and the text it was
   * parsed from (src/markdown/structure-handover/): when that text is the chapter file's (up to its
   * frontmatter) and the indexes kept of the chapter are stale, they are read from this tree, so the
   * chapter just saved is not parsed again before its page is served.
   */
  structured(filePath: string, source: string, tree: Root): void;
}

/** What the whole-book indexes keep of one chapter, read from its structural tree once per source. */
interface ChapterIndexes {
  source: string;
  targets: ChapterTarget[];
  citations: CitationOccurrence[];
  counts: ChapterCounts;
}

/** A chapter's structural tree: parsed once per state of the sources, whoever asks first. */
export type StructureParser = (chapterFile: ChapterFile, chapter: BookChapter, paths: BookPaths) => Root | undefined;

interface State {
  digest: string;
  /** The sources' generation this state was last checked against (while they are watched). */
  generation?: number;
  model: BookModel;
  targets?: CrossReferenceTargets;
  citations?: CitationOccurrence[];
  citedKeys?: string[];
  counts?: Map<string, ChapterCounts>;
  byPath?: Map<string, ChapterContext>;
}

/**
 * Whether something reports every change of the book's files: the dev server (its file watcher) and
 * a build (whose sources do not change while it runs). Then the context looks at the files again only
 * after a reported change; otherwise (scripts, tests) it stats them on every call.
 */
const sources = processWide('book-sources', () => ({ watched: false, generation: 0 }));

/** From now on, every change of the book's files is reported with `bookSourcesChanged()`. */
export function watchBookSources(): void {
  sources.watched = true;
  sources.generation++;
}

/** Changes are no longer reported: stat the files on every call again. */
export function unwatchBookSources(): void {
  sources.watched = false;
}

/** A file of the book changed (added, edited, renamed or deleted). */
export function bookSourcesChanged(): void {
  sources.generation++;
}

/** The book context of the book at `paths`, one per build process. */
export function bookContextFor(paths: BookPaths): BookContext {
  const contexts = processWide('book-contexts', () => new Map<string, BookContext>());
  const key = [paths.root, paths.structure, paths.content].join('\n');
  let context = contexts.get(key);
  if (!context) contexts.set(key, (context = createBookContext(paths)));
  return context;
}

/** A book context for the book at `paths`, rebuilt whenever the structure or a chapter file changes. */
export function createBookContext(paths: BookPaths): BookContext {
  let cached: State | undefined;
  // Kept across states of the book: a chapter's tree depends on its source, its id and its number
  // (figure and equation numbers), so an edit of one chapter re-parses that chapter only.
  const structures = new Map<string, ChapterStructure>();
  const structureKey = (chapterFile: ChapterFile, chapter: BookChapter) => `${chapterFile.path}\n${chapter.id}\n${chapter.number}`;
  // What the indexes read of each chapter, by the same key: from the shared tree, or from a render's.
  const indexes = new Map<string, ChapterIndexes>();
  // Stat, don't read: this runs for every chapter rendered, and files rarely change during a build.
  const current = (): State => {
    // Listing and stating every chapter file is N stats per call, and pages call this many times each.
    if (sources.watched && cached?.generation === sources.generation) return cached;
    const digest = [paths.structure, ...listChapterFiles(paths.content)].map((file) => `${file}@${modified(file)}`).join('|');
    if (cached?.digest !== digest) {
      cached = { digest, model: buildBookModel(paths) };
      // Trees of chapters that were deleted, renamed or renumbered will not be asked for again.
      const model = cached.model;
      const live = new Set(model.chapters.flatMap((chapter) => {
        const chapterFile = model.chapterFiles.get(chapter.id);
        return chapterFile ? [structureKey(chapterFile, chapter)] : [];
      }));
      for (const key of structures.keys()) if (!live.has(key)) structures.delete(key);
      for (const key of indexes.keys()) if (!live.has(key)) indexes.delete(key);
    }
    cached.generation = sources.generation;
    return cached;
  };
  const structure = (chapterFile: ChapterFile, chapter: BookChapter): ChapterStructure => {
    const key = structureKey(chapterFile, chapter);
    const kept = structures.get(key);
    if (kept?.source === chapterFile.source) return kept;
    const parsed = parseChapterStructureWithMessages(chapterFile, chapter, paths);
    structures.set(key, parsed);
    return parsed;
  };
  const parse: StructureParser = (chapterFile, chapter) => structure(chapterFile, chapter).tree;
  const indexesOf = (chapterFile: ChapterFile, chapter: BookChapter): ChapterIndexes | undefined => {
    const key = structureKey(chapterFile, chapter);
    const kept = indexes.get(key);
    if (kept?.source === chapterFile.source) return kept;
    const tree = structure(chapterFile, chapter).tree;
    if (!tree) return undefined;
    const read = indexTree(tree, chapter.id, chapterFile.source, 0);
    indexes.set(key, read);
    return read;
  };
  return {
    model: () => current().model,
    chapterOfFile(absolutePath) {
      const state = current();
      // Real paths: the content folder may be a symbolic link, which bundlers resolve. Resolved once
      // per model, not once per chapter rendered (that was quadratic in the number of chapters).
      state.byPath ??= new Map(
        state.model.chapters.flatMap((chapter) => {
          const chapterPath = state.model.chapterFiles.get(chapter.id)?.path;
          return chapterPath ? [[realPath(chapterPath), { id: chapter.id, number: chapter.number }] as const] : [];
        }),
      );
      return state.byPath.get(realPath(path.resolve(paths.root, absolutePath)));
    },
    targets() {
      const state = current();
      state.targets ??= collectCrossReferenceTargets(state.model, paths, (chapterFile, chapter) => indexesOf(chapterFile, chapter)?.targets);
      return state.targets;
    },
    citations() {
      const state = current();
      state.citations ??= indexBookCitations(state.model, paths, (chapterFile, chapter) => indexesOf(chapterFile, chapter)?.citations);
      return state.citations;
    },
    structures: () => parse,
    structureOf(chapterId) {
      const { model } = current();
      const chapter = model.chapters.find((candidate) => candidate.id === chapterId);
      const chapterFile = model.chapterFiles.get(chapterId);
      return chapter && chapterFile ? structure(chapterFile, chapter) : undefined;
    },
    forgetStructures() {
      structures.clear();
      indexes.clear();
    },
    counts() {
      const state = current();
      if (!state.counts) {
        state.counts = new Map();
        for (const chapter of state.model.chapters) {
          const chapterFile = state.model.chapterFiles.get(chapter.id);
          const read = chapterFile && indexesOf(chapterFile, chapter);
          if (read) state.counts.set(chapter.id, read.counts);
        }
      }
      return state.counts;
    },
    structured(filePath, source, tree) {
      const { model } = current();
      const id = this.chapterOfFile(filePath)?.id;
      const chapter = id === undefined ? undefined : model.chapters.find((candidate) => candidate.id === id);
      const chapterFile = id === undefined ? undefined : model.chapterFiles.get(id);
      // A notebook's lines are its converted source's, which only the structural pass maps back.
      if (!chapter || !chapterFile || chapterFile.path.endsWith('.ipynb')) return;
      const key = structureKey(chapterFile, chapter);
      if (indexes.get(key)?.source === chapterFile.source) return;
      const shift = renderedLineShift(chapterFile.source, source);
      // Rendered from another text than the file holds now (saved again meanwhile): parse it when asked.
      if (shift === undefined) return;
      indexes.set(key, indexTree(tree, chapter.id, chapterFile.source, shift));
    },
    citedKeys() {
      const state = current();
      state.citedKeys ??= [...new Set(this.citations().map((occurrence) => occurrence.key))];
      return state.citedKeys;
    },
  };
}

/** Read a chapter's indexes from its structural tree, whose lines are the file's less `lineShift`. */
function indexTree(tree: Root, chapterId: string, source: string, lineShift: number): ChapterIndexes {
  const targets = targetsOfTree(tree);
  return {
    source,
    targets: lineShift === 0 ? targets : targets.map(({ target, line }) => ({ target, line: line === undefined ? undefined : line + lineShift })),
    citations: collectCitations(tree, chapterId),
    counts: countChapter(tree),
  };
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/;

/**
 * How many lines a chapter file has before the text Astro rendered of it, or undefined when that text
 * is not the file's: an `.mdx` file is rendered whole with its frontmatter blanked out (the same
 * lines: 0), a `.md` file's body without its frontmatter (its line breaks).
 */
function renderedLineShift(fileSource: string, rendered: string): number | undefined {
  if (rendered === fileSource) return 0;
  const frontmatter = FRONTMATTER.exec(fileSource)?.[0];
  if (!frontmatter) return undefined;
  const body = fileSource.slice(frontmatter.length);
  if (rendered === body) return frontmatter.split('\n').length - 1;
  if (rendered.length === fileSource.length && rendered.endsWith(body) && rendered.slice(0, frontmatter.length).trim() === '') return 0;
  return undefined;
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function modified(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
