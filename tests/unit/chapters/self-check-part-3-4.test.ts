/**
 * The self-check questions of Parts 3 and 4 (chapters 3-1-framework, 3-2-mechanism, 4-1-genai,
 * 4-2-alignment, 4-3-robustness), read from the chapter sources: where each chapter's
 * "Check your understanding" section stands, that every question is well formed, and, for every
 * numeric question, that its `:answer:` agrees, within its `:tolerance:`, with the value recomputed here
 * from the numbers printed in the question itself. A wrong answer in the book, or a question whose
 * numbers change without its answer, fails a test here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CHAPTERS = {
  '3-1-framework': { file: 'content/3-privacy/3-1-framework.mdx', prefix: 'sc-privacy-framework-' },
  '3-2-mechanism': { file: 'content/3-privacy/3-2-mechanism.mdx', prefix: 'sc-mechanism-' },
  '4-1-genai': { file: 'content/4-special-topics/4-1-genai.mdx', prefix: 'sc-genai-' },
  '4-2-alignment': { file: 'content/4-special-topics/4-2-alignment.mdx', prefix: 'sc-alignment-' },
  '4-3-robustness': { file: 'content/4-special-topics/4-3-robustness.mdx', prefix: 'sc-robustness-' },
} as const;
type ChapterId = keyof typeof CHAPTERS;

const sources = new Map<ChapterId, string>(
  (Object.keys(CHAPTERS) as ChapterId[]).map((id) => [id, readFileSync(new URL(`../../../${CHAPTERS[id].file}`, import.meta.url), 'utf8')]),
);

interface SelfCheckOption {
  correct: boolean;
  text: string;
  feedback?: string;
}

/** One `{self-check}` directive as written in a chapter. */
interface SelfCheck {
  label: string;
  question: string;
  answer?: number;
  tolerance?: number;
  options: SelfCheckOption[];
  explanation: string;
}

/** Every `{self-check}` block of a chapter source, in order. */
function selfChecks(source: string): SelfCheck[] {
  return [...source.matchAll(/^```\{self-check\} (.+)\n([\s\S]*?)^```$/gm)].map(([, question, body]) => {
    const lines = (body as string).split('\n');
    const settings = new Map<string, string>();
    while (lines[0]?.startsWith(':')) {
      const [, key, value] = /^:([\w-]+): ?(.*)$/.exec(lines.shift() as string) ?? [];
      settings.set(key as string, value as string);
    }
    const options: SelfCheckOption[] = [];
    while (lines.length > 0 && (lines[0] === '' ? options.length === 0 : /^(- \[[ x]\] |  - )/.test(lines[0] as string))) {
      const line = lines.shift() as string;
      const option = /^- \[([ x])\] (.+)$/.exec(line);
      if (option) options.push({ correct: option[1] === 'x', text: option[2] as string });
      else if (line.startsWith('  - ')) (options.at(-1) as SelfCheckOption).feedback = line.slice(4);
    }
    const number = (key: string) => (settings.has(key) ? Number(settings.get(key)) : undefined);
    return {
      label: settings.get('label') ?? '',
      question: question as string,
      answer: number('answer'),
      tolerance: number('tolerance'),
      options,
      explanation: lines.join('\n').trim(),
    };
  });
}

/** The self-check block with this label, from whichever of the five chapters holds it. */
function selfCheck(label: string): SelfCheck {
  for (const source of sources.values()) {
    const found = selfChecks(source).find((block) => block.label === label);
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
    const [budget, queries, error] = numbersInQuestion(check, /budget of \$\\varepsilon = ([\d.]+)\$ and spends it equally on (\d+) counting queries.*off by more than (\d+)\?/);
    const scale = 1 / ((budget as number) / (queries as number));
    return Math.exp(-(error as number) / scale);
  },
  // Parallel composition over disjoint bands (the maximum), then sequential (the sum); post-processing is free.
  'sc-mechanism-composition': (check) => {
    const [bands, perBand, mean] = numbersInQuestion(check, /histogram of (\d+) disjoint age bands, each count with \$\\varepsilon = ([\d.]+)\$; then .* with \$\\varepsilon = ([\d.]+)\$/);
    return Math.max(...Array.from({ length: bands as number }, () => perBand as number)) + (mean as number);
  },
  // TPR ≤ e^ε FPR + δ with δ negligible (eq-dp-mia-bound).
  'sc-mechanism-mia-bound': (check) => {
    const [epsilon, fpr] = numbersInQuestion(check, /\$\\varepsilon = ([\d.]+)\$ and negligible δ.*false positive rate of ([\d.]+)\./);
    return Math.exp(epsilon as number) * (fpr as number);
  },
  // G_0 = Σ γ^k R_(k+1) (eq-align-return), rewards on moves 1 and 4 as stated.
  'sc-alignment-return': (check) => {
    const [gamma, first, last] = numbersInQuestion(check, /\$\\gamma = ([\d.]+)\$ pays a reward of (\d+) on its first move, nothing on its second and third moves, and (\d+) on its fourth/);
    const rewards = [first as number, 0, 0, last as number];
    return rewards.reduce((sum, reward, k) => sum + (gamma as number) ** k * reward, 0);
  },
  // The per-sample penalised reward r − β log(π/π_ref).
  'sc-alignment-kl-penalty': (check) => {
    const [reward, logRatio, beta] = numbersInQuestion(check, /score \$r_\\phi = ([\d.]+)\$\. The tuned policy finds this response \$e\^\{([\d.]+)\}\$ times more likely.*\$\\beta = ([\d.]+)\$/);
    return (reward as number) - (beta as number) * (logRatio as number);
  },
  // ε*_∞ = |w·x + b| / ‖w‖₁ (eq-robust-linear-minimal).
  'sc-robustness-linf-flip': (check) => {
    const weights = (/\$w = \(([^)]+)\)\$/.exec(check.question)?.[1] ?? '').split(',').map(Number);
    const [bias] = numbersInQuestion(check, /bias \$b = (-?[\d.]+)\$/);
    const point = (/\$x = \(([^)]+)\)\$/.exec(check.question)?.[1] ?? '').split(',').map(Number);
    expect(weights).toHaveLength(point.length);
    const score = weights.reduce((sum, weight, i) => sum + weight * (point[i] as number), bias as number);
    return Math.abs(score) / weights.reduce((sum, weight) => sum + Math.abs(weight), 0);
  },
  // R = σ Φ⁻¹(p_A) (eq-robust-smoothing-simple).
  'sc-robustness-smoothing': (check) => {
    const [sigma, pA] = numbersInQuestion(check, /\$\\sigma = ([\d.]+)\$.*\$p_A = ([\d.]+)\$/);
    return (sigma as number) * normalQuantile(pA as number);
  },
};

