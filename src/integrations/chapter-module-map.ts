/**
 * The map from each chapter rendered on request to its compiled module, served from this process's
 * chapters collection rather than read from `.astro/content-modules.mjs`.
 *
 * Astro writes that map to one file of the project's `.astro/` folder and its pages import the file. Any
 * other Astro process run from the same project meanwhile writes its own book's map there: a build while
 * `npm run dev` runs, and in the tests, builds and dev servers of different fixture books side by side.
 * The dev server then failed to render its chapters (`UnknownContentCollectionError`) until one of them
 * was saved again, and a build bundling the file at the wrong moment failed the same way. Each process
 * now loads the map made from its own collection (src/book/chapters-loader.ts). Astro still writes the
 * file when the collection changes, and Vite's watcher then reloads the module, so the dev server
 * follows added and renamed chapters as before.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { chapterModuleMap } from '../book/chapters-loader.js';

export function chapterModuleMapPlugin(): Plugin {
  let file = '';
  return {
    name: 'book-chapter-module-map',
    configResolved(config) {
      // Astro's `.astro/` folder is in its root, which is Vite's.
      file = path.join(config.root, '.astro', 'content-modules.mjs');
    },
    load(id) {
      if (id !== file) return undefined;
      // Before the collection has loaded (it loads before any page is built or served), the file.
      return chapterModuleMap();
    },
  };
}
