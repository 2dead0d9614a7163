/**
 * The graded edition's last step (`answers: separate`): collect every answer of the book, write the
 * instructor's answer book outside the site, then check that no answer's text reached any file of the
 * public site (pages, search index, service worker, sitemap), failing the build if one did.
 */
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { BookConfig } from '../book/book-config.js';
import { collectBookAnswers } from '../answer-book/collect-answers.js';
import { findAnswerLeaks } from '../answer-book/find-answer-leaks.js';
import { exerciseHeading } from '../answer-book/render-answer-book.js';
import { answerBookDir, checkOutsideSite, writeAnswerBook } from '../answer-book/write-answer-book.js';

export async function writeGradedEdition(config: BookConfig, outDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const folder = answerBookDir(config.paths.root);
  checkOutsideSite(folder, outDir);
  const chapters = await collectBookAnswers(config);
  const answers = chapters.flatMap((entry) => entry.answers);
  const page = writeAnswerBook(folder, {
    title: config.title,
    language: config.language,
    edition: config.edition,
    base: config.base,
    siteUrl: config.siteUrl,
    mathMacros: config.mathMacros,
    chapters,
    built: new Date().toISOString().slice(0, 10),
  });
  const shown = path.relative(config.paths.root, page) || page;
  if (!config.siteUrl) logger.warn('Graded edition: no `siteUrl` in content/book.yaml (or SITE): the answer book links to chapter pages by path only');
  const leaks = findAnswerLeaks(outDir, answers);
  if (leaks.length > 0) {
    for (const leak of leaks) {
      const where = leak.answer.chapter ? `chapter ${leak.answer.chapter.number}` : (leak.answer.file ?? 'a chapter');
      logger.error(`The answer to ${exerciseHeading(leak.answer)} of ${where} is in the public site: ${leak.file}`);
    }
    throw new Error(`Graded edition: ${leaks.length} answer text(s) found in the public site (listed above); it must not be deployed`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(
    `Graded edition: ${answers.length} answer(s) left out of the site, in the instructor's answer book ${shown.startsWith('..') ? page : shown} (written, and the site checked for answer text, in ${seconds} s)`,
  );
}
