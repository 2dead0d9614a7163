/**
 * The fairness explorer's arithmetic (src/interactive/fairness-explorer): expected confusion matrices
 * of deterministic and randomised rules, the criteria's gaps and marks, the searches behind its buttons,
 * the directive's options — and that the data written in the chapters' directives reproduce the numbers
 * that Chapters 1.2 and 1.3 print, read from their source.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  approvalProbability,
  checkCriteria,
  countPairsSatisfyingAll,
  CRITERIA,
  equalizeOddsAtTpr,
  expectedMatrix,
  type GroupRule,
  groupState,
  type GroupState,
  isRandomised,
  matchOpportunity,
  mostAccuratePair,
  overallAccuracy,
  thresholdRule,
} from '../../../src/interactive/fairness-explorer/fairness.js';
import { readFairnessExplorerOptions } from '../../../src/interactive/fairness-explorer/options.js';
import { criteriaText, markText, ruleText, summaryText } from '../../../src/interactive/fairness-explorer/wording.js';
import { formatRatio, type ScoredExample } from '../../../src/interactive/classification/classification.js';

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../../../content/1-fairness/${file}`, import.meta.url)), 'utf8');

/** The options of a chapter's fairness-explorer directive, and the directive's body. */
function directiveOf(chapter: string) {
  const body = /```\{interactive\} fairness-explorer\n([\s\S]*?)```/.exec(chapter)?.[1] ?? '';
  const option = (name: string) => new RegExp(`^:${name}: (.*)$`, 'm').exec(body)?.[1];
  const names = ['mode', 'groups', 'a-positives', 'a-negatives', 'b-positives', 'b-negatives', 'threshold-a', 'threshold-b', 'tolerance', 'outcomes'];
  return { body, option, options: Object.fromEntries(names.map((name) => [name, option(name)])) };
}

const group = (positives: number[], negatives: number[]): ScoredExample[] => [
  ...positives.map((score) => ({ score, outcome: 1 as const })),
  ...negatives.map((score) => ({ score, outcome: 0 as const })),
];

/** Every rate of a group state, formatted as the explorer shows it. */
function shown(state: GroupState) {
  return {
    matrix: state.matrix,
    selection: formatRatio(state.selection),
    tpr: formatRatio(state.tpr),
    fpr: formatRatio(state.fpr),
    ppv: formatRatio(state.ppv),
    accuracy: formatRatio(state.accuracy),
  };
}

describe('expectedMatrix and groupState', () => {
  // Hand-computed: positives 0.9, 0.6, 0.3; negatives 0.7, 0.4, 0.2, 0.1.
  const small = group([0.9, 0.6, 0.3], [0.7, 0.4, 0.2, 0.1]);

  it('should approve at or above the threshold (s ≥ t)', () => {
    expect(expectedMatrix(small, thresholdRule(0.6))).toEqual({ tp: 2, fp: 1, fn: 1, tn: 3 });
    expect(expectedMatrix(small, thresholdRule(0.61))).toEqual({ tp: 1, fp: 1, fn: 2, tn: 3 });
    expect(shown(groupState(small, thresholdRule(0.6)))).toEqual({
      matrix: { tp: 2, fp: 1, fn: 1, tn: 3 },
      selection: '3/7 ≈ 0.43',
      tpr: '2/3 ≈ 0.67',
      fpr: '1/4 = 0.25',
      ppv: '2/3 ≈ 0.67',
      accuracy: '5/7 ≈ 0.71',
    });
  });

  it('should count the coin band with its probability: expected counts', () => {
    // Approve at 0.6 and above, a coin with p = 0.25 for 0.3 ≤ s < 0.6: 0.4 (negative) and 0.3 (positive).
    const rule: GroupRule = { upper: 0.6, lower: 0.3, coin: 0.25 };
    expect(approvalProbability(0.4, rule)).toBe(0.25);
    expect(approvalProbability(0.29, rule)).toBe(0);
    expect(isRandomised(rule)).toBe(true);
    expect(isRandomised(thresholdRule(0.5))).toBe(false);
    expect(expectedMatrix(small, rule)).toEqual({ tp: 2.25, fp: 1.25, fn: 0.75, tn: 2.75 });
    expect(shown(groupState(small, rule))).toMatchObject({ tpr: '2.25/3 = 0.75', fpr: '1.25/4 ≈ 0.31', ppv: '2.25/3.5 ≈ 0.64', accuracy: '5/7 ≈ 0.71' });
    expect(groupState(small, rule).point).toEqual({ fpr: 1.25 / 4, tpr: 0.75 });
    expect(ruleText(rule)).toBe('t = 0.60, coin p = 0.25 from t⁻ = 0.30');
    expect(ruleText(thresholdRule(0.6))).toBe('t = 0.60');
  });

  it('should leave PPV undefined when a group approves no one, and then say predictive parity fails', () => {
    const none = groupState(small, thresholdRule(1));
    expect(formatRatio(none.ppv)).toBe('0/0, undefined');
    const checks = checkCriteria(none, none, 0.05);
    expect(checks.map((check) => [check.criterion, check.gap, check.holds])).toEqual([
      ['demographic-parity', 0, true],
      ['equal-opportunity', 0, true],
      ['equalized-odds', 0, true],
      ['predictive-parity', undefined, false],
    ]);
    expect(markText(checks[3] as (typeof checks)[number])).toBe('✗ fails');
    expect(markText(checks[0] as (typeof checks)[number])).toBe('✓ holds');
  });
});

