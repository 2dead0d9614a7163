/**
 * remark plugin for the MyST figure directive, as the author writes it in `.md` and `.mdx`:
 *
 *     ```{figure} /figures/4-1-genai/agent-environment.svg
 *     :name: fig-agent-environment
 *     :alt: What the figure shows, for screen readers.
 *     Caption, in Markdown.
 *     ```
 *
 * SVG sources (under `public/`) are inlined so that they follow the page's light or dark theme through
 * `currentColor` and CSS variables; other images become `<img>`. The result is
 * `<figure id=name><div class="figure-media" role="img" aria-label=alt>…</div><figcaption>…</figcaption></figure>`.
 * A missing source or alt text is an error (rule `figure-valid`).
 *
 * Interactive figures (```{interactive} widget-name, see ../interactive-figures) are numbered here too,
 * in the same sequence, so that "Figure 1.2.3" counts every figure of the chapter in reading order.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { BlockContent, Code, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { interactiveWidgetNode, parseInteractiveDirective } from '../interactive-figures/index.js';
import { mystRoleFromMarkdown } from '../myst-roles/from-markdown.js';
import { mystRoleSyntax } from '../myst-roles/syntax.js';

export interface FigureOptions {
  /** Folder that figure paths starting with `/` are read from (the book's `public/`). */
  publicDir: string;
  /** Base URL of the site, prefixed to non-inlined image sources. */
  base?: string;
}

const FIGURE_DIRECTIVE = /^\{figure\}$/;
const INTERACTIVE_DIRECTIVE = /^\{interactive\}$/;

export default function remarkFigures(options: FigureOptions) {
  return (tree: Root, file: VFile) => transformFigures(tree, file, options);
}

/** Parsed fields of one figure directive. */
export interface FigureDirective {
  src: string;
  name?: string;
  alt?: string;
  caption: string;
  /** Index of the body line the caption starts on, to place the caption's nodes in the file. */
  captionLine: number;
}

/** Split a directive's argument and body into its options and caption. */
export function parseFigureDirective(argument: string, body: string): FigureDirective {
  const options: Record<string, string> = {};
  const lines = body.split('\n');
  let index = 0;
  for (; index < lines.length; index++) {
    const match = /^:([a-z-]+):\s*(.*)$/.exec(lines[index] ?? '');
    if (!match) break;
    options[match[1] as string] = (match[2] ?? '').trim();
  }
  while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
  return {
    src: argument.trim(),
    name: options.name,
    alt: options.alt,
    caption: lines.slice(index).join('\n').trim(),
    captionLine: index,
  };
}

/** What a named figure records, for the cross-reference targets. */
export interface FigureLabel {
  id: string;
  number: string;
}

declare module 'mdast' {
  interface BlockquoteData {
    figure?: FigureLabel;
  }
}

/**
 * Replace each ```{figure} and ```{interactive} code block by a figure, numbered `<chapter>.<n>` in
 * document order (both kinds count alike); report incomplete ones.
 */
export function transformFigures(tree: Root, file: VFile, options: FigureOptions): void {
  const chapterNumber = file.data.bookChapter?.number;
  let count = 0;
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined || !node.lang) return;
    const interactive = INTERACTIVE_DIRECTIVE.test(node.lang);
    if (!interactive && !FIGURE_DIRECTIVE.test(node.lang)) return;
    const content = interactive ? interactiveFigureContent(node, file) : imageFigureContent(node, file, options);
    count++;
    const number = chapterNumber ? `${chapterNumber}.${count}` : String(count);
    const caption: PhrasingContent[] = [
      { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['figure-number'] } }, children: [{ type: 'text', value: `Figure ${number}` }] },
      { type: 'text', value: ' ' },
      ...parseCaption(content.caption, (node.position?.start.line ?? 1) + 1 + content.captionLine),
    ];
    // Any mdast parent would do: only its data decides the element. The caption stays real mdast so that
    // roles and emphasis in it are handled by the later plugins.
    parent.children[index] = {
      type: 'blockquote',
      position: node.position,
      data: {
        hName: 'figure',
        hProperties: { id: content.name, className: interactive ? ['figure', 'figure-interactive'] : ['figure'] },
        ...(content.name ? { figure: { id: content.name, number } } : {}),
      },
      children: [
        content.media,
        // A preview of an interactive figure (a {numref} hovered) shows its caption, not a second live widget.
        { type: 'paragraph', children: caption, data: { hName: 'figcaption', ...(interactive ? { hProperties: { dataPreviewContent: '' } } : {}) } },
      ],
    };
  });
}

