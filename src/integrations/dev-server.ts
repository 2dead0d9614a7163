/**
 * The author's dev server (`npm run dev`): every save is picked up without a restart, and the book's
 * content problems are shown in the terminal and on every page.
 *
 * On a save under content/ or public/, of the .bib or of book.yaml, the book is checked again
 * (dev-content-check.ts: only what the save can have changed), and then:
 * - the problems that are new are printed (a problem already printed, such as a planned chapter's
 *   notice, is not printed again on every save), and the list goes to the pages' problem banner
 *   (src/scripts/dev-problems-banner.ts) as a Vite HMR event, `book:problems`; the banner also reads
 *   it from `<base>__book/problems.json` when a page loads;
 * - if the published chapters changed (a chapter added, renamed, deleted, listed or unlisted), the
 *   chapters collection is loaded again (src/book/chapters-loader.ts), so a new chapter is served at once;
 * - if what chapters show from the rest of the book changed (a title, a number, a label, the .bib,
 *   the settings, a figure), the chapters' compiled modules are dropped and open pages reload, so no
 *   page keeps a stale number or a `[key?]` placeholder. An edit of one chapter's text does none of
 *   this: Astro re-renders that chapter alone.
 */
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { RunnableDevEnvironment, ViteDevServer } from 'vite';
import { loadBookConfig } from '../book/book-config.js';
import type { BookPaths } from '../book/book-paths.js';
import { bookSourcesChanged } from '../book/book-context.js';
import { reloadChapters } from '../book/chapters-loader.js';
import { bumpRenderEpoch } from '../book/render-inputs.js';
import type { ContentProblem } from '../diagnostics/report.js';
import { onChapterTransformed } from '../markdown/problem-anchors/index.js';
import { type DevCheckResult, DevContentCheck } from './dev-content-check.js';

/** The HMR event the problem banner listens to, and the URL (below the base) it reads on load. */
export const PROBLEMS_EVENT = 'book:problems';
export const PROBLEMS_PATH = '__book/problems.json';

/** What the banner receives. */
export interface ProblemsPayload {
  problems: ContentProblem[];
}

interface DevServerOptions {
  server: ViteDevServer;
  logger: AstroIntegrationLogger;
  paths: BookPaths;
  base: string;
}

const CHAPTER_FILE = /\.(mdx?|ipynb)$/;

