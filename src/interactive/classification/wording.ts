/**
 * Words shared by the interactive figures, on the server (static state) and in the browser (updates),
 * so that a reader without JavaScript and one moving a slider read the same labels.
 */

/** A score as the chapters' tables print it: two decimals at least (`0.90`, `0.08`). */
export function scoreText(score: number): string {
  return Number.isInteger(Math.round(score * 1e6) / 1e4) ? score.toFixed(2) : String(score);
}

/** The metrics the threshold explorer shows, in order, with their labels. */
export const METRIC_LABELS = [
  ['accuracy', 'Accuracy'],
  ['tpr', 'TPR (recall)'],
  ['fpr', 'FPR'],
  ['ppv', 'PPV (precision)'],
  ['npv', 'NPV'],
  ['f1', 'F1'],
] as const;

/** A decision in words, for the tables of examples. */
export function decisionText(approved: boolean): string {
  return approved ? 'Approve' : 'Deny';
}
