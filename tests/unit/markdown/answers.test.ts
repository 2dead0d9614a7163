/**
 * The answers plugin: what counts as an answer (every way the book's authors write one), which exercise
 * it answers, and that the graded edition takes it out of the page while the default leaves the page alone.
 */
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkDirectives from '../../../src/markdown/directives/index.js';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkAnswers, { type AnswersOptions, type ChapterAnswer, isAnswerTitle, WITHHELD_NOTE } from '../../../src/markdown/answers/index.js';
import remarkCallouts from '../../../src/markdown/callouts/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import { chapterParser } from '../../../src/book/check-chapters.js';
import { fixture } from '../../support/astro-build.js';

const chapter = (name: string) => readFileSync(`${fixture('graded-book')}/content/part-one/${name}`, 'utf8');

function run(source: string, options: AnswersOptions & { mdx?: boolean } = {}) {
  let answers: ChapterAnswer[] | undefined;
  // The book's parser (frontmatter, GFM, MDX for .mdx), as the content check uses it.
  const processor = chapterParser(options.mdx ? 'chapter.mdx' : 'chapter.md')
    .use(remarkMath)
    .use(remarkMystRoles)
    .use(remarkDirectives)
    .use(remarkCallouts)
    .use(remarkAnswers, { ...options, onAnswers: (found) => (answers = found) });
  const file = new VFile({ value: source, data: { bookChapter: { id: 'c', number: '1.2' } } });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const html = options.mdx ? '' : unified().use(rehypeStringify, { allowDangerousHtml: true }).stringify(unified().use(remarkRehype, { allowDangerousHtml: true }).runSync(tree, file));
  return { tree, text: toString(tree), html, answers };
}

const summary = (answer: ChapterAnswer) => ({
  exercise: answer.exercise,
  title: answer.title,
  answerTitle: answer.answerTitle,
  question: answer.question.map((node) => toString(node)).join(' '),
  body: answer.body.map((node) => (node.type === 'html' ? node.value : toString(node))).join(' '),
});

describe('answers', () => {
  it('should take every answer of an MDX chapter, whatever the exercise looks like, and say which exercise it answers', () => {
    const { text, answers } = run(chapter('g-1-mdx.mdx'), { mdx: true, mode: 'separate' });
    expect(answers?.map(summary)).toEqual([
      { exercise: 1, title: 'a first rate', answerTitle: 'Answer', question: 'A group has 40 people and 10 are selected. What is its selection rate?', body: expect.stringContaining('walnut orchard') },
      { exercise: 2, title: 'comparing groups', answerTitle: 'Possible answer', question: expect.stringContaining('Which criterion of'), body: expect.stringContaining('copper kettle') },
      { exercise: 3, title: 'discussion', answerTitle: 'Discussion', question: 'Should a lender use such a rate alone?', body: expect.stringContaining('lantern harbour') },
      // The bold label names the exercise and leaves the question text.
      { exercise: 4, title: 'bold label', answerTitle: 'Answer', question: 'Compute n_a when \\mathrm{SR}_a = 0.2 and s_a = 8.', body: expect.stringContaining('saffron meadow') },
      // A numbered list: the item's number and its bold lead.
      { exercise: 1, title: 'A listed exercise', answerTitle: 'Answer', question: 'Name one criterion based on error rates.', body: expect.stringContaining('marble staircase') },
      { exercise: 2, title: 'Another listed exercise', answerTitle: 'Answer', question: 'Name a criterion based on selection rates.', body: expect.stringContaining('velvet compass') },
    ]);
    expect(answers?.every((answer) => answer.chapter?.number === '1.2')).toBe(true);
    // Gone from the page, each replaced by the note; the hint stays.
    for (const phrase of ['walnut orchard', 'copper kettle', 'lantern harbour', 'saffron meadow', 'marble staircase', 'velvet compass']) expect(text).not.toContain(phrase);
    expect(text.split(WITHHELD_NOTE)).toHaveLength(7);
    expect(text).toContain('a student hint that stays on the page');
    expect(text).toContain('Which criterion of');
  });

  it('should take MyST dropdowns titled as answers and HTML details in Markdown, and leave other dropdowns', () => {
    const { html, answers } = run(chapter('g-2-myst.md'), { mode: 'separate' });
    expect(answers?.map(summary)).toEqual([
      { exercise: 1, title: 'a dropdown', answerTitle: 'Answer', question: 'What is 1 - 0.3?', body: expect.stringContaining('juniper lighthouse') },
      { exercise: 2, title: 'an admonition', answerTitle: 'Solution', question: expect.stringContaining('What does'), body: expect.stringContaining('pebble observatory') },
      { exercise: 3, title: 'HTML in Markdown', answerTitle: 'Answer', question: 'Why report group sizes?', body: expect.stringContaining('cobalt windmill') },
    ]);
    for (const phrase of ['juniper lighthouse', 'pebble observatory', 'cobalt windmill', '<summary>Answer']) expect(html).not.toContain(phrase);
    expect(html).toContain('tangerine example');
    expect(html.match(/<p class="answer-withheld"><em>/g)).toHaveLength(3);
  });

  it('should take a one-block HTML answer and an answer that is never closed', () => {
    const { html, answers } = run('## Exercises\n\n### Exercise 1\n\nQ?\n\n<details><summary>Answer</summary>one block</details>\n\n### Exercise 2\n\nQ2?\n\n<details>\n<summary>Answer</summary>\n\nUnclosed.\n', { mode: 'separate' });
    expect(answers?.map((answer) => [answer.exercise, summary(answer).body])).toEqual([
      [1, 'one block'],
      [2, 'Unclosed.'],
    ]);
    expect(html).not.toMatch(/one block|Unclosed/);
  });

  it('should leave the page alone by default', () => {
    const source = chapter('g-2-myst.md');
    for (const options of [{}, { mode: 'inline' as const }]) {
      const { html, answers } = run(source, options);
      expect(answers).toBeUndefined();
      expect(html).toContain('juniper lighthouse');
      expect(html).not.toContain(WITHHELD_NOTE);
    }
  });

  it('should count Discussion as an answer only in an exercise, and never a hint', () => {
    expect(isAnswerTitle('Answer', false)).toBe(true);
    expect(isAnswerTitle('Solutions:', false)).toBe(true);
    expect(isAnswerTitle('Model answer', false)).toBe(true);
    expect(isAnswerTitle('discussion', true)).toBe(true);
    expect(isAnswerTitle('Discussion', false)).toBe(false);
    expect(isAnswerTitle('Hint', true)).toBe(false);
    expect(isAnswerTitle('Answer the question', true)).toBe(false);
    const { html } = run('## A case\n\n:::{dropdown} Discussion\nKept.\n:::\n\n:::{dropdown} Answer\nTaken.\n:::\n', { mode: 'separate' });
    expect(html).toContain('Kept.');
    expect(html).not.toContain('Taken.');
  });
});
