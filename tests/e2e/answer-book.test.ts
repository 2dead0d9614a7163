/**
 * The instructor's answer book as an instructor opens it: from disk (file://), with nothing fetched from
 * the network, its math typeset in KaTeX's own fonts, each exercise followed by its answer. Made
 * in-process from the graded fixture book (no site build needed: `E2E_SITES=none` is enough).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectBookAnswers } from '../../src/answer-book/collect-answers.js';
import { printAnswerBook } from '../../src/answer-book/print-answer-book.js';
import { writeAnswerBook } from '../../src/answer-book/write-answer-book.js';
import { pageCount } from '../../src/pdf/assemble-book.js';
import { loadBookConfig } from '../../src/book/book-config.js';
import { bookPaths } from '../../src/book/book-paths.js';
import { fixture } from '../support/astro-build.js';
import { launchBrowser } from '../support/browser.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('the answer book in a browser', () => {
  let browser: Browser;
  let page: string;

  beforeAll(async () => {
    const config = loadBookConfig(bookPaths(fixture('graded-book')), {});
    const chapters = await collectBookAnswers(config);
    page = writeAnswerBook(path.join(makeTempDir('answer-book-e2e-'), 'answer-book'), {
      title: config.title,
      language: config.language,
      base: config.base,
      siteUrl: config.siteUrl,
      mathMacros: config.mathMacros,
      chapters,
      built: '2026-11-30',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should show each exercise with its answer, math typeset in KaTeX’s fonts, opened from disk', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const requests: string[] = [];
    tab.on('request', (request) => requests.push(request.url()));
    await tab.goto(pathToFileURL(page).href);
    // The contents: the three chapters, with their counts of answers.
    await expect(tab.getByRole('navigation', { name: 'Chapters' }).getByRole('listitem').allTextContents()).resolves.toEqual([
      '1.1 Exercises in MDX (6)',
      '1.2 Exercises in MyST (3)',
      '1.3 Exercises in a Notebook (1)',
    ]);
    // The first exercise: its heading, its question, then its answer with a typeset formula.
    const first = tab.locator('article.exercise').first();
    await expect(first.getByRole('heading', { level: 3 }).textContent()).resolves.toBe('Exercise 1 (a first rate)');
    await expect(first.locator('.answer').textContent()).resolves.toContain('walnut orchard');
    expect(await first.locator('.answer .katex-html').count()).toBeGreaterThan(0);
    expect(await tab.locator('.katex-error').count()).toBe(0);
    // KaTeX's stylesheet applies and its fonts load from the folder beside the page.
    const fonts = await tab.evaluate(async () => {
      await document.fonts.ready;
      const base = document.querySelector('.answer .katex .mord');
      return { family: base ? getComputedStyle(base).fontFamily : '', mathLoaded: [...document.fonts].some((font) => font.family.includes('KaTeX') && font.status === 'loaded') };
    });
    expect(fonts.family).toMatch(/KaTeX/);
    expect(fonts.mathLoaded).toBe(true);
    // Everything came from disk.
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await context.close();
  });

  it('should print to a PDF with numbered pages, one chapter per page at least', async () => {
    const pdf = readFileSync(await printAnswerBook(browser, path.dirname(page), 'Graded Book: answer book'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The contents page, then each of the three chapters from a new page.
    expect(await pageCount(pdf)).toBeGreaterThanOrEqual(4);
  });
});
