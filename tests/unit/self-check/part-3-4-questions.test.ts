/**
 * The self-check questions of Parts 3 and 4 (chapters 3-1-framework, 3-2-mechanism, 4-1-genai,
 * 4-2-alignment, 4-3-robustness), read from the chapter sources with the plugin's own reader: where each
 * chapter's "Check your understanding" section stands, that every question is valid as the build reads
 * it, and, for every numeric question, that its `:answer:` is the value recomputed here from the numbers
 * printed in the question itself, to the decimals it shows, and accepted within its tolerance. A wrong
 * answer in the book, or a question whose numbers change without its answer, fails a test here.
 */
import { readFileSync } from 'node:fs';
import type { Code, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { chapterParser } from '../../../src/book/check-chapters.js';
import remarkDirectives from '../../../src/markdown/directives/index.js';
import { readDirective } from '../../../src/markdown/directives/parse-directive.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import { isNumberCorrect } from '../../../src/markdown/self-check/check-answer.js';
import { readSelfCheck, type SelfCheckProblem, type SelfCheckQuestion } from '../../../src/markdown/self-check/read-question.js';

const CHAPTERS = {
  '3-1-framework': { file: 'content/3-privacy/3-1-framework.mdx', prefix: 'sc-privacy-framework-' },
  '3-2-mechanism': { file: 'content/3-privacy/3-2-mechanism.mdx', prefix: 'sc-mechanism-' },
  '4-1-genai': { file: 'content/4-special-topics/4-1-genai.mdx', prefix: 'sc-genai-' },
  '4-2-alignment': { file: 'content/4-special-topics/4-2-alignment.mdx', prefix: 'sc-alignment-' },
  '4-3-robustness': { file: 'content/4-special-topics/4-3-robustness.mdx', prefix: 'sc-robustness-' },
} as const;
type ChapterId = keyof typeof CHAPTERS;
const CHAPTER_IDS = Object.keys(CHAPTERS) as ChapterId[];

const sources = new Map<ChapterId, string>(CHAPTER_IDS.map((id) => [id, readFileSync(new URL(`../../../${CHAPTERS[id].file}`, import.meta.url), 'utf8')]));

/** One `{self-check}` directive as the build reads it, with its question as plain text (math as its TeX). */
interface SelfCheck {
  label: string;
  read?: SelfCheckQuestion;
  problems: SelfCheckProblem[];
  /** The question as plain text: inline math keeps its TeX source, e.g. `\varepsilon = 0.5`. */
  question: string;
}

/** Every `{self-check}` of a source, in order, read by the build's own parser and reader. */
function selfChecks(source: string, file = 'chapter.mdx'): SelfCheck[] {
  const tree = chapterParser(file).use(remarkMath).use(remarkDirectives).use(remarkMystRoles).parse(source) as Root;
  const checks: SelfCheck[] = [];
  visit(tree, 'code', (node: Code) => {
    const directive = readDirective(node);
    if (directive?.name !== 'self-check') return;
    const { question: read, problems } = readSelfCheck(directive);
    checks.push({ label: directive.options.get('label')?.value ?? '', read, problems, question: read ? toString({ type: 'paragraph', children: read.question }) : '' });
  });
  return checks;
}

const checksByChapter = new Map<ChapterId, SelfCheck[]>(CHAPTER_IDS.map((id) => [id, selfChecks(sources.get(id) as string, CHAPTERS[id].file)]));

/** The self-check with this label, from whichever of the five chapters holds it. */
function selfCheck(label: string): SelfCheck {
  for (const checks of checksByChapter.values()) {
    const found = checks.find((check) => check.label === label);
    if (found) return found;
  }
  throw new Error(`No self-check labelled \`${label}\` in Parts 3 and 4`);
}

/** The numbers captured by `pattern` in the question of a self-check (thousands separators removed). */
function numbersInQuestion(check: SelfCheck, pattern: RegExp): number[] {
  const match = pattern.exec(check.question);
  expect(match, `the question \`${check.label}\` should match ${pattern}`).not.toBeNull();
  return (match as RegExpExecArray).slice(1).map((group) => Number(group.replace(/,|\{,\}/g, '')));
}

/** The complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Φ⁻¹ by bisection on the standard normal distribution function. */
function normalQuantile(p: number): number {
  let low = -10;
  let high = 10;
  for (let step = 0; step < 200; step++) {
    const middle = (low + high) / 2;
    if (0.5 * erfc(-middle / Math.SQRT2) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * The value each numeric question should have, recomputed from the numbers printed in its question.
 * Every numeric question of the five chapters must have an entry (checked below).
 */
const RECOMPUTE: Record<string, (check: SelfCheck) => number> = {
  // Average risk m/n (eq-privacy-average-risk) from the number of records and the class sizes.
  'sc-privacy-framework-average-risk': (check) => {
    const [records] = numbersInQuestion(check, /has (\d+) records/);
    const sizes = (/classes of sizes ([\d, and]+?)\. /.exec(check.question)?.[1] ?? '').split(/, | and /).map(Number);
    expect(sizes.reduce((sum, size) => sum + size, 0), 'the class sizes should add up to the number of records').toBe(records);
    return sizes.length / (records as number);
  },
  // The uniform model (1 − 1/d)^(n−1), d = 2 sexes × 12 months × the number of years.
  'sc-privacy-framework-uniqueness': (check) => {
    const [residents, years] = numbersInQuestion(check, /has ([\d,]+) residents\. .*sex and the month and year of birth.* over (\d+) years/);
    const d = 2 * 12 * (years as number);
    return (1 - 1 / d) ** ((residents as number) - 1);
  },
  // Sequential composition splits ε over the queries; a count has sensitivity 1; Pr[|Z| > a] = e^(−a/b).
  'sc-mechanism-laplace-tail': (check) => {
    const [budget, queries, error] = numbersInQuestion(check, /budget of \\varepsilon = ([\d.]+) and spends it equally on (\d+) counting queries.*off by more than (\d+)\?/);
    const scale = 1 / ((budget as number) / (queries as number));
    return Math.exp(-(error as number) / scale);
  },
  // Parallel composition over disjoint bands (the maximum), then sequential (the sum); post-processing is free.
  'sc-mechanism-composition': (check) => {
    const [bands, perBand, mean] = numbersInQuestion(check, /histogram of (\d+) disjoint age bands, each count with \\varepsilon = ([\d.]+); then .* with \\varepsilon = ([\d.]+);/);
    return Math.max(...Array.from({ length: bands as number }, () => perBand as number)) + (mean as number);
  },
  // TPR ≤ e^ε FPR + δ with δ negligible (eq-dp-mia-bound).
  'sc-mechanism-mia-bound': (check) => {
    const [epsilon, fpr] = numbersInQuestion(check, /\\varepsilon = ([\d.]+) and negligible δ.*false positive rate of ([\d.]+)\./);
    return Math.exp(epsilon as number) * (fpr as number);
  },
  // G_0 = Σ γ^k R_(k+1) (eq-align-return), rewards on moves 1 and 4 as stated.
  'sc-alignment-return': (check) => {
    const [gamma, first, last] = numbersInQuestion(check, /\\gamma = ([\d.]+) pays a reward of (\d+) on its first move, nothing on its second and third moves, and (\d+) on its fourth/);
    const rewards = [first as number, 0, 0, last as number];
    return rewards.reduce((sum, reward, k) => sum + (gamma as number) ** k * reward, 0);
  },
  // The per-sample penalised reward r − β log(π/π_ref).
  'sc-alignment-kl-penalty': (check) => {
    const [reward, logRatio, beta] = numbersInQuestion(check, /score r_\\phi = ([\d.]+)\. The tuned policy finds this response e\^\{([\d.]+)\} times more likely.*\\beta = ([\d.]+)\./);
    return (reward as number) - (beta as number) * (logRatio as number);
  },
  // ε*_∞ = |w·x + b| / ‖w‖₁ (eq-robust-linear-minimal).
  'sc-robustness-linf-flip': (check) => {
    const weights = (/w = \(([^)]+)\)/.exec(check.question)?.[1] ?? '').split(',').map(Number);
    const [bias] = numbersInQuestion(check, /bias b = (-?[\d.]+)\./);
    const point = (/x = \(([^)]+)\)/.exec(check.question)?.[1] ?? '').split(',').map(Number);
    expect(weights).toHaveLength(point.length);
    const score = weights.reduce((sum, weight, i) => sum + weight * (point[i] as number), bias as number);
    return Math.abs(score) / weights.reduce((sum, weight) => sum + Math.abs(weight), 0);
  },
  // R = σ Φ⁻¹(p_A) (eq-robust-smoothing-simple).
  'sc-robustness-smoothing': (check) => {
    const [sigma, pA] = numbersInQuestion(check, /\\sigma = ([\d.]+),.*p_A = ([\d.]+)\./);
    return (sigma as number) * normalQuantile(pA as number);
  },
};

/** The number of decimals `text` is written with (`0.0821` → 4). */
const decimalsOf = (text: string) => /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;

/** The text of a choice option or of its feedback. */
const textOf = (nodes: Parameters<typeof toString>[0][]) => nodes.map((node) => toString(node)).join(' ');

describe('the self-check sections of Parts 3 and 4', () => {
  for (const id of CHAPTER_IDS) {
    const { prefix } = CHAPTERS[id];
    const source = sources.get(id) as string;
    const checks = checksByChapter.get(id) as SelfCheck[];

    it(`should give ${id} one "Check your understanding" section with 3 to 5 questions, all inside it`, () => {
      expect(source.match(/^## Check your understanding$/gm)).toHaveLength(1);
      expect(checks.length).toBeGreaterThanOrEqual(3);
      expect(checks.length).toBeLessThanOrEqual(5);
      // The section runs from its heading to the next `## ` heading or the end of the chapter.
      const section = source.slice(source.indexOf('\n## Check your understanding\n') + 1);
      const next = section.search(/\n## /);
      const sectionText = next === -1 ? section : section.slice(0, next);
      expect(selfChecks(sectionText).map((check) => check.label)).toEqual(checks.map((check) => check.label));
    });

    if (id === '4-1-genai') {
      it('should append the section at the very end of 4-1-genai, whose manuscript has no Exercises', () => {
        expect(source).not.toMatch(/^## Exercises$/m);
        expect(source.slice(source.indexOf('\n## Check your understanding\n') + 1)).not.toMatch(/\n#{1,6} /);
      });
    } else {
      it(`should put the section of ${id} immediately before its Exercises`, () => {
        const headings = [...source.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
        expect(headings.indexOf('Check your understanding')).toBe(headings.indexOf('Exercises') - 1);
      });
    }

    it(`should label every question of ${id} with its chapter prefix, once in the book`, () => {
      for (const check of checks) expect(check.label).toMatch(new RegExp(`^${prefix}[a-z0-9-]+$`));
      const allLabels = [...checksByChapter.values()].flatMap((list) => list.map((check) => check.label));
      for (const check of checks) expect(allLabels.filter((label) => label === check.label)).toHaveLength(1);
    });

    it(`should make every question of ${id} valid for the build, with feedback on every wrong option and an explanation`, () => {
      for (const check of checks) {
        expect(check.problems, check.label).toEqual([]);
        const read = check.read as SelfCheckQuestion;
        if (read.kind === 'choice') {
          expect(read.options.length, check.label).toBeGreaterThanOrEqual(3);
          // Every tempting wrong option says why it is wrong.
          for (const option of read.options.filter((o) => !o.correct)) expect(textOf(option.feedback).length, `${check.label}: ${textOf(option.content)}`).toBeGreaterThan(20);
          // The page adds "Select all that apply" itself when several options are right.
          expect(check.question, check.label).not.toMatch(/select all/i);
        } else {
          expect(read.tolerance, check.label).toBeGreaterThan(0);
        }
        expect(textOf(read.explanation).length, check.label).toBeGreaterThan(150);
      }
    });

    if (id !== '4-1-genai') {
      it(`should ask at least one numeric question in ${id}, whose chapter computes`, () => {
        expect(checks.filter((check) => check.read?.kind === 'numeric').length).toBeGreaterThanOrEqual(1);
      });
    }
  }

  it('should recompute every numeric question of the five chapters', () => {
    const numeric = [...checksByChapter.values()].flatMap((list) => list.filter((check) => check.read?.kind === 'numeric').map((check) => check.label));
    expect(numeric.sort()).toEqual(Object.keys(RECOMPUTE).sort());
  });
});

/** The numeric question with this label. */
function numeric(label: string) {
  const read = selfCheck(label).read;
  if (read?.kind !== 'numeric') throw new Error(`${label} is not a numeric question`);
  return read;
}

describe('the numeric answers of Parts 3 and 4', () => {
  for (const [label, recompute] of Object.entries(RECOMPUTE)) {
    it(`should give \`${label}\` the answer recomputed from its question, to the decimals it shows`, () => {
      const question = numeric(label);
      const expected = recompute(selfCheck(label));
      const decimals = decimalsOf(question.answerText);
      expect(Math.abs(question.answer - expected), `:answer: ${question.answerText}, recomputed ${expected}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
      // The exact value is accepted from a reader, and the tolerance is too narrow to accept a wrong method.
      expect(isNumberCorrect(expected, question.answer, { absolute: question.tolerance, relative: question.toleranceRelative })).toBe(true);
      expect(Math.max(question.tolerance, question.toleranceRelative * Math.abs(question.answer)), label).toBeLessThanOrEqual(0.05 * Math.abs(expected));
    });
  }

  it('should fail a numeric answer whose question changes: the check is not vacuous', () => {
    const check = selfCheck('sc-mechanism-laplace-tail');
    const question = numeric('sc-mechanism-laplace-tail');
    const changed = { ...check, question: check.question.replace('4 counting queries', '5 counting queries') };
    expect(changed.question).not.toBe(check.question);
    const expected = RECOMPUTE['sc-mechanism-laplace-tail']?.(changed) as number;
    expect(isNumberCorrect(expected, question.answer, { absolute: question.tolerance })).toBe(false);
  });

  it('should print the rule of three right in the evaluation question of 4-2-alignment', () => {
    const check = selfCheck('sc-alignment-evaluation');
    const [prompts] = numbersInQuestion(check, /to ([\d,]+) independent red-team prompts/);
    const read = check.read as SelfCheckQuestion & { kind: 'choice' };
    const right = textOf(read.options.find((option) => option.correct)?.content ?? []);
    const [failures, per] = (/below about (\d+) in ([\d,]+)/.exec(right) ?? []).slice(1).map((value) => Number(value.replaceAll(',', '')));
    expect(per).toBe(prompts);
    // p_max = 1 − 0.05^(1/n) ≈ 3/n (eq-align-rule-of-three), to the nearest whole failure per n prompts.
    expect(Math.round((1 - 0.05 ** (1 / (prompts as number))) * (prompts as number))).toBe(failures);
  });
});