/** What a figure directive gives the figure around it: its label, its content and its caption. */
interface FigureContent {
  name?: string;
  media: BlockContent;
  caption: string;
  captionLine: number;
}

/** An image figure: the SVG inlined, or an `<img>`, in an element with the alt text as its label. */
function imageFigureContent(node: Code, file: VFile, options: FigureOptions): FigureContent {
  const figure = parseFigureDirective(node.meta ?? '', node.value);
  const problems: string[] = [];
  if (!figure.src) problems.push('has no image path after `{figure}`');
  if (!figure.alt) problems.push('has no `:alt:` text (screen readers need it; describe what the figure shows)');
  const sourcePath = figure.src ? path.join(options.publicDir, figure.src.replace(/^\//, '')) : '';
  if (figure.src && !existsSync(sourcePath)) {
    problems.push(`points to \`${figure.src}\`, which does not exist under public/ (paths start at public/, e.g. \`/figures/<chapter-id>/name.svg\`)`);
  }
  for (const problem of problems) {
    file.message(`Figure ${problem}`, { place: node.position, ruleId: RuleId.figureValid, source: 'figures' }).fatal = true;
  }
  const media: ElementContent[] =
    figure.src.endsWith('.svg') && existsSync(sourcePath)
      ? inlineSvg(readFileSync(sourcePath, 'utf8'))
      : [{ type: 'element', tagName: 'img', properties: { src: `${options.base ?? '/'}${figure.src.replace(/^\//, '')}`, alt: '' }, children: [] }];
  return {
    name: figure.name,
    media: {
      type: 'paragraph',
      children: [],
      data: {
        hName: 'div',
        hProperties: { className: ['figure-media'], role: 'img', ariaLabel: figure.alt ?? '' },
        hChildren: media,
      },
    },
    caption: figure.caption,
    captionLine: figure.captionLine,
  };
}

/** An interactive figure: the widget of the registry it names (src/markdown/interactive-figures). */
function interactiveFigureContent(node: Code, file: VFile): FigureContent {
  const directive = parseInteractiveDirective(node.meta ?? '', node.value);
  return { name: directive.name, media: interactiveWidgetNode(node, directive, file), caption: directive.caption, captionLine: directive.captionLine };
}

/** Parse a caption; positions are shifted to the chapter file's lines (as callouts do with their body). */
function parseCaption(markdown: string, firstLine: number): PhrasingContent[] {
  const root = fromMarkdown(markdown, {
    extensions: [math(), mystRoleSyntax()],
    mdastExtensions: [mathFromMarkdown(), mystRoleFromMarkdown()],
  });
  visit(root, (child: Node) => {
    if (!child.position) return;
    child.position.start.line += firstLine - 1;
    child.position.end.line += firstLine - 1;
    child.position.start.offset = undefined;
    child.position.end.offset = undefined;
  });
  const first = root.children[0];
  return first && first.type === 'paragraph' ? first.children : [];
}

/** Parse an SVG file into hast, dropping the XML prolog and comments. */
function inlineSvg(source: string): ElementContent[] {
  const fragment = fromHtml(source.replace(/<\?xml[^>]*>/, ''), { fragment: true, space: 'html' });
  const svg = fragment.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  if (!svg) return [];
  svg.properties = { ...svg.properties, ariaHidden: 'true', focusable: 'false' };
  return [svg];
}
