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
import { existsSync } from 'node:fs';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { loadBookConfig } from './book-config.js';
import { bookContextFor } from './book-context.js';
import type { BookPaths } from './book-paths.js';
import { renderInputsDigest } from './render-inputs.js';
import { processWide } from '../process/process-wide.js';

type Watcher = NonNullable<LoaderContext['watcher']>;
type Listener = (...args: unknown[]) => void;

// The collection's store (set by the loader's latest run) and, in dev, the way to run the loader
// again (set by its latest run with a watcher).
const latest = processWide('chapters-loader', () => ({
  reload: undefined as (() => Promise<void>) | undefined,
  store: undefined as LoaderContext['store'] | undefined,
}));

/** In dev: load the chapters collection again, with the book as it is now. */
export async function reloadChapters(): Promise<void> {
  await latest.reload?.();
}

/**
 * The module that maps each chapter rendered on request (`deferRender`) to its compiled module, made
 * from this process's collection: the code Astro writes to `.astro/content-modules.mjs`, or undefined
 * before the collection has loaded. Astro's pages import that file, and any other Astro process run
 * from the same project meanwhile (a build during `npm run dev`, the tests' builds and dev servers)
 * rewrites it with its own book's chapters; src/integrations/chapter-module-map.ts serves this instead.
 */
export function chapterModuleMap(): string | undefined {
  const store = latest.store;
  if (!store) return undefined;
  const files = store
    .values()
    .filter((entry) => entry.deferredRender)
    .flatMap((entry) => (entry.filePath === undefined ? [] : [entry.filePath]))
    .sort((a, b) => a.localeCompare(b));
  const entries = files.map((file) => `[${JSON.stringify(file)}, () => import(${JSON.stringify(deferredModuleId(file))})]`);
  return `export default new Map([\n${entries.join(',\n')}]);\n`;
}

/** How Astro names a deferred chapter's module (its `contentModuleToId`, not exported). */
function deferredModuleId(file: string): string {
  const params = new URLSearchParams({ 'astro:content-layer-deferred-module': '', fileName: file, astroContentModuleFlag: 'true' });
  return `astro:content-layer-deferred-module?${params.toString()}`;
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
        // Astro's glob loader keeps an entry whose text is unchanged as it was, file path included: a
        // chapter renamed without an edit (`git mv`) kept its old, gone file, and its page failed until
        // the text changed. An entry whose file is gone is dropped, so the chapter is read from its new file.
        for (const entry of context.store.values()) {
          if (entry.filePath !== undefined && !existsSync(new URL(entry.filePath, context.config.root))) context.store.delete(entry.id);
        }
        for (const kind of CHAPTER_KINDS) {
          const files = published.filter(kind.matches);
          if (files.length === 0) {
            // None of this kind (most books have no notebook): drop its entries, as its glob loader
            // would, without running one on a pattern that matches nothing, which warns "No files
            // found" in every build and after every save — nothing an author can act on.
            const store = storeOfKind(context.store, kind.matches);
            for (const id of [...store.keys()]) store.delete(id);
            continue;
          }
          const loader = glob({
            base: paths.content,
            pattern: files,
            generateId: ({ data }) => String(data.id),
            // In dev only: a build renders each chapter once either way, and a module per chapter
            // would be compiled for both of its server environments (twice the work).
            ...(context.watcher ? kind.devOptions : {}),
          });
          await loader.load({
            ...context,
            // Each kind's loader removes the entries it did not see: let it see only its own.
            store: storeOfKind(context.store, kind.matches),
            watcher: context.watcher && trackListeners(context.watcher, listeners),
            // A rendered entry is kept while its digest is the same: make the digest cover what every
            // chapter's rendering shares too (src/book/render-inputs.ts).
            generateDigest: (data) => `${context.generateDigest(data)}-${shared}`,
          });
        }
      };
      await run();
      latest.store = context.store;
      if (context.watcher) latest.reload = run;
    },
  };
}

type Store = LoaderContext['store'];

/**
 * In dev, Markdown and MDX chapters are compiled as modules and rendered when their page is
 * (`deferRender`), without their source kept (`retainBody: false`): the collection's data then holds no chapter text.
 * In dev Astro turns that data into one JavaScript module that every page imports, and serializes,
 * reparses and re-evaluates it whole on every save; with the rendered HTML of 200 chapters in it (22 MB)
 * that took seven seconds per save. A notebook has no module form (its Markdown is made from JSON when
 * it loads), so it is rendered when the collection loads, as before.
 */
const CHAPTER_KINDS = [
  { matches: (file: string) => !file.endsWith('.ipynb'), devOptions: { deferRender: true, retainBody: false } },
  { matches: (file: string) => file.endsWith('.ipynb'), devOptions: {} },
] as const;

/** The collection's store as one kind's loader sees it: only the entries of its own files. */
function storeOfKind(store: Store, matches: (file: string) => boolean): Store {
  const own = (id: string) => {
    const file = store.get(id)?.filePath;
    return file !== undefined && matches(file);
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'keys') return () => target.keys().filter(own);
      if (property === 'entries') return () => target.entries().filter(([id]) => own(id));
      if (property === 'values') return () => target.values().filter((entry) => own(entry.id));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
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