export async function startDevServer({ server, logger, paths, base }: DevServerOptions): Promise<void> {
  const check = new DevContentCheck(paths);
  let printed = new Set<string>();
  let problems: ContentProblem[] = [];
  let last: DevCheckResult | undefined;
  let first = true;

  // A problem is printed once, however its line moves (an entry added above a planned chapter's).
  const identity = (problem: ContentProblem) => [problem.file, problem.severity, problem.message, problem.ruleId].join('\n');
  const report = (result: DevCheckResult) => {
    const now = new Set(result.problems.map(identity));
    const fresh = result.problems.filter((problem) => !printed.has(identity(problem)));
    for (const problem of fresh) (problem.severity === 'error' ? logger.error(problem.text) : logger.warn(problem.text));
    const fixed = [...printed].filter((problem) => !now.has(problem)).length;
    if (fresh.length > 0 || fixed > 0 || first) {
      const errors = result.problems.filter((problem) => problem.severity === 'error').length;
      const line = `Content check: ${errors} error(s), ${result.problems.length - errors} warning(s) in ${result.chapters} chapter(s)${fixed > 0 ? `; ${fixed} fixed` : ''}`;
      if (errors > 0) logger.error(line);
      else logger.info(line);
    }
    printed = now;
    first = false;
    problems = result.problems;
    server.environments.client.hot.send(PROBLEMS_EVENT, { problems } satisfies ProblemsPayload);
  };

  // A page sent: a check waiting for the edited chapter's page to be served may run now.
  let pageSent: (() => void) | undefined;
  // The banner's first read (HMR events only reach pages that are open when they are sent).
  server.middlewares.use((request, response, next) => {
    if (request.url?.split('?')[0] !== `${base}${PROBLEMS_PATH}`) {
      response.once('finish', () => {
        if (String(response.getHeader('Content-Type') ?? '').startsWith('text/html')) pageSent?.();
      });
      return next();
    }
    response.setHeader('Content-Type', 'application/json');
    response.setHeader('Cache-Control', 'no-store');
    response.end(JSON.stringify({ problems } satisfies ProblemsPayload));
  });

  last = await check.run();
  report(last);

  // The .bib and the book folder may lie outside Vite's root (a BOOK_ROOT elsewhere): watch them.
  // The .bib's path is a setting: read again after each check, not on every event of the watcher.
  let bibliography = loadBookConfig(paths).bibliography.path;
  server.watcher.add([paths.content, paths.public, bibliography]);

  let pending = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const onEvent = (event: string) => (file: string) => {
    const absolute = path.resolve(file);
    const relevant = absolute.startsWith(paths.content + path.sep) || absolute.startsWith(paths.public + path.sep) || absolute === bibliography;
    if (!relevant) return;
    // At once, before any page asks the book context again (the check below waits for a burst to end).
    bookSourcesChanged();
    pending.set(absolute, event);
    // Saves come in bursts (an editor writes, a formatter rewrites): handle them together.
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = pending;
      pending = new Map();
      running = running
        .then(() => (textOnly(batch) ? afterPageOf([...batch.keys()]) : undefined))
        .then(() => recheck(batch))
        .catch((error: unknown) => logger.error(`The content check failed: ${String(error)}`));
    }, 25);
  };
  for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, onEvent(event));

  // The usual save: the text of a published chapter. Astro re-renders that chapter by itself; the
  // check (which only reports) waits until that page has been transformed and sent, so that it does
  // not delay the edited text (on a busy machine the two would take turns). If no page shows the
  // chapter, it runs after two seconds.
  const textOnly = (batch: Map<string, string>) =>
    [...batch].every(([file, event]) => event === 'change' && last?.published.includes(path.relative(paths.content, file).split(path.sep).join('/')));
  const afterPageOf = (files: string[]) =>
    new Promise<void>((resolve) => {
      let timeout = setTimeout(done, 2000);
      const stop = onChapterTransformed((file) => {
        if (!files.includes(file)) return;
        stop();
        clearTimeout(timeout);
        timeout = setTimeout(done, 1000);
        pageSent = done;
      });
      function done() {
        stop();
        clearTimeout(timeout);
        pageSent = undefined;
        resolve();
      }
    });

  const recheck = async (batch: Map<string, string>) => {
    // A file other than a chapter or a settings file (a figure, an image): checks that look for files,
    // and pages that inline figures, must run again.
    const files = [...batch.keys()].filter((file) => !CHAPTER_FILE.test(file) && !/\.(ya?ml|json|bib)$/.test(file));
    if (files.length > 0) check.filesChanged();
    const before = last;
    const started = performance.now();
    const result = await check.run();
    const checkedIn = performance.now() - started;
    last = result;
    report(result);
    const settingsBibliography = loadBookConfig(paths).bibliography.path;
    if (settingsBibliography !== bibliography) server.watcher.add((bibliography = settingsBibliography));
    const publishedChanged = before?.published.join('\n') !== result.published.join('\n');
    const inputsChanged = files.length > 0 || before?.renderInputs !== result.renderInputs;
    // For `npm run bench:dev`, which reads these lines to say where a save's time goes.
    if (process.env.BOOK_DEV_TIMINGS === '1') {
      logger.info(`Dev timings: re-checked ${result.checked} of ${result.chapters} chapter(s) in ${checkedIn.toFixed(0)} ms; published chapters ${publishedChanged ? 'changed' : 'unchanged'}; render inputs ${inputsChanged ? 'changed' : 'unchanged'}`);
    }
    if (inputsChanged) {
      bumpRenderEpoch();
      dropChapterModules(server, paths);
    }
    if (publishedChanged || inputsChanged) {
      const reloading = performance.now();
      await reloadChapters();
      if (process.env.BOOK_DEV_TIMINGS === '1') logger.info(`Dev timings: chapters collection loaded again in ${(performance.now() - reloading).toFixed(0)} ms`);
    }
    if (inputsChanged) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  };
}

/**
 * Drop every compiled chapter module (`.mdx`, and `.md` rendered on request) from Vite's module graphs
 * and from the server's module runner, so the next request renders it again with the book as it is.
 */
function dropChapterModules(server: ViteDevServer, paths: BookPaths): void {
  const timestamp = Date.now();
  for (const environment of Object.values(server.environments)) {
    const graph = environment.moduleGraph;
    for (const [file, modules] of graph.fileToModulesMap) {
      if (!file.startsWith(paths.content) || !CHAPTER_FILE.test(file)) continue;
      for (const module of modules) graph.invalidateModule(module, new Set(), timestamp, true);
      // The runner keeps the evaluated module until told (as Astro does for its data store).
      if ('runner' in environment) {
        const evaluated = (environment as RunnableDevEnvironment).runner.evaluatedModules;
        for (const node of evaluated.getModulesByFile(file) ?? []) evaluated.invalidateModule(node);
      }
    }
  }
}
