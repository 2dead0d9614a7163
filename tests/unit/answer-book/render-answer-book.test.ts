/** The answer book's page: links into the site made public, exercise headings, math typeset, nothing of the chapter's ids. */
import { describe, expect, it } from 'vitest';
import { exerciseHeading, publicUrl, renderAnswerBook } from '../../../src/answer-book/render-answer-book.js';
import type { BookChapter } from '../../../src/book/book-model.js';

const site = { siteUrl: 'https://example.org/course/rai/', base: '/course/rai/' };

describe('the answer book page', () => {
  it('should point links of a chapter page at the public site', () => {
    const chapter = 'https://example.org/course/rai/measuring-fairness/';
    expect(publicUrl('#eq-rate', site, chapter)).toBe('https://example.org/course/rai/measuring-fairness/#eq-rate');
    expect(publicUrl('/course/rai/glossary/#term-auc', site, chapter)).toBe('https://example.org/course/rai/glossary/#term-auc');
    expect(publicUrl('https://doi.org/10.1/x', site, chapter)).toBe('https://doi.org/10.1/x');
    // Without the site's URL a path stays a path.
    expect(publicUrl('/course/rai/glossary/', { base: '/course/rai/' }, '')).toBe('/course/rai/glossary/');
  });

  it('should name exercises by number and title, or by their section', () => {
    expect(exerciseHeading({ exercise: 3, title: 'the other way round' })).toBe('Exercise 3 (the other way round)');
    expect(exerciseHeading({ exercise: 3, title: '' })).toBe('Exercise 3');
    expect(exerciseHeading({ title: 'A case study' })).toBe('A case study');
  });

  it('should render each exercise then its answer, math typeset, with curly quotes and no ids', () => {
    const chapter: BookChapter = { id: 'c-1', number: '1.2', title: 'Rates & <odds>', slug: 'rates', planned: false, partIndex: 0 };
    const html = renderAnswerBook({
      ...site,
      title: 'A Book',
      language: 'en',
      mathMacros: { '\\R': '\\mathbb{R}' },
      built: '2026-11-30',
      chapters: [
        {
          chapter,
          answers: [
            {
              exercise: 2,
              title: 'odds',
              answerTitle: 'Answer',
              question: [{ type: 'paragraph', children: [{ type: 'text', value: 'Why "odds"?' }] }],
              body: [{ type: 'paragraph', data: { hProperties: { id: 'x' } }, children: [{ type: 'inlineMath', value: 'x \\in \\R', data: { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value: 'x \\in \\R' }] } }] }],
            },
          ],
        },
        { chapter: { ...chapter, id: 'c-2', slug: 'none' }, answers: [] },
      ],
    });
    expect(html).toContain('<h2><span class="chapter-number">1.2</span> <a href="https://example.org/course/rai/rates/">Rates &amp; &lt;odds&gt;</a></h2>');
    expect(html).toMatch(/<h3>Exercise 2 \(odds\)<\/h3>\s*<div class="question"><p>Why “odds”\?<\/p><\/div>\s*<div class="answer"><p class="answer-label">Answer<\/p><p><span class="katex">/);
    expect(html).toContain('mathbb');
    expect(html).not.toContain('id="x"');
    // A chapter without answers is not listed.
    expect(html).not.toContain('chapter-c-2');
    expect(html).toContain('1 answer(s) in 1 chapter(s)');
  });
});
