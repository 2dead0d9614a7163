/**
 * Notebook chapters (`.ipynb`) in Astro: a content entry type, so the chapters collection's glob loader
 * reads a notebook like a `.md` file (its frontmatter from the notebook's metadata, its body the MyST
 * Markdown it converts to) and renders it with the book's own Markdown processor — the same remark and
 * rehype plugins, the same Shiki highlighting. That is how @astrojs/mdx adds `.mdx`
 * (`addContentEntryType` in `astro:config:setup`); it keeps one collection, one loader and Astro's own
 * file watching in dev, where a separate notebook loader would need all three again.
 *
 * The notebooks' image outputs are files of the site: written into the build output at the end of a
 * build, served from memory by the dev server.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger, ContentEntryType } from 'astro';
import type { Plugin } from 'vite';
import { buildBookModel } from '../book/book-model.js';
import type { BookPaths } from '../book/book-paths.js';
import { loadNotebook } from '../notebooks/notebook-chapter.js';
import { NOTEBOOK_IMAGE_FOLDER, type NotebookImage } from '../notebooks/output-images.js';

/**
 * `addContentEntryType` is passed to `astro:config:setup` but left out of its public type (it is how
 * Astro's own MDX and Markdoc integrations add theirs); this names it.
 */
export interface ContentEntryTypeHook {
  addContentEntryType(entryType: ContentEntryType): void;
}

/** The `.ipynb` content entry type, for a site served under `base` (ending in `/`). */
export function notebookEntryType(base: string): ContentEntryType {
  return {
    extensions: ['.ipynb'],
    getEntryInfo({ contents }) {
      // An invalid notebook has no data: the content check has already reported why, at its place.
      const { data, converted } = loadNotebook(contents, base);
      return { data, body: converted?.source ?? '', slug: typeof data.slug === 'string' ? data.slug : '', rawData: '' };
    },
    // A notebook imports no component, style or script: nothing to propagate.
    handlePropagation: false,
    async getRenderFunction(config: AstroConfig) {
      // As Astro renders a `.md` entry (astro/dist/vite-plugin-markdown/content-entry-type.js).
      const { markdown, image } = config;
      const renderer = await markdown.processor.createRenderer({
        image,
        syntaxHighlight: markdown.syntaxHighlight,
        shikiConfig: markdown.shikiConfig,
        gfm: markdown.gfm,
        smartypants: markdown.smartypants,
      });
      return async (entry) => {
        const result = await renderer.render(entry.body ?? '', {
          frontmatter: entry.data,
          // The plugins find the chapter (its number, its targets) by the .ipynb's path.
          fileURL: entry.filePath ? pathToFileURL(entry.filePath) : undefined,
        });
        return { html: result.code, metadata: { ...result.metadata, imagePaths: [] } };
      };
    },
  };
}

/** Every image output of the published notebooks, by file name. */
function notebookImages(paths: BookPaths): Map<string, NotebookImage> {
  const images = new Map<string, NotebookImage>();
  for (const chapter of buildBookModel(paths).chapterFiles.values()) {
    for (const image of chapter.notebook?.converted.images ?? []) images.set(image.name, image);
  }
  return images;
}

/**
 * Write the notebooks' images into the build output. Derived again from the notebooks rather than
 * remembered from rendering, because Astro's content cache skips rendering unchanged entries.
 */
export function writeNotebookImages(paths: BookPaths, outDir: string, logger: AstroIntegrationLogger): void {
  const images = notebookImages(paths);
  if (images.size === 0) return;
  const folder = path.join(outDir, NOTEBOOK_IMAGE_FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const image of images.values()) writeFileSync(path.join(folder, image.name), image.bytes);
  logger.info(`Notebook images: ${images.size} file(s) in ${NOTEBOOK_IMAGE_FOLDER}/`);
}

/** Dev server: answer `<base>_notebook/<name>` from the notebooks as they are now. */
export function notebookDevImages(paths: BookPaths, base: string): Plugin {
  const prefix = `${base}${NOTEBOOK_IMAGE_FOLDER}/`;
  return {
    name: 'book-notebook-images',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = request.url?.split('?')[0] ?? '';
        if (!url.startsWith(prefix)) return next();
        const image = notebookImages(paths).get(url.slice(prefix.length));
        if (!image) return next();
        response.setHeader('Content-Type', image.mime);
        response.end(image.bytes);
      });
    },
  };
}
