/**
 * The fairness explorer's arithmetic, pure (no DOM): two groups of scored examples, a decision rule per
 * group, the group fairness criteria of Chapter 1.2 with their gaps, and the searches behind the
 * figure's buttons. The rule is the book's "approve when s ≥ t"; in post-processing mode a group may
 * also use the randomised rule of Hardt, Price and Srebro (eq-mitigation-randomized-threshold):
 * approve when s ≥ t, flip a coin with probability p of approval when t⁻ ≤ s < t, deny below t⁻.
 * Counts are then expected counts.
 */
import {
  type ConfusionMatrix,
  EPSILON,
  isApproved,
  type MatrixMetrics,
  matrixMetrics,
  type Ratio,
  ratio,
  type RocPoint,
  type ScoredExample,
  snapThresholds,
} from '../classification/classification.js';

/** A group's decision rule: approve at `upper` and above, with probability `coin` from `lower` up. */
export interface GroupRule {
  readonly upper: number;
  /** At most `upper`; equal to it for a deterministic rule. */
  readonly lower: number;
  readonly coin: number;
}

/** The deterministic rule "approve when s ≥ t". */
export const thresholdRule = (threshold: number): GroupRule => ({ upper: threshold, lower: threshold, coin: 0 });

/** Whether a rule flips a coin for some scores (a band of positive width and a coin strictly between 0 and 1). */
export function isRandomised(rule: GroupRule): boolean {
  return rule.lower < rule.upper - EPSILON && rule.coin > EPSILON && rule.coin < 1 - EPSILON;
}

/** The probability that a rule approves a score. */
export function approvalProbability(score: number, rule: GroupRule): number {
  if (isApproved(score, rule.upper)) return 1;
  if (isApproved(score, rule.lower)) return rule.coin;
  return 0;
}

/** The expected confusion matrix of a rule over a group. */
export function expectedMatrix(examples: readonly ScoredExample[], rule: GroupRule): ConfusionMatrix {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  for (const { score, outcome } of examples) {
    const approval = approvalProbability(score, rule);
    if (outcome === 1) {
      positives++;
      tp += approval;
    } else fp += approval;
  }
  // Subtract once, so that the denied counts carry no more rounding than the approved ones.
  return { tp, fp, fn: positives - tp, tn: examples.length - positives - fp };
}

/** What the explorer shows for one group under one rule. */
export interface GroupState extends MatrixMetrics {
  readonly rule: GroupRule;
  /** The operating point, (FPR, TPR). */
  readonly point: RocPoint;
}

export function groupState(examples: readonly ScoredExample[], rule: GroupRule): GroupState {
  const metrics = matrixMetrics(expectedMatrix(examples, rule));
  return { ...metrics, rule, point: { fpr: metrics.fpr.value ?? 0, tpr: metrics.tpr.value ?? 0 } };
}

/** Accuracy over both groups together. */
export function overallAccuracy(a: GroupState, b: GroupState): Ratio {
  return ratio(a.accuracy.numerator + b.accuracy.numerator, a.accuracy.denominator + b.accuracy.denominator);
}

