/**
 * The book's remark and rehype plugins, in order, defined once: Astro's `unified()` processor renders
 * chapters with them (MDX inherits it), and the content check parses every chapter with the same
 * remark plugins so its diagnostics are exactly what rendering would meet.
 */
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { CitationStyle } from '../bibliography/csl-formatter.js';
import type { ChapterContext } from './chapter-context/index.js';
import type { ResolvableTargets } from './crossrefs/targets.js';
import type { Glossary } from './glossary/index.js';
import { countWork } from '../process/build-counts.js';
import remarkAmsmath from './amsmath/index.js';
import remarkAnswers, { type AnswersOptions } from './answers/index.js';
import remarkBibliographyDirective from './bibliography-directive/index.js';
import remarkCallouts from './callouts/index.js';
import remarkChapterContext from './chapter-context/index.js';
import remarkChapterTitle from './chapter-title/index.js';
import remarkCitationKeys from './citation-keys/index.js';
import remarkCitations from './citations/index.js';
import remarkCodeCells from './code-cells/index.js';
import remarkCrossReferences from './crossrefs/index.js';
import remarkDirectives from './directives/index.js';
import remarkDirectivesCheck from './directives-check/index.js';
import remarkEquations from './equations/index.js';
import remarkExpressionPlaces from './expression-places/index.js';
import remarkLabels from './labels/index.js';
import remarkEpigraphs from './epigraphs/index.js';
import remarkFigures from './figures/index.js';
import remarkGlossaryTerms from './glossary/index.js';
import remarkImages from './images/index.js';
import rehypeHeadingAnchors from './heading-anchors/index.js';
import rehypeLinkAnchors from './link-anchors/index.js';
import rehypeTypesetMath from './typeset-math/index.js';
import remarkMathCheck from './math-check/index.js';
import remarkMathDirective from './math-directive/index.js';
import remarkMystRoles from './myst-roles/index.js';
import remarkProblemAnchors from './problem-anchors/index.js';
import remarkRawLatexCheck from './raw-latex-check/index.js';
import remarkPageStylesheets from './page-stylesheets/index.js';
import remarkRolePlaceholders from './role-placeholders/index.js';
import remarkSelfCheck from './self-check/index.js';
import remarkSmartPunctuation from './smart-punctuation/index.js';
import remarkStructureHandover from './structure-handover/index.js';

/**
 * What the plugins need of the whole book, as data: the book model (src/book/book-context.ts) provides
 * it, and the plugins never read the book's sources themselves.
 */
export interface PipelineBook {
  /** The chapter of a file, by its absolute path. */
  chapterOfFile(absolutePath: string): ChapterContext | undefined;
  /** Chapters and labels, for cross-references. */
  targets(): ResolvableTargets;
  /** The keys the book cites, in order of first citation (numbering and disambiguation are the book's). */
  citedKeys(): string[];
  /**
   * Rendering hands over each chapter's tree right after the structural plugins, with the text it
   * was parsed from: the book may index the chapter from it rather than parse it again (the chapter
   * just saved, in dev). The tree is the render's, read at once and not kept.
   */
  structured?(filePath: string, source: string, tree: Root): void;
}

export interface PipelineOptions {
  /** The book's folder (messages name files relative to it); default: the working directory. */
  bookRoot?: string;
  /** The book's `public/` folder (figure sources). */
  publicDir: string;
  /** The site's base path, ending in `/`. */
  base: string;
  /** The .bib file citations resolve against, and how messages name it. */
  bibliographyPath: string;
  bibliographyDisplayPath: string;
  /** The glossary `{term}` roles resolve against (the book's, loaded once per build), and how messages name it. */
  glossary: () => Glossary;
  glossaryDisplayPath: string;
  /** The book's citation style. */
  citationStyle: CitationStyle;
  /** LaTeX macros every formula may use (the structure file's `math.macros`), for the check and for KaTeX. */
  mathMacros?: Record<string, string>;
  /** The book's language (BCP 47): the citation engine's terms ("and", "n.d.", "Retrieved from"). */
  language?: string;
  /** The whole book, as the chapter being rendered needs it (its number, cross-reference targets). */
  book: PipelineBook;
  /**
   * For the content check: the checking plugins only, without those that only format what is already
   * checked (citations through citeproc). Every problem is still reported.
   */
  /** Where exercise answers go: `inline` on the pages, or `separate` (the graded edition: taken out of the pages). */
  answers?: AnswersOptions['mode'];
  /** For the instructor's answer book: receives each chapter's answers when `answers` is `separate`. */
  onAnswers?: AnswersOptions['onAnswers'];
  checkOnly?: boolean;
}

/** What the structural plugins need: where figures are, and which chapter a file is. */
export interface StructuralOptions {
  /** The book's `public/` folder (figure sources). */
  publicDir: string;
  /** The site's base path, ending in `/` (figure URLs); irrelevant to the structure alone. */
  base?: string;
  /** The chapter of a file, by its absolute path. */
  chapterOfFile: (absolutePath: string) => ChapterContext | undefined;
}

