/**
 * The `{interactive}` directive: a numbered figure whose content is a widget of the registry
 * (src/interactive/widgets.ts), as the author writes it in `.mdx`:
 *
 *     ```{interactive} threshold-explorer
 *     :name: fig-prep-threshold-explorer
 *     :alt: What the widget shows, for screen readers.
 *     :scores: 0.95 0.90 …
 *     Caption, in Markdown.
 *     ```
 *
 * The figures plugin numbers it with the chapter's other figures and wraps it in
 * `<figure id=name class="figure figure-interactive">` with a `<figcaption>`; this module checks the
 * directive and makes the widget's node: an MDX JSX element (`<ThresholdExplorer alt=… scores=… />`)
 * that MDX renders with the component `[slug].astro` passes to `<Content components={…}>`. So a
 * widget's component, and its script, are rendered only on pages that contain it. Problems (unknown
 * widget, missing `:name:` or `:alt:`, unknown or malformed options, a `.md` chapter) are errors
 * (rule `interactive-valid`) at the directive or at the option's line; the widget is then replaced by a
 * visible placeholder, so the dev server still renders the page.
 */
import type { BlockContent, Code } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { INTERACTIVE_WIDGETS, type InteractiveWidget } from '../../interactive/widgets.js';

/** The directive's parts: the widget's name, the options (with the line each is on) and the caption. */
export interface InteractiveDirective {
  widget: string;
  name?: string;
  alt?: string;
  /** Options besides `:name:` and `:alt:`, for the widget. */
  options: Record<string, string>;
  /** Index of the body line each option (`name` and `alt` included) is on. */
  optionLines: Record<string, number>;
  caption: string;
  /** Index of the body line the caption starts on. */
  captionLine: number;
}

/** Split an `{interactive}` directive's argument and body into the widget, its options and the caption. */
export function parseInteractiveDirective(argument: string, body: string): InteractiveDirective {
  const directive: InteractiveDirective = { widget: argument.trim(), options: {}, optionLines: {}, caption: '', captionLine: 0 };
  const lines = body.split('\n');
  let index = 0;
  for (; index < lines.length; index++) {
    const match = /^:([a-z][a-z0-9-]*):\s*(.*)$/.exec(lines[index] ?? '');
    if (!match) break;
    const [, key = '', value = ''] = match;
    directive.optionLines[key] = index;
    if (key === 'name' || key === 'alt') directive[key] = value.trim() || undefined;
    else directive.options[key] = value.trim();
  }
  while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
  directive.caption = lines.slice(index).join('\n').trim();
  directive.captionLine = index;
  return directive;
}

/** The widget's node for an `{interactive}` code block, after reporting the directive's problems on `file`. */
export function interactiveWidgetNode(node: Code, directive: InteractiveDirective, file: VFile): BlockContent {
  const widget = Object.hasOwn(INTERACTIVE_WIDGETS, directive.widget) ? INTERACTIVE_WIDGETS[directive.widget] : undefined;
  const problems = directiveProblems(directive, widget, file);
  for (const { reason, line } of problems) {
    const place = line === undefined ? node.position : optionPoint(node, line);
    file.message(`Interactive figure ${reason}`, { place, ruleId: RuleId.interactiveValid, source: 'interactive-figures' }).fatal = true;
  }
  if (!widget || problems.length > 0) {
    return {
      type: 'paragraph',
      data: { hProperties: { className: ['role-placeholder'] } },
      children: [{ type: 'text', value: `Interactive figure \`${directive.widget}\` not shown: see the build’s errors.` }],
    };
  }
  const attribute = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: widget.component,
    attributes: [attribute('alt', directive.alt ?? ''), ...Object.entries(directive.options).map(([name, value]) => attribute(name, value))],
    children: [],
    position: node.position,
  };
  return element;
}

/** Each problem of a directive, with the body line of the option it concerns when there is one. */
function directiveProblems(directive: InteractiveDirective, widget: InteractiveWidget | undefined, file: VFile): { reason: string; line?: number }[] {
  const problems: { reason: string; line?: number }[] = [];
  const known = Object.keys(INTERACTIVE_WIDGETS);
  if (!widget) {
    problems.push({
      reason: directive.widget
        ? `names the widget \`${directive.widget}\`, which does not exist${didYouMean(directive.widget, known)}; known widgets: ${known.map((name) => `\`${name}\``).join(', ')}`
        : `names no widget: write one after \`{interactive}\`, e.g. \`{interactive} ${known[0] ?? 'widget-name'}\``,
    });
  }
  if (!directive.name) {
    problems.push({
      reason: 'has no `:name:` (give it a label such as `:name: fig-<chapter>-<what>`: readers link to it, and the text refers to it with {numref})',
      line: directive.optionLines.name,
    });
  }
  if (!directive.alt) {
    problems.push({ reason: 'has no `:alt:` text (screen readers need it; describe what the widget shows)', line: directive.optionLines.alt });
  }
  if (file.extname === '.md') {
    problems.push({ reason: 'works in `.mdx` chapters only (its widget is a component): rename the chapter file to `.mdx`' });
  }
  if (!widget) return problems;
  const allowed = ['name', 'alt', ...Object.keys(widget.options)];
  for (const option of Object.keys(directive.options)) {
    if (Object.hasOwn(widget.options, option)) continue;
    problems.push({
      reason: `\`${directive.widget}\` has no option \`:${option}:\`${didYouMean(`:${option}:`, allowed.map((name) => `:${name}:`))}; its options: ${allowed.map((name) => `\`:${name}:\``).join(', ')}`,
      line: directive.optionLines[option],
    });
  }
  for (const problem of widget.check(directive.options)) {
    problems.push({
      reason: `\`${directive.widget}\`: ${problem.option ? `\`:${problem.option}:\` ` : ''}${problem.reason}`,
      line: problem.option ? directive.optionLines[problem.option] : undefined,
    });
  }
  return problems;
}

/** Where body line `line` of the directive starts in the chapter file (the body starts after the fence). */
function optionPoint(node: Code, line: number): Point | undefined {
  const start = node.position?.start;
  return start ? { line: start.line + 1 + line, column: start.column } : undefined;
}
