/**
 * Build the search index with Pagefind's Node API after the site is written, so every build ships a
 * fresh index in `<outDir>/pagefind/`. Only chapter bodies, the glossary and the resources page are
 * indexed (`data-pagefind-body`); the typeset math (KaTeX's visual HTML and its MathML), heading
 * anchors and the reference lists are left out (the glossary's "see" and "used in" lists by their
 * `data-pagefind-ignore`), so excerpts read as prose (Pagefind's prefix matching would otherwise match any query starting
 * with a letter to the authors' initials in the references). Imported statically: a dynamic import in `astro:build:done` fails
 * with "Vite module runner has been closed".
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/** What the index leaves out of the indexed chapter bodies. */
export const SEARCH_EXCLUDED = ['.katex', '.heading-anchor', '.copy-link', '.references', '.role-placeholder', '.figure-media'];

/**
 * Pagefind also writes its own ready-made search interfaces (about 430 KB). The book has its own
 * (src/scripts/search-ui.ts, over `pagefind.js`), so they would only be dead weight in the output.
 */
const UNUSED_BUNDLES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

function removeUnusedBundles(folder: string): void {
  for (const file of readdirSync(folder)) if (UNUSED_BUNDLES.test(file)) rmSync(path.join(folder, file));
}

/** Index `outDir` and write the index into `outDir/pagefind`. */
export async function buildSearchIndex(outDir: string, language: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  // One index in the book's language (its stemming), whatever each page says.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDED, forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    removeUnusedBundles(path.join(outDir, 'pagefind'));
    logger.info(`Search: indexed ${added.page_count} page(s) in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
  }
}
