/**
 * remark plugin for the MyST figure directive, as the author writes it in `.md` and `.mdx`:
 *
 *     ```{figure} /figures/4-1-genai/agent-environment.svg
 *     :name: fig-agent-environment
 *     :alt: What the figure shows, for screen readers.
 *     Caption, in Markdown.
 *     ```
 *
 * The path is absolute from the book's `public/` folder (`/figures/x.svg`) or relative to the chapter file
 * (`../images/x.png`, as in Jupyter Book). SVG sources are inlined so that they follow the page's light or
 * dark theme through `currentColor` and CSS variables; other images become `<img>`: from `public/` under
 * the base path, relative ones through Astro's asset pipeline (copied with a content hash in the name). The result is
 * `<figure id=name><div class="figure-media" role="img" aria-label=alt>…</div><figcaption>…</figcaption></figure>`.
 * A missing source or alt text is an error (rule `figure-valid`), as is a path whose case differs from the
 * file on disk (rule `image-exists`). The directive is read by the shared parser (../directives).
 *
 * Interactive figures (```{interactive} widget-name, see ../interactive-figures) are numbered here too,
 * in the same sequence, so that "Figure 1.2.3" counts every figure of the chapter in reading order.
 */
import { readFileSync } from 'node:fs';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { BlockContent, Code, Data, Parent, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { footnoteLabels, parseDirectiveInline } from '../directives/parse-body.js';
import { type Directive, optionPlace, readDirective } from '../directives/parse-directive.js';
import { chapterPathOf, isRemote } from '../images/index.js';
import { resolveImagePath } from '../images/image-path.js';
import { interactiveWidgetNode, readInteractiveDirective } from '../interactive-figures/index.js';

export interface FigureOptions {
  /** Folder that figure paths starting with `/` are read from (the book's `public/`). */
  publicDir: string;
  /** Base URL of the site, prefixed to non-inlined image sources. */
  base?: string;
}

export default function remarkFigures(options: FigureOptions) {
  return (tree: Root, file: VFile) => transformFigures(tree, file, options);
}

/** What a named figure records, for the cross-reference targets. */
export interface FigureLabel {
  id: string;
  number: string;
}

/** A figure in the tree: its media and its caption; `data.figure` labels a named one. */
export interface Figure extends Parent {
  type: 'figure';
  children: BlockContent[];
  data?: FigureData;
}

export interface FigureData extends Data {
  figure?: FigureLabel;
}

declare module 'mdast' {
  interface BlockContentMap {
    figure: Figure;
  }
  interface RootContentMap {
    figure: Figure;
  }
}

/**
 * Replace each `{figure}` and `{interactive}` directive by a figure, numbered `<chapter>.<n>` in
 * document order (both kinds count alike); report incomplete ones.
 */
export function transformFigures(tree: Root, file: VFile, options: FigureOptions): void {
  const chapterNumber = file.data.bookChapter?.number;
  const labels = footnoteLabels(tree);
  let count = 0;
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined) return;
    const directive = readDirective(node);
    if (!directive || (directive.name !== 'figure' && directive.name !== 'interactive')) return;
    const interactive = directive.name === 'interactive';
    const content = interactive ? interactiveFigureContent(node, directive, file) : imageFigureContent(directive, file, options);
    count++;
    const number = chapterNumber ? `${chapterNumber}.${count}` : String(count);
    const caption: PhrasingContent[] = [
      { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['figure-number'] } }, children: [{ type: 'text', value: `Figure ${number}` }] },
      { type: 'text', value: ' ' },
      ...parseDirectiveInline(directive.body, directive.bodyLine, labels),
    ];
    // The caption stays real mdast so that roles and emphasis in it are handled by the later plugins.
    parent.children[index] = {
      type: 'figure',
      position: node.position,
      data: {
        hName: 'figure',
        hProperties: { id: content.name, className: [...(interactive ? ['figure', 'figure-interactive'] : ['figure']), ...(content.className ?? [])] },
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

/** What a figure directive gives the figure around it: its label and its content. */
interface FigureContent {
  name?: string;
  media: BlockContent;
  /** Classes the directive's options add to the figure. */
  className?: string[];
}

/** An image figure: the SVG inlined, or an `<img>`, in an element with the alt text as its label. */
function imageFigureContent(directive: Directive, file: VFile, options: FigureOptions): FigureContent {
  const src = directive.argument;
  const alt = directive.options.get('alt')?.value || undefined;
  const report = (reason: string, ruleId: RuleId = RuleId.figureValid) => {
    file.message(reason, { place: directive.position, ruleId, source: 'figures' }).fatal = true;
  };
  if (!src) report('Figure has no image path after `{figure}`');
  if (!alt) report('Figure has no `:alt:` text (screen readers need it; describe what the figure shows)');
  const resolved = src && !isRemote(src) ? resolveImagePath(src, chapterPathOf(file), options.publicDir) : undefined;
  if (resolved && !resolved.ok) {
    report(
      src.startsWith('/') && !/differs in case/.test(resolved.reason)
        ? `Figure points to \`${src}\`, which does not exist under public/ (paths start at public/, e.g. \`/figures/<chapter-id>/name.svg\`, or are relative to the chapter file): ${resolved.reason}`
        : `Figure image ${resolved.reason}`,
      /differs in case/.test(resolved.reason) || !src.startsWith('/') ? RuleId.imageExists : RuleId.figureValid,
    );
  }
  const layout = figureLayout(directive, file);
  const media: BlockContent = {
    type: 'paragraph',
    children: [],
    data: {
      hName: 'div',
      // The width as a custom property: the stylesheet applies it to the image, at most the column's.
      hProperties: {
        className: layout.width ? ['figure-media', 'figure-media-sized'] : ['figure-media'],
        role: 'img',
        ariaLabel: alt ?? '',
        ...(layout.width ? { style: `--figure-width: ${layout.width}` } : {}),
      },
    },
  };
  if (src.endsWith('.svg') && resolved?.ok) {
    media.data = { ...media.data, hChildren: inlineSvg(readFileSync(resolved.absolute, 'utf8')) };
  } else if (src.startsWith('/') || !resolved?.ok) {
    media.data = { ...media.data, hChildren: [{ type: 'element', tagName: 'img', properties: { src: `${options.base ?? '/'}${src.replace(/^\//, '')}`, alt: '' }, children: [] }] };
  } else {
    // A real image node, so Astro's asset pipeline copies it with a content hash (as for `![](…)`).
    media.children = [{ type: 'image', url: src, alt: '', position: directive.position }];
  }
  return { name: directive.options.get('name')?.value || undefined, media, className: layout.className };
}

/** The options of an image figure: MyST's own, and what this site does with each. */
const FIGURE_OPTIONS = ['name', 'alt', 'width', 'align', 'class'];
/** MyST figure options this site does not apply, each with what to write instead. */
const UNSUPPORTED_OPTIONS: Record<string, string> = {
  height: 'give `:width:` alone; the height follows the image\'s proportions',
  scale: 'give `:width:` as a percentage of the column instead',
  figwidth: 'give `:width:` (the caption spans the column)',
  figclass: 'give `:class:`, which applies to the figure',
  target: 'link to the image from the caption instead',
  loading: 'images load as the browser decides',
};
/** A CSS length MyST's `:width:` takes: `80%`, `400px`, `30em`, `12rem`; a bare number is pixels. */
const WIDTH = /^(\d+(?:\.\d+)?|\.\d+)(px|%|em|rem|ch|vw)?$/;

/**
 * `:width:` (the image's width, at most the column's), `:align:` (`left`, `center`, `right`) and
 * `:class:` (classes added to the figure) as the figure's style and classes. An option MyST has but this
 * site does not apply is a warning naming what to write instead; any other (a typo) is an error.
 */
function figureLayout(directive: Directive, file: VFile): { width?: string; className: string[] } {
  const report = (key: string, reason: string, fatal = true) => {
    file.message(reason, { place: optionPlace(directive, key), ruleId: RuleId.figureValid, source: 'figures' }).fatal = fatal;
  };
  const layout: { width?: string; className: string[] } = { className: [] };
  for (const [key, option] of directive.options) {
    if (key === 'width') {
      const match = WIDTH.exec(option.value);
      if (match) layout.width = `${match[1]}${match[2] ?? 'px'}`;
      else report(key, `Figure \`:width: ${option.value}\` is not a width: give a length such as \`80%\`, \`400px\` or \`30em\``);
    } else if (key === 'align') {
      if (['left', 'center', 'right'].includes(option.value)) layout.className.push(`figure-align-${option.value}`);
      else report(key, `Figure \`:align: ${option.value}\` is not an alignment: give \`left\`, \`center\` or \`right\``);
    } else if (key === 'class') {
      layout.className.push(...option.value.split(/\s+/).filter(Boolean));
    } else if (Object.hasOwn(UNSUPPORTED_OPTIONS, key)) {
      report(key, `Figure option \`:${key}:\` is not applied on this site: ${UNSUPPORTED_OPTIONS[key]}`, false);
    } else if (!FIGURE_OPTIONS.includes(key)) {
      const options = FIGURE_OPTIONS.map((name) => `:${name}:`);
      report(key, `Figure has no option \`:${key}:\`${didYouMean(`:${key}:`, options)}; its options: ${options.map((name) => `\`${name}\``).join(', ')}`);
    }
  }
  return layout;
}

/** An interactive figure: the widget of the registry it names (src/markdown/interactive-figures). */
function interactiveFigureContent(node: Code, directive: Directive, file: VFile): FigureContent {
  const interactive = readInteractiveDirective(directive);
  return { name: interactive.name, media: interactiveWidgetNode(node, interactive, file) };
}

/** Parse an SVG file into hast, dropping the XML prolog and comments. */
function inlineSvg(source: string): ElementContent[] {
  const fragment = fromHtml(source.replace(/<\?xml[^>]*>/, ''), { fragment: true, space: 'html' });
  const svg = fragment.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  if (!svg) return [];
  svg.properties = { ...svg.properties, ariaHidden: 'true', focusable: 'false' };
  return [svg];
}
