import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

const chapter = readFileSync(new URL('../../../content/1-fairness/1-1-intro.mdx', import.meta.url), 'utf8');

/** The text between two headings of the chapter. */
function section(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  if (start === -1 || end === -1) throw new Error(`Section ${from} … ${to} not found in the chapter`);
  return text.slice(start, end);
}

/** The match of `pattern` in `text`; fails the test, naming the pattern, when the chapter no longer says it. */
function match(text: string, pattern: RegExp): RegExpMatchArray {
  const found = text.match(pattern);
  if (!found) throw new Error(`The chapter no longer matches ${pattern}`);
  return found;
}

/**
 * Recomputes every number of the worked examples in content/1-fairness/1-1-intro.mdx:
 * the four-fifths rule, the three selection policies of the fairness–accuracy trade-off,
 * and the answers to Exercises 2, 4 and 5.
 */

/** One score band of one group: how many applicants, and how many of them are qualified. */
interface Band {
  readonly applicants: number;
  readonly qualified: number;
}

/** Expected confusion matrix of a selection policy within one group. */
interface ConfusionMatrix {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

/** Share of qualified applicants per band (bands 1 to 4), identical in both groups. */
const shareQualified: readonly number[] = [0.1, 0.3, 0.7, 0.9];

function bandsFromCounts(applicants: readonly number[], qualifiedShare: readonly number[]): Band[] {
  return applicants.map((n, i) => ({ applicants: n, qualified: n * (qualifiedShare[i] ?? Number.NaN) }));
}

const groupA: readonly Band[] = bandsFromCounts([20, 30, 30, 20], shareQualified);
const groupB: readonly Band[] = bandsFromCounts([50, 30, 10, 10], shareQualified);

/**
 * Expected confusion matrix when a fraction `selected[i]` of band i is selected at random
 * (1 = whole band, 0 = none).
 */
function confusionMatrix(bands: readonly Band[], selected: readonly number[]): ConfusionMatrix {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  bands.forEach((band, i) => {
    const fraction = selected[i] ?? 0;
    const unqualified = band.applicants - band.qualified;
    tp += band.qualified * fraction;
    fp += unqualified * fraction;
    fn += band.qualified * (1 - fraction);
    tn += unqualified * (1 - fraction);
  });
  return { tp, fp, fn, tn };
}

function total(m: ConfusionMatrix): number {
  return m.tp + m.fp + m.fn + m.tn;
}

function selectionRate(m: ConfusionMatrix): number {
  return (m.tp + m.fp) / total(m);
}

function accuracy(m: ConfusionMatrix): number {
  return (m.tp + m.tn) / total(m);
}

function truePositiveRate(m: ConfusionMatrix): number {
  return m.tp / (m.tp + m.fn);
}

function baseRate(m: ConfusionMatrix): number {
  return (m.tp + m.fn) / total(m);
}

/** Overall accuracy as the share-weighted mean of group accuracies (equation eq-intro-fairness-accuracy-mixture). */
function pooledAccuracy(matrices: readonly ConfusionMatrix[]): number {
  const n = matrices.reduce((sum, m) => sum + total(m), 0);
  return matrices.reduce((sum, m) => sum + (total(m) / n) * accuracy(m), 0);
}

/** Impact ratios of equation eq-intro-fairness-four-fifths: each rate over the highest rate. */
function impactRatios(rates: readonly number[]): number[] {
  const highest = Math.max(...rates);
  return rates.map((rate) => rate / highest);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const bands34 = [0, 0, 1, 1];
const bands24 = [0, 1, 1, 1];
const bands34PlusLottery = [0, 20 / 30, 1, 1];
const band4Only = [0, 0, 0, 1];

describe('chapter 1-1 worked example: the data', () => {
  it('should give 100 applicants and 50 qualified in group A', () => {
    const m = confusionMatrix(groupA, bands34);
    expect(total(m)).toBe(100);
    expect(round2(baseRate(m))).toBe(0.5);
    expect(groupA.map((b) => Math.round(b.qualified))).toEqual([2, 9, 21, 18]);
  });

  it('should give 100 applicants and 30 qualified in group B', () => {
    const m = confusionMatrix(groupB, bands34);
    expect(total(m)).toBe(100);
    expect(round2(baseRate(m))).toBe(0.3);
    expect(groupB.map((b) => Math.round(b.qualified))).toEqual([5, 9, 7, 9]);
  });
});

describe('chapter 1-1 worked example: Policy 1 (one threshold, bands 3–4)', () => {
  const a = confusionMatrix(groupA, bands34);
  const b = confusionMatrix(groupB, bands34);

  it('should select 50 applicants in A, 39 of them qualified, and reject 11 qualified', () => {
    expect(round2(a.tp + a.fp)).toBe(50);
    expect(round2(a.tp)).toBe(39);
    expect(round2(a.fn)).toBe(11);
    expect(round2(a.tn)).toBe(39);
  });

  it('should select 20 applicants in B, 16 of them qualified, and reject 14 qualified', () => {
    expect(round2(b.tp + b.fp)).toBe(20);
    expect(round2(b.tp)).toBe(16);
    expect(round2(b.fn)).toBe(14);
    expect(round2(b.tn)).toBe(66);
  });

  it('should print the row of the policy table', () => {
    expect(round2(selectionRate(a))).toBe(0.5);
    expect(round2(selectionRate(b))).toBe(0.2);
    expect(round2(selectionRate(b) / selectionRate(a))).toBe(0.4);
    expect(round2(truePositiveRate(a))).toBe(0.78);
    expect(round2(truePositiveRate(b))).toBe(0.53);
    expect(round2(accuracy(a))).toBe(0.78);
    expect(round2(accuracy(b))).toBe(0.82);
    expect(round2(pooledAccuracy([a, b]))).toBe(0.8);
  });

  it('should be the most accurate band-threshold policy for each group, since the bands are calibrated', () => {
    const candidates = [bands34, bands24, band4Only, [1, 1, 1, 1], [0, 0, 0, 0]];
    for (const group of [groupA, groupB]) {
      const best = Math.max(...candidates.map((policy) => accuracy(confusionMatrix(group, policy))));
      expect(accuracy(confusionMatrix(group, bands34))).toBeCloseTo(best, 12);
    }
  });
});

describe('chapter 1-1 worked example: Policy 2 (four-fifths via a lottery in band 2 of group B)', () => {
  const a = confusionMatrix(groupA, bands34);
  const b = confusionMatrix(groupB, bands34PlusLottery);

  it('should bring in 6 qualified and 14 unqualified extra applicants in expectation', () => {
    const policy1 = confusionMatrix(groupB, bands34);
    expect(round2(b.tp - policy1.tp)).toBe(6);
    expect(round2(b.fp - policy1.fp)).toBe(14);
    expect(round2(b.tp)).toBe(22);
    expect(round2(b.tn)).toBe(52);
  });

  it('should print the row of the policy table', () => {
    expect(round2(selectionRate(a))).toBe(0.5);
    expect(round2(selectionRate(b))).toBe(0.4);
    expect(round2(selectionRate(b) / selectionRate(a))).toBe(0.8);
    expect(round2(truePositiveRate(a))).toBe(0.78);
    expect(round2(truePositiveRate(b))).toBe(0.73);
    expect(round2(accuracy(a))).toBe(0.78);
    expect(round2(accuracy(b))).toBe(0.74);
    expect(round2(pooledAccuracy([a, b]))).toBe(0.76);
  });
});

describe('chapter 1-1 worked example: Policy 3 (equal selection rates, bands 2–4 for group B)', () => {
  const a = confusionMatrix(groupA, bands34);
  const b = confusionMatrix(groupB, bands24);

  it('should select 25 qualified B applicants and keep 45 true negatives', () => {
    expect(round2(b.tp)).toBe(25);
    expect(round2(b.tn)).toBe(45);
  });

  it('should print the row of the policy table', () => {
    expect(round2(selectionRate(a))).toBe(0.5);
    expect(round2(selectionRate(b))).toBe(0.5);
    expect(round2(selectionRate(b) / selectionRate(a))).toBe(1);
    expect(round2(truePositiveRate(a))).toBe(0.78);
    expect(round2(truePositiveRate(b))).toBe(0.83);
    expect(round2(accuracy(a))).toBe(0.78);
    expect(round2(accuracy(b))).toBe(0.7);
    expect(round2(pooledAccuracy([a, b]))).toBe(0.74);
  });

  it('should cost 4 accuracy points to reach four-fifths and 6 points to reach parity', () => {
    const policy1 = pooledAccuracy([a, confusionMatrix(groupB, bands34)]);
    const policy2 = pooledAccuracy([a, confusionMatrix(groupB, bands34PlusLottery)]);
    const policy3 = pooledAccuracy([a, b]);
    expect(Math.round((policy1 - policy2) * 100)).toBe(4);
    expect(Math.round((policy1 - policy3) * 100)).toBe(6);
  });
});

describe('chapter 1-1 constrained problem with epsilon = 0 (equal selection rates)', () => {
  /** Most accurate way to select a share `rate` of a group: fill the highest bands first, lottery in the last one. */
  function bestAtRate(bands: readonly Band[], rate: number): ConfusionMatrix {
    const n = bands.reduce((sum, band) => sum + band.applicants, 0);
    let remaining = rate * n;
    const selected = new Array<number>(bands.length).fill(0);
    for (let i = bands.length - 1; i >= 0 && remaining > 0; i -= 1) {
      const applicants = bands[i]?.applicants ?? 0;
      const taken = Math.min(applicants, remaining);
      selected[i] = taken / applicants;
      remaining -= taken;
    }
    return confusionMatrix(bands, selected);
  }

  it('should give 0.74 overall accuracy for every common selection rate from 0.20 to 0.50', () => {
    for (let rate = 0.2; rate <= 0.5 + 1e-9; rate += 0.05) {
      const overall = pooledAccuracy([bestAtRate(groupA, rate), bestAtRate(groupB, rate)]);
      expect(overall).toBeCloseTo(0.74, 12);
    }
  });

  it('should give less than 0.74 outside that range, so Policies 3 and 4 both solve the problem', () => {
    for (const rate of [0, 0.1, 0.15, 0.55, 0.6, 0.8, 1]) {
      const overall = pooledAccuracy([bestAtRate(groupA, rate), bestAtRate(groupB, rate)]);
      expect(overall).toBeLessThan(0.74);
    }
  });
});

describe('chapter 1-1 four-fifths rule', () => {
  it('should give an impact ratio of 0.40 for selection rates 0.50 and 0.20', () => {
    const [, ratioB] = impactRatios([0.5, 0.2]);
    expect(round2(ratioB ?? Number.NaN)).toBe(0.4);
  });

  it('should reproduce the answer to Exercise 2', () => {
    const rates = [120 / 300, 45 / 150, 30 / 60];
    expect(rates.map(round2)).toEqual([0.4, 0.3, 0.5]);
    const ratios = impactRatios(rates);
    expect(ratios.map(round2)).toEqual([0.8, 0.6, 1]);
    // Group A sits exactly at four-fifths, which is not *less than* four-fifths.
    expect(ratios.map((r) => r < 0.8 - 1e-12)).toEqual([false, true, false]);
    const standardErrorC = Math.sqrt((0.5 * 0.5) / 60);
    expect(standardErrorC).toBeCloseTo(0.065, 3);
  });
});

describe('chapter 1-1 Exercise 4 (Policy 4: band 4 only in group A)', () => {
  const a = confusionMatrix(groupA, band4Only);
  const b = confusionMatrix(groupB, bands34);

  it('should reach parity at a selection rate of 0.20', () => {
    expect(round2(selectionRate(a))).toBe(0.2);
    expect(round2(selectionRate(b))).toBe(0.2);
  });

  it('should reject 32 qualified A applicants and give A an accuracy of 0.66', () => {
    expect(round2(a.tp)).toBe(18);
    expect(round2(a.fp)).toBe(2);
    expect(round2(a.fn)).toBe(32);
    expect(round2(a.tn)).toBe(48);
    expect(round2(accuracy(a))).toBe(0.66);
    expect(round2(truePositiveRate(a))).toBe(0.36);
  });

  it('should have the same overall accuracy as Policy 3, 0.74', () => {
    expect(round2(pooledAccuracy([a, b]))).toBe(0.74);
  });

  it('should select 40 applicants where Policy 3 selects 100, 25 of them unqualified B applicants', () => {
    const policy3A = confusionMatrix(groupA, bands34);
    const policy3B = confusionMatrix(groupB, bands24);
    expect(round2(a.tp + a.fp + b.tp + b.fp)).toBe(40);
    expect(round2(policy3A.tp + policy3A.fp + policy3B.tp + policy3B.fp)).toBe(100);
    expect(round2(policy3B.fp)).toBe(25);
  });
});

describe('chapter 1-1 Exercise 5 (biased labels in band 2 of group B)', () => {
  const exercise = section(chapter, '### Exercise 5', '</details>');
  const flipped = Number(match(exercise, /in band 2, (\d+) of the 21 applicants recorded as unqualified were in fact qualified/)[1]);
  // True labels: `flipped` of the 21 applicants recorded as unqualified in band 2 were qualified.
  const recordedB = groupB.map((band) => ({ ...band }));
  const trueB: readonly Band[] = recordedB.map((band, i) => (i === 1 ? { applicants: band.applicants, qualified: band.qualified + flipped } : band));
  const a = confusionMatrix(groupA, bands34);
  const policy1 = confusionMatrix(trueB, bands34);
  const policy3 = confusionMatrix(trueB, bands24);

  it('should print band 2 and group B as they are under the true labels', () => {
    const [, qualified, unqualified] = match(exercise, /band 2 of group B contains (\d+) qualified and (\d+) unqualified/);
    expect(Number(qualified)).toBe(trueB[1]?.qualified);
    expect(Number(unqualified)).toBe((trueB[1]?.applicants ?? 0) - (trueB[1]?.qualified ?? 0));
    const total = Number(match(exercise, /group B has (\d+) qualified applicants in all/)[1]);
    expect(total).toBe(trueB.reduce((sum, band) => sum + band.qualified, 0));
  });

  it.each([
    ['Policy 1', () => policy1],
    ['Policy 3', () => policy3],
  ])('should print the true confusion matrix and accuracy of group B under %s', (policy, matrixOf) => {
    const m = matrixOf();
    const [, tp, fp, fn, tn, accuracyPrinted] = match(
      exercise,
      new RegExp(`${policy} \\(bands [^)]*\\) selects (\\d+) qualified and (\\d+) unqualified, and rejects (\\d+) qualified and (\\d+) unqualified: accuracy \\$[^$]*= ([\\d.]+)\\$`),
    );
    expect([tp, fp, fn, tn].map(Number)).toEqual([m.tp, m.fp, m.fn, m.tn]);
    expect(Number(accuracyPrinted)).toBe(round2(accuracy(m)));
  });

  it('should print the overall true accuracy of both policies, and Policy 3 is the more accurate', () => {
    const [, overall1, overall3] = match(exercise, /overall accuracy rises from \$([\d.]+)\$ under Policy 1 to \$([\d.]+)\$ under Policy 3/);
    expect(Number(overall1)).toBe(round2(pooledAccuracy([a, policy1])));
    expect(Number(overall3)).toBe(round2(pooledAccuracy([a, policy3])));
    expect(accuracy(policy3)).toBeGreaterThan(accuracy(policy1));
    const share = Number(match(exercise, /\$(\d+)\/30 \\approx ([\d.]+)\$/)[2]);
    expect(share).toBe(round2((trueB[1]?.qualified ?? 0) / 30));
    expect(share).toBeGreaterThan(0.5);
  });
});
