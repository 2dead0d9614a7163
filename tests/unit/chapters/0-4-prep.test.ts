import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';

/**
 * Recomputes every number of the worked example in content/0-overview/0-4-prep.mdx — the 20 scored
 * loan applicants: losses, confusion matrices and metrics at several thresholds, the ROC curve and
 * its AUC, the calibration table, ECE and Brier score, and the exercises — and checks that the
 * coordinates drawn in the ROC and reliability figures are the computed ones.
 */

function readRepoFile(relativePath: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../${relativePath}`, import.meta.url)), 'utf8');
}

const chapterSource: string = readRepoFile('content/0-overview/0-4-prep.mdx');

/** One scored applicant: the model's score and whether they repaid (1) or defaulted (0). */
interface Example {
  readonly score: number;
  readonly label: 0 | 1;
}

/** The 20 applicants of the worked example, numbered 1 to 20 in decreasing order of score. */
const applicants: readonly Example[] = (
  [
    [0.95, 1], [0.9, 1], [0.85, 1], [0.8, 0], [0.75, 1],
    [0.7, 0], [0.65, 1], [0.6, 1], [0.55, 0], [0.5, 1],
    [0.45, 0], [0.4, 1], [0.35, 0], [0.3, 1], [0.25, 0],
    [0.2, 0], [0.15, 0], [0.1, 0], [0.08, 0], [0.05, 0],
  ] as const
).map(([score, label]) => ({ score, label }));

interface ConfusionMatrix {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

/** Confusion matrix of the rule "approve when score >= t" (eq-prep-threshold-rule). */
function confusionAt(data: readonly Example[], t: number): ConfusionMatrix {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { score, label } of data) {
    const approved = score >= t;
    if (approved && label === 1) tp += 1;
    else if (approved) fp += 1;
    else if (label === 1) fn += 1;
    else tn += 1;
  }
  return { tp, fp, fn, tn };
}

const total = (m: ConfusionMatrix): number => m.tp + m.fp + m.fn + m.tn;
const accuracy = (m: ConfusionMatrix): number => (m.tp + m.tn) / total(m);
const tpr = (m: ConfusionMatrix): number => m.tp / (m.tp + m.fn);
const fnr = (m: ConfusionMatrix): number => m.fn / (m.tp + m.fn);
const fpr = (m: ConfusionMatrix): number => m.fp / (m.fp + m.tn);
const tnr = (m: ConfusionMatrix): number => m.tn / (m.fp + m.tn);
const ppv = (m: ConfusionMatrix): number => m.tp / (m.tp + m.fp);
const npv = (m: ConfusionMatrix): number => m.tn / (m.tn + m.fn);
const f1 = (m: ConfusionMatrix): number => (2 * m.tp) / (2 * m.tp + m.fp + m.fn);
const baseRate = (m: ConfusionMatrix): number => (m.tp + m.fn) / total(m);
const selectionRate = (m: ConfusionMatrix): number => (m.tp + m.fp) / total(m);

/** PPV from error rates and base rate by Bayes' rule (eq-prep-ppv-bayes). */
function ppvFromRates(truePositiveRate: number, falsePositiveRate: number, p: number): number {
  return (truePositiveRate * p) / (truePositiveRate * p + falsePositiveRate * (1 - p));
}

/** Cost-optimal threshold for calibrated scores (eq-prep-cost-threshold). */
function costThreshold(costFalsePositive: number, costFalseNegative: number): number {
  return costFalsePositive / (costFalsePositive + costFalseNegative);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

describe('0-4 losses of the 20 scores', () => {
  it('should give an average log loss of 0.496', () => {
    const logLoss =
      applicants.reduce((sum, { score, label }) => sum - (label * Math.log(score) + (1 - label) * Math.log(1 - score)), 0) /
      applicants.length;
    expect(round(logLoss, 3)).toBe(0.496);
  });

  it('should give a Brier score of 0.169', () => {
    const brier = applicants.reduce((sum, { score, label }) => sum + (score - label) ** 2, 0) / applicants.length;
    expect(round(brier, 5)).toBe(0.16907);
    expect(round(brier, 3)).toBe(0.169);
  });

  it('should give a 0-1 loss of 5/20 = 0.25 at threshold 0.5', () => {
    const m = confusionAt(applicants, 0.5);
    expect((m.fp + m.fn) / total(m)).toBe(0.25);
  });
});

describe('0-4 confusion matrix and metrics', () => {
  it('should count 9 repayers and 11 defaulters', () => {
    expect(applicants.filter((a) => a.label === 1)).toHaveLength(9);
    expect(applicants.filter((a) => a.label === 0)).toHaveLength(11);
  });

  it('should give TP 7, FP 3, FN 2, TN 8 and the printed metrics at threshold 0.5', () => {
    const m = confusionAt(applicants, 0.5);
    expect(m).toEqual({ tp: 7, fp: 3, fn: 2, tn: 8 });
    expect(round(accuracy(m), 3)).toBe(0.75);
    expect(round(tpr(m), 3)).toBe(0.778);
    expect(round(fnr(m), 3)).toBe(0.222);
    expect(round(fpr(m), 3)).toBe(0.273);
    expect(round(tnr(m), 3)).toBe(0.727);
    expect(round(ppv(m), 3)).toBe(0.7);
    expect(round(npv(m), 3)).toBe(0.8);
    expect(round(f1(m), 3)).toBe(0.737);
    expect(f1(m)).toBeCloseTo(14 / 19, 12);
    expect(selectionRate(m)).toBe(0.5);
    expect(baseRate(m)).toBe(0.45);
  });

  it('should give TP 9, FP 5, FN 0, TN 6 and the printed metrics at threshold 0.3', () => {
    const m = confusionAt(applicants, 0.3);
    expect(m).toEqual({ tp: 9, fp: 5, fn: 0, tn: 6 });
    expect(round(accuracy(m), 3)).toBe(0.75);
    expect(tpr(m)).toBe(1);
    expect(fnr(m)).toBe(0);
    expect(round(fpr(m), 3)).toBe(0.455);
    expect(round(tnr(m), 3)).toBe(0.545);
    expect(round(ppv(m), 3)).toBe(0.643);
    expect(npv(m)).toBe(1);
    expect(round(f1(m), 3)).toBe(0.783);
    expect(f1(m)).toBeCloseTo(18 / 23, 12);
    expect(selectionRate(m)).toBe(0.7);
  });

  it('should print both columns of the threshold comparison table', () => {
    expect(chapterSource).toContain('| TP, FP, FN, TN | | 7, 3, 2, 8 | 9, 5, 0, 6 |');
    expect(chapterSource).toContain('| 7/9 = 0.778 | 9/9 = 1.000 |');
    expect(chapterSource).toContain('| 3/11 = 0.273 | 5/11 = 0.455 |');
    expect(chapterSource).toContain('| 7/10 = 0.700 | 9/14 = 0.643 |');
    expect(chapterSource).toContain('| 14/19 = 0.737 | 18/23 = 0.783 |');
  });

  it('should recover PPV = 0.35 / 0.50 = 0.70 from TPR, FPR and base rate at threshold 0.5', () => {
    const m = confusionAt(applicants, 0.5);
    const p = baseRate(m);
    expect(round(tpr(m) * p, 10)).toBe(0.35);
    expect(round(fpr(m) * (1 - p), 10)).toBe(0.15);
    expect(ppvFromRates(tpr(m), fpr(m), p)).toBeCloseTo(ppv(m), 12);
  });
});

describe('0-4 thresholds and costs', () => {
  it('should give the cost-optimal thresholds 0.5, 0.75 and 0.3', () => {
    expect(costThreshold(1, 1)).toBe(0.5);
    expect(costThreshold(3, 1)).toBe(0.75);
    expect(costThreshold(3, 7)).toBe(0.3);
  });
});

// ---------------------------------------------------------------------------
// ROC curve and AUC
// ---------------------------------------------------------------------------

interface RocPoint {
  readonly fpr: number;
  readonly tpr: number;
}

/** ROC points from (0, 0), lowering the threshold through each score in decreasing order. */
function rocPoints(data: readonly Example[]): RocPoint[] {
  const sorted = [...data].sort((a, b) => b.score - a.score);
  const points: RocPoint[] = [{ fpr: 0, tpr: 0 }];
  for (const { score } of sorted) {
    const m = confusionAt(data, score);
    points.push({ fpr: fpr(m), tpr: tpr(m) });
  }
  return points;
}

/** AUC as the share of correctly ordered positive-negative pairs, ties counting one half (eq-prep-auc). */
function aucByPairs(data: readonly Example[]): { readonly ordered: number; readonly pairs: number } {
  const positives = data.filter((d) => d.label === 1);
  const negatives = data.filter((d) => d.label === 0);
  let ordered = 0;
  for (const pos of positives) {
    for (const neg of negatives) {
      if (pos.score > neg.score) ordered += 1;
      else if (pos.score === neg.score) ordered += 0.5;
    }
  }
  return { ordered, pairs: positives.length * negatives.length };
}

/** Area under a piecewise-linear curve by the trapezoid rule. */
function areaUnder(points: readonly RocPoint[]): number {
  let area = 0;
  for (let i = 1; i < points.length; i += 1) {
    const previous = points[i - 1];
    const current = points[i];
    if (previous === undefined || current === undefined) continue;
    area += (current.fpr - previous.fpr) * ((current.tpr + previous.tpr) / 2);
  }
  return area;
}

/** Plot frame of the ROC and reliability figures: x from 100 to 480, y from 450 (value 0) to 70 (value 1). */
const toSvgX = (v: number): number => 100 + 380 * v;
const toSvgY = (v: number): number => 450 - 380 * v;

/** Reads the points attribute of the polyline with the given id from an SVG file. */
function polylinePoints(svg: string, id: string): Array<readonly [number, number]> {
  const match = new RegExp(`<polyline id="${id}" points="([^"]+)"`).exec(svg);
  const raw = match?.[1];
  if (raw === undefined) throw new Error(`no polyline with id ${id}`);
  return raw
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [x, y] = pair.split(',').map(Number);
      return [x ?? Number.NaN, y ?? Number.NaN] as const;
    });
}