describe('checkCriteria', () => {
  it('should compare selection rates, TPR, the larger of the TPR and FPR gaps, and PPV, within the tolerance', () => {
    const a = groupState(group([0.9, 0.8, 0.3], [0.7, 0.2]), thresholdRule(0.5)); // TP 2, FP 1, FN 1, TN 1
    const b = groupState(group([0.9, 0.2], [0.6, 0.5, 0.1, 0.1]), thresholdRule(0.5)); // TP 1, FP 2, FN 1, TN 2
    const checks = checkCriteria(a, b, 0.1);
    // Selection 3/5 and 3/6, TPR 2/3 and 1/2, FPR 1/2 and 2/4, PPV 2/3 and 1/3.
    const expected = [0.1, 1 / 6, 1 / 6, 1 / 3];
    checks.forEach((check, index) => expect(check.gap).toBeCloseTo(expected[index] as number, 12));
    expect(checks.map((check) => check.holds)).toEqual([true, false, false, false]);
    expect(criteriaText(checks)).toBe('Holds: demographic parity (gap 0.10). Fails: equal opportunity (gap 0.17), equalized odds (gap 0.17), predictive parity (gap 0.33).');
  });
});

describe('Chapter 1.2’s explorer', () => {
  const chapter = read('1-2-measure.mdx');
  const { options, option } = directiveOf(chapter);
  const { data, problems } = readFairnessExplorerOptions(options);
  const [groupA, groupB] = data.groups;
  const count = (examples: ScoredExample[], outcome: 0 | 1) => examples.filter((example) => example.outcome === outcome).length;

  it('should read without problems: two groups of 100 with the chapter’s base rates 0.5 and 0.2', () => {
    expect(problems).toEqual([]);
    expect(data.mode).toBe('criteria');
    expect(data.thresholds).toEqual([0.5, 0.5]);
    // "Group A has a base rate of 50% (500 positives) and group B a base rate of 20% (200 positives)", a tenth of each.
    const rates = /Group A has a base rate of (\d+)% \((\d+) positives\) and group B a base rate of (\d+)% \((\d+) positives\)/.exec(chapter);
    expect(rates).not.toBeNull();
    expect([count(groupA, 1), count(groupA, 0)]).toEqual([Number(rates?.[2]) / 10, 100 - Number(rates?.[2]) / 10]);
    expect([count(groupB, 1), count(groupB, 0)]).toEqual([Number(rates?.[4]) / 10, 100 - Number(rates?.[4]) / 10]);
    expect(count(groupA, 1) / groupA.length).toBe(Number(rates?.[1]) / 100);
    expect(count(groupB, 1) / groupB.length).toBe(Number(rates?.[3]) / 100);
  });

  it('should give both groups the same class-conditional score distributions (the figure’s situation)', () => {
    const shares = (examples: ScoredExample[], outcome: 0 | 1) => {
      const scores = examples.filter((example) => example.outcome === outcome).map((example) => example.score);
      return Object.fromEntries([...new Set(scores)].map((score) => [score, scores.filter((other) => other === score).length / scores.length]));
    };
    expect(shares(groupA, 1)).toEqual(shares(groupB, 1));
    expect(shares(groupA, 0)).toEqual(shares(groupB, 0));
  });

  it('should open at the chapter’s numbers: group A’s table and group B in the equal-FPR situation, a tenth of each', () => {
    // Group A's printed matrix: | $\hat Y = 1$ | TP = 400 | FP = 100 | 500 | and | $\hat Y = 0$ | FN = 100 | TN = 400 | 500 |.
    const tableA = /\| Group A \(\$p = 0\.5\$\)[\s\S]*?TP = (\d+) \| FP = (\d+)[\s\S]*?FN = (\d+) \| TN = (\d+)/.exec(chapter);
    // "group B now has $\mathrm{FP} = 0.2 \times 800 = 160$ false positives next to 160 true positives, so its PPV falls to $160/320 = 0.5$"
    const equalFpr = /group B now has \$\\mathrm\{FP\} = 0\.2 \\times 800 = (\d+)\$ false positives next to (\d+) true positives, so its PPV falls to \$(\d+)\/(\d+) = 0\.5\$/.exec(chapter);
    expect(tableA).not.toBeNull();
    expect(equalFpr).not.toBeNull();
    const a = groupState(groupA, thresholdRule(0.5));
    const b = groupState(groupB, thresholdRule(0.5));
    expect(a.matrix).toEqual({ tp: Number(tableA?.[1]) / 10, fp: Number(tableA?.[2]) / 10, fn: Number(tableA?.[3]) / 10, tn: Number(tableA?.[4]) / 10 });
    const [fpB, tpB] = [Number(equalFpr?.[1]) / 10, Number(equalFpr?.[2]) / 10];
    expect(b.matrix).toEqual({ tp: tpB, fp: fpB, fn: 20 - tpB, tn: 80 - fpB });
    expect(b.ppv.value).toBe(Number(equalFpr?.[3]) / Number(equalFpr?.[4]));
    expect(shown(a)).toEqual({ matrix: { tp: 40, fp: 10, fn: 10, tn: 40 }, selection: '50/100 = 0.50', tpr: '40/50 = 0.80', fpr: '10/50 = 0.20', ppv: '40/50 = 0.80', accuracy: '80/100 = 0.80' });
    expect(shown(b)).toEqual({ matrix: { tp: 16, fp: 16, fn: 4, tn: 64 }, selection: '32/100 = 0.32', tpr: '16/20 = 0.80', fpr: '16/80 = 0.20', ppv: '16/32 = 0.50', accuracy: '80/100 = 0.80' });
    // The text before the figure and its alt text state this state.
    expect(chapter).toContain('group A has $\\mathrm{TP} = 40$, $\\mathrm{FP} = 10$, $\\mathrm{FN} = 10$, $\\mathrm{TN} = 40$ and group B has $\\mathrm{TP} = 16$, $\\mathrm{FP} = 16$, $\\mathrm{FN} = 4$, $\\mathrm{TN} = 64$');
    expect(chapter).toContain('TPR 0.8 and FPR 0.2 in both groups, PPV 0.8 against 0.5');
    expect(option('alt')).toContain('group A TP 40, FP 10, FN 10, TN 40, group B TP 16, FP 16, FN 4, TN 64; equal opportunity and equalized odds hold, demographic parity fails with selection rates 0.50 and 0.32, predictive parity fails with PPV 0.80 and 0.50');
    const checks = checkCriteria(a, b, data.tolerance);
    expect(checks.map((check) => [check.criterion, check.holds])).toEqual([
      ['demographic-parity', false],
      ['equal-opportunity', true],
      ['equalized-odds', true],
      ['predictive-parity', false],
    ]);
    expect(data.tolerance).toBe(0.05);
    expect(chapter).toContain('is at most 0.05');
    expect(summaryText(data.names, [a, b], checks, overallAccuracy(a, b))).toBe(
      'Group A: t = 0.50, selection 0.50, TPR 0.80, FPR 0.20, PPV 0.80, accuracy 0.80. Group B: t = 0.50, selection 0.32, TPR 0.80, FPR 0.20, PPV 0.50, accuracy 0.80. ' +
        'Holds: equal opportunity (gap 0.00), equalized odds (gap 0.00). Fails: demographic parity (gap 0.18), predictive parity (gap 0.30). Overall accuracy 0.80.',
    );
  });

  it('should find thresholds for each criterion in turn, each failing another, and none for all four', () => {
    const found = Object.fromEntries([...CRITERIA, 'all' as const].map((criterion) => [criterion, mostAccuratePair(groupA, groupB, criterion, data.tolerance)]));
    expect(found).toEqual({
      'demographic-parity': { a: 0.65, b: 0.55, accuracy: 0.775 },
      'equal-opportunity': { a: 0.55, b: 0.55, accuracy: 0.8 },
      'equalized-odds': { a: 0.55, b: 0.55, accuracy: 0.8 },
      'predictive-parity': { a: 0.35, b: 0.65, accuracy: 0.72 },
      all: undefined,
    });
    for (const criterion of CRITERIA) {
      const pair = found[criterion] as { a: number; b: number };
      const checks = checkCriteria(groupState(groupA, thresholdRule(pair.a)), groupState(groupB, thresholdRule(pair.b)), data.tolerance);
      expect(checks.find((check) => check.criterion === criterion)?.holds).toBe(true);
      expect(checks.every((check) => check.holds)).toBe(false);
    }
    expect(countPairsSatisfyingAll(groupA, groupB, data.tolerance)).toEqual({ pairs: 100, satisfying: 0 });
    expect(chapter).toContain('none of the 100 pairs of thresholds satisfies all four at once');
    expect(chapter).toContain('the most accurate pair for predictive parity, for instance, $t_A = 0.35$ and $t_B = 0.65$, puts group B\'s threshold well above group A\'s and breaks all three other criteria');
    expect(found['predictive-parity']).toMatchObject({ a: 0.35, b: 0.65 });
    expect(checkCriteria(groupState(groupA, thresholdRule(0.35)), groupState(groupB, thresholdRule(0.65)), data.tolerance).map((check) => check.holds)).toEqual([false, false, false, true]);
  });
});

