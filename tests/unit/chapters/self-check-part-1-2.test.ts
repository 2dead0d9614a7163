/**
 * Checks the self-check questions of Parts 1 (fairness) and 2 (interpretability): every chapter has a
 * "Check your understanding" section just before its exercises with 3–5 well-formed questions, and every
 * numeric question's `:answer:` is recomputed from the numbers printed in its question (and, where the
 * question refers to a worked example, from the chapter's own tables), so a wrong number fails a test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CHAPTERS = {
  '1-1-intro': { path: '1-fairness/1-1-intro.mdx', prefix: 'sc-intro-fairness-' },
  '1-2-measure': { path: '1-fairness/1-2-measure.mdx', prefix: 'sc-measure-' },
  '1-3-mitigation': { path: '1-fairness/1-3-mitigation.mdx', prefix: 'sc-mitigation-' },
  '2-1-intro': { path: '2-interpretability/2-1-intro.mdx', prefix: 'sc-interp-' },
  '2-2-global': { path: '2-interpretability/2-2-global.mdx', prefix: 'sc-global-' },
  '2-3-local': { path: '2-interpretability/2-3-local.mdx', prefix: 'sc-local-' },
} as const;
type ChapterId = keyof typeof CHAPTERS;

const sources = Object.fromEntries(
  Object.entries(CHAPTERS).map(([id, { path }]) => [id, readFileSync(new URL(`../../../content/${path}`, import.meta.url), 'utf8')]),
) as Record<ChapterId, string>;

/** One `{self-check}` block as an author writes it. */
interface SelfCheck {
  readonly label: string;
  readonly question: string;
  /** Options of a multiple-choice question, with whether each is marked correct. */
  readonly options: readonly { readonly text: string; readonly correct: boolean }[];
  readonly answer?: number;
  readonly tolerance?: number;
  /** Everything after the options (or the options' absence): the explanation. */
  readonly explanation: string;
}

/** Every `{self-check}` block of a chapter, in order. */
function selfChecks(source: string): SelfCheck[] {
  const blocks: SelfCheck[] = [];
  for (const match of source.matchAll(/^```\{self-check\}[ \t]+(.*)\n([\s\S]*?)^```[ \t]*$/gm)) {
    const question = match[1]!.trim();
    const lines = match[2]!.split('\n');
    const option = (name: string) => lines.find((line) => line.startsWith(`:${name}:`))?.slice(name.length + 2).trim();
    const answer = option('answer');
    const tolerance = option('tolerance');
    const options = lines
      .map((line) => /^- \[( |x)\] (.*)$/.exec(line))
      .filter((found) => found !== null)
      .map((found) => ({ correct: found[1] === 'x', text: found[2]! }));
    const explanation = lines
      .filter((line) => !line.startsWith(':') && !/^\s*- /.test(line))
      .join('\n')
      .trim();
    blocks.push({
      label: option('label') ?? '',
      question,
      options,
      ...(answer === undefined ? {} : { answer: Number(answer) }),
      ...(tolerance === undefined ? {} : { tolerance: Number(tolerance) }),
      explanation,
    });
  }
  return blocks;
}

/** The block labelled `label` in a chapter; fails loudly if it is missing. */
function selfCheck(chapter: ChapterId, label: string): SelfCheck {
  const block = selfChecks(sources[chapter]).find((candidate) => candidate.label === label);
  if (!block) throw new Error(`No {self-check} labelled ${label} in ${CHAPTERS[chapter].path}`);
  return block;
}

/** The numbers captured by `pattern` in a question, which must match. */
function numbersIn(text: string, pattern: RegExp): number[] {
  const found = pattern.exec(text);
  if (!found) throw new Error(`The question no longer matches ${String(pattern)}: ${text}`);
  return found.slice(1).map(Number);
}

/** Asserts that a numeric question's printed answer is within its tolerance of the recomputed value. */
function expectAnswer(block: SelfCheck, computed: number): void {
  expect(block.answer, `${block.label} has no :answer:`).toBeTypeOf('number');
  expect(block.tolerance, `${block.label} has no :tolerance:`).toBeTypeOf('number');
  expect(Math.abs(block.answer! - computed), `${block.label}: printed ${block.answer}, recomputed ${computed}`).toBeLessThanOrEqual(
    block.tolerance!,
  );
}