describe('0-4 ROC curve and AUC', () => {
  it('should count 82 of 99 pairs correctly ordered, AUC 0.828', () => {
    const { ordered, pairs } = aucByPairs(applicants);
    expect(ordered).toBe(82);
    expect(pairs).toBe(99);
    expect(round(ordered / pairs, 3)).toBe(0.828);
  });

  it('should count 11, 11, 11, 10, 9, 9, 8, 7, 6 lower-scored defaulters for the nine repayers', () => {
    const negatives = applicants.filter((a) => a.label === 0);
    const counts = applicants
      .filter((a) => a.label === 1)
      .map((pos) => negatives.filter((neg) => neg.score < pos.score).length);
    expect(counts).toEqual([11, 11, 11, 10, 9, 9, 8, 7, 6]);
  });

  it('should give the same AUC as the area under the staircase', () => {
    expect(areaUnder(rocPoints(applicants))).toBeCloseTo(82 / 99, 12);
  });

  it('should pass through (0, 3/9), (1/11, 3/9), (3/11, 7/9) and (5/11, 1)', () => {
    const points = rocPoints(applicants);
    expect(points).toContainEqual({ fpr: 0, tpr: 3 / 9 });
    expect(points).toContainEqual({ fpr: 1 / 11, tpr: 3 / 9 });
    expect(points).toContainEqual({ fpr: 3 / 11, tpr: 7 / 9 });
    expect(points).toContainEqual({ fpr: 5 / 11, tpr: 1 });
  });

  it('should draw the computed ROC points in the figure', () => {
    const svg = readRepoFile('public/figures/0-4-prep/roc-curve.svg');
    const drawn = polylinePoints(svg, '0-4-prep-roc-curve');
    const computed = rocPoints(applicants);
    expect(drawn).toHaveLength(computed.length);
    computed.forEach((point, i) => {
      const [x, y] = drawn[i] ?? [Number.NaN, Number.NaN];
      expect(x).toBeCloseTo(toSvgX(point.fpr), 1);
      expect(y).toBeCloseTo(toSvgY(point.tpr), 1);
    });
  });

  it('should mark the operating points of thresholds 0.5 and 0.3 at their computed coordinates', () => {
    const svg = readRepoFile('public/figures/0-4-prep/roc-curve.svg');
    const circle = /<circle id="0-4-prep-roc-t05" cx="([\d.]+)" cy="([\d.]+)"/.exec(svg);
    expect(Number(circle?.[1])).toBeCloseTo(toSvgX(3 / 11), 1);
    expect(Number(circle?.[2])).toBeCloseTo(toSvgY(7 / 9), 1);
    const square = /<rect id="0-4-prep-roc-t03" x="([\d.]+)" y="([\d.]+)" width="15" height="15"/.exec(svg);
    expect(Number(square?.[1]) + 7.5).toBeCloseTo(toSvgX(5 / 11), 1);
    expect(Number(square?.[2]) + 7.5).toBeCloseTo(toSvgY(1), 1);
  });
});

