/**
 * The threshold explorer's arithmetic (src/interactive/threshold-explorer): confusion matrices and
 * metrics at a threshold, the ROC curve, the slider's snap points, the directive's options — and that
 * the data written in the chapter's directive are the chapter's table, with the chapter's numbers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  confusionAt,
  formatRatio,
  nearestThreshold,
  rocCurve,
  type ScoredExample,
  snapThresholds,
  stepThreshold,
  thresholdState,
} from '../../../src/interactive/classification/classification.js';
import { readThresholdExplorerOptions } from '../../../src/interactive/threshold-explorer/options.js';
import { rocPolylinePoints, rocX, rocY } from '../../../src/interactive/classification/roc-plot.js';
import { scoreText } from '../../../src/interactive/classification/wording.js';
import { summaryText } from '../../../src/interactive/threshold-explorer/wording.js';

/** The 20 applicants of content/0-overview/0-4-prep.mdx, in the chapter's order. */
const applicants: ScoredExample[] = (
  [
    [0.95, 1], [0.9, 1], [0.85, 1], [0.8, 0], [0.75, 1],
    [0.7, 0], [0.65, 1], [0.6, 1], [0.55, 0], [0.5, 1],
    [0.45, 0], [0.4, 1], [0.35, 0], [0.3, 1], [0.25, 0],
    [0.2, 0], [0.15, 0], [0.1, 0], [0.08, 0], [0.05, 0],
  ] as const
).map(([score, outcome]) => ({ score, outcome }));

/** Every metric of a state, formatted as the explorer shows it. */
function shown(threshold: number) {
  const state = thresholdState(applicants, threshold);
  return {
    matrix: state.matrix,
    approved: state.approved,
    accuracy: formatRatio(state.accuracy),
    tpr: formatRatio(state.tpr),
    fpr: formatRatio(state.fpr),
    ppv: formatRatio(state.ppv),
    npv: formatRatio(state.npv),
    f1: formatRatio(state.f1),
  };
}

describe('thresholdState', () => {
  it('should give the chapter’s confusion matrix and metrics at t = 0.5', () => {
    expect(shown(0.5)).toEqual({
      matrix: { tp: 7, fp: 3, fn: 2, tn: 8 },
      approved: 10,
      accuracy: '15/20 = 0.75',
      tpr: '7/9 ≈ 0.78',
      fpr: '3/11 ≈ 0.27',
      ppv: '7/10 = 0.70',
      npv: '8/10 = 0.80',
      f1: '14/19 ≈ 0.74',
    });
  });

  it('should give the chapter’s numbers at t = 0.3 and at t = 0.7 (exercise 1)', () => {
    expect(shown(0.3)).toMatchObject({ matrix: { tp: 9, fp: 5, fn: 0, tn: 6 }, accuracy: '15/20 = 0.75', tpr: '9/9 = 1.00', ppv: '9/14 ≈ 0.64', npv: '6/6 = 1.00', f1: '18/23 ≈ 0.78' });
    expect(shown(0.7)).toMatchObject({ matrix: { tp: 4, fp: 2, fn: 5, tn: 9 }, accuracy: '13/20 = 0.65', tpr: '4/9 ≈ 0.44', fpr: '2/11 ≈ 0.18', ppv: '4/6 ≈ 0.67', npv: '9/14 ≈ 0.64', f1: '8/15 ≈ 0.53' });
  });

  it('should approve a score equal to the threshold, even when the threshold carries a rounding error', () => {
    expect(0.1 + 0.2).toBeGreaterThan(0.3);
    expect(confusionAt(applicants, 0.1 + 0.2)).toEqual(confusionAt(applicants, 0.3));
    expect(thresholdState(applicants, 0.3).approved).toBe(14);
  });

  it('should say "undefined" for a ratio of zero over zero at the ends of the slider', () => {
    expect(shown(1)).toMatchObject({ approved: 0, matrix: { tp: 0, fp: 0, fn: 9, tn: 11 }, ppv: '0/0, undefined', tpr: '0/9 = 0.00', f1: '0/9 = 0.00' });
    expect(shown(0)).toMatchObject({ approved: 20, npv: '0/0, undefined', fpr: '11/11 = 1.00' });
    expect(summaryText(thresholdState(applicants, 1), 20)).toBe(
      'Threshold 1.00: 0 of 20 approved. TP 0, FP 0, FN 9, TN 11. Accuracy 0.55, TPR 0.00, FPR 0.00, PPV undefined, NPV 0.55, F1 0.00.',
    );
  });
});