describe('the self-check sections of Parts 3 and 4', () => {
  for (const [id, { prefix }] of Object.entries(CHAPTERS) as [ChapterId, (typeof CHAPTERS)[ChapterId]][]) {
    const source = sources.get(id) as string;
    const checks = selfChecks(source);

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
        expect(source).toMatch(/\n## Check your understanding\n[\s\S]*?```\n\n## Exercises\n/);
        const between = source.slice(source.indexOf('\n## Check your understanding\n') + 1, source.indexOf('\n## Exercises\n'));
        expect(between).not.toMatch(/\n## /);
      });
    }

    it(`should label every question of ${id} with its chapter prefix, once in the book`, () => {
      for (const check of checks) expect(check.label).toMatch(new RegExp(`^${prefix}[a-z0-9-]+$`));
      const allLabels = [...sources.values()].flatMap((text) => selfChecks(text).map((check) => check.label));
      for (const check of checks) expect(allLabels.filter((label) => label === check.label)).toHaveLength(1);
    });

    it(`should make every question of ${id} either multiple choice with a right option, or numeric with a tolerance, and explain it`, () => {
      for (const check of checks) {
        if (check.answer === undefined) {
          expect(check.options.length, check.label).toBeGreaterThanOrEqual(3);
          expect(check.options.some((option) => option.correct), check.label).toBe(true);
          // Every tempting wrong option says why it is wrong.
          for (const option of check.options.filter((o) => !o.correct)) expect(option.feedback, `${check.label}: ${option.text}`).toBeTruthy();
          // More than one right option is announced in the question.
          const several = check.options.filter((option) => option.correct).length > 1;
          expect(check.question.includes('Select all that apply'), check.label).toBe(several);
        } else {
          expect(check.options, check.label).toEqual([]);
          expect(Number.isFinite(check.answer), check.label).toBe(true);
          expect(check.tolerance, check.label).toBeGreaterThan(0);
        }
        expect(check.explanation.length, check.label).toBeGreaterThan(100);
      }
    });

    if (id !== '4-1-genai') {
      it(`should ask at least one numeric question in ${id}, whose chapter computes`, () => {
        expect(checks.filter((check) => check.answer !== undefined).length).toBeGreaterThanOrEqual(1);
      });
    }
  }

  it('should recompute every numeric question of the five chapters', () => {
    const numeric = [...sources.values()].flatMap((text) => selfChecks(text).filter((check) => check.answer !== undefined).map((check) => check.label));
    expect(numeric.sort()).toEqual(Object.keys(RECOMPUTE).sort());
  });
});

describe('the numeric answers of Parts 3 and 4', () => {
  for (const [label, recompute] of Object.entries(RECOMPUTE)) {
    it(`should give \`${label}\` the answer recomputed from its question, within its tolerance`, () => {
      const check = selfCheck(label);
      const expected = recompute(check);
      const answer = check.answer as number;
      const tolerance = check.tolerance as number;
      expect(Math.abs(answer - expected), `:answer: ${answer}, recomputed ${expected}`).toBeLessThanOrEqual(tolerance);
      // A tolerance wide enough to accept a wrong method would make the check meaningless.
      expect(tolerance, label).toBeLessThanOrEqual(0.05 * Math.abs(expected));
    });
  }

  it('should fail a numeric answer that is wrong: the check is not vacuous', () => {
    const check = { ...selfCheck('sc-mechanism-laplace-tail') };
    const wrong = { ...check, question: check.question.replace('4 counting queries', '5 counting queries') };
    const expected = RECOMPUTE['sc-mechanism-laplace-tail']?.(wrong) as number;
    expect(Math.abs((check.answer as number) - expected)).toBeGreaterThan(check.tolerance as number);
  });

  it('should print the rule of three right in the evaluation question of 4-2-alignment', () => {
    const check = selfCheck('sc-alignment-evaluation');
    const [prompts] = numbersInQuestion(check, /to ([\d,]+) independent red-team prompts/);
    const right = check.options.find((option) => option.correct)?.text ?? '';
    const [failures, per] = (/below about (\d+) in ([\d,]+)/.exec(right) ?? []).slice(1).map((value) => Number(value.replaceAll(',', '')));
    expect(per).toBe(prompts);
    // p_max = 1 − 0.05^(1/n) ≈ 3/n (eq-align-rule-of-three), to the nearest whole failure per n prompts.
    expect(Math.round((1 - 0.05 ** (1 / (prompts as number))) * (prompts as number))).toBe(failures);
  });
});