// ---------------------------------------------------------------------------
// Calibration
// ---------------------------------------------------------------------------

interface CalibrationBin {
  readonly count: number;
  readonly meanScore: number;
  readonly fractionPositive: number;
}

/** Bins [0, 0.2), [0.2, 0.4), …, [0.8, 1.0] with mean score and fraction of positives. */
function calibrationBins(data: readonly Example[], edges: readonly number[]): CalibrationBin[] {
  const bins: CalibrationBin[] = [];
  for (let k = 0; k + 1 < edges.length; k += 1) {
    const low = edges[k] ?? 0;
    const high = edges[k + 1] ?? 1;
    const isLast = k + 2 === edges.length;
    const members = data.filter((d) => d.score >= low && (d.score < high || (isLast && d.score <= high)));
    bins.push({
      count: members.length,
      meanScore: members.reduce((s, d) => s + d.score, 0) / members.length,
      fractionPositive: members.reduce((s, d) => s + d.label, 0) / members.length,
    });
  }
  return bins;
}

/** Expected calibration error (eq-prep-ece). */
function expectedCalibrationError(bins: readonly CalibrationBin[], n: number): number {
  return bins.reduce((sum, b) => sum + (b.count / n) * Math.abs(b.fractionPositive - b.meanScore), 0);
}

