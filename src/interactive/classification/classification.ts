/**
 * The arithmetic of a scored binary decision, pure and shared by the interactive figures (the threshold
 * explorer, the fairness explorer): the server renders a figure's static state with it and the browser
 * recomputes every state with it, so both always agree with the book's rule "approve when s ≥ t"
 * (eq-prep-threshold-rule). Counts may be expected counts (a randomised rule approves some examples
 * with a probability), so they are numbers, not necessarily integers.
 */

/** One scored example: the model's score and the true outcome (1 = positive, e.g. repaid). */
export interface ScoredExample {
  readonly score: number;
  readonly outcome: 0 | 1;
}

/** The four cells of the confusion matrix at one threshold. */
export interface ConfusionMatrix {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

/** A ratio kept as its two counts, so it can be shown as `7/9 ≈ 0.78`; `value` is undefined for 0/0. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | undefined;
}

/** Everything the threshold explorer shows for one threshold. */
export interface ThresholdState extends MatrixMetrics {
  readonly threshold: number;
}

/** A point of the ROC curve. */
export interface RocPoint {
  readonly fpr: number;
  readonly tpr: number;
}

// Slider values and parsed scores are decimals: compare with a tolerance so that t = 0.35 approves s = 0.35.
export const EPSILON = 1e-9;

/** The decision rule of the chapter: approve when the score reaches the threshold. */
export function isApproved(score: number, threshold: number): boolean {
  return score >= threshold - EPSILON;
}

/** The confusion matrix of "approve when s ≥ t". */
export function confusionAt(examples: readonly ScoredExample[], threshold: number): ConfusionMatrix {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { score, outcome } of examples) {
    const approved = isApproved(score, threshold);
    if (approved && outcome === 1) tp++;
    else if (approved) fp++;
    else if (outcome === 1) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? undefined : numerator / denominator };
}

/** The metrics built from a confusion matrix. */
export interface MatrixMetrics {
  readonly matrix: ConfusionMatrix;
  readonly approved: number;
  readonly accuracy: Ratio;
  readonly tpr: Ratio;
  readonly fpr: Ratio;
  readonly ppv: Ratio;
  readonly npv: Ratio;
  readonly f1: Ratio;
  /** The share approved, (TP + FP) / n. */
  readonly selection: Ratio;
}

/** The names of the ratios among the metrics (`accuracy`, `tpr`, …), as `data-metric` writes them. */
export type RatioKey = { [K in keyof MatrixMetrics]: MatrixMetrics[K] extends Ratio ? K : never }[keyof MatrixMetrics];

/** The confusion matrix and the metrics built from it, at threshold `threshold`. */
export function thresholdState(examples: readonly ScoredExample[], threshold: number): ThresholdState {
  return { threshold, ...matrixMetrics(confusionAt(examples, threshold)) };
}

/** Every metric of a confusion matrix (whose counts may be expected, fractional counts). */
export function matrixMetrics(matrix: ConfusionMatrix): MatrixMetrics {
  const { tp, fp, fn, tn } = matrix;
  return {
    matrix,
    approved: tp + fp,
    accuracy: ratio(tp + tn, tp + fp + fn + tn),
    tpr: ratio(tp, tp + fn),
    fpr: ratio(fp, fp + tn),
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    selection: ratio(tp + fp, tp + fp + fn + tn),
  };
}

/**
 * The ROC curve: from (0, 0), lowering the threshold past each distinct score, to (1, 1). Tied scores
 * pass together, so a tie of a positive and a negative is one diagonal step. Needs both outcomes.
 */
export function rocCurve(examples: readonly ScoredExample[]): RocPoint[] {
  const positives = examples.filter((example) => example.outcome === 1).length;
  const negatives = examples.length - positives;
  const points: RocPoint[] = [{ fpr: 0, tpr: 0 }];
  for (const threshold of distinctScores(examples)) {
    const { tp, fp } = confusionAt(examples, threshold);
    points.push({ fpr: fp / negatives, tpr: tp / positives });
  }
  return points;
}

/** The distinct scores, highest first. */
export function distinctScores(examples: readonly ScoredExample[]): number[] {
  return [...new Set(examples.map((example) => example.score))].sort((a, b) => b - a);
}

/**
 * The thresholds where the decisions change, plus the ends 0 and 1, in increasing order: the slider's
 * arrow keys step between these, so that every key press changes who is approved.
 */
export function snapThresholds(examples: readonly ScoredExample[]): number[] {
  return [...new Set([0, 1, ...examples.map((example) => example.score)])].sort((a, b) => a - b);
}

/** The next snap threshold above (`direction` 1) or below (-1) `threshold`, or the end it is at. */
export function stepThreshold(snaps: readonly number[], threshold: number, direction: 1 | -1): number {
  if (direction === 1) return snaps.find((snap) => snap > threshold + EPSILON) ?? snaps[snaps.length - 1] ?? threshold;
  return [...snaps].reverse().find((snap) => snap < threshold - EPSILON) ?? snaps[0] ?? threshold;
}

/** The snap threshold nearest to `threshold` (where a pointer lets go of the slider). */
export function nearestThreshold(snaps: readonly number[], threshold: number): number {
  let nearest = snaps[0] ?? threshold;
  for (const snap of snaps) if (Math.abs(snap - threshold) < Math.abs(nearest - threshold)) nearest = snap;
  return nearest;
}

/** A number with two decimals, as the chapter prints rates (`0.78`). */
export function formatDecimal(value: number): string {
  return value.toFixed(2);
}

/** A count: `7`, or an expected count with at most two decimals (`2.5`, `3.75`). */
export function formatCount(count: number): string {
  return String(Math.round(count * 100) / 100);
}

/** A ratio as the chapter writes it: `15/20 = 0.75`, `7/9 ≈ 0.78`, or `0/0, undefined`. */
export function formatRatio(ratio: Ratio): string {
  const counts = `${formatCount(ratio.numerator)}/${formatCount(ratio.denominator)}`;
  if (ratio.value === undefined) return `${counts}, undefined`;
  const rounded = formatDecimal(ratio.value);
  const exact = Math.abs(Number(rounded) - ratio.value) < EPSILON;
  return `${counts} ${exact ? '=' : '≈'} ${rounded}`;
}

/** A ratio's value alone (`0.78`, or `undefined`), for short summaries. */
export function formatValue(ratio: Ratio): string {
  return ratio.value === undefined ? 'undefined' : formatDecimal(ratio.value);
}

/** The confusion-matrix cell an example falls in at threshold `threshold`. */
export function cellOf(example: ScoredExample, threshold: number): 'TP' | 'FP' | 'FN' | 'TN' {
  const approved = isApproved(example.score, threshold);
  if (approved) return example.outcome === 1 ? 'TP' : 'FP';
  return example.outcome === 1 ? 'FN' : 'TN';
}