/** The group criteria of Chapter 1.2, in the order the figure lists them. */
export const CRITERIA = ['demographic-parity', 'equal-opportunity', 'equalized-odds', 'predictive-parity'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** One criterion at the current rules: its gap (undefined when a rate is 0/0) and whether it holds. */
export interface CriterionCheck {
  readonly criterion: Criterion;
  readonly gap: number | undefined;
  readonly holds: boolean;
}

function gapOf(a: Ratio, b: Ratio): number | undefined {
  return a.value === undefined || b.value === undefined ? undefined : Math.abs(a.value - b.value);
}

/** The gap of one criterion: the absolute difference of its rate, the larger of two for equalized odds. */
export function criterionGap(criterion: Criterion, a: GroupState, b: GroupState): number | undefined {
  switch (criterion) {
    case 'demographic-parity':
      return gapOf(a.selection, b.selection);
    case 'equal-opportunity':
      return gapOf(a.tpr, b.tpr);
    case 'equalized-odds': {
      const tpr = gapOf(a.tpr, b.tpr);
      const fpr = gapOf(a.fpr, b.fpr);
      return tpr === undefined || fpr === undefined ? undefined : Math.max(tpr, fpr);
    }
    case 'predictive-parity':
      return gapOf(a.ppv, b.ppv);
  }
}

/** Every criterion at the current rules: it holds when its gap is defined and at most `tolerance`. */
export function checkCriteria(a: GroupState, b: GroupState, tolerance: number): CriterionCheck[] {
  return CRITERIA.map((criterion) => {
    const gap = criterionGap(criterion, a, b);
    return { criterion, gap, holds: gap !== undefined && gap <= tolerance + EPSILON };
  });
}

/** A pair of deterministic thresholds found by a search, with its accuracy. */
export interface ThresholdPair {
  readonly a: number;
  readonly b: number;
  readonly accuracy: number;
}

/**
 * The most accurate pair of deterministic thresholds (each at one of its group's stops) that satisfies
 * `criterion`, or every criterion for `'all'`, within `tolerance`; undefined when no pair does. Ties go
 * to the pair with the closest thresholds, then to the pair closest to `current`.
 */
export function mostAccuratePair(
  groupA: readonly ScoredExample[],
  groupB: readonly ScoredExample[],
  criterion: Criterion | 'all',
  tolerance: number,
  current: { a: number; b: number } = { a: 0.5, b: 0.5 },
): ThresholdPair | undefined {
  let best: (ThresholdPair & { spread: number; distance: number }) | undefined;
  const statesB = snapThresholds(groupB).map((b) => ({ b, state: groupState(groupB, thresholdRule(b)) }));
  for (const a of snapThresholds(groupA)) {
    const stateA = groupState(groupA, thresholdRule(a));
    for (const { b, state: stateB } of statesB) {
      const checks = checkCriteria(stateA, stateB, tolerance);
      if (!checks.every((check) => check.holds || (criterion !== 'all' && check.criterion !== criterion))) continue;
      const accuracy = overallAccuracy(stateA, stateB).value ?? 0;
      const spread = Math.abs(a - b);
      const distance = Math.abs(a - current.a) + Math.abs(b - current.b);
      const better =
        !best ||
        accuracy > best.accuracy + EPSILON ||
        (accuracy > best.accuracy - EPSILON && (spread < best.spread - EPSILON || (spread < best.spread + EPSILON && distance < best.distance - EPSILON)));
      if (better) best = { a, b, accuracy, spread, distance };
    }
  }
  return best && { a: best.a, b: best.b, accuracy: best.accuracy };
}

/** How many pairs of deterministic thresholds there are, and how many satisfy every criterion. */
export function countPairsSatisfyingAll(groupA: readonly ScoredExample[], groupB: readonly ScoredExample[], tolerance: number): { pairs: number; satisfying: number } {
  const snapsA = snapThresholds(groupA);
  const snapsB = snapThresholds(groupB);
  let satisfying = 0;
  for (const a of snapsA) {
    const stateA = groupState(groupA, thresholdRule(a));
    for (const b of snapsB) {
      if (checkCriteria(stateA, groupState(groupB, thresholdRule(b)), tolerance).every((check) => check.holds)) satisfying++;
    }
  }
  return { pairs: snapsA.length * snapsB.length, satisfying };
}

/**
 * Post-processing for equal opportunity (Chapter 1.3): keep group a's rule and give group b the highest
 * deterministic threshold whose TPR equals a's (the one that approves the fewest of b), or, when none
 * does, the threshold whose TPR is closest.
 */
export function matchOpportunity(groupA: readonly ScoredExample[], ruleA: GroupRule, groupB: readonly ScoredExample[]): number {
  const target = groupState(groupA, ruleA).tpr.value ?? 0;
  let best = { threshold: 1, gap: Number.POSITIVE_INFINITY };
  for (const threshold of snapThresholds(groupB)) {
    const gap = Math.abs((groupState(groupB, thresholdRule(threshold)).tpr.value ?? 0) - target);
    if (gap < best.gap - EPSILON || (gap < best.gap + EPSILON && threshold > best.threshold)) best = { threshold, gap };
  }
  return best.threshold;
}

/** A coin probability without the rounding noise of its division (0.5, not 0.5000000000000001). */
const cleanCoin = (coin: number) => Math.round(coin * 1e9) / 1e9;

/** A two-threshold rule of a group and the point it reaches, with how many examples flip a coin. */
interface Mix {
  readonly rule: GroupRule;
  readonly point: RocPoint;
  readonly band: number;
}

/**
 * Every rule of the form of eq-mitigation-randomized-threshold that reaches TPR `tpr` in a group: for
 * each pair of stops t⁻ ≤ t, the coin that puts the mix of their ROC points at that height.
 */
function mixesAtTpr(examples: readonly ScoredExample[], tpr: number): Mix[] {
  const snaps = snapThresholds(examples);
  const points = snaps.map((threshold) => groupState(examples, thresholdRule(threshold)).point);
  const mixes: Mix[] = [];
  snaps.forEach((upper, i) => {
    const high = points[i] as RocPoint;
    snaps.forEach((lower, j) => {
      if (lower > upper) return;
      const low = points[j] as RocPoint; // the lower threshold approves more: its point is up and to the right
      const band = examples.filter((example) => isApproved(example.score, lower) && !isApproved(example.score, upper)).length;
      const rise = low.tpr - high.tpr;
      if (Math.abs(rise) < EPSILON) {
        if (Math.abs(high.tpr - tpr) < EPSILON) mixes.push({ rule: thresholdRule(upper), point: high, band: 0 });
        return;
      }
      const coin = cleanCoin((tpr - high.tpr) / rise);
      if (coin < -EPSILON || coin > 1 + EPSILON) return;
      if (coin < EPSILON) mixes.push({ rule: thresholdRule(upper), point: high, band: 0 });
      else if (coin > 1 - EPSILON) mixes.push({ rule: thresholdRule(lower), point: low, band: 0 });
      else mixes.push({ rule: { upper, lower, coin }, point: { fpr: high.fpr + coin * (low.fpr - high.fpr), tpr }, band });
    });
  });
  return mixes;
}

/** The result of equalizing odds at a height: both groups' rules and the shared point. */
export interface EqualizedOdds {
  readonly a: GroupRule;
  readonly b: GroupRule;
  readonly point: RocPoint;
}

/**
 * Post-processing for equalized odds at group a's current TPR (Chapter 1.3's worked example): the lowest
 * false positive rate that both groups can reach at that TPR with a rule of the form of
 * eq-mitigation-randomized-threshold, and for each group the rule that reaches it with the fewest
 * examples in the coin's band (a deterministic threshold when one does).
 */
export function equalizeOddsAtTpr(groupA: readonly ScoredExample[], ruleA: GroupRule, groupB: readonly ScoredExample[]): EqualizedOdds {
  const tpr = groupState(groupA, ruleA).tpr.value ?? 0;
  const mixesA = mixesAtTpr(groupA, tpr);
  const mixesB = mixesAtTpr(groupB, tpr);
  const lowest = (mixes: Mix[]) => Math.min(...mixes.map((mix) => mix.point.fpr));
  const fpr = Math.max(lowest(mixesA), lowest(mixesB));
  const reaching = (mixes: Mix[], examples: readonly ScoredExample[]): GroupRule => {
    // Points to the right of the lowest FPR are reached along the same chords: look for the target point.
    const candidates = chordsThrough(examples, { fpr, tpr });
    candidates.sort((x, y) => x.band - y.band || y.rule.upper - x.rule.upper);
    return (candidates[0] ?? mixes[0])?.rule ?? thresholdRule(1);
  };
  return { a: reaching(mixesA, groupA), b: reaching(mixesB, groupB), point: { fpr, tpr } };
}

/** The rules of the form of eq-mitigation-randomized-threshold whose expected point is `target`. */
export function chordsThrough(examples: readonly ScoredExample[], target: RocPoint): Mix[] {
  const close = (x: number, y: number) => Math.abs(x - y) < 1e-6;
  const chords: Mix[] = [];
  for (const mix of mixesAtTpr(examples, target.tpr)) if (close(mix.point.fpr, target.fpr)) chords.push(mix);
  // A horizontal chord (two stops at the same TPR, different FPR) reaches every FPR between them.
  const snaps = snapThresholds(examples);
  const points = snaps.map((threshold) => groupState(examples, thresholdRule(threshold)).point);
  snaps.forEach((upper, i) => {
    snaps.forEach((lower, j) => {
      const high = points[i] as RocPoint;
      const low = points[j] as RocPoint;
      if (lower >= upper || !close(high.tpr, target.tpr) || !close(low.tpr, target.tpr) || low.fpr - high.fpr < EPSILON) return;
      const coin = cleanCoin((target.fpr - high.fpr) / (low.fpr - high.fpr));
      if (coin <= EPSILON || coin >= 1 - EPSILON) return;
      const band = examples.filter((example) => isApproved(example.score, lower) && !isApproved(example.score, upper)).length;
      chords.push({ rule: { upper, lower, coin }, point: target, band });
    });
  });
  return chords;
}
