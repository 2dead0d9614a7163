/**
 * Checks the self-check questions of Parts 1 (fairness) and 2 (interpretability): every chapter has a
 * "Check your understanding" section just before its exercises with 3–5 well-formed questions, and every
 * numeric question's `:answer:` is recomputed from the numbers printed in its question (and, where the
 * question refers to a worked example, from the chapter's own tables), so a wrong number fails a test.
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
  '1-1-intro': { path: '1-fairness/1-1-intro.mdx', prefix: 'sc-intro-fairness-' },
  '1-2-measure': { path: '1-fairness/1-2-measure.mdx', prefix: 'sc-measure-' },
  '1-3-mitigation': { path: '1-fairness/1-3-mitigation.mdx', prefix: 'sc-mitigation-' },
  '2-1-intro': { path: '2-interpretability/2-1-intro.mdx', prefix: 'sc-interp-' },
  '2-2-global': { path: '2-interpretability/2-2-global.mdx', prefix: 'sc-global-' },
  '2-3-local': { path: '2-interpretability/2-3-local.mdx', prefix: 'sc-local-' },
} as const;
type ChapterId = keyof typeof CHAPTERS;
const CHAPTER_IDS = Object.keys(CHAPTERS) as ChapterId[];

const sources = Object.fromEntries(
  CHAPTER_IDS.map((id) => [id, readFileSync(new URL(`../../../content/${CHAPTERS[id].path}`, import.meta.url), 'utf8')]),
) as Record<ChapterId, string>;

/** One `{self-check}` block, read with the plugin's own reader, as the build reads it. */
interface SelfCheck {
  readonly label: string;
  readonly question?: SelfCheckQuestion;
  /** What the build would report about the block (nothing, for a valid question). */
  readonly problems: readonly SelfCheckProblem[];
  /** The question as plain text (math without its dollars). */
  readonly text: string;
  /** The explanation as plain text. */
  readonly explanationText: string;
  /** The block's source lines after its first line, for checking numbers as the author wrote them. */
  readonly body: string;
}

const parsed = new Map<ChapterId, SelfCheck[]>();

/** Every `{self-check}` block of a chapter, in order (parsed once, with the build's chapter parser). */
function selfChecks(id: ChapterId): SelfCheck[] {
  const known = parsed.get(id);
  if (known) return known;
  const tree = chapterParser(`${id}.mdx`).use(remarkMath).use(remarkDirectives).use(remarkMystRoles).parse(sources[id]) as Root;
  const blocks: SelfCheck[] = [];
  visit(tree, 'code', (node: Code) => {
    const directive = readDirective(node);
    if (directive?.name !== 'self-check') return;
    const read = readSelfCheck(directive);
    blocks.push({
      label: directive.options.get('label')?.value ?? '',
      ...read,
      text: read.question ? toString({ type: 'paragraph', children: read.question.question }) : '',
      explanationText: read.question ? toString({ type: 'root', children: read.question.explanation }) : '',
      body: node.value,
    });
  });
  parsed.set(id, blocks);
  return blocks;
}

/** The block labelled `label` in a chapter; fails loudly if it is missing. */
function selfCheck(id: ChapterId, label: string): SelfCheck {
  const block = selfChecks(id).find((candidate) => candidate.label === label);
  if (!block) throw new Error(`No {self-check} labelled ${label} in ${CHAPTERS[id].path}`);
  return block;
}

/** The numbers captured by `pattern` in a question's text, which must match. */
function numbersIn(text: string, pattern: RegExp): number[] {
  const found = pattern.exec(text);
  if (!found) throw new Error(`The text no longer matches ${String(pattern)}: ${text}`);
  return found.slice(1).map(Number);
}

/**
 * The printed answer is the recomputed value up to a tenth of its tolerance (a rounding, not a different
 * answer), and the reader who types the exact value is told it is right.
 */
function expectAnswer(block: SelfCheck, computed: number): void {
  const question = block.question;
  if (question?.kind !== 'numeric') throw new Error(`${block.label} is not a valid numeric question`);
  expect(Math.abs(question.answer - computed), `${block.label}: printed ${question.answer}, recomputed ${computed}`).toBeLessThanOrEqual(
    question.tolerance / 10 + 1e-12,
  );
  expect(isNumberCorrect(computed, question.answer, { absolute: question.tolerance, relative: question.toleranceRelative })).toBe(true);
}

