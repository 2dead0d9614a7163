/**
 * Read a `{self-check}` directive (parsed by the shared directive parser, ../directives) into a
 * question: multiple choice (a task list of options) or numeric (`:answer:`), and its explanation.
 * Every problem is returned with its place, so that a build reports them all together.
 */
import type { BlockContent, List, ListItem, PhrasingContent } from 'mdast';
import type { Point, Position } from 'unist';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { parseDirectiveBody, parseDirectiveInline } from '../directives/parse-body.js';
import { type Directive, optionPlace } from '../directives/parse-directive.js';
import { parsePlainNumber } from './numbers.js';

/** The directive's options. */
export const SELF_CHECK_OPTIONS = ['label', 'answer', 'tolerance', 'tolerance-relative'];

/** A label: a stable id that is also the question's anchor in the page. */
const LABEL = /^[A-Za-z][\w.:-]*$/;

export interface ChoiceOption {
  content: PhrasingContent[];
  correct: boolean;
  /** The option's feedback (its nested bullet), shown when the reader picks it. */
  feedback: BlockContent[];
}

interface QuestionBase {
  label: string;
  question: PhrasingContent[];
  explanation: BlockContent[];
}

export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice';
  options: ChoiceOption[];
}

export interface NumericQuestion extends QuestionBase {
  kind: 'numeric';
  answer: number;
  /** The answer as the author wrote it, shown in the reveal. */
  answerText: string;
  tolerance: number;
  toleranceRelative: number;
}

export type SelfCheckQuestion = ChoiceQuestion | NumericQuestion;

export interface SelfCheckProblem {
  reason: string;
  place?: Point | Position;
}

/** The question, or undefined when it has problems (all of them listed). */
export function readSelfCheck(directive: Directive, footnoteLabels: string[] = []): { question?: SelfCheckQuestion; problems: SelfCheckProblem[] } {
  const problems: SelfCheckProblem[] = [];
  const report = (reason: string, place: Point | Position | undefined = directive.position) => problems.push({ reason, place });
  for (const problem of directive.problems) report(problem.reason, { line: problem.line, column: 1 });
  for (const key of directive.options.keys()) {
    if (SELF_CHECK_OPTIONS.includes(key)) continue;
    report(
      `has no option \`:${key}:\`${didYouMean(key, SELF_CHECK_OPTIONS, (option) => `:${option}:`)}; its options: ${SELF_CHECK_OPTIONS.map((option) => `\`:${option}:\``).join(', ')}`,
      optionPlace(directive, key),
    );
  }

  const label = directive.options.get('label')?.value ?? '';
  if (!directive.options.has('label')) {
    report('needs a `:label:`, a stable id unique in the book, e.g. `:label: sc-fairness-parity` (it keeps the reader’s progress and is the question’s anchor)');
  } else if (!LABEL.test(label)) {
    report(`has the label \`${label}\`, which is not a valid id: start with a letter, then letters, digits, \`-\`, \`_\`, \`.\` or \`:\``, optionPlace(directive, 'label'));
  }

  const line = directive.position?.start.line ?? 1;
  const question = directive.argument ? parseDirectiveInline(directive.argument, line, footnoteLabels) : [];
  if (question.length === 0) report('needs its question after the name, e.g. ```` ```{self-check} Which criterion equalises selection rates? ````');

  const body = parseDirectiveBody(directive.body, directive.bodyLine, footnoteLabels);
  const first = body[0];
  const hasOptions = first?.type === 'list' && first.children.some((item) => typeof item.checked === 'boolean');
  const numeric = directive.options.has('answer');
  const explanation = explanationOf(hasOptions ? body.slice(1) : body);
  if (explanation.length === 0) {
    report(`has no explanation: write, after ${hasOptions ? 'the option list' : 'the `:answer:` line and a blank line'}, why the answer is right (it is shown when the reader answers, and behind “Show answer”)`, { line: directive.bodyLine, column: 1 });
  }

  if (numeric) {
    if (hasOptions) report('has both options (a task list) and `:answer:`: a question is either multiple choice or numeric', first.position);
    const answerText = directive.options.get('answer')?.value ?? '';
    const answer = parsePlainNumber(answerText);
    if (answer === undefined) report(`has \`:answer: ${answerText}\`, which is not a number; write a plain decimal such as \`0.052\``, optionPlace(directive, 'answer'));
    const tolerance = numberOption(directive, 'tolerance', report);
    const toleranceRelative = numberOption(directive, 'tolerance-relative', report);
    if (problems.length > 0 || answer === undefined) return { problems };
    return { question: { kind: 'numeric', label, question, explanation, answer, answerText, tolerance, toleranceRelative }, problems };
  }

  for (const key of ['tolerance', 'tolerance-relative']) {
    if (directive.options.has(key)) report(`has \`:${key}:\` but no \`:answer:\`: tolerances apply to numeric questions only`, optionPlace(directive, key));
  }
  if (!hasOptions) {
    report(
      'needs options or an answer: a task list (`- [ ] wrong`, `- [x] right`) right after the options lines, or `:answer:` with a number for a numeric question',
      first?.position ?? { line: directive.bodyLine, column: 1 },
    );
    return { problems };
  }
  const options = readOptions(first as List, report);
  if (options.length > 0 && options.length < 2) report('has one option: a multiple-choice question needs at least two', first.position);
  if (options.length > 0 && !options.some((option) => option.correct)) {
    report('has no correct option: mark at least one with `[x]`', first.position);
  }
  if (problems.length > 0) return { problems };
  return { question: { kind: 'choice', label, question, explanation, options }, problems };
}

