import { describe, it, expect } from 'vitest';

/**
 * Recomputes every number of the worked examples in content/1-fairness/1-2-measure.mdx:
 * the two-group impossibility example built on Chouldechova's identity, the differences-versus-ratios
 * and uncertainty examples, the intersectional example, and the answers to Exercises 2 to 5.
 */

/** Confusion matrix of a binary decision within one group. */
interface ConfusionMatrix {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

function size(m: ConfusionMatrix): number {
  return m.tp + m.fp + m.fn + m.tn;
}

function baseRate(m: ConfusionMatrix): number {
  return (m.tp + m.fn) / size(m);
}

function selectionRate(m: ConfusionMatrix): number {
  return (m.tp + m.fp) / size(m);
}

function truePositiveRate(m: ConfusionMatrix): number {
  return m.tp / (m.tp + m.fn);
}

function falseNegativeRate(m: ConfusionMatrix): number {
  return m.fn / (m.tp + m.fn);
}

function falsePositiveRate(m: ConfusionMatrix): number {
  return m.fp / (m.fp + m.tn);
}

function positivePredictiveValue(m: ConfusionMatrix): number {
  return m.tp / (m.tp + m.fp);
}

function accuracy(m: ConfusionMatrix): number {
  return (m.tp + m.tn) / size(m);
}

/** Chouldechova's identity (equation eq-measure-chouldechova): FPR from base rate, PPV and FNR. */
function chouldechovaFpr(p: number, ppv: number, fnr: number): number {
  return (p / (1 - p)) * ((1 - ppv) / ppv) * (1 - fnr);
}

/** Builds the confusion matrix of a group of n people with base rate p, a given PPV and FNR. */
function matrixFromRates(n: number, p: number, ppv: number, fnr: number): ConfusionMatrix {
  const positives = n * p;
  const tp = positives * (1 - fnr);
  const fn = positives * fnr;
  const fp = (tp * (1 - ppv)) / ppv;
  const tn = n * (1 - p) - fp;
  return { tp, fp, fn, tn };
}

/** Standard error of a proportion (equation eq-measure-standard-error). */
function standardError(rate: number, n: number): number {
  return Math.sqrt((rate * (1 - rate)) / n);
}

/** Approximate 95% confidence interval of a difference between two independent proportions. */
function differenceInterval(rateA: number, nA: number, rateB: number, nB: number): [number, number] {
  const difference = rateA - rateB;
  const se = Math.hypot(standardError(rateA, nA), standardError(rateB, nB));
  return [difference - 1.96 * se, difference + 1.96 * se];
}

/** Approximate 95% confidence interval of a ratio of two independent proportions, on the log scale. */
function ratioInterval(rateA: number, nA: number, rateB: number, nB: number): [number, number] {
  const logRatio = Math.log(rateA / rateB);
  const se = Math.sqrt((1 - rateA) / (nA * rateA) + (1 - rateB) / (nB * rateB));
  return [Math.exp(logRatio - 1.96 * se), Math.exp(logRatio + 1.96 * se)];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const groupA: ConfusionMatrix = { tp: 400, fp: 100, fn: 100, tn: 400 };
const groupB: ConfusionMatrix = { tp: 160, fp: 40, fn: 40, tn: 760 };

describe('chapter 1-2 worked example: equal PPV and FNR force unequal FPR', () => {
  it('should give groups of 1,000 with base rates 0.5 and 0.2', () => {
    expect(size(groupA)).toBe(1000);
    expect(size(groupB)).toBe(1000);
    expect(baseRate(groupA)).toBe(0.5);
    expect(baseRate(groupB)).toBe(0.2);
  });

  it('should match the confusion matrices built from PPV = 0.8 and FNR = 0.2', () => {
    const builtA = matrixFromRates(1000, 0.5, 0.8, 0.2);
    const builtB = matrixFromRates(1000, 0.2, 0.8, 0.2);
    for (const [built, printed] of [
      [builtA, groupA],
      [builtB, groupB],
    ] as const) {
      expect(built.tp).toBeCloseTo(printed.tp, 9);
      expect(built.fp).toBeCloseTo(printed.fp, 9);
      expect(built.fn).toBeCloseTo(printed.fn, 9);
      expect(built.tn).toBeCloseTo(printed.tn, 9);
    }
  });

  it('should satisfy predictive parity and equal opportunity', () => {
    expect(falseNegativeRate(groupA)).toBe(0.2);
    expect(falseNegativeRate(groupB)).toBe(0.2);
    expect(positivePredictiveValue(groupA)).toBe(0.8);
    expect(positivePredictiveValue(groupB)).toBe(0.8);
    expect(truePositiveRate(groupA)).toBe(truePositiveRate(groupB));
  });

  it('should give false positive rates of 0.20 and 0.05, a ratio of 4', () => {
    expect(falsePositiveRate(groupA)).toBe(0.2);
    expect(falsePositiveRate(groupB)).toBe(0.05);
    expect(falsePositiveRate(groupA) / falsePositiveRate(groupB)).toBeCloseTo(4, 12);
  });

  it('should reproduce the FPRs with Chouldechova identity', () => {
    expect(chouldechovaFpr(0.5, 0.8, 0.2)).toBeCloseTo(0.2, 12);
    expect(chouldechovaFpr(0.2, 0.8, 0.2)).toBeCloseTo(0.05, 12);
  });

  it('should make the FPR ratio equal the ratio of base-rate odds', () => {
    const odds = (p: number): number => p / (1 - p);
    expect(odds(0.2)).toBeCloseTo(0.25, 12);
    expect(odds(0.5) / odds(0.2)).toBeCloseTo(falsePositiveRate(groupA) / falsePositiveRate(groupB), 12);
  });

  it('should give selection rates 0.50 and 0.20 and accuracies 0.80 and 0.92', () => {
    expect(selectionRate(groupA)).toBe(0.5);
    expect(selectionRate(groupB)).toBe(0.2);
    expect(round2(selectionRate(groupB) / selectionRate(groupA))).toBe(0.4);
    expect(accuracy(groupA)).toBe(0.8);
    expect(accuracy(groupB)).toBe(0.92);
  });

  it('should drop group B PPV to 0.5 when its FPR is raised to 0.20 at FNR 0.2', () => {
    const fp = 0.2 * 800;
    const equalFpr: ConfusionMatrix = { tp: 160, fp, fn: 40, tn: 800 - fp };
    expect(fp).toBe(160);
    expect(falsePositiveRate(equalFpr)).toBeCloseTo(0.2, 12);
    expect(falseNegativeRate(equalFpr)).toBe(0.2);
    expect(positivePredictiveValue(equalFpr)).toBe(0.5);
    expect(chouldechovaFpr(0.2, 0.5, 0.2)).toBeCloseTo(0.2, 12);
  });

  it('should hold the identity for any confusion matrix', () => {
    const matrices: readonly ConfusionMatrix[] = [groupA, groupB, { tp: 7, fp: 13, fn: 3, tn: 77 }, { tp: 51, fp: 9, fn: 22, tn: 18 }];
    for (const m of matrices) {
      const fpr = chouldechovaFpr(baseRate(m), positivePredictiveValue(m), falseNegativeRate(m));
      expect(fpr).toBeCloseTo(falsePositiveRate(m), 12);
    }
  });
});

describe('chapter 1-2 differences versus ratios', () => {
  it('should give a difference of 0.01 but a ratio of 0.5 for rates 0.02 and 0.01', () => {
    expect(round2(0.02 - 0.01)).toBe(0.01);
    expect(0.01 / 0.02).toBe(0.5);
  });

  it('should pass four-fifths on selection but give a rejection ratio of 0.5 for rates 0.90 and 0.80', () => {
    expect(round2(0.9 - 0.8)).toBe(0.1);
    expect(round2(0.8 / 0.9)).toBe(0.89);
    expect(0.8 / 0.9 >= 0.8).toBe(true);
    expect(round2(1 - 0.9)).toBe(0.1);
    expect(round2(1 - 0.8)).toBe(0.2);
    expect(round2((1 - 0.9) / (1 - 0.8))).toBe(0.5);
  });
});

describe('chapter 1-2 uncertainty and sample size', () => {
  const small = { rate: 12 / 40, n: 40 };
  const large = { rate: 800 / 2000, n: 2000 };

  it('should give rates 0.30 and 0.40 and an impact ratio of 0.75', () => {
    expect(small.rate).toBeCloseTo(0.3, 12);
    expect(large.rate).toBe(0.4);
    expect(small.rate / large.rate).toBeCloseTo(0.75, 12);
  });

  it('should give the subgroup a standard error of about 0.072 and the difference one of about 0.073', () => {
    expect(standardError(small.rate, small.n)).toBeCloseTo(0.072, 3);
    expect(Math.hypot(standardError(small.rate, small.n), standardError(large.rate, large.n))).toBeCloseTo(0.073, 3);
  });

  it('should give a difference interval from -0.04 to 0.24 that contains zero', () => {
    const [low, high] = differenceInterval(large.rate, large.n, small.rate, small.n);
    expect(round2(low)).toBe(-0.04);
    expect(round2(high)).toBe(0.24);
    expect(low < 0 && high > 0).toBe(true);
  });

  it('should give a log-scale ratio interval from about 0.47 to 1.21', () => {
    const [low, high] = ratioInterval(small.rate, small.n, large.rate, large.n);
    expect(round2(low)).toBe(0.47);
    expect(round2(high)).toBe(1.21);
  });

  it('should need about 85 subgroup members for the difference interval to exclude zero', () => {
    const excludesZero = (n: number): boolean => differenceInterval(large.rate, large.n, small.rate, n)[0] > 0;
    let n = 1;
    while (!excludesZero(n)) n += 1;
    expect(n).toBe(85);
  });
});

describe('chapter 1-2 intersectional subgroups', () => {
  const subgroups = [
    { gender: 'men', ethnicity: 'X', n: 100, rate: 0.6 },
    { gender: 'men', ethnicity: 'Y', n: 100, rate: 0.2 },
    { gender: 'women', ethnicity: 'X', n: 100, rate: 0.2 },
    { gender: 'women', ethnicity: 'Y', n: 100, rate: 0.6 },
  ] as const;

  function marginalRate(keep: (g: (typeof subgroups)[number]) => boolean): number {
    const members = subgroups.filter(keep);
    const selected = members.reduce((sum, g) => sum + g.n * g.rate, 0);
    const total = members.reduce((sum, g) => sum + g.n, 0);
    return selected / total;
  }

  it('should give every gender and every ethnicity a selection rate of 0.4', () => {
    expect(marginalRate((g) => g.gender === 'men')).toBeCloseTo(0.4, 12);
    expect(marginalRate((g) => g.gender === 'women')).toBeCloseTo(0.4, 12);
    expect(marginalRate((g) => g.ethnicity === 'X')).toBeCloseTo(0.4, 12);
    expect(marginalRate((g) => g.ethnicity === 'Y')).toBeCloseTo(0.4, 12);
  });

  it('should select two subgroups at a third of the rate of the other two', () => {
    const rates = subgroups.map((g) => g.rate);
    expect(Math.min(...rates) / Math.max(...rates)).toBeCloseTo(1 / 3, 12);
  });
});

describe('chapter 1-2 exercises', () => {
  it('should reproduce Exercise 2: FPRs of about 0.311 and 0.052 and the confusion matrix', () => {
    expect(chouldechovaFpr(0.4, 0.6, 0.3)).toBeCloseTo(0.311, 3);
    expect(chouldechovaFpr(0.1, 0.6, 0.3)).toBeCloseTo(0.052, 3);
    const m = matrixFromRates(1000, 0.1, 0.6, 0.3);
    expect(m.tp).toBeCloseTo(70, 9);
    expect(m.fn).toBeCloseTo(30, 9);
    expect(m.fp).toBeCloseTo(46.7, 1);
    expect(Math.round(m.fp)).toBe(47);
    expect(Math.round(m.tn)).toBe(853);
    expect(falsePositiveRate(m)).toBeCloseTo(0.052, 3);
  });

  it('should reproduce Exercise 3: FNR 0.8 for group A at PPV 0.8 and FPR 0.05', () => {
    const sensitivity = 0.05 / ((0.5 / 0.5) * (0.2 / 0.8));
    expect(sensitivity).toBeCloseTo(0.2, 12);
    const m = matrixFromRates(1000, 0.5, 0.8, 1 - sensitivity);
    expect(m.tp).toBeCloseTo(100, 9);
    expect(m.fn).toBeCloseTo(400, 9);
    expect(m.fp).toBeCloseTo(25, 9);
    expect(m.tn).toBeCloseTo(475, 9);
    expect(positivePredictiveValue(m)).toBeCloseTo(0.8, 12);
    expect(falsePositiveRate(m)).toBeCloseTo(0.05, 12);
    expect(falseNegativeRate(m)).toBeCloseTo(0.8, 12);
  });

  it('should reproduce Exercise 4: the base-rate score is calibrated but selects whole groups', () => {
    const threshold = 0.3;
    const decide = (score: number): number => (score >= threshold ? 1 : 0);
    // Everyone in group A gets score 0.5, everyone in group B gets 0.2.
    const selectedA = decide(baseRate(groupA));
    const selectedB = decide(baseRate(groupB));
    const a: ConfusionMatrix = { tp: 500 * selectedA, fp: 500 * selectedA, fn: 500 * (1 - selectedA), tn: 500 * (1 - selectedA) };
    const b: ConfusionMatrix = { tp: 200 * selectedB, fp: 800 * selectedB, fn: 200 * (1 - selectedB), tn: 800 * (1 - selectedB) };
    // Calibration: the share of positives among people with score p_a is p_a.
    expect(baseRate(a)).toBe(0.5);
    expect(baseRate(b)).toBe(0.2);
    expect([truePositiveRate(a), falsePositiveRate(a)]).toEqual([1, 1]);
    expect([truePositiveRate(b), falsePositiveRate(b)]).toEqual([0, 0]);
  });

  it('should reproduce Exercise 5: a difference interval from -0.07 to 0.27', () => {
    expect(standardError(9 / 30, 30)).toBeCloseTo(0.0837, 4);
    expect(standardError(200 / 1000, 1000)).toBeCloseTo(0.0126, 4);
    expect(Math.hypot(standardError(0.3, 30), standardError(0.2, 1000))).toBeCloseTo(0.0846, 4);
    const [low, high] = differenceInterval(9 / 30, 30, 200 / 1000, 1000);
    expect((high - low) / 2).toBeCloseTo(0.166, 3);
    expect(round2(low)).toBe(-0.07);
    expect(round2(high)).toBe(0.27);
  });
});