describe('Chapter 1.3’s explorer (post-processing)', () => {
  const chapter = read('1-3-mitigation.mdx');
  const { options, option } = directiveOf(chapter);
  const { data, problems } = readFairnessExplorerOptions(options);
  const [groupA, groupB] = data.groups;
  const tableRow = (name: string) => {
    const row = new RegExp(`^\\| \\$${name}\\$ \\| ([\\d., ]+) \\| ([\\d., ]+) \\|$`, 'm').exec(chapter);
    return group((row?.[1] ?? '').split(', ').map(Number), (row?.[2] ?? '').split(', ').map(Number));
  };
  /** The policy table's row: TPR, FPR and accuracy of each group, and the overall accuracy. */
  const policyRow = (policy: string) => {
    const row = new RegExp(`^\\| ${policy} \\| [^|]+ \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\|$`, 'm').exec(chapter);
    expect(row, policy).not.toBeNull();
    return (row ?? []).slice(1).map(Number);
  };
  const rowOf = (a: GroupState, b: GroupState) => [a.tpr.value, a.fpr.value, a.accuracy.value, b.tpr.value, b.fpr.value, b.accuracy.value, overallAccuracy(a, b).value].map((value) => Math.round((value ?? Number.NaN) * 100) / 100);

  it('should be given exactly the chapter’s score table, in post-processing mode', () => {
    expect(problems).toEqual([]);
    expect(data.mode).toBe('post-processing');
    expect(data.names).toEqual(['a', 'b']);
    expect(groupA).toEqual(tableRow('a'));
    expect(groupB).toEqual(tableRow('b'));
    expect(groupA).toHaveLength(10);
  });

  it('should open at the single threshold 0.50, the policy table’s first row', () => {
    expect(data.thresholds).toEqual([0.5, 0.5]);
    const a = groupState(groupA, thresholdRule(0.5));
    const b = groupState(groupB, thresholdRule(0.5));
    expect(rowOf(a, b)).toEqual(policyRow('Single threshold'));
    expect(option('alt')).toContain('group a at (FPR, TPR) = (0.20, 0.80) with accuracy 0.80, group b at (0.00, 0.40) with accuracy 0.70, overall accuracy 0.75');
    expect(rowOf(a, b)).toEqual([0.8, 0.2, 0.8, 0.4, 0, 0.7, 0.75]);
  });

  it('should apply equal opportunity as the text does: b’s threshold lowered to 0.37', () => {
    const thresholds = /\| Equal opportunity \| \$a\$: ([\d.]+), \$b\$: ([\d.]+) \|/.exec(chapter);
    const b = matchOpportunity(groupA, thresholdRule(0.5), groupB);
    expect(b).toBe(Number(thresholds?.[2]));
    expect(rowOf(groupState(groupA, thresholdRule(Number(thresholds?.[1]))), groupState(groupB, thresholdRule(b)))).toEqual(policyRow('Equal opportunity'));
  });

  it('should equalize odds at TPR 0.8 with the text’s randomised threshold for b and threshold 0.45 for a', () => {
    const odds = equalizeOddsAtTpr(groupA, thresholdRule(0.5), groupB);
    const text = /\$t_b\^\{\+\} = ([\d.]+)\$, \$t_b\^\{-\} = ([\d.]+)\$ and \$p_b = ([\d.]+)\$/.exec(chapter);
    expect(text).not.toBeNull();
    expect(odds.point.tpr).toBeCloseTo(0.8, 12);
    expect(odds.point.fpr).toBeCloseTo(0.4, 12);
    expect(odds.a).toEqual(thresholdRule(Number(/\| Equalized odds \| \$a\$: ([\d.]+), \$b\$: randomized \|/.exec(chapter)?.[1])));
    expect(odds.b.upper).toBe(Number(text?.[1]));
    expect(odds.b.lower).toBe(Number(text?.[2]));
    expect(odds.b.coin).toBe(Number(text?.[3]));
    const a = groupState(groupA, odds.a);
    const b = groupState(groupB, odds.b);
    expect(rowOf(a, b)).toEqual(policyRow('Equalized odds'));
    // "Expected approvals: 3 + 0.5 × 2 = 4 repayers and 1 + 0.5 × 2 = 2 defaulters"
    expect(chapter).toContain('Expected approvals: $3 + 0.5 \\times 2 = 4$ repayers and $1 + 0.5 \\times 2 = 2$ defaulters');
    expect(b.matrix).toEqual({ tp: 4, fp: 2, fn: 1, tn: 3 });
    expect(shown(b)).toMatchObject({ tpr: '4/5 = 0.80', fpr: '2/5 = 0.40', accuracy: '7/10 = 0.70' });
    expect(formatRatio(overallAccuracy(a, b))).toBe('14/20 = 0.70');
    // Both groups have base rate 0.5, so here all four criteria can hold at once (selection 0.6, PPV 4/6 in each).
    expect(checkCriteria(a, b, data.tolerance).map((check) => check.holds)).toEqual([true, true, true, true]);
    expect([a.selection.value, b.selection.value]).toEqual([0.6, 0.6]);
    expect([formatRatio(a.ppv), formatRatio(b.ppv)]).toEqual(['4/6 ≈ 0.67', '4/6 ≈ 0.67']);
    expect(chapter).toContain('the equalized-odds policy also equalizes selection rates (0.6) and positive predictive values ($4/6$)');
  });

  it('should reach Exercise 3’s deterministic equalized odds from group a’s threshold 0.70', () => {
    const odds = equalizeOddsAtTpr(groupA, thresholdRule(0.7), groupB);
    expect(odds.a).toEqual(thresholdRule(0.7));
    expect(odds.b).toEqual(thresholdRule(0.44));
    expect(chapter).toContain('use deterministic thresholds 0.70 for group $a$ and 0.44 for group $b$');
    expect(rowOf(groupState(groupA, odds.a), groupState(groupB, odds.b))).toEqual([0.6, 0.2, 0.7, 0.6, 0.2, 0.7, 0.7]);
  });
});

