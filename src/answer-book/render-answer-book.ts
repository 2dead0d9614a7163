/**
 * The instructor's answer book as one HTML page: the book's title, then each chapter with answers,
 * each exercise with its number, title, text and answer. Math is typeset by KaTeX as on the site (the
 * page links the KaTeX stylesheet copied beside it); citations are formatted as in the chapter; links
 * that point into the site (cross-references, citations' reference entries, glossary terms) point at
 * the public chapter pages when the site's URL is known. Text gets curly quotes, as on the site.
 */
import type { Element, Root as HastRoot, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { type Handler, type State, toHast } from 'mdast-util-to-hast';
import rehypeKatex from 'rehype-katex';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { ChapterAnswer } from '../markdown/answers/index.js';
import type { ChapterAnswers } from './collect-answers.js';

export interface AnswerBookPage {
  title: string;
  language: string;
  edition?: string;
  /** The site's base path (`/`, `/course/rai/`), which links inside the site start with. */
  base: string;
  /** The public site's URL, when known: links into the site become absolute. */
  siteUrl?: string;
  mathMacros: Record<string, string>;
  chapters: ChapterAnswers[];
  /** The build's date, `YYYY-MM-DD`. */
  built: string;
}

/** MDX elements written in lowercase are HTML (`<sub>`, `<em>`); components keep only their content. */
const mdxElement: Handler = (state: State, node: MdxJsxFlowElement | MdxJsxTextElement) => {
  const children = state.all(node);
  if (!node.name || !/^[a-z]/.test(node.name)) return children;
  const properties: Properties = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && (typeof attribute.value === 'string' || attribute.value === null)) {
      properties[attribute.name === 'class' ? 'className' : attribute.name] = attribute.value ?? true;
    }
  }
  return { type: 'element', tagName: node.name, properties, children } satisfies Element;
};

/** mdast → HTML, with KaTeX and links into the site made absolute. */
function renderNodes(nodes: RootContent[], page: AnswerBookPage, chapterUrl: string): string {
  // Curly quotes and dashes, as Astro's Markdown gives the chapter pages.
  const copy: Root = { type: 'root', children: structuredClone(nodes) };
  const tree = unified().use(remarkSmartypants).runSync(copy) as Root;
  const hast = toHast(tree, {
    allowDangerousHtml: true,
    handlers: { mdxJsxFlowElement: mdxElement, mdxJsxTextElement: mdxElement },
  }) as HastRoot;
  const typeset = unified()
    .use(rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore', macros: { ...page.mathMacros } })
    .runSync(hast) as HastRoot;
  visit(typeset, 'element', (element: Element) => {
    for (const name of ['href', 'src'] as const) {
      const value = element.properties[name];
      if (typeof value === 'string') element.properties[name] = publicUrl(value, page, chapterUrl);
    }
    // Ids of the chapter page would clash between chapters here, and nothing links to them.
    delete element.properties.id;
  });
  return toHtml(typeset, { allowDangerousHtml: true });
}

/** A link of a chapter page, as it resolves from the answer book. */
export function publicUrl(href: string, page: Pick<AnswerBookPage, 'siteUrl' | 'base'>, chapterUrl: string): string {
  if (href.startsWith('#')) return `${chapterUrl}${href}`;
  if (href.startsWith('/') && !href.startsWith('//') && page.siteUrl) {
    const below = href.startsWith(page.base) ? href.slice(page.base.length) : href.replace(/^\//, '');
    return new URL(below, page.siteUrl.endsWith('/') ? page.siteUrl : `${page.siteUrl}/`).href;
  }
  return href;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `Exercise 3 (the other way round)`, `Exercise 3`, or the section's title for an unnumbered one. */
export function exerciseHeading(answer: Pick<ChapterAnswer, 'exercise' | 'title'>): string {
  if (answer.exercise === undefined) return answer.title || 'Exercise';
  return answer.title ? `Exercise ${answer.exercise} (${answer.title})` : `Exercise ${answer.exercise}`;
}

/** The whole page. */
export function renderAnswerBook(page: AnswerBookPage): string {
  const withAnswers = page.chapters.filter((entry) => entry.answers.length > 0);
  const total = withAnswers.reduce((sum, entry) => sum + entry.answers.length, 0);
  const chapterUrlOf = (entry: ChapterAnswers) => publicUrl(`${page.base}${entry.chapter.slug}/`, page, '');
  const contents = withAnswers
    .map((entry) => `<li><a href="#chapter-${escape(entry.chapter.id)}">${escape(entry.chapter.number)} ${escape(entry.chapter.title)}</a> (${entry.answers.length})</li>`)
    .join('\n');
  const sections = withAnswers
    .map((entry) => {
      const chapterUrl = chapterUrlOf(entry);
      const exercises = entry.answers
        .map((answer, index) => {
          const id = `${entry.chapter.id}-${answer.exercise ?? `answer-${index + 1}`}`;
          return [
            `<article class="exercise" id="${escape(id)}">`,
            `<h3>${escape(exerciseHeading(answer))}</h3>`,
            `<div class="question">${renderNodes(answer.question, page, chapterUrl)}</div>`,
            `<div class="answer"><p class="answer-label">${escape(answer.answerTitle)}</p>${renderNodes(answer.body, page, chapterUrl)}</div>`,
            `</article>`,
          ].join('\n');
        })
        .join('\n');
      return [
        `<section class="chapter" id="chapter-${escape(entry.chapter.id)}">`,
        `<h2><span class="chapter-number">${escape(entry.chapter.number)}</span> <a href="${escape(chapterUrl)}">${escape(entry.chapter.title)}</a></h2>`,
        exercises,
        `</section>`,
      ].join('\n');
    })
    .join('\n');
  const edition = page.edition ? `, ${escape(page.edition)} edition` : '';
  return `<!doctype html>
<html lang="${escape(page.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Answer book: ${escape(page.title)}</title>
<link rel="stylesheet" href="katex/katex.min.css">
<link rel="stylesheet" href="answer-book.css">
</head>
<body>
<header>
<p class="restricted">For instructors: not for distribution to students</p>
<h1>${escape(page.title)}: answer book</h1>
<p>The answers to the exercises of the book${edition}, ${total} answer(s) in ${withAnswers.length} chapter(s), built ${escape(page.built)}.
Links lead to the ${page.siteUrl ? 'public chapter pages' : 'chapter pages (the site’s address was not set: links are relative to the site root)'}.</p>
<nav aria-label="Chapters"><ol class="contents">
${contents}
</ol></nav>
</header>
<main>
${sections}
</main>
</body>
</html>
`;
}
