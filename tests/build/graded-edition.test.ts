/**
 * The graded edition, built for real from a small book whose answers are written every way the book
 * accepts (tests/fixtures/graded-book): with ANSWERS=separate no answer's text is anywhere in the
 * public site (pages, Pagefind's compressed index, scripts, sitemap), and the instructor's answer book,
 * outside the site, has every answer under its exercise. Without it the site is as before.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, type BuildResult, fixture } from '../support/astro-build.js';
import { makeTempDir } from '../support/temp-dir.js';

const book = fixture('graded-book');

/** Every answer of the fixture, read from its sources: each holds one phrase "the <two words> answer". */
function answerPhrases(): string[] {
  const folder = path.join(book, 'content/part-one');
  return readdirSync(folder).flatMap((name) => [...readFileSync(path.join(folder, name), 'utf8').matchAll(/the (\w+ \w+) answer/g)].map((match) => match[1] as string));
}

/** Every file of a folder, with its text: Pagefind's fragments decompressed, binary files left out. */
function builtTexts(folder: string): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.pf_fragment')) texts.set(path.relative(folder, full), gunzipSync(readFileSync(full)).toString('utf8'));
      else if (/\.(html|js|json|xml|txt|css|webmanifest)$/.test(name) || name === '_headers') texts.set(path.relative(folder, full), readFileSync(full, 'utf8'));
    }
  };
  walk(folder);
  return texts;
}

describe('the graded edition', () => {
  const phrases = answerPhrases();
  let graded: BuildResult;
  let answerBook: string;

  beforeAll(async () => {
    answerBook = path.join(makeTempDir('answer-book-'), 'answer-book');
    // A copy of the book with a PDF left by an earlier `npm run pdf` (of the default edition, answers in).
    const root = makeTempDir('graded-book-');
    cpSync(book, root, { recursive: true });
    mkdirSync(path.join(root, 'pdf'));
    writeFileSync(path.join(root, 'pdf/exercises-in-mdx.pdf'), '%PDF-1.4 the walnut orchard answer');
    graded = await astroBuild({ bookRoot: root, env: { ANSWERS: 'separate', ANSWER_BOOK_DIR: answerBook } });
  }, 240_000);

  it('should leave no answer’s text in any file of the public site, and keep the exercises and hints', () => {
    expect(graded.code, graded.output).toBe(0);
    // Ten answers in three chapters: six in the MDX chapter, three in the MyST one, one in the notebook.
    expect(phrases).toHaveLength(10);
    const texts = builtTexts(graded.outDir);
    const fragments = [...texts.keys()].filter((file) => file.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    for (const [file, text] of texts) {
      for (const phrase of phrases) expect(text.includes(phrase), `"${phrase}" in ${file}`).toBe(false);
      expect(text, file).not.toMatch(/answer-book|<summary>Answer/);
    }
    // The search index does hold the pages' other text, so the search above did look at real content.
    expect(fragments.some((file) => texts.get(file)?.includes('a student hint that stays on the page'))).toBe(true);
    const mdx = texts.get('exercises-in-mdx/index.html') as string;
    expect(mdx).toContain('A group has 40 people and 10 are selected.');
    expect(mdx).toContain('a student hint that stays on the page');
    expect(mdx.match(/<p class="answer-withheld"><em>The answer is in the instructor’s edition\.<\/em><\/p>/g)).toHaveLength(6);
    expect(texts.get('exercises-in-myst/index.html')).toContain('the tangerine example');
    // The earlier PDF may hold answers: neither copied nor linked.
    expect(existsSync(path.join(graded.outDir, 'pdf'))).toBe(false);
    expect(mdx).not.toMatch(/href="[^"]*\.pdf"/);
    expect(graded.output).toContain('Graded edition: 10 answer(s) left out of the site');
  });

  it('should write the answer book outside the site, with every answer under its exercise', () => {
    const html = readFileSync(path.join(answerBook, 'index.html'), 'utf8');
    expect(path.relative(graded.outDir, answerBook).startsWith('..')).toBe(true);
    const articles = html.split('<article class="exercise"').slice(1);
    expect(articles).toHaveLength(phrases.length);
    // Each article holds its exercise's heading and text, then the answer: in the order of the sources.
    expect(articles.map((article) => phrases.find((phrase) => article.includes(phrase)))).toEqual(phrases);
    expect(articles[0]).toMatch(/<h3>Exercise 1 \(a first rate\)<\/h3>\s*<div class="question"><p>A group has 40 people/);
    expect(articles[3]).toContain('<h3>Exercise 4 (bold label)</h3>');
    expect(articles[9]).toContain('<h3>Exercise 1 (a notebook exercise)</h3>');
    // Math typeset, citations formatted, cross-references to the public chapter pages.
    expect(articles[0]).toContain('<span class="katex">');
    expect(articles[0]).toContain('href="https://example.org/graded/exercises-in-mdx/#eq-rate"');
    expect(articles[1]).toMatch(/Hardt et al\.[^<]*\(2016\)|Hardt et al\., 2016/);
    expect(html).toContain('<link rel="stylesheet" href="katex/katex.min.css">');
    expect(existsSync(path.join(answerBook, 'katex/fonts/KaTeX_Main-Regular.woff2'))).toBe(true);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('should build the site as before without ANSWERS: answers on the pages, no answer book', async () => {
    const defaultBook = path.join(makeTempDir('answer-book-'), 'answer-book');
    const { code, output, outDir } = await astroBuild({ bookRoot: book, env: { ANSWER_BOOK_DIR: defaultBook } });
    expect(code, output).toBe(0);
    const pages = ['exercises-in-mdx', 'exercises-in-myst', 'exercises-in-a-notebook'].map((slug) => readFileSync(path.join(outDir, slug, 'index.html'), 'utf8')).join('\n');
    for (const phrase of phrases) expect(pages).toContain(phrase);
    expect(pages).not.toContain('answer-withheld');
    expect(existsSync(defaultBook)).toBe(false);
  }, 240_000);

  it('should stop at an ANSWERS value it does not know, naming the allowed ones', async () => {
    const { code, output } = await astroBuild({ bookRoot: book, env: { ANSWERS: 'graded' } });
    expect(code).not.toBe(0);
    expect(output).toContain('ANSWERS=graded is not a way to publish answers: write ANSWERS=inline');
    expect(output).toContain('ANSWERS=separate');
  }, 240_000);
});