describe('readFairnessExplorerOptions', () => {
  it('should read score lists with the `score*count` shorthand, and the defaults', () => {
    const { data, problems } = readFairnessExplorerOptions({ 'a-positives': '0.9*2 .5', 'a-negatives': '0.1', 'b-positives': '1', 'b-negatives': '0, 0.2*3' });
    expect(problems).toEqual([]);
    expect(data.groups[0].map((example) => example.score)).toEqual([0.9, 0.9, 0.5, 0.1]);
    expect(data.groups[1]).toHaveLength(5);
    expect(data).toMatchObject({ mode: 'criteria', names: ['A', 'B'], thresholds: [0.5, 0.5], tolerance: 0.02, outcomes: ['Y = 1', 'Y = 0'] });
  });

  it('should name each problem with the option it is in', () => {
    const { problems } = readFairnessExplorerOptions({ 'a-positives': '0.9 1.5 x*2', 'b-positives': '0.4', 'b-negatives': '0.3', mode: 'fancy', groups: 'only', 'threshold-b': 'half' });
    expect(problems.map((problem) => problem.option)).toEqual(['a-positives', 'a-negatives', 'mode', 'groups', 'threshold-b']);
    expect(problems[0]?.reason).toBe('has items that are not scores from 0 to 1 (or `score*count`): `1.5`, `x*2`');
    expect(problems[2]?.reason).toBe('is `fancy`; it must be `criteria` or `post-processing`');
  });
});
