/**
 * Build the book model and check every published chapter; print all errors and warnings together.
 * In a build, errors fail it (after all are listed); in dev they are shown and the server keeps going.
 */
import type { AstroIntegrationLogger } from 'astro';
import { loadBibliography } from '../bibliography/load-bibliography.js';
import { loadBookConfig } from '../book/book-config.js';
import { bookContextFor } from '../book/book-context.js';
import { buildBookModel } from '../book/book-model.js';
import { type BookPaths, displayPath } from '../book/book-paths.js';
import { checkChapters } from '../book/check-chapters.js';
import { checkGlossaryChapters, loadGlossary } from '../book/glossary.js';
import { loadResources } from '../book/resources.js';
import { bookPipelineOptions } from '../book/pipeline-options.js';
import { type DiagnosticSummary, summarizeDiagnostics } from '../diagnostics/report.js';
import { BuildProblems } from './build-failure.js';

/** Check the whole book and log what was found. */
export async function runContentCheck(paths: BookPaths, logger: AstroIntegrationLogger): Promise<DiagnosticSummary> {
  // Read again on every check: in dev the author may have changed the settings since the last one.
  const config = loadBookConfig(paths);
  const model = buildBookModel(paths);
  const pipeline = { ...bookPipelineOptions(config), checkOnly: true };
  // Each chapter from the book's one structural pass (the trees the whole-book indexes read).
  const book = bookContextFor(paths);
  const ids = new Map([...model.chapterFiles].map(([id, chapterFile]) => [chapterFile, id]));
  await checkChapters(model.chapterFiles.values(), pipeline, (chapterFile) => book.structureOf(ids.get(chapterFile) ?? ''));
  const bibliography = loadBibliography(config.bibliography.path, config.bibliography.displayPath);
  const glossary = loadGlossary(paths.glossary, displayPath(paths, paths.glossary));
  const glossaryChapters = checkGlossaryChapters(glossary, model.parts.flatMap((part) => part.chapters.map((chapter) => chapter.id)));
  const resources = loadResources(paths.resources, displayPath(paths, paths.resources));
  const summary = summarizeDiagnostics([
    ...model.files,
    bibliography.file,
    glossary.file,
    glossaryChapters,
    resources.file,
    ...pipeline.book.targets().files,
  ]);
  for (const line of summary.warnings) logger.warn(line);
  for (const line of summary.errors) logger.error(line);
  const counts = `${summary.errors.length} error(s), ${summary.warnings.length} warning(s) in ${model.chapters.length} chapter(s)`;
  if (summary.errors.length > 0) logger.error(`Content check: ${counts}`);
  else logger.info(`Content check: ${counts}`);
  return summary;
}

/** The summary a build fails with once every problem is printed (see build-failure.ts). */
export function contentProblems(summary: DiagnosticSummary): BuildProblems {
  return new BuildProblems(`${summary.errors.length} content error(s), listed above with file:line:col`);
}