describe('rocCurve', () => {
  it('should be the chapter’s staircase from (0, 0) to (1, 1), with AUC 82/99', () => {
    const curve = rocCurve(applicants);
    expect(curve).toHaveLength(21);
    expect(curve[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(curve[3]).toEqual({ fpr: 0, tpr: 3 / 9 });
    expect(curve[4]).toEqual({ fpr: 1 / 11, tpr: 3 / 9 });
    expect(curve[10]).toEqual({ fpr: 3 / 11, tpr: 7 / 9 });
    expect(curve[20]).toEqual({ fpr: 1, tpr: 1 });
    const auc = curve.slice(1).reduce((area, point, index) => {
      const previous = curve[index] as { fpr: number; tpr: number };
      return area + ((point.fpr - previous.fpr) * (point.tpr + previous.tpr)) / 2;
    }, 0);
    expect(auc).toBeCloseTo(82 / 99, 12);
  });

  it('should pass tied scores together, as one diagonal step', () => {
    expect(rocCurve([{ score: 0.9, outcome: 1 }, { score: 0.5, outcome: 1 }, { score: 0.5, outcome: 0 }, { score: 0.1, outcome: 0 }])).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0, tpr: 0.5 },
      { fpr: 0.5, tpr: 1 },
      { fpr: 1, tpr: 1 },
    ]);
  });

  it('should draw the curve in the plot’s square, 1 at the top', () => {
    expect([rocX(0), rocY(0), rocX(1), rocY(1)]).toEqual([40, 208, 240, 8]);
    expect(rocPolylinePoints(rocCurve(applicants)).split(' ').slice(0, 5)).toEqual(['40,208', '40,185.78', '40,163.56', '40,141.33', '58.18,141.33']);
  });
});

describe('snapThresholds and stepThreshold', () => {
  const snaps = snapThresholds(applicants);

  it('should stop at 0, at every score and at 1', () => {
    expect(snaps).toHaveLength(22);
    expect(snaps.slice(0, 4)).toEqual([0, 0.05, 0.08, 0.1]);
    expect(snaps.at(-1)).toBe(1);
  });

  it('should step to the next score up or down, and stay at the ends', () => {
    expect(stepThreshold(snaps, 0.5, -1)).toBe(0.45);
    expect(stepThreshold(snaps, 0.5, 1)).toBe(0.55);
    expect(stepThreshold(snaps, 0.47, 1)).toBe(0.5);
    expect(stepThreshold(snaps, 0.1, -1)).toBe(0.08);
    expect(stepThreshold(snaps, 0.95, 1)).toBe(1);
    expect(stepThreshold(snaps, 1, 1)).toBe(1);
    expect(stepThreshold(snaps, 0, -1)).toBe(0);
  });

  it('should snap a pointer’s value to the nearest stop', () => {
    expect(nearestThreshold(snaps, 0.47)).toBe(0.45);
    expect(nearestThreshold(snaps, 0.48)).toBe(0.5);
    expect(nearestThreshold(snaps, 0.07)).toBe(0.08);
    expect(nearestThreshold(snaps, 0.99)).toBe(1);
    expect(nearestThreshold(snaps, 0)).toBe(0);
  });
});

