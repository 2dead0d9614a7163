/**
 * The book's Astro integration. A thin entry: each hook delegates to a module named for its job.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadBookConfig } from '../book/book-config.js';
import { bookContextFor, unwatchBookSources, watchBookSources } from '../book/book-context.js';
import { bookPaths } from '../book/book-paths.js';
import { writeGradedEdition } from './answer-book.js';
import { applyContentSecurityPolicy } from './content-security-policy.js';
import { BuildProblems, endBuildOnProblems } from './build-failure.js';
import { formatProblem } from '../diagnostics/report.js';
import { takeRenderProblems } from '../diagnostics/render-problems.js';
import { contentProblems, runContentCheck } from './content-check.js';
import { copyBuiltPdfs, PDF_FOLDER } from '../pdf/built-pdfs.js';
import { startDevServer } from './dev-server.js';
import { enableProblemAnchors } from '../markdown/problem-anchors/index.js';
import { katexDevAssets } from './katex-assets.js';
import { noModulePreload } from './no-module-preload.js';
import { lazySourceMaps } from './lazy-source-maps.js';
import { chapterModuleMapPlugin } from './chapter-module-map.js';
import { writeKatexFontSubsets } from './katex-font-subsets.js';
import { writeRedirects } from './redirects.js';
import { describeCounts } from '../process/build-counts.js';
import { buildSearchIndex } from './search.js';
import { writeSitemap } from './sitemap.js';
import { type ContentEntryTypeHook, notebookDevImages, notebookEntryType, writeNotebookImages } from './notebooks.js';
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
      'astro:config:setup': (params) => {
        const { config, command: current, updateConfig, injectScript } = params;
        command = current;
        // A build's sources do not change while it runs; the dev server reports each change it sees.
        watchBookSources();
        if (command === 'dev') {
          // The problem banner and the anchors it links to: dev server only, never in a build.
          enableProblemAnchors();
          injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('src/scripts/dev-problems-banner.ts', config.root)))};`);
        }
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        language = loadBookConfig(paths).language;
        // Notebooks are chapters: an entry type for `.ipynb`, and their image outputs in dev.
        (params as typeof params & ContentEntryTypeHook).addContentEntryType(notebookEntryType(base));
        updateConfig({ vite: { plugins: [katexDevAssets(base), notebookDevImages(paths, base), lazySourceMaps(), chapterModuleMapPlugin(), noModulePreload()] } });
      },
      'astro:build:start': ({ logger }) =>
        endBuildOnProblems(logger, async () => {
          const summary = await runContentCheck(paths, logger);
          if (summary.errors.length > 0) throw contentProblems(summary);
        }),
      'astro:server:setup': async ({ server, logger }) => {
        // `astro build` also starts a Vite server to sync content: check once, in build:start, there.
        if (command !== 'dev') return;
        // Picks up every save (chapters, book.yaml, the .bib, figures), shows problems in the pages.
        await startDevServer({ server, logger, paths, base });
      },
      'astro:build:done': ({ dir, logger }) =>
        endBuildOnProblems(logger, async () => {
          // Expressions that threw while their pages rendered, all of them (each page showed its own).
          const renderProblems = takeRenderProblems();
          for (const problem of renderProblems) logger.error(formatProblem(problem));
          if (renderProblems.length > 0) throw new BuildProblems(`${renderProblems.length} chapter problem(s) found while rendering the pages, listed above with file:line:col`);
          const outDir = fileURLToPath(dir);
          // For `npm run bench:scale`: how long each step after the pages takes.
          const steps: string[] = [];
          let stepStart = performance.now();
          const stepDone = (name: string) => {
            steps.push(`${name} ${((performance.now() - stepStart) / 1000).toFixed(1)} s`);
            stepStart = performance.now();
          };
          // Old URLs get their redirect pages, then no URL kept in the manifest may have gone.
          const site = writeRedirects(paths, outDir, logger);
          stepDone('reading the site and redirects');
          checkUrlManifest(paths, site, logger);
          stepDone('URL manifest');
          // The pages' text is final now: Pagefind indexes them in its own process while the steps
          // below rewrite them, each page in one step (replace-file.ts), with the same text (font URLs,
          // the policy's meta tag). A failure is held as a value until it is awaited below (a
          // rejected promise left waiting would be reported as unhandled), then thrown there.
          const searchIndex = buildSearchIndex(outDir, language, logger).then(
            () => undefined,
            (error: unknown) => ({ error }),
          );
          const fonts = await writeKatexFontSubsets(outDir);
          logger.info(`KaTeX fonts: ${fonts.fonts} in use, subset from ${kilobytes(fonts.fullBytes)} to ${kilobytes(fonts.subsetBytes)}`);
          stepDone('KaTeX fonts');
          writeNotebookImages(paths, outDir, logger);
          // The PDFs of `npm run pdf`, which the pages link to when they exist (src/pdf/built-pdfs.ts).
          const config = loadBookConfig(paths);
          // None in a graded edition: printed from an earlier build, they may hold the answers.
          const pdfs = copyBuiltPdfs(paths.root, outDir);
          if (pdfs > 0) logger.info(`PDF: ${pdfs} file(s) copied from ${PDF_FOLDER}/`);
          stepDone('notebook images and PDFs');
          writeSitemap(outDir, config, bookContextFor(paths).model(), logger);
          stepDone('sitemap');
          // After every page written above (redirect pages included).
          applyContentSecurityPolicy(outDir, logger);
          stepDone('security policy');
          const failed = await searchIndex;
          if (failed) throw failed.error;
          stepDone('search index (the rest of it, after the steps above)');
          // Last: the worker's precache revisions are hashes of the final files (index and policy included).
          await writeServiceWorker(outDir, site, base, logger);
          stepDone('service worker');
          // The graded edition: the answer book outside the site, then no answer text may be left in it.
          if (config.answers === 'separate') await writeGradedEdition(config, outDir, logger);
          // For `npm run bench:scale`: how often the build parsed, rendered and formatted.
          if (process.env.BOOK_COUNTS === '1') {
            logger.info(`Work counts: ${describeCounts()}`);
            logger.info(`After-build steps: ${steps.join(', ')}`);
          }
          unwatchBookSources();
        }),
    },
  };
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
