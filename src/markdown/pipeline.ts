/**
 * The book's remark and rehype plugins, in order, defined once: Astro's `unified()` processor renders
 * chapters with them (MDX inherits it), and the content check parses every chapter with the same
 * remark plugins so its diagnostics are exactly what rendering would meet.
 */
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkEpigraphs from './epigraphs/index.js';
import remarkFigures from './figures/index.js';
import rehypeHeadingAnchors from './heading-anchors/index.js';
import remarkMathCheck from './math-check/index.js';
import remarkMathFlag from './math-flag/index.js';
import remarkMystRoles from './myst-roles/index.js';
import remarkRolePlaceholders from './role-placeholders/index.js';

export interface PipelineOptions {
  /** The book's `public/` folder (figure sources). */
  publicDir: string;
  /** The site's base path, ending in `/`. */
  base: string;
}

/** remark plugins after parsing. Figures first, so roles in captions are typed by remarkMystRoles. */
export function bookRemarkPlugins(options: PipelineOptions): RemarkPlugins {
  return [
    remarkMath,
    [remarkFigures, { publicDir: options.publicDir, base: options.base }],
    remarkMystRoles,
    remarkEpigraphs,
    remarkMathCheck,
    remarkMathFlag,
    remarkRolePlaceholders,
  ];
}

/** rehype plugins: KaTeX at build time (HTML for the eye, MathML for screen readers), then heading anchors. */
export function bookRehypePlugins(): RehypePlugins {
  return [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }], rehypeHeadingAnchors];
}