const edges: readonly number[] = [0, 0.2, 0.4, 0.6, 0.8, 1.0];

describe('0-4 calibration', () => {
  it('should give four applicants per bin with the printed means and fractions', () => {
    const bins = calibrationBins(applicants, edges);
    expect(bins.map((b) => b.count)).toEqual([4, 4, 4, 4, 4]);
    expect(bins.map((b) => round(b.meanScore, 3))).toEqual([0.095, 0.275, 0.475, 0.675, 0.875]);
    expect(bins.map((b) => b.fractionPositive)).toEqual([0, 0.25, 0.5, 0.75, 0.75]);
    expect(bins.map((b) => round(b.fractionPositive - b.meanScore, 3))).toEqual([-0.095, -0.025, 0.025, 0.075, -0.125]);
  });

  it('should give ECE = 0.2 x 0.345 = 0.069', () => {
    const bins = calibrationBins(applicants, edges);
    expect(round(expectedCalibrationError(bins, applicants.length), 3)).toBe(0.069);
  });

  it('should draw the computed bin points in the reliability diagram', () => {
    const svg = readRepoFile('public/figures/0-4-prep/reliability-diagram.svg');
    const drawn = polylinePoints(svg, '0-4-prep-reliability-curve');
    const bins = calibrationBins(applicants, edges);
    expect(drawn).toHaveLength(bins.length);
    bins.forEach((bin, i) => {
      const [x, y] = drawn[i] ?? [Number.NaN, Number.NaN];
      expect(x).toBeCloseTo(toSvgX(bin.meanScore), 1);
      expect(y).toBeCloseTo(toSvgY(bin.fractionPositive), 1);
    });
  });

  it('should treat a constant score of 0.45 as calibrated on average but with AUC 0.5', () => {
    const constant = applicants.map((a) => ({ ...a, score: 0.45 }));
    const mean = constant.reduce((s, d) => s + d.label, 0) / constant.length;
    expect(mean).toBe(0.45);
    const { ordered, pairs } = aucByPairs(constant);
    expect(ordered / pairs).toBe(0.5);
  });
});

