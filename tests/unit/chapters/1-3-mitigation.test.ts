/**
 * Recomputes every number printed in chapter 1-3-mitigation ("Mitigating Algorithmic Bias"):
 * the reweighing example and Exercises 1–2, the disparate-impact repair example and Exercise 4,
 * the post-processing threshold example and Exercise 3, and the subgroup example of Exercise 5.
 * The chapter's tables are rebuilt from the computed values and looked up verbatim in the MDX source,
 * so a change to either the numbers or the prose fails here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';

const chapterPath = fileURLToPath(new URL('../../../content/1-fairness/1-3-mitigation.mdx', import.meta.url));
const bibPath = fileURLToPath(new URL('../../../bib/references.bib', import.meta.url));
const chapter = readFileSync(chapterPath, 'utf8');

// ---------------------------------------------------------------------------------------------
// Reweighing (Kamiran & Calders 2012)
// ---------------------------------------------------------------------------------------------

/** Counts of one group by label. */
interface GroupCounts {
  readonly positives: number;
  readonly negatives: number;
}

type Groups = Readonly<Record<'a' | 'b', GroupCounts>>;
type Label = 1 | 0;

interface Weights {
  readonly a1: number;
  readonly a0: number;
  readonly b1: number;
  readonly b0: number;
}

function groupSize(counts: GroupCounts): number {
  return counts.positives + counts.negatives;
}

function cellCount(counts: GroupCounts, label: Label): number {
  return label === 1 ? counts.positives : counts.negatives;
}

/** w(a, y) = P(A = a) P(Y = y) / P(A = a, Y = y), all probabilities estimated by counts. */
function reweighingWeight(groups: Groups, group: 'a' | 'b', label: Label): number {
  const total = groupSize(groups.a) + groupSize(groups.b);
  const labelCount = cellCount(groups.a, label) + cellCount(groups.b, label);
  const pGroup = groupSize(groups[group]) / total;
  const pLabel = labelCount / total;
  const pJoint = cellCount(groups[group], label) / total;
  return (pGroup * pLabel) / pJoint;
}

function reweighingWeights(groups: Groups): Weights {
  return {
    a1: reweighingWeight(groups, 'a', 1),
    a0: reweighingWeight(groups, 'a', 0),
    b1: reweighingWeight(groups, 'b', 1),
    b0: reweighingWeight(groups, 'b', 0),
  };
}

/** Weighted positive mass, negative mass and positive rate of one group. */
function weightedGroup(counts: GroupCounts, w1: number, w0: number): { pos: number; neg: number; rate: number } {
  const pos = counts.positives * w1;
  const neg = counts.negatives * w0;
  return { pos, neg, rate: pos / (pos + neg) };
}

const lender: Groups = { a: { positives: 60, negatives: 60 }, b: { positives: 20, negatives: 60 } };
const exerciseLender: Groups = { a: { positives: 48, negatives: 32 }, b: { positives: 24, negatives: 96 } };

