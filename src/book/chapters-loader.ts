/**
 * The chapters collection's loader: Astro's glob loader over the chapter files the book model
 * publishes (planned drafts and unlisted files are left out), with the list taken from the model each
 * time the collection loads rather than once when the content config is read.
 *
 * In dev the collection must follow the book without a restart: when the published set changes (a
 * chapter added, renamed, deleted, listed or unlisted) or when what every chapter's rendering reads
 * changes (src/book/render-inputs.ts), the dev server calls `reloadChapters()`, which runs the glob
 * loader again, in place, with the new list. Not through Astro's `refreshContent`: Astro reloads its
 * content config whenever a `.md`, `.mdx`, `.yaml` or `.json` file is saved, and a refresh asked for
 * meanwhile is silently skipped. The glob loader's file watching is redone with each run (the
 * previous run's listeners are removed), so a chapter no longer published is not brought back by a
 * later save.
 */
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { loadBookConfig } from './book-config.js';
import { bookContextFor } from './book-context.js';
import type { BookPaths } from './book-paths.js';
import { renderInputsDigest } from './render-inputs.js';
import { processWide } from '../process/process-wide.js';

type Watcher = NonNullable<LoaderContext['watcher']>;
type Listener = (...args: unknown[]) => void;

// The dev server's way to run the loader again (set by the loader's latest run with a watcher).
const latest = processWide('chapters-loader', () => ({ reload: undefined as (() => Promise<void>) | undefined }));

/** In dev: load the chapters collection again, with the book as it is now. */
export async function reloadChapters(): Promise<void> {
  await latest.reload?.();
}

/** The chapter files (relative to content/) that the current book model publishes. */
export function publishedChapterFiles(paths: BookPaths): string[] {
  const model = bookContextFor(paths).model();
  return [...model.chapterFiles.values()].map((chapter) => chapter.displayPath.replace(/^content\//, ''));
}

export function chaptersLoader(paths: BookPaths): Loader {
  return {
    name: 'book-chapters',
    load: async (context) => {
      let listeners: [string, Listener][] = [];
      const run = async () => {
        for (const [event, listener] of listeners) context.watcher?.off(event, listener);
        listeners = [];
        const published = publishedChapterFiles(paths);
        const shared = renderInputsDigest(loadBookConfig(paths));
        const loader = glob({
          base: paths.content,
          // A pattern that matches nothing keeps the collection valid while no chapter is published.
          pattern: published.length > 0 ? published : ['__no-published-chapters__.md'],
          generateId: ({ data }) => String(data.id),
        });
        await loader.load({
          ...context,
          watcher: context.watcher && trackListeners(context.watcher, listeners),
          // A rendered entry is kept while its digest is the same: make the digest cover what every
          // chapter's rendering shares too (src/book/render-inputs.ts).
          generateDigest: (data) => `${context.generateDigest(data)}-${shared}`,
        });
      };
      await run();
      if (context.watcher) latest.reload = run;
    },
  };
}

/** The watcher, noting each listener added through it (so that the next run can remove them). */
function trackListeners(watcher: Watcher, listeners: [string, Listener][]): Watcher {
  return new Proxy(watcher, {
    get(target, property, receiver) {
      if (property === 'on') {
        return (event: string, listener: Listener) => {
          listeners.push([event, listener]);
          target.on(event, listener);
          return receiver;
        };
      }
      // The watcher's own methods run on the watcher itself (chokidar keeps private state on it).
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