describe('readThresholdExplorerOptions', () => {
  it('should read scores, outcomes and the starting threshold (0.5 by default)', () => {
    expect(readThresholdExplorerOptions({ scores: '0.9 0.4, .2', outcomes: '1 0 0' })).toEqual({
      data: { examples: [{ score: 0.9, outcome: 1 }, { score: 0.4, outcome: 0 }, { score: 0.2, outcome: 0 }], threshold: 0.5 },
      problems: [],
    });
    expect(readThresholdExplorerOptions({ scores: '0.9 0.4', outcomes: '1 0', threshold: '0.3' }).data.threshold).toBe(0.3);
  });

  it('should name each problem with the option it is in', () => {
    expect(readThresholdExplorerOptions({}).problems.map((problem) => problem.option)).toEqual(['scores', 'outcomes']);
    expect(readThresholdExplorerOptions({ scores: '0.9 1.5 abc', outcomes: '1 0 2', threshold: 'half' }).problems).toEqual([
      { option: 'scores', reason: 'has scores that are not numbers from 0 to 1: `1.5`, `abc`' },
      { option: 'outcomes', reason: 'has outcomes other than 1 or 0: `2`' },
      { option: 'threshold', reason: 'is `half`; it must be a number from 0 to 1' },
    ]);
    expect(readThresholdExplorerOptions({ scores: '0.9 0.4', outcomes: '1' }).problems).toEqual([
      { option: 'outcomes', reason: 'has 1 outcomes for 2 scores; give one outcome per score' },
      { option: 'outcomes', reason: 'needs both outcomes, 1 and 0: the true and false positive rates and the ROC curve divide by each count' },
    ]);
  });
});

describe('the chapter’s explorer', () => {
  const chapter = readFileSync(fileURLToPath(new URL('../../../content/0-overview/0-4-prep.mdx', import.meta.url)), 'utf8');
  const directive = /```\{interactive\} threshold-explorer\n([\s\S]*?)```/.exec(chapter)?.[1] ?? '';
  const option = (name: string) => new RegExp(`^:${name}: (.*)$`, 'm').exec(directive)?.[1];

  it('should be given exactly the 20 applicants of the chapter’s table, in its numbering', () => {
    // The table has two applicants per row: | 1 | 0.95 | 1 | | 11 | 0.45 | 0 |
    const rows = [...chapter.matchAll(/^\| (\d+) \| ([\d.]+) \| ([01]) \| \| (\d+) \| ([\d.]+) \| ([01]) \|$/gm)];
    const table = rows
      .flatMap((row) => [[row[1], row[2], row[3]], [row[4], row[5], row[6]]])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(table.map((row) => Number(row[0]))).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    const { data, problems } = readThresholdExplorerOptions({ scores: option('scores'), outcomes: option('outcomes'), threshold: option('threshold') });
    expect(problems).toEqual([]);
    expect(data.examples).toEqual(table.map((row) => ({ score: Number(row[1]), outcome: Number(row[2]) })));
    expect(data.examples).toEqual(applicants);
    expect(data.threshold).toBe(0.5);
    expect(data.examples.map((example) => scoreText(example.score))).toEqual(table.map((row) => row[1]));
  });

  it('should open at the state the chapter’s text describes', () => {
    expect(chapter).toContain('so $\\text{TP} = 7$ and $\\text{FP} = 3$');
    expect(chapter).toContain('so $\\text{FN} = 2$ and $\\text{TN} = 8$');
    expect(chapter).toContain('| Accuracy | {eq}`eq-prep-accuracy` | 15/20 = 0.750 |');
    expect(chapter).toContain('| F1 | {eq}`eq-prep-f1` | 14/19 = 0.737 |');
    expect(option('alt')).toContain('TP 7, FP 3, FN 2, TN 8, accuracy 0.75, TPR 0.78, FPR 0.27, PPV 0.70, NPV 0.80, F1 0.74, ROC point (0.27, 0.78)');
    expect(shown(0.5).matrix).toEqual({ tp: 7, fp: 3, fn: 2, tn: 8 });
  });
});