describe('reweighing worked example', () => {
  const w = reweighingWeights(lender);

  it('should print the approval rates and their ratio', () => {
    expect(lender.a.positives / groupSize(lender.a)).toBeCloseTo(0.5, 12);
    expect(lender.b.positives / groupSize(lender.b)).toBeCloseTo(0.25, 12);
    expect((lender.a.positives + lender.b.positives) / 200).toBeCloseTo(0.4, 12);
    expect(0.25 / 0.5).toBeCloseTo(0.5, 12);
    expect(chapter).toContain('| $a$ | 60 | 60 | 120 | 0.50 |');
    expect(chapter).toContain('| $b$ | 20 | 60 | 80 | 0.25 |');
    expect(chapter).toContain('| All | 80 | 120 | 200 | 0.40 |');
  });

  it('should compute the four weights 0.8, 1.2, 1.6 and 0.8', () => {
    expect(w.a1).toBeCloseTo(0.8, 12);
    expect(w.a0).toBeCloseTo(1.2, 12);
    expect(w.b1).toBeCloseTo(1.6, 12);
    expect(w.b0).toBeCloseTo(0.8, 12);
  });

  it('should match the rows of the weight table in the chapter', () => {
    const rows: ReadonlyArray<[string, 'a' | 'b', Label, string]> = [
      ['$a$, approved', 'a', 1, '$0.6 \\times 0.4 = 0.24$ | $60/200 = 0.30$'],
      ['$a$, rejected', 'a', 0, '$0.6 \\times 0.6 = 0.36$ | $60/200 = 0.30$'],
      ['$b$, approved', 'b', 1, '$0.4 \\times 0.4 = 0.16$ | $20/200 = 0.10$'],
      ['$b$, rejected', 'b', 0, '$0.4 \\times 0.6 = 0.24$ | $60/200 = 0.30$'],
    ];
    for (const [name, group, label, middle] of rows) {
      const pGroup = groupSize(lender[group]) / 200;
      const pLabel = (cellCount(lender.a, label) + cellCount(lender.b, label)) / 200;
      const pJoint = cellCount(lender[group], label) / 200;
      const expectedMiddle =
        `$${pGroup.toFixed(1)} \\times ${pLabel.toFixed(1)} = ${(pGroup * pLabel).toFixed(2)}$ | ` +
        `$${cellCount(lender[group], label)}/200 = ${pJoint.toFixed(2)}$`;
      expect(expectedMiddle).toBe(middle);
      const weight = reweighingWeight(lender, group, label);
      expect(chapter).toContain(`| ${name} | ${middle} | ${Number(weight.toFixed(2))} |`);
    }
  });

  it('should give both groups the weighted approval rate 0.40 and keep group totals', () => {
    const a = weightedGroup(lender.a, w.a1, w.a0);
    const b = weightedGroup(lender.b, w.b1, w.b0);
    expect(a.pos).toBeCloseTo(48, 10);
    expect(a.neg).toBeCloseTo(72, 10);
    expect(a.rate).toBeCloseTo(0.4, 12);
    expect(b.pos).toBeCloseTo(32, 10);
    expect(b.neg).toBeCloseTo(48, 10);
    expect(b.rate).toBeCloseTo(0.4, 12);
    expect(a.pos + a.neg).toBeCloseTo(120, 10);
    expect(b.pos + b.neg).toBeCloseTo(80, 10);
    expect(a.pos + a.neg + b.pos + b.neg).toBeCloseTo(200, 10);
    expect(chapter).toContain('$60 \\times 0.8 = 48$');
    expect(chapter).toContain('$60 \\times 1.2 = 72$');
    expect(chapter).toContain('$48 / 120 = 0.40$');
    expect(chapter).toContain('$20 \\times 1.6 = 32$');
    expect(chapter).toContain('$32 / 80 = 0.40$');
  });

  it('should solve Exercise 1 with weights 0.6, 1.6, 1.8, 0.8 and rates 0.36', () => {
    const e = reweighingWeights(exerciseLender);
    expect(e.a1).toBeCloseTo(0.6, 12);
    expect(e.a0).toBeCloseTo(1.6, 12);
    expect(e.b1).toBeCloseTo(1.8, 12);
    expect(e.b0).toBeCloseTo(0.8, 12);
    expect([48 / 200, 32 / 200, 24 / 200, 96 / 200]).toEqual([0.24, 0.16, 0.12, 0.48]);
    expect(72 / 200).toBeCloseTo(0.36, 12);
    const a = weightedGroup(exerciseLender.a, e.a1, e.a0);
    const b = weightedGroup(exerciseLender.b, e.b1, e.b0);
    expect(a.pos).toBeCloseTo(28.8, 10);
    expect(a.pos + a.neg).toBeCloseTo(80, 10);
    expect(b.pos).toBeCloseTo(43.2, 10);
    expect(b.pos + b.neg).toBeCloseTo(120, 10);
    expect(a.rate).toBeCloseTo(0.36, 12);
    expect(b.rate).toBeCloseTo(0.36, 12);
  });

  it('should preserve group sizes and the overall positive rate for any table (Exercise 2)', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 48271) % 2147483647;
      return 1 + (seed % 97);
    };
    for (let trial = 0; trial < 50; trial += 1) {
      const groups: Groups = {
        a: { positives: next(), negatives: next() },
        b: { positives: next(), negatives: next() },
      };
      const w = reweighingWeights(groups);
      const a = weightedGroup(groups.a, w.a1, w.a0);
      const b = weightedGroup(groups.b, w.b1, w.b0);
      const total = groupSize(groups.a) + groupSize(groups.b);
      const positives = groups.a.positives + groups.b.positives;
      expect(a.pos + a.neg).toBeCloseTo(groupSize(groups.a), 9);
      expect(b.pos + b.neg).toBeCloseTo(groupSize(groups.b), 9);
      expect((a.pos + b.pos) / total).toBeCloseTo(positives / total, 12);
      expect(a.rate).toBeCloseTo(b.rate, 12);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Disparate-impact repair (Feldman et al. 2015)
// ---------------------------------------------------------------------------------------------

/**
 * Quantile repair for two groups of equal size whose values are listed in ascending order:
 * the target at each rank is the median (for two groups, the midpoint) of the groups' values at that rank,
 * and each value moves a fraction lambda of the way to its target.
 */
function repairTwoGroups(
  sortedA: readonly number[],
  sortedB: readonly number[],
  lambda: number,
): { a: number[]; b: number[]; targets: number[] } {
  const targets = sortedA.map((value, rank) => (value + (sortedB[rank] ?? Number.NaN)) / 2);
  const move = (value: number, rank: number): number => (1 - lambda) * value + lambda * (targets[rank] ?? Number.NaN);
  return { a: sortedA.map(move), b: sortedB.map(move), targets };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

describe('disparate-impact repair worked example', () => {
  const groupA = [40, 50, 60, 70, 80] as const;
  const groupB = [20, 30, 40, 50, 60] as const;

  it('should give both groups the targets 30, 40, 50, 60, 70 under full repair', () => {
    const full = repairTwoGroups(groupA, groupB, 1);
    expect(full.targets).toEqual([30, 40, 50, 60, 70]);
    expect(full.a).toEqual([30, 40, 50, 60, 70]);
    expect(full.b).toEqual([30, 40, 50, 60, 70]);
    // The 60 in group a and the 40 in group b share rank 3 and become identical.
    expect(full.a[groupA.indexOf(60)]).toBe(full.b[groupB.indexOf(40)]);
  });

  it('should halve the gap of group means at repair level 0.5', () => {
    const half = repairTwoGroups(groupA, groupB, 0.5);
    expect(half.a).toEqual([35, 45, 55, 65, 75]);
    expect(half.b).toEqual([25, 35, 45, 55, 65]);
    expect(mean(groupA) - mean(groupB)).toBe(20);
    expect(mean(half.a) - mean(half.b)).toBe(10);
    expect(chapter).toContain('group $a$ becomes $35, 45, 55, 65, 75$ and group $b$ becomes $25, 35, 45, 55, 65$');
  });

  it('should solve Exercise 4 with a gap of 15 at repair level 0.25 and (1 - lambda) x 20 in general', () => {
    const quarter = repairTwoGroups(groupA, groupB, 0.25);
    expect(quarter.a).toEqual([37.5, 47.5, 57.5, 67.5, 77.5]);
    expect(quarter.b).toEqual([22.5, 32.5, 42.5, 52.5, 62.5]);
    expect(mean(quarter.a)).toBe(57.5);
    expect(mean(quarter.b)).toBe(42.5);
    expect(mean(quarter.a) - mean(quarter.b)).toBe(15);
    for (const lambda of [0, 0.1, 0.25, 0.5, 0.8, 1]) {
      const repaired = repairTwoGroups(groupA, groupB, lambda);
      expect(mean(repaired.a) - mean(repaired.b)).toBeCloseTo((1 - lambda) * 20, 10);
    }
  });

  it('should preserve the ranking within each group for every repair level', () => {
    for (const lambda of [0.25, 0.5, 1]) {
      const repaired = repairTwoGroups(groupA, groupB, lambda);
      for (const values of [repaired.a, repaired.b]) {
        for (let i = 1; i < values.length; i += 1) {
          expect(values[i] ?? Number.NaN).toBeGreaterThan(values[i - 1] ?? Number.NaN);
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Post-processing with group-specific thresholds (Hardt, Price & Srebro 2016)
// ---------------------------------------------------------------------------------------------

interface ScoredExample {
  readonly score: number;
  readonly label: Label;
}

interface Rates {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
  readonly tpr: number;
  readonly fpr: number;
  readonly accuracy: number;
}

function scored(positives: readonly number[], negatives: readonly number[]): ScoredExample[] {
  return [
    ...positives.map((score): ScoredExample => ({ score, label: 1 })),
    ...negatives.map((score): ScoredExample => ({ score, label: 0 })),
  ];
}

/**
 * Expected confusion counts of a (possibly randomized) rule: approve with probability `approve(score)`.
 * A deterministic threshold t is the rule score >= t ? 1 : 0.
 */
function expectedRates(examples: readonly ScoredExample[], approve: (score: number) => number): Rates {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const { score, label } of examples) {
    const p = approve(score);
    if (label === 1) {
      tp += p;
      fn += 1 - p;
    } else {
      fp += p;
      tn += 1 - p;
    }
  }
  return { tp, fp, tn, fn, tpr: tp / (tp + fn), fpr: fp / (fp + tn), accuracy: (tp + tn) / examples.length };
}

function threshold(t: number): (score: number) => number {
  return (score) => (score >= t ? 1 : 0);
}

/** Equation eq-mitigation-randomized-threshold: approve above tHigh, coin with probability p in [tLow, tHigh). */
function randomizedThreshold(tLow: number, tHigh: number, p: number): (score: number) => number {
  return (score) => (score >= tHigh ? 1 : score >= tLow ? p : 0);
}

/** ROC points (FPR, TPR) of all deterministic thresholds, including approve-all and approve-none. */
function rocPoints(examples: readonly ScoredExample[]): Array<[number, number]> {
  const thresholds = [Number.POSITIVE_INFINITY, ...examples.map((e) => e.score)];
  return thresholds.map((t): [number, number] => {
    const r = expectedRates(examples, threshold(t));
    return [r.fpr, r.tpr];
  });
}

/** Lowest FPR reachable at exactly the given TPR by mixing two deterministic thresholds. */
function lowestFprAtTpr(examples: readonly ScoredExample[], targetTpr: number): number {
  const points = rocPoints(examples);
  let best = Number.POSITIVE_INFINITY;
  for (const [f1, t1] of points) {
    for (const [f2, t2] of points) {
      if (Math.abs(t1 - targetTpr) < 1e-12) best = Math.min(best, f1);
      if (t1 < targetTpr && t2 > targetTpr) {
        const mix = (targetTpr - t1) / (t2 - t1);
        best = Math.min(best, (1 - mix) * f1 + mix * f2);
      }
    }
  }
  return best;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

const groupAExamples = scored([0.92, 0.81, 0.74, 0.66, 0.4], [0.7, 0.45, 0.31, 0.22, 0.12]);
const groupBExamples = scored([0.71, 0.52, 0.44, 0.37, 0.21], [0.46, 0.41, 0.39, 0.18, 0.09]);

describe('post-processing worked example', () => {
  it('should print the score table of both groups', () => {
    expect(chapter).toContain('| $a$ | 0.92, 0.81, 0.74, 0.66, 0.40 | 0.70, 0.45, 0.31, 0.22, 0.12 |');
    expect(chapter).toContain('| $b$ | 0.71, 0.52, 0.44, 0.37, 0.21 | 0.46, 0.41, 0.39, 0.18, 0.09 |');
  });

  const policies: ReadonlyArray<{
    readonly row: string;
    readonly ruleA: (score: number) => number;
    readonly ruleB: (score: number) => number;
    readonly expected: readonly [number, number, number, number, number, number, number];
  }> = [
    {
      row: '| Single threshold | 0.50 for both |',
      ruleA: threshold(0.5),
      ruleB: threshold(0.5),
      expected: [0.8, 0.2, 0.8, 0.4, 0, 0.7, 0.75],
    },
    {
      row: '| Equal opportunity | $a$: 0.50, $b$: 0.37 |',
      ruleA: threshold(0.5),
      ruleB: threshold(0.37),
      expected: [0.8, 0.2, 0.8, 0.8, 0.6, 0.6, 0.7],
    },
    {
      row: '| Equalized odds | $a$: 0.45, $b$: randomized |',
      ruleA: threshold(0.45),
      ruleB: randomizedThreshold(0.21, 0.44, 0.5),
      expected: [0.8, 0.4, 0.7, 0.8, 0.4, 0.7, 0.7],
    },
  ];

  for (const { row, ruleA, ruleB, expected } of policies) {
    it(`should recompute the policy row "${row}"`, () => {
      const a = expectedRates(groupAExamples, ruleA);
      const b = expectedRates(groupBExamples, ruleB);
      const overall = (a.accuracy * groupAExamples.length + b.accuracy * groupBExamples.length) /
        (groupAExamples.length + groupBExamples.length);
      const computed = [a.tpr, a.fpr, a.accuracy, b.tpr, b.fpr, b.accuracy, overall];
      computed.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? Number.NaN, 12));
      const cells = [a.tpr, a.fpr, a.accuracy, b.tpr, b.fpr, b.accuracy].map((v) => v.toFixed(1));
      expect(chapter).toContain(`${row} ${cells.join(' | ')} | ${overall.toFixed(2)} |`);
    });
  }

  it('should find no deterministic threshold more accurate than 0.50 for either group', () => {
    for (const examples of [groupAExamples, groupBExamples]) {
      const atHalf = expectedRates(examples, threshold(0.5)).accuracy;
      for (const t of [Number.POSITIVE_INFINITY, ...examples.map((e) => e.score)]) {
        expect(expectedRates(examples, threshold(t)).accuracy).toBeLessThanOrEqual(atHalf + 1e-12);
      }
    }
  });

  it('should approve only the repayers 0.71 and 0.52 of group b at threshold 0.50', () => {
    const approved = groupBExamples.filter((e) => e.score >= 0.5);
    expect(approved).toEqual([
      { score: 0.71, label: 1 },
      { score: 0.52, label: 1 },
    ]);
  });

  it('should reach TPR 0.8 for group b first at threshold 0.37, letting three defaulters through', () => {
    const repayerScores = groupBExamples.filter((e) => e.label === 1).map((e) => e.score);
    const sorted = [...repayerScores].sort((x, y) => y - x);
    expect(sorted[3]).toBe(0.37); // the fourth-highest repayer score is the highest threshold with TPR 0.8
    const defaultersAbove = groupBExamples.filter((e) => e.label === 0 && e.score >= 0.37).map((e) => e.score);
    expect(defaultersAbove).toEqual([0.46, 0.41, 0.39]);
  });

  it('should make 0.4 the lowest FPR group b can reach at TPR 0.8, and 0.2 for group a', () => {
    expect(lowestFprAtTpr(groupBExamples, 0.8)).toBeCloseTo(0.4, 12);
    expect(lowestFprAtTpr(groupAExamples, 0.8)).toBeCloseTo(0.2, 12);
    // (0.4, 0.8) is not a deterministic operating point of group b ...
    expect(rocPoints(groupBExamples).some(([f, t]) => round(f, 9) === 0.4 && round(t, 9) === 0.8)).toBe(false);
    // ... but it is one of group a (threshold 0.45).
    expect(rocPoints(groupAExamples).some(([f, t]) => round(f, 9) === 0.4 && round(t, 9) === 0.8)).toBe(true);
  });

  it('should flip a coin for exactly the four applicants with scores in [0.21, 0.44) in group b', () => {
    const band = groupBExamples.filter((e) => e.score >= 0.21 && e.score < 0.44);
    expect(band.filter((e) => e.label === 0).map((e) => e.score)).toEqual([0.41, 0.39]);
    expect(band.filter((e) => e.label === 1).map((e) => e.score)).toEqual([0.37, 0.21]);
    const b = expectedRates(groupBExamples, randomizedThreshold(0.21, 0.44, 0.5));
    expect(b.tp).toBeCloseTo(3 + 0.5 * 2, 12);
    expect(b.fp).toBeCloseTo(1 + 0.5 * 2, 12);
    expect(chapter).toContain('$3 + 0.5 \\times 2 = 4$ repayers and $1 + 0.5 \\times 2 = 2$ defaulters');
  });

  it('should approve four repayers and defaulters 0.70 and 0.45 in group a at threshold 0.45', () => {
    const approved = groupAExamples.filter((e) => e.score >= 0.45);
    expect(approved.filter((e) => e.label === 1)).toHaveLength(4);
    expect(approved.filter((e) => e.label === 0).map((e) => e.score)).toEqual([0.7, 0.45]);
  });

  it('should place every point of group b on its boundary TPR = 0.4 + FPR between (0, 0.4) and (0.6, 1)', () => {
    for (const [f, t] of rocPoints(groupBExamples)) {
      if (f <= 0.6) expect(t).toBeLessThanOrEqual(0.4 + f + 1e-12);
    }
    for (const [f, t] of [[0, 0.4], [0.2, 0.6], [0.6, 1]] as const) {
      expect(rocPoints(groupBExamples).some(([pf, pt]) => round(pf, 9) === f && round(pt, 9) === t)).toBe(true);
    }
  });

  it('should solve Exercise 3 with equalized odds at (0.2, 0.6) and accuracy 0.70', () => {
    const a = expectedRates(groupAExamples, threshold(0.7));
    const b = expectedRates(groupBExamples, threshold(0.44));
    expect([a.tpr, a.fpr, a.accuracy]).toEqual([0.6, 0.2, 0.7]);
    expect([b.tpr, b.fpr, b.accuracy]).toEqual([0.6, 0.2, 0.7]);
    expect(groupAExamples.filter((e) => e.score >= 0.7).map((e) => e.score)).toEqual([0.92, 0.81, 0.74, 0.7]);
    expect(groupBExamples.filter((e) => e.score >= 0.44).map((e) => e.score)).toEqual([0.71, 0.52, 0.44, 0.46]);
    expect((a.accuracy + b.accuracy) / 2).toBeCloseTo(0.7, 12);
    // With five repayers and five defaulters, accuracy = 0.5 + 0.5 (TPR - FPR): constant on TPR = 0.4 + FPR.
    for (const f of [0, 0.2, 0.4, 0.6]) {
      expect(0.5 * (0.4 + f) + 0.5 * (1 - f)).toBeCloseTo(0.7, 12);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Fairness gerrymandering (Exercise 5)
// ---------------------------------------------------------------------------------------------

describe('fairness gerrymandering example', () => {
  const accepted = { menE1: 60, menE2: 20, womenE1: 20, womenE2: 60 } as const;
  const size = 100;

  it('should give every marginal group the acceptance rate 0.4', () => {
    expect((accepted.menE1 + accepted.menE2) / (2 * size)).toBe(0.4);
    expect((accepted.womenE1 + accepted.womenE2) / (2 * size)).toBe(0.4);
    expect((accepted.menE1 + accepted.womenE1) / (2 * size)).toBe(0.4);
    expect((accepted.menE2 + accepted.womenE2) / (2 * size)).toBe(0.4);
  });

  it('should show subgroups deviating by 0.2 from the overall rate, each a quarter of the population', () => {
    const overall = (accepted.menE1 + accepted.menE2 + accepted.womenE1 + accepted.womenE2) / (4 * size);
    expect(overall).toBe(0.4);
    expect(Math.abs(accepted.womenE1 / size - overall)).toBeCloseTo(0.2, 12);
    expect(Math.abs(accepted.menE2 / size - overall)).toBeCloseTo(0.2, 12);
    expect(size / (4 * size)).toBe(0.25);
  });
});

// ---------------------------------------------------------------------------------------------
// References and labels
// ---------------------------------------------------------------------------------------------

describe('chapter references', () => {
  it('should cite only keys defined in the book bibliography', () => {
    const bib = readFileSync(bibPath, 'utf8');
    const defined = new Set([...bib.matchAll(/^@\w+\{([^,\s]+),/gm)].map((m) => m[1]));
    const cited = [...chapter.matchAll(/\{cite:[pt]\}`([^`]+)`/g)].flatMap((m) => (m[1] ?? '').split(','));
    expect(cited.length).toBeGreaterThan(0);
    for (const key of cited) expect(defined.has(key.trim()), `missing key ${key}`).toBe(true);
  });

  it('should define every equation and section label it references', () => {
    const equations = new Set([...chapter.matchAll(/\\label\{([^}]+)\}/g)].map((m) => m[1]));
    for (const m of chapter.matchAll(/\{eq\}`([^`]+)`/g)) expect(equations.has(m[1]), m[1]).toBe(true);
    const sections = new Set([...chapter.matchAll(/^\(([a-z0-9-]+)\)=$/gm)].map((m) => m[1]));
    for (const m of chapter.matchAll(/\{ref\}`([^`]+)`/g)) expect(sections.has(m[1]), m[1]).toBe(true);
  });
});
