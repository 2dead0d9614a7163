/**
 * The book's remark and rehype plugins, in order, defined once: Astro's `unified()` processor renders
 * chapters with them (MDX inherits it), and the content check parses every chapter with the same
 * remark plugins so its diagnostics are exactly what rendering would meet.
 */
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { CitationStyle } from '../bibliography/csl-formatter.js';
import type { BookContext } from '../book/book-context.js';
import { loadGlossary } from '../book/glossary.js';
import { countWork } from '../process/build-counts.js';
import remarkAmsmath from './amsmath/index.js';
import remarkBibliographyDirective from './bibliography-directive/index.js';
import remarkCallouts from './callouts/index.js';
import remarkChapterContext from './chapter-context/index.js';
import remarkChapterTitle from './chapter-title/index.js';
import remarkCitations from './citations/index.js';
import remarkCodeCells from './code-cells/index.js';
import remarkCrossReferences from './crossrefs/index.js';
import remarkDirectives from './directives/index.js';
import remarkDirectivesCheck from './directives-check/index.js';
import remarkEquations from './equations/index.js';
import remarkLabels from './labels/index.js';
import remarkEpigraphs from './epigraphs/index.js';
import remarkFigures from './figures/index.js';
import remarkGlossaryTerms from './glossary/index.js';
import remarkImages from './images/index.js';
import rehypeHeadingAnchors from './heading-anchors/index.js';
import rehypeLinkAnchors from './link-anchors/index.js';
import remarkMathCheck from './math-check/index.js';
import remarkMathDirective from './math-directive/index.js';
import remarkMathFlag from './math-flag/index.js';
import remarkNotebookFlag from './notebook-flag/index.js';
import remarkMystRoles from './myst-roles/index.js';
import remarkRawLatexCheck from './raw-latex-check/index.js';
import remarkRolePlaceholders from './role-placeholders/index.js';

export interface PipelineOptions {
  /** The book's `public/` folder (figure sources). */
  publicDir: string;
  /** The site's base path, ending in `/`. */
  base: string;
  /** The .bib file citations resolve against, and how messages name it. */
  bibliographyPath: string;
  bibliographyDisplayPath: string;
  /** The glossary `{term}` roles resolve against, and how messages name it. */
  glossaryPath: string;
  glossaryDisplayPath: string;
  /** The book's citation style. */
  citationStyle: CitationStyle;
  /** LaTeX macros every formula may use (the structure file's `math.macros`), for the check and for KaTeX. */
  mathMacros?: Record<string, string>;
  /** The book's language (BCP 47): the citation engine's terms ("and", "n.d.", "Retrieved from"). */
  language?: string;
  /** The whole book, as the chapter being rendered needs it (its number, cross-reference targets). */
  book: BookContext;
  /** For the content check: report every problem, but skip work only rendering needs (formatting). */
  checkOnly?: boolean;
}

/**
 * remark plugins after parsing, in order: syntax (math, amsmath environments, colon-fenced directives);
 * the chapter's context and its `# Title` heading; directives (callouts, images, figures, the
 * bibliography's place) whose bodies are Markdown, so roles inside them are typed next; roles; labels
 * and equation numbers; then the resolvers (citations, cross-references, glossary terms); checks and
 * flags last.
 */
export function bookRemarkPlugins(options: PipelineOptions): RemarkPlugins {
  const citations = {
    bibliographyPath: options.bibliographyPath,
    bibliographyDisplayPath: options.bibliographyDisplayPath,
    style: options.citationStyle,
    language: options.language,
    checkOnly: options.checkOnly,
    citedInBook: () => options.book.citedKeys(),
  };
  return [
    // Counted for `npm run bench:scale`: each chapter should be checked once and rendered once.
    () => () => countWork(options.checkOnly ? 'content checks' : 'renders'),
    remarkMath,
    remarkAmsmath,
    remarkDirectives,
    [remarkChapterContext, { chapterOfFile: (file: string) => options.book.chapterOfFile(file) }],
    remarkChapterTitle,
    remarkCallouts,
    [remarkImages, { publicDir: options.publicDir, base: options.base }],
    [remarkFigures, { publicDir: options.publicDir, base: options.base }],
    // MyST text notebooks' `{code-cell}` blocks, before unknown directives are reported.
    remarkCodeCells,
    [remarkBibliographyDirective, { base: options.base }],
    remarkMathDirective,
    remarkDirectivesCheck,
    remarkMystRoles,
    remarkLabels,
    remarkEquations,
    remarkEpigraphs,
    [remarkCitations, citations],
    [remarkCrossReferences, { targets: () => options.book.targets(), base: options.base }],
    [
      remarkGlossaryTerms,
      { glossary: () => loadGlossary(options.glossaryPath, options.glossaryDisplayPath), base: options.base, glossaryDisplayPath: options.glossaryDisplayPath },
    ],
    [remarkMathCheck, { macros: options.mathMacros }],
    remarkRawLatexCheck,
    remarkMathFlag,
    remarkNotebookFlag,
    remarkRolePlaceholders,
  ];
}

/**
 * rehype plugins: KaTeX at build time (HTML for the eye, MathML for screen readers), with the book's
 * macros, then link anchors on labelled figures, equations and callouts (after KaTeX, which keeps an
 * equation's number in its TeX annotation) and on headings.
 */
export function bookRehypePlugins(options: Pick<PipelineOptions, 'mathMacros'> = {}): RehypePlugins {
  return [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore', macros: { ...options.mathMacros } }], rehypeLinkAnchors, rehypeHeadingAnchors];
}
