/**
 * The book's Astro integration. A thin entry: each hook delegates to a module named for its job.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadBookConfig } from '../book/book-config.js';
import { bookPaths } from '../book/book-paths.js';
import { applyContentSecurityPolicy } from './content-security-policy.js';
import { ContentErrors, runContentCheck } from './content-check.js';
import { copyKatexAssets, katexDevAssets } from './katex-assets.js';
import { writeRedirects } from './redirects.js';
import { buildSearchIndex } from './search.js';
import { writeServiceWorker } from './service-worker.js';
import { checkUrlManifest } from './url-manifest.js';

export default function bookIntegration(): AstroIntegration {
  const paths = bookPaths();
  let base = '/';
  let command = 'build';
  let language = 'en';
  return {
    name: 'book',
    hooks: {
      'astro:config:setup': ({ config, command: current, updateConfig }) => {
        command = current;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        language = loadBookConfig(paths).language;
        updateConfig({ vite: { plugins: [katexDevAssets(base)] } });
      },
      'astro:build:start': async ({ logger }) => {
        const summary = await runContentCheck(paths, logger);
        if (summary.errors.length > 0) throw new ContentErrors(summary);
      },
      'astro:server:setup': async ({ server, logger }) => {
        // `astro build` also starts a Vite server to sync content: check once, in build:start, there.
        if (command !== 'dev') return;
        await runContentCheck(paths, logger);
        // Re-check when the author saves a chapter, the structure or a figure; never stop the server.
        const recheck = (file: string) => {
          if (file.startsWith(paths.content) || file.startsWith(paths.public)) void runContentCheck(paths, logger);
        };
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        copyKatexAssets(outDir);
        // Old URLs get their redirect pages, then no URL kept in the manifest may have gone.
        const site = writeRedirects(paths, outDir, logger);
        checkUrlManifest(paths, site, logger);
        await buildSearchIndex(outDir, language, logger);
        // After every page written above (redirect pages included).
        applyContentSecurityPolicy(outDir, logger);
        // Last: the worker's precache revisions are hashes of the final files (index and policy included).
        await writeServiceWorker(outDir, site, base, logger);
      },
    },
  };
}