describe('self-check questions of Parts 1 and 2: structure', () => {
  for (const id of CHAPTER_IDS) {
    const { path, prefix } = CHAPTERS[id];
    it(`should put "Check your understanding" right before the exercises of ${id}, with all its questions`, () => {
      const source = sources[id];
      const headings = [...source.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
      expect(headings.indexOf('Check your understanding'), `${path}`).toBeGreaterThan(0);
      expect(headings.indexOf('Check your understanding')).toBe(headings.indexOf('Exercises') - 1);
      const section = source.slice(source.indexOf('\n## Check your understanding\n'), source.indexOf('\n## Exercises\n'));
      // No subsection inside, and no question elsewhere in the chapter.
      expect(section.match(/^#{3,} /gm)).toBeNull();
      for (const block of selfChecks(id)) expect(section).toContain(`:label: ${block.label}\n`);
    });

    it(`should give ${id} 3 to 5 valid questions labelled ${prefix}…, with feedback and explanations`, () => {
      const blocks = selfChecks(id);
      expect(blocks.length).toBeGreaterThanOrEqual(3);
      expect(blocks.length).toBeLessThanOrEqual(5);
      for (const block of blocks) {
        expect(block.problems, block.label).toEqual([]);
        expect(block.label.startsWith(prefix), block.label).toBe(true);
        expect(block.text.length).toBeGreaterThan(30);
        expect(block.explanationText.length, `${block.label}: an explanation that teaches`).toBeGreaterThan(150);
        const question = block.question!;
        if (question.kind === 'choice') {
          expect(question.options.length, block.label).toBeGreaterThanOrEqual(3);
          // Every tempting wrong option says why it is wrong.
          for (const option of question.options.filter((candidate) => !candidate.correct)) {
            expect(option.feedback.length, `${block.label}: feedback for “${toString({ type: 'paragraph', children: option.content })}”`).toBe(1);
          }
        } else {
          // A tolerance that accepts a rounding of the answer, not a different answer.
          expect(question.tolerance > 0 && question.tolerance <= 0.02 * Math.abs(question.answer), block.label).toBe(true);
        }
      }
      // Every chapter of these parts computes something, so each has at least one numeric question.
      expect(blocks.some((block) => block.question?.kind === 'numeric')).toBe(true);
    });
  }

  it('should give every question a label unique across the two parts', () => {
    const labels = CHAPTER_IDS.flatMap((id) => selfChecks(id).map((block) => block.label));
    expect(labels.length).toBeGreaterThanOrEqual(18);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('self-check answers of chapter 1-1-intro', () => {
  it('should put the four-fifths boundary at 4/5 of the highest selection rate', () => {
    const block = selfCheck('1-1-intro', 'sc-intro-fairness-four-fifths');
    const [highest] = numbersIn(block.text, /at a rate of (\d*\.\d+)/);
    expect(sources['1-1-intro']).toContain('adverse impact is indicated if } \\mathrm{IR}_a \\lt \\tfrac{4}{5}');
    expectAnswer(block, (4 / 5) * highest!);
  });

  it('should recompute the overall accuracy of a lottery over part of group B’s band 2 from the chapter’s table', () => {
    const block = selfCheck('1-1-intro', 'sc-intro-fairness-lottery');
    const [drawn, bandSize] = numbersIn(block.text, /only (\d+) of the (\d+) band-2 applicants/);
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
    expect(block.body).toContain('$(19 + 59)/100 = 0.78$');
    expectAnswer(block, (correctA + correctB) / (sizeA + sizeB));
  });
});

describe('self-check answers of chapter 1-2-measure', () => {
  /** Chouldechova's identity, equation eq-measure-chouldechova. */
  const fpr = (p: number, ppv: number, fnr: number) => (p / (1 - p)) * ((1 - ppv) / ppv) * (1 - fnr);

  it('should recompute the ratio of false positive rates with Chouldechova’s identity', () => {
    const block = selfCheck('1-2-measure', 'sc-measure-fpr-ratio');
    const [ppv, fnr, high, low] = numbersIn(block.text, /same PPV, (\d*\.\d+), and the same FNR, (\d*\.\d+), in two groups with base rates (\d*\.\d+) and (\d*\.\d+)/);
    expect(block.text).toContain(`the group with base rate ${high}`);
    expect(fpr(high!, ppv!, fnr!).toFixed(3)).toBe('0.167');
    expect(fpr(low!, ppv!, fnr!)).toBeCloseTo(0.0625, 12);
    expectAnswer(block, fpr(high!, ppv!, fnr!) / fpr(low!, ppv!, fnr!));
  });

  it('should compute the standard error of an FPR on the negatives only', () => {
    const block = selfCheck('1-2-measure', 'sc-measure-standard-error');
    const [rate, members, negatives] = numbersIn(block.text, /as (\d*\.\d+)\. The group has (\d+) members, (\d+) of whom are negatives/);
    const standardError = (n: number) => Math.sqrt((rate! * (1 - rate!)) / n);
    expectAnswer(block, standardError(negatives!));
    // The explanation's interval and the wrong denominator's figure.
    expect(block.body).toContain(`from about ${(rate! - 1.96 * standardError(negatives!)).toFixed(2)} to ${(rate! + 1.96 * standardError(negatives!)).toFixed(2)}`);
    expect(block.body).toContain(`about ${standardError(members!).toFixed(3)}`);
  });
});

describe('self-check answers of chapter 1-3-mitigation', () => {
  it('should recompute the reweighing weight of group b’s approved applicants', () => {
    const block = selfCheck('1-3-mitigation', 'sc-mitigation-reweighing-weight');
    const [nA, approvedA, nB, approvedB] = numbersIn(
      block.text,
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
    const [upper, lower, targetTpr] = numbersIn(block.text, /scores of (\d*\.\d+) and above, rejects scores below (\d*\.\d+),.* rate of (\d*\.\d+)\?/);
    const row = /^\| \$b\$ \| ([\d., ]+) \| ([\d., ]+) \|$/m.exec(sources['1-3-mitigation']);
    if (!row) throw new Error('The worked example no longer prints group b’s scores');
    const repayers = row[1]!.split(',').map(Number);
    const defaulters = row[2]!.split(',').map(Number);
    const above = (scores: number[]) => scores.filter((score) => score >= upper!).length;
    const inBand = (scores: number[]) => scores.filter((score) => score >= lower! && score < upper!).length;
    const p = (targetTpr! * repayers.length - above(repayers)) / inBand(repayers);
    const expectedFpr = (above(defaulters) + p * inBand(defaulters)) / defaulters.length;
    expect(expectedFpr).toBeCloseTo(0.3, 12);
    expect(block.body).toContain(`$(1 + 2 \\times 0.25)/5 = 0.3$`);
    expectAnswer(block, p);
  });
});

describe('self-check answers of chapter 2-1-intro', () => {
  it('should recompute the probability of default from the chapter’s scorecard', () => {
    const block = selfCheck('2-1-intro', 'sc-interp-probability');
    const [debtToIncome] = numbersIn(block.text, /debt-to-income ratio, which is (\d+)%/);
    const source = sources['2-1-intro'];
    const [intercept] = numbersIn(source, /intercept \$\\beta_0 = (-?\d*\.\d+)\$/);
    const [mean, sd, beta] = numbersIn(source, /^\| Debt-to-income ratio \(%\) \| (\d+) \| (\d+) \| (-?\d*\.\d+) \|/m);
    const logOdds = intercept! + beta! * ((debtToIncome! - mean!) / sd!);
    expect(block.body).toContain(`$-1.50 + 0.80 = ${logOdds.toFixed(2)}$`);
    expectAnswer(block, 1 / (1 + Math.exp(-logOdds)));
  });
});

describe('self-check answers of chapter 2-2-global', () => {
  it('should recompute partial dependence of the running model over the observations A to D', () => {
    const block = selfCheck('2-2-global', 'sc-global-pd-value');
    const [z] = numbersIn(block.text, /at the value (\d*\.\d+)\?/);
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
    expect(block.body).toContain(terms.map((term, index) => `$f(${z}, ${index}) = ${term}$`).slice(0, 2).join(', '));
    expectAnswer(block, terms.reduce((total, term) => total + term, 0) / terms.length);
  });
});

describe('self-check answers of chapter 2-3-local', () => {
  const source = sources['2-3-local'];
  /** The credit score of the chapter, equation eq-local-model. */
  const f = (x: readonly number[]) => 10 + 2 * x[0]! + 3 * x[1]! - 4 * x[2]! + x[0]! * x[1]!;
  /** The background applicants, read from the chapter's table. */
  const rows = [...source.matchAll(/^\| \$b\^\{\((\d)\)\}\$ \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$/gm)];
  const background = rows.map((row) => [Number(row[2]), Number(row[3]), Number(row[4])]);

  it('should print the model the tests use, and four background applicants scored by it', () => {
    expect(source).toContain('f(x) = 10 + 2x_1 + 3x_2 - 4x_3 + x_1 x_2 , \\label{eq-local-model}');
    expect(background).toHaveLength(4);
    expect(background.map(f)).toEqual(rows.map((row) => Number(row[5])));
  });

  it('should recompute the Shapley value of years in job by enumerating the coalitions', () => {
    const block = selfCheck('2-3-local', 'sc-local-shapley-tenure');
    const instance = numbersIn(block.text, /an income of (\d+) \(€[\d,]+\), (\d+) years in the job and (\d+) open loans/);
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
    expect(block.body).toContain(`$4.5 + 7.5 - 4 = 8 = f(x) - 24$ with $f(x) = ${f(instance)}$`);
    expectAnswer(block, phi[1]!);
  });

  it('should recompute the change in years in job that reaches the threshold', () => {
    const block = selfCheck('2-3-local', 'sc-local-counterfactual');
    const [income, years, loans, score, threshold] = numbersIn(
      block.text,
      /an income of (\d+) \(€[\d,]+\), (\d+) years in the job and (\d+) open loans, a score of (\d+), below the threshold of (\d+)/,
    );
    expect(f([income!, years!, loans!])).toBe(score);
    expect(source).toContain(`approves applicants whose score is at least ${threshold}`);
    // The score is linear in years in job once the other features are fixed.
    const slope = f([income!, 1, loans!]) - f([income!, 0, loans!]);
    expectAnswer(block, (threshold! - score!) / slope);
  });
});
