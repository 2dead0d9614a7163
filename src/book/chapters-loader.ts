/**
 * The chapters collection's loader: Astro's glob loader over the chapter files the book model
 * publishes (planned drafts and unlisted files are left out), with the list taken from the model each
 * time the collection loads rather than once when the content config is read. The dev server reloads
 * the collection (`refreshContent`) when the published set changes — a chapter added, renamed,
 * deleted, listed or unlisted in book.yaml — so such a chapter is served, or gone, without a restart.
 */
import { glob, type Loader } from 'astro/loaders';
import { loadBookConfig } from './book-config.js';
import { bookContextFor } from './book-context.js';
import type { BookPaths } from './book-paths.js';
import { renderInputsDigest } from './render-inputs.js';

/** The chapter files (relative to content/) that the current book model publishes. */
export function publishedChapterFiles(paths: BookPaths): string[] {
  const model = bookContextFor(paths).model();
  return [...model.chapterFiles.values()].map((chapter) => chapter.displayPath.replace(/^content\//, ''));
}

export function chaptersLoader(paths: BookPaths): Loader {
  return {
    name: 'book-chapters',
    load: async (context) => {
      const published = publishedChapterFiles(paths);
      const shared = renderInputsDigest(loadBookConfig(paths));
      const loader = glob({
        base: paths.content,
        // A pattern that matches nothing keeps the collection valid while no chapter is published.
        pattern: published.length > 0 ? published : ['__no-published-chapters__.md'],
        generateId: ({ data }) => String(data.id),
      });
      // A rendered entry is kept while its digest is the same: make the digest cover what every
      // chapter's rendering shares too (src/book/render-inputs.ts).
      await loader.load({ ...context, generateDigest: (data) => `${context.generateDigest(data)}-${shared}` });
    },
  };
}