/**
 * remark plugins that give a chapter its structure, in order: smart punctuation (where Astro's
 * `smartypants` would run it, first after GFM: titles of sections and figures read the same in the
 * whole-book indexes as on the page); syntax (math, amsmath environments,
 * colon-fenced directives); the chapter's context and its `# Title` heading; directives (callouts,
 * images, figures, the bibliography's place) whose bodies are Markdown, so roles inside them are typed
 * next; roles; labels and equation numbers. The book's whole-book indexes (cross-reference targets,
 * citations in order, glossary uses) read trees made by these alone (src/book/parse-chapter.ts);
 * rendering and the content check run them first.
 */
export function structuralRemarkPlugins(options: StructuralOptions): RemarkPlugins {
  return [
    remarkSmartPunctuation,
    remarkMath,
    remarkAmsmath,
    remarkDirectives,
    [remarkChapterContext, { chapterOfFile: options.chapterOfFile }],
    remarkChapterTitle,
    remarkCallouts,
    [remarkImages, { publicDir: options.publicDir, base: options.base }],
    [remarkFigures, { publicDir: options.publicDir, base: options.base }],
    // MyST text notebooks' `{code-cell}` blocks, before unknown directives are reported.
    remarkCodeCells,
    [remarkBibliographyDirective, { base: options.base }],
    remarkMathDirective,
    remarkSelfCheck,
    remarkDirectivesCheck,
    remarkMystRoles,
    remarkLabels,
    remarkEquations,
    remarkEpigraphs,
  ];
}

/**
 * The book's remark plugins, in order: the structural ones, then the resolvers (citation keys and,
 * when rendering, their formatting; cross-references; glossary terms); when rendering the graded
 * edition, exercise answers out of the page; checks and flags last.
 */
export function bookRemarkPlugins(options: PipelineOptions): RemarkPlugins {
  return [
    // Counted for `npm run bench:scale`: each chapter should be checked once and rendered once.
    () => () => countWork(options.checkOnly ? 'content checks' : 'renders'),
    ...structuralRemarkPlugins({ publicDir: options.publicDir, base: options.base, chapterOfFile: (file) => options.book.chapterOfFile(file) }),
    // Rendering only: the content check starts from the book's own structural pass.
    ...(options.checkOnly ? [] : ([[remarkStructureHandover, { structured: (filePath: string, source: string, tree: Root) => options.book.structured?.(filePath, source, tree) }]] satisfies RemarkPlugins)),
    ...resolverRemarkPlugins(options),
  ];
}

/**
 * The book's remark plugins after the structural ones: what resolves a tree against the rest of the
 * book, and the checks. The content check runs these alone on a copy of a chapter's structural tree.
 */
export function resolverRemarkPlugins(options: PipelineOptions): RemarkPlugins {
  const bibliography = { bibliographyPath: options.bibliographyPath, bibliographyDisplayPath: options.bibliographyDisplayPath };
  const citations = { ...bibliography, style: options.citationStyle, language: options.language, citedInBook: () => options.book.citedKeys() };
  // Plugins that only format or move what other plugins have checked: rendering's, not the content check's.
  const renderingOnly = (plugins: RemarkPlugins): RemarkPlugins => (options.checkOnly ? [] : plugins);
  return [
    [remarkCitationKeys, bibliography],
    ...renderingOnly([[remarkCitations, citations]]),
    [remarkCrossReferences, { targets: () => options.book.targets(), base: options.base }],
    [remarkGlossaryTerms, { glossary: options.glossary, base: options.base, glossaryDisplayPath: options.glossaryDisplayPath }],
    // The graded edition: answers leave the page here, resolved, before the checks (rendering only: the
    // content check sees every answer in place).
    ...renderingOnly([[remarkAnswers, { mode: options.answers, onAnswers: options.onAnswers }]]),
    [remarkMathCheck, { macros: options.mathMacros }],
    remarkRawLatexCheck,
    remarkPageStylesheets,
    remarkRolePlaceholders,
    // MDX expressions name their place in the errors they throw when the page renders (pages only).
    ...renderingOnly([[remarkExpressionPlaces, { root: options.bookRoot }]]),
    // Last, once every check has reported: in dev, anchors the problem banner links to (pages only).
    ...renderingOnly([[remarkProblemAnchors, { root: options.bookRoot }]]),
  ];
}

/**
 * rehype plugins: KaTeX at build time (HTML for the eye, MathML for screen readers), with the book's
 * macros, then link anchors on labelled figures, equations and callouts (after KaTeX, which keeps an
 * equation's number in its TeX annotation) and on headings.
 */
export function bookRehypePlugins(options: Pick<PipelineOptions, 'mathMacros'> = {}): RehypePlugins {
  return [[rehypeTypesetMath, { macros: { ...options.mathMacros } }], rehypeLinkAnchors, rehypeHeadingAnchors];
}