describe('self-check questions of Parts 1 and 2: structure', () => {
  for (const [id, { path, prefix }] of Object.entries(CHAPTERS) as [ChapterId, (typeof CHAPTERS)[ChapterId]][]) {
    it(`should put "Check your understanding" just before the exercises of ${id}`, () => {
      const source = sources[id];
      const section = source.indexOf('\n## Check your understanding\n');
      const exercises = source.indexOf('\n## Exercises\n');
      expect(section, `${path} has no "## Check your understanding"`).toBeGreaterThan(0);
      expect(exercises).toBeGreaterThan(section);
      // Nothing but the questions (and a label for the exercises) between the two headings.
      const between = source.slice(section, exercises).split('\n').slice(2);
      expect(between.filter((line) => /^#{1,3} /.test(line))).toEqual([]);
      expect(source.slice(exercises + 1)).not.toMatch(/```\{self-check\}/);
    });

    it(`should give ${id} 3 to 5 well-formed questions labelled ${prefix}…`, () => {
      const blocks = selfChecks(sources[id]);
      expect(blocks.length).toBeGreaterThanOrEqual(3);
      expect(blocks.length).toBeLessThanOrEqual(5);
      for (const block of blocks) {
        expect(block.label.startsWith(prefix), block.label).toBe(true);
        expect(block.question.length).toBeGreaterThan(20);
        expect(block.explanation.length, `${block.label} has no explanation`).toBeGreaterThan(100);
        if (block.answer === undefined) {
          expect(block.options.length, `${block.label} needs options or an answer`).toBeGreaterThanOrEqual(3);
          expect(block.options.some((option) => option.correct)).toBe(true);
          expect(block.options.some((option) => !option.correct)).toBe(true);
        } else {
          expect(block.options).toEqual([]);
          // A tolerance wide enough to accept a different rounding, not a different answer.
          expect(block.tolerance! > 0 && block.tolerance! <= 0.02 * Math.abs(block.answer)).toBe(true);
        }
      }
      // Every chapter of these parts computes something, so each has at least one numeric question.
      expect(blocks.some((block) => block.answer !== undefined)).toBe(true);
    });
  }

  it('should give every question a label unique across the two parts', () => {
    const labels = Object.values(sources).flatMap((source) => selfChecks(source).map((block) => block.label));
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('self-check answers of chapter 1-1-intro', () => {
  it('should put the four-fifths boundary at 4/5 of the highest selection rate', () => {
    const block = selfCheck('1-1-intro', 'sc-intro-fairness-four-fifths');
    const [highest] = numbersIn(block.question, /at a rate of (\d*\.\d+)/);
    expect(sources['1-1-intro']).toContain('adverse impact is indicated if } \\mathrm{IR}_a \\lt \\tfrac{4}{5}');
    expectAnswer(block, (4 / 5) * highest!);
  });

  it('should recompute the overall accuracy of a lottery over part of group B’s band 2 from the chapter’s table', () => {
    const block = selfCheck('1-1-intro', 'sc-intro-fairness-lottery');
    const [drawn, bandSize] = numbersIn(block.question, /only (\d+) of the (\d+) band-2 applicants/);
    // The score bands as the chapter's table prints them: share qualified, then applicants (qualified) per group.
    const bands = [...sources['1-1-intro'].matchAll(/^\| (\d)(?: \((?:lowest|highest)\))? \| (0\.\d) \| (\d+) \((\d+)\) \| (\d+) \((\d+)\) \|$/gm)].map(
      (row) => ({ band: Number(row[1]), a: { n: Number(row[3]), q: Number(row[4]) }, b: { n: Number(row[5]), q: Number(row[6]) } }),
    );
    expect(bands.map((row) => row.band)).toEqual([1, 2, 3, 4]);
    expect(bands[1]!.b.n).toBe(bandSize);
    /** Expected correct decisions in a group when `share[band]` of each band is selected. */
    const correct = (group: 'a' | 'b', share: (band: number) => number) =>
      bands.reduce((total, row) => {
        const { n, q } = row[group];
        const selected = share(row.band);
        return total + selected * q + (1 - selected) * (n - q);
      }, 0);
    const sizeA = bands.reduce((total, row) => total + row.a.n, 0);
    const sizeB = bands.reduce((total, row) => total + row.b.n, 0);
    const correctA = correct('a', (band) => (band >= 3 ? 1 : 0));
    const correctB = correct('b', (band) => (band >= 3 ? 1 : band === 2 ? drawn! / bandSize! : 0));
    expect(correctB).toBeCloseTo(19 + 59, 9);
    expect(block.explanation).toContain('$(19 + 59)/100 = 0.78$');
    expectAnswer(block, (correctA + correctB) / (sizeA + sizeB));
  });
});

describe('self-check answers of chapter 1-2-measure', () => {
  /** Chouldechova's identity, equation eq-measure-chouldechova. */
  const fpr = (p: number, ppv: number, fnr: number) => (p / (1 - p)) * ((1 - ppv) / ppv) * (1 - fnr);

  it('should recompute the ratio of false positive rates with Chouldechova’s identity', () => {
    const block = selfCheck('1-2-measure', 'sc-measure-fpr-ratio');
    const [ppv, fnr, high, low] = numbersIn(block.question, /same PPV, (\d*\.\d+), and the same FNR, (\d*\.\d+), in two groups with base rates (\d*\.\d+) and (\d*\.\d+)/);
    expect(block.question).toContain(`the group with base rate ${high}`);
    expect(fpr(high!, ppv!, fnr!).toFixed(3)).toBe('0.167');
    expect(fpr(low!, ppv!, fnr!)).toBeCloseTo(0.0625, 12);
    expectAnswer(block, fpr(high!, ppv!, fnr!) / fpr(low!, ppv!, fnr!));
  });

  it('should compute the standard error of an FPR on the negatives only', () => {
    const block = selfCheck('1-2-measure', 'sc-measure-standard-error');
    const [rate, members, negatives] = numbersIn(block.question, /as (\d*\.\d+)\. The group has (\d+) members, (\d+) of whom are negatives/);
    const standardError = (n: number) => Math.sqrt((rate! * (1 - rate!)) / n);
    expectAnswer(block, standardError(negatives!));
    // The explanation's interval and the wrong denominator's figure.
    expect(block.explanation).toContain(`from about ${(rate! - 1.96 * standardError(negatives!)).toFixed(2)} to ${(rate! + 1.96 * standardError(negatives!)).toFixed(2)}`);
    expect(block.explanation).toContain(`about ${standardError(members!).toFixed(3)}`);
  });
});

describe('self-check answers of chapter 1-3-mitigation', () => {
  it('should recompute the reweighing weight of group b’s approved applicants', () => {
    const block = selfCheck('1-3-mitigation', 'sc-mitigation-reweighing-weight');
    const [nA, approvedA, nB, approvedB] = numbersIn(
      block.question,
      /(\d+) applicants from group a, (\d+) of them approved, and (\d+) from group b, (\d+) of them approved/,
    );
    const total = nA! + nB!;
    const weight = (groupSize: number, labelCount: number, cellCount: number) => ((groupSize / total) * (labelCount / total)) / (cellCount / total);
    const approved = approvedA! + approvedB!;
    const wB1 = weight(nB!, approved, approvedB!);
    const wB0 = weight(nB!, total - approved, nB! - approvedB!);
    expect(wB0.toFixed(2)).toBe('0.68');
    // Weighted, group b's approval rate is the overall rate, and its total weight its size.
    expect((approvedB! * wB1) / nB!).toBeCloseTo(approved / total, 12);
    expect(approvedB! * wB1 + (nB! - approvedB!) * wB0).toBeCloseTo(nB!, 12);
    expectAnswer(block, wB1);
  });

  it('should recompute the coin probability of group b’s randomized threshold from the chapter’s scores', () => {
    const block = selfCheck('1-3-mitigation', 'sc-mitigation-coin');
    const [upper, lower, targetTpr] = numbersIn(block.question, /scores of (\d*\.\d+) and above, rejects scores below (\d*\.\d+),.* rate of (\d*\.\d+)\?/);
    const row = /^\| \$b\$ \| ([\d., ]+) \| ([\d., ]+) \|$/m.exec(sources['1-3-mitigation']);
    if (!row) throw new Error('The worked example no longer prints group b’s scores');
    const repayers = row[1]!.split(',').map(Number);
    const defaulters = row[2]!.split(',').map(Number);
    const above = (scores: number[]) => scores.filter((score) => score >= upper!).length;
    const inBand = (scores: number[]) => scores.filter((score) => score >= lower! && score < upper!).length;
    const p = (targetTpr! * repayers.length - above(repayers)) / inBand(repayers);
    const expectedFpr = (above(defaulters) + p * inBand(defaulters)) / defaulters.length;
    expect(expectedFpr).toBeCloseTo(0.3, 12);
    expect(block.explanation).toContain(`$(1 + 2 \\times 0.25)/5 = 0.3$`);
    expectAnswer(block, p);
  });
});

describe('self-check answers of chapter 2-1-intro', () => {
  it('should recompute the probability of default from the chapter’s scorecard', () => {
    const block = selfCheck('2-1-intro', 'sc-interp-probability');
    const [debtToIncome] = numbersIn(block.question, /debt-to-income ratio, which is (\d+)%/);
    const source = sources['2-1-intro'];
    const [intercept] = numbersIn(source, /intercept \$\\beta_0 = (-?\d*\.\d+)\$/);
    const [mean, sd, beta] = numbersIn(source, /^\| Debt-to-income ratio \(%\) \| (\d+) \| (\d+) \| (-?\d*\.\d+) \|/m);
    const logOdds = intercept! + beta! * ((debtToIncome! - mean!) / sd!);
    expect(block.explanation).toContain(`$-1.50 + 0.80 = ${logOdds.toFixed(2)}$`);
    expectAnswer(block, 1 / (1 + Math.exp(-logOdds)));
  });
});

describe('self-check answers of chapter 2-2-global', () => {
  it('should recompute partial dependence of the running model over the observations A to D', () => {
    const block = selfCheck('2-2-global', 'sc-global-pd-value');
    const [z] = numbersIn(block.question, /at the value (\d*\.\d+)\?/);
    const source = sources['2-2-global'];
    expect(source).toContain('f(x_1, x_2) = x_1 + x_2 - (x_1 - x_2)^2 , \\label{eq-global-running-model}');
    const f = (x1: number, x2: number) => x1 + x2 - (x1 - x2) ** 2;
    const observations = [...source.matchAll(/\$([A-D]) = \((\d), (\d)\)\$/g)].map((match) => [Number(match[2]), Number(match[3])] as const);
    expect(observations).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    const terms = observations.map(([, x2]) => f(z!, x2));
    expect(block.explanation).toContain(terms.map((term, index) => `$f(${z}, ${index}) = ${term}$`).slice(0, 2).join(', '));
    expectAnswer(block, terms.reduce((total, term) => total + term, 0) / terms.length);
  });
});

describe('self-check answers of chapter 2-3-local', () => {
  const source = sources['2-3-local'];
  /** The credit score of the chapter, equation eq-local-model. */
  const f = (x: readonly number[]) => 10 + 2 * x[0]! + 3 * x[1]! - 4 * x[2]! + x[0]! * x[1]!;
  /** The background applicants, read from the chapter's table. */
  const background = [...source.matchAll(/^\| \$b\^\{\((\d)\)\}\$ \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$/gm)].map((row) => {
    const x = [Number(row[2]), Number(row[3]), Number(row[4])];
    expect(f(x)).toBe(Number(row[5]));
    return x;
  });

  it('should print the model and four background applicants the tests use', () => {
    expect(source).toContain('f(x) = 10 + 2x_1 + 3x_2 - 4x_3 + x_1 x_2 , \\label{eq-local-model}');
    expect(background).toHaveLength(4);
  });

  it('should recompute the Shapley value of years in job by enumerating the coalitions', () => {
    const block = selfCheck('2-3-local', 'sc-local-shapley-tenure');
    const instance = numbersIn(block.question, /an income of (\d+) \(€[\d,]+\), (\d+) years in the job and (\d+) open loans/);
    /** Interventional value function on the background, equation eq-local-value-interventional. */
    const value = (coalition: readonly number[]) =>
      background.reduce((total, row) => total + f(row.map((entry, j) => (coalition.includes(j) ? instance[j]! : entry))), 0) / background.length;
    const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
    const shapley = (feature: number) => {
      const others = [0, 1, 2].filter((j) => j !== feature);
      const subsets = [[], [others[0]!], [others[1]!], others];
      return subsets.reduce(
        (total, subset) => total + ((factorial(subset.length) * factorial(2 - subset.length)) / factorial(3)) * (value([...subset, feature]) - value(subset)),
        0,
      );
    };
    const phi = [0, 1, 2].map(shapley);
    expect(phi[0]).toBeCloseTo(4.5, 12);
    expect(phi[2]).toBeCloseTo(-4, 12);
    expect(value([])).toBe(24);
    expect(block.explanation).toContain(`$4.5 + 7.5 - 4 = 8 = f(x) - 24$ with $f(x) = ${f(instance)}$`);
    expectAnswer(block, phi[1]!);
  });

  it('should recompute the change in years in job that reaches the threshold', () => {
    const block = selfCheck('2-3-local', 'sc-local-counterfactual');
    const [income, years, loans, score, threshold] = numbersIn(
      block.question,
      /an income of (\d+) \(€[\d,]+\), (\d+) years in the job and (\d+) open loans, a score of (\d+), below the threshold of (\d+)/,
    );
    expect(f([income!, years!, loans!])).toBe(score);
    expect(source).toContain(`approves applicants whose score is at least ${threshold}`);
    // The score is linear in years in job once the other features are fixed.
    const slope = f([income!, 1, loans!]) - f([income!, 0, loans!]);
    expectAnswer(block, (threshold! - score!) / slope);
  });
});