describe('0-4 exercises', () => {
  it('should give the printed metrics at threshold 0.7 (Exercise 1)', () => {
    const m = confusionAt(applicants, 0.7);
    expect(m).toEqual({ tp: 4, fp: 2, fn: 5, tn: 9 });
    expect(accuracy(m)).toBe(0.65);
    expect(round(tpr(m), 3)).toBe(0.444);
    expect(round(fpr(m), 3)).toBe(0.182);
    expect(round(ppv(m), 3)).toBe(0.667);
    expect(round(npv(m), 3)).toBe(0.643);
    expect(round(f1(m), 3)).toBe(0.533);
    expect(rocPoints(applicants)).toContainEqual({ fpr: fpr(m), tpr: tpr(m) });
  });

  it('should give PPV 0.643 at threshold 0.3 and 0.423 for a base rate of 0.25 (Exercise 2)', () => {
    const m = confusionAt(applicants, 0.3);
    expect(round(tpr(m) * baseRate(m), 10)).toBe(0.45);
    expect(round(fpr(m) * (1 - baseRate(m)), 10)).toBe(0.25);
    expect(round(ppvFromRates(tpr(m), fpr(m), baseRate(m)), 3)).toBe(0.643);
    expect(round(0.25 + fpr(m) * 0.75, 3)).toBe(0.591);
    expect(round(ppvFromRates(tpr(m), fpr(m), 0.25), 3)).toBe(0.423);
  });

  it('should give total costs 8, 11, 15 and 11 at thresholds 0.75, 0.5, 0.3 and 0.7 (Exercise 3)', () => {
    const cost = (t: number): number => {
      const m = confusionAt(applicants, t);
      return 3 * m.fp + m.fn;
    };
    expect(confusionAt(applicants, 0.75)).toEqual({ tp: 4, fp: 1, fn: 5, tn: 10 });
    expect([0.75, 0.5, 0.3, 0.7].map(cost)).toEqual([8, 11, 15, 11]);
  });

  it('should give accuracy 0.947 and PPV 0.246 for the fraud classifier (Exercise 4)', () => {
    const p = 0.02;
    expect(round(0.98, 2)).toBe(1 - p);
    expect(round(p * 0.8 + (1 - p) * 0.95, 3)).toBe(0.947);
    expect(round(p * 0.8, 3)).toBe(0.016);
    expect(round((1 - p) * 0.05, 3)).toBe(0.049);
    expect(round(ppvFromRates(0.8, 0.05, p), 3)).toBe(0.246);
  });

  it('should keep AUC 82/99 and give bin means 0.769 and 0.459 after squaring the scores (Exercise 5)', () => {
    const squared = applicants.map((a) => ({ ...a, score: a.score ** 2 }));
    const { ordered, pairs } = aucByPairs(squared);
    expect(ordered / pairs).toBeCloseTo(82 / 99, 12);
    const meanOf = (ids: readonly number[]): number =>
      ids.reduce((s, id) => s + (squared[id - 1]?.score ?? Number.NaN), 0) / ids.length;
    expect(round(meanOf([1, 2, 3, 4]), 3)).toBe(0.769);
    expect(round(meanOf([5, 6, 7, 8]), 3)).toBe(0.459);
  });
});
