/**
 * The self-check questions of Part 0, read from the chapter sources with the plugin's own reader:
 * each chapter has a "Check your understanding" section right before "Exercises" with 3–5 valid
 * questions, and every numeric answer (and the one computed choice) is recomputed here from the
 * numbers printed in its question.
 */
import { readFileSync } from 'node:fs';
import type { Code, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { chapterParser } from '../../../src/book/check-chapters.js';
import remarkDirectives from '../../../src/markdown/directives/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import { isNumberCorrect } from '../../../src/markdown/self-check/check-answer.js';
import { readDirective } from '../../../src/markdown/directives/parse-directive.js';
import { readSelfCheck, type SelfCheckQuestion } from '../../../src/markdown/self-check/read-question.js';

const CHAPTERS = ['0-1-intro', '0-2-framework', '0-3-philosophy', '0-4-prep'];

function chapterSource(id: string): string {
  return readFileSync(new URL(`../../../content/0-overview/${id}.mdx`, import.meta.url), 'utf8');
}

type ChapterQuestions = Map<string, { question?: SelfCheckQuestion; problems: unknown[]; text: string }>;
const parsed = new Map<string, ChapterQuestions>();

/** Every `{self-check}` of a chapter, by label, with the problems the build would report (parsed once). */
function questionsOf(id: string): ChapterQuestions {
  const known = parsed.get(id);
  if (known) return known;
  // The chapter parser of the build, with the syntaxes of math, directives and roles.
  const tree = chapterParser(`${id}.mdx`).use(remarkMath).use(remarkDirectives).use(remarkMystRoles).parse(chapterSource(id)) as Root;
  const questions: ChapterQuestions = new Map();
  visit(tree, 'code', (node: Code) => {
    const directive = readDirective(node);
    if (directive?.name !== 'self-check') return;
    const read = readSelfCheck(directive);
    const label = directive.options.get('label')?.value ?? '';
    questions.set(label, { ...read, text: read.question ? toString({ type: 'paragraph', children: read.question.question }) : '' });
  });
  parsed.set(id, questions);
  return questions;
}

/** The numeric question `label` of chapter `id`, and the numbers printed in its question, in order. */
function numericQuestion(id: string, label: string) {
  const entry = questionsOf(id).get(label);
  if (entry?.question?.kind !== 'numeric') throw new Error(`${label} is not a numeric question of ${id}`);
  const numbers = [...entry.text.matchAll(/[−-]?\d+(?:\.\d+)?/g)].map((match) => Number(match[0].replace('−', '-')));
  return { question: entry.question, numbers };
}

/** The answer is the computed value, within a hundredth of its tolerance; and the computed value is accepted. */
function expectAnswer(question: SelfCheckQuestion & { kind: 'numeric' }, computed: number) {
  expect(Math.abs(question.answer - computed)).toBeLessThanOrEqual(question.tolerance / 10 + 1e-12);
  expect(isNumberCorrect(computed, question.answer, { absolute: question.tolerance, relative: question.toleranceRelative })).toBe(true);
}

describe('Part 0 self-check questions', () => {
  it.each(CHAPTERS)('should give %s a “Check your understanding” section right before its exercises, with 3–5 valid questions', (id) => {
    const source = chapterSource(id);
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings.indexOf('Check your understanding')).toBe(headings.indexOf('Exercises') - 1);
    const section = source.slice(source.indexOf('## Check your understanding'), source.indexOf('## Exercises'));
    const questions = questionsOf(id);
    expect(questions.size).toBeGreaterThanOrEqual(3);
    expect(questions.size).toBeLessThanOrEqual(5);
    for (const [label, { question, problems }] of questions) {
      expect(problems, label).toEqual([]);
      expect(section).toContain(`:label: ${label}`);
      expect(label.startsWith('sc-')).toBe(true);
      expect(toString({ type: 'root', children: question?.explanation ?? [] }).length, label).toBeGreaterThan(150);
    }
  });

  it('should have unique labels across Part 0', () => {
    const labels = CHAPTERS.flatMap((id) => [...questionsOf(id).keys()]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('0-2: the approval threshold L / (G + L) from the G and L of the question', () => {
    const { question, numbers } = numericQuestion('0-2-framework', 'sc-framework-threshold');
    const [gain, loss] = numbers as [number, number];
    expect([gain, loss]).toEqual([200, 600]);
    expectAnswer(question, loss / (gain + loss));
  });

  it('0-2: the ratio of selection rates from the counts of the question', () => {
    const { question, numbers } = numericQuestion('0-2-framework', 'sc-framework-selection-ratio');
    const [approvedA, applicantsA, approvedB, applicantsB] = numbers as [number, number, number, number];
    expect(numbers).toEqual([300, 500, 120, 300]);
    expectAnswer(question, approvedB / applicantsB / (approvedA / applicantsA));
  });

  it('0-3: the indifference threshold from the four utilities of the question', () => {
    const { question, numbers } = numericQuestion('0-3-philosophy', 'sc-philosophy-indifference');
    const [keepHarmful, keepBenign, removeHarmful, removeBenign] = numbers as [number, number, number, number];
    expect(numbers).toEqual([-8, 1, 0, -3]);
    expectAnswer(question, (keepBenign - removeBenign) / (keepBenign - removeBenign + (removeHarmful - keepHarmful)));
  });

  it('0-3: maximin chooses the option marked correct, and the utilitarian sum the other', () => {
    const entry = questionsOf('0-3-philosophy').get('sc-philosophy-maximin');
    if (entry?.question?.kind !== 'choice') throw new Error('not a choice question');
    const numbers = [...entry.text.matchAll(/\d+/g)].map((match) => Number(match[0]));
    // "Q1 gives 80 people 6 each and 20 people 1 each; Q2 gives the 80 people 4 each and the 20 people 3 each"
    const [, nA, u1A, nB, u1B, , , u2A, , u2B] = numbers as number[];
    const policies = [
      { name: 'Q1', values: [u1A, u1B] as number[] },
      { name: 'Q2', values: [u2A, u2B] as number[] },
    ];
    const maximin = policies.reduce((best, policy) => (Math.min(...policy.values) > Math.min(...best.values) ? policy : best));
    const sum = (policy: (typeof policies)[number]) => (nA as number) * (policy.values[0] as number) + (nB as number) * (policy.values[1] as number);
    const marked = entry.question.options.find((option) => option.correct);
    expect(toString({ type: 'paragraph', children: marked?.content ?? [] })).toBe(maximin.name);
    expect(policies.map(sum)).toEqual([500, 380]);
  });

  it('0-4: PPV from TPR, FPR and the base rate by Bayes’ rule', () => {
    const { question, numbers } = numericQuestion('0-4-prep', 'sc-prep-ppv-from-rates');
    const [tpr, fpr, baseRate] = numbers as [number, number, number];
    expect(numbers).toEqual([0.8, 0.1, 0.2]);
    expectAnswer(question, (tpr * baseRate) / (tpr * baseRate + fpr * (1 - baseRate)));
  });

  it('0-4: the cost threshold c_FP / (c_FP + c_FN) for a false negative four times as costly', () => {
    const { question } = numericQuestion('0-4-prep', 'sc-prep-cost-threshold');
    const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };
    const ratio = words[/as (\w+) times as costly/.exec(questionsOf('0-4-prep').get('sc-prep-cost-threshold')?.text ?? '')?.[1] ?? ''];
    expect(ratio).toBe(4);
    expectAnswer(question, 1 / (1 + (ratio as number)));
  });
});
