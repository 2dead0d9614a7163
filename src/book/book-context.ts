/**
 * What the Markdown plugins need to know about the whole book while rendering one chapter: which
 * chapter a file is, and the book's cross-reference targets. Built from the book model once per set
 * of chapter sources (so once per build, and again in dev only after an edit).
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ChapterContext } from '../markdown/chapter-context/index.js';
import { type BookModel, buildBookModel } from './book-model.js';
import type { BookPaths } from './book-paths.js';
import { listChapterFiles } from './chapter-files.js';
import { collectCrossReferenceTargets, type CrossReferenceTargets } from './cross-reference-targets.js';

export interface BookContext {
  /** The chapter of a file, by its absolute path (or a path relative to the book root). */
  chapterOfFile(absolutePath: string): ChapterContext | undefined;
  targets(): CrossReferenceTargets;
}

/** A book context for the book at `paths`, rebuilt whenever the structure or a chapter file changes. */
export function createBookContext(paths: BookPaths): BookContext {
  let cached: { digest: string; model: BookModel; targets?: CrossReferenceTargets; byPath?: Map<string, ChapterContext> } | undefined;
  // Stat, don't read: this runs for every chapter rendered, and files rarely change during a build.
  const current = () => {
    const digest = [paths.structure, ...listChapterFiles(paths.content)].map((file) => `${file}@${modified(file)}`).join('|');
    if (cached?.digest !== digest) cached = { digest, model: buildBookModel(paths) };
    return cached;
  };
  return {
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
      state.targets ??= collectCrossReferenceTargets(state.model, paths);
      return state.targets;
    },
  };
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