/** Each task-list item as an option; its nested single bullet, if any, as its feedback. */
function readOptions(list: List, report: (reason: string, place?: Point | Position) => void): ChoiceOption[] {
  return list.children.flatMap((item: ListItem): ChoiceOption[] => {
    if (typeof item.checked !== 'boolean') {
      report('has an option that is not a task: write each option as `- [ ] text` or `- [x] text`', item.position);
      return [];
    }
    const [text, ...rest] = item.children;
    if (text?.type !== 'paragraph' || text.children.length === 0) {
      report('has an empty option: write its text after `[ ]` or `[x]`', item.position);
      return [];
    }
    const nested = rest[0];
    if (rest.length > 1 || (nested && (nested.type !== 'list' || nested.children.length !== 1))) {
      report('has an option with more than its text: its feedback, if any, is one nested bullet (`  - Why this is wrong.`)', (nested ?? item).position);
      return [];
    }
    const feedback = nested?.type === 'list' ? ((nested.children[0] as ListItem).children as BlockContent[]) : [];
    return [{ content: text.children, correct: item.checked, feedback }];
  });
}

/** The explanation, without an `Explanation:` lead-in (the reveal has its own heading). */
function explanationOf(blocks: BlockContent[]): BlockContent[] {
  const first = blocks[0];
  if (first?.type !== 'paragraph') return blocks;
  const lead = first.children[0];
  const strong = lead?.type === 'strong' && lead.children.length === 1 && lead.children[0]?.type === 'text' ? lead.children[0] : undefined;
  if (strong && /^Explanation:?$/i.test(strong.value.trim())) {
    first.children.shift();
    const next = first.children[0];
    if (next?.type === 'text') next.value = next.value.replace(/^:?\s*/, '');
  } else if (lead?.type === 'text' && /^Explanation:\s*/i.test(lead.value)) {
    lead.value = lead.value.replace(/^Explanation:\s*/i, '');
  }
  if (first.children[0]?.type === 'text' && first.children[0].value === '') first.children.shift();
  return first.children.length === 0 ? blocks.slice(1) : blocks;
}

function numberOption(directive: Directive, key: string, report: (reason: string, place?: Point | Position) => void): number {
  const option = directive.options.get(key);
  if (!option) return 0;
  const value = parsePlainNumber(option.value);
  if (value === undefined || value < 0) {
    report(`has \`:${key}: ${option.value}\`, which is not a number ≥ 0; write a plain decimal such as \`0.001\``, optionPlace(directive, key));
    return 0;
  }
  return value;
}
