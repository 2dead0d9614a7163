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
 * widget's component is rendered only on pages that contain it (its code and styles follow it there:
 * src/interactive/elements.ts, styles.ts). Problems (unknown
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
import type { Directive } from '../directives/parse-directive.js';
import { smartPunctuationOf } from '../smart-punctuation/index.js';

/** The directive's parts: the widget's name, the options (with the line each is on). */
export interface InteractiveDirective {
  widget: string;
  name?: string;
  alt?: string;
  /** Options besides `:name:` and `:alt:`, for the widget. */
  options: Record<string, string>;
  /** The line of the chapter file each option (`name` and `alt` included) is on. */
  optionLines: Record<string, number>;
}

/** An `{interactive}` directive (read by the shared parser, ../directives) as the widget, its label and options. */
export function readInteractiveDirective(directive: Directive): InteractiveDirective {
  const interactive: InteractiveDirective = { widget: directive.argument, options: {}, optionLines: {} };
  for (const [key, option] of directive.options) {
    interactive.optionLines[key] = option.line;
    if (key === 'name' || key === 'alt') interactive[key] = option.value || undefined;
    else interactive.options[key] = option.value;
  }
  return interactive;
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
    attributes: [attribute('alt', smartPunctuationOf(directive.alt ?? '')), ...Object.entries(directive.options).map(([name, value]) => attribute(name, value))],
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

/** Where line `line` of the chapter file starts, in the directive's column. */
function optionPoint(node: Code, line: number): Point | undefined {
  const start = node.position?.start;
  return start ? { line, column: start.column } : undefined;
}
