/**
 * The explorer's words, shared by the server's static state and the browser's updates, so that a
 * reader without JavaScript and one editing the applicant read the same sentences.
 */
import { CREDIT_FEATURES, type Explanation, formatNumber, formatSigned } from './shapley.js';

/** `income 6, years in job 4, open loans 1`. */
export function instanceText(instance: readonly number[]): string {
  return CREDIT_FEATURES.map((feature, index) => `${feature.name.toLowerCase()} ${formatNumber(instance[index] ?? 0)}`).join(', ');
}

/** The summary announced after the reader edits a value, and the chart's accessible name. */
export function summaryText(explanation: Explanation): string {
  const parts = CREDIT_FEATURES.map((feature, index) => `${feature.name.toLowerCase()} ${formatSigned(explanation.shapley[index] ?? 0)}`);
  return (
    `Applicant with ${instanceText(explanation.instance)}: prediction ${formatNumber(explanation.prediction)}, ` +
    `baseline ${formatNumber(explanation.baseline)}, difference ${formatSigned(explanation.prediction - explanation.baseline)}. ` +
    `Shapley values: ${parts.join(', ')}.`
  );
}

/** The sentence under the table that compares the two attributions' totals. */
export function totalsText(explanation: Explanation): string {
  const shapleyTotal = explanation.shapley.reduce((sum, value) => sum + value, 0);
  const linearTotal = explanation.linear.reduce((sum, value) => sum + value, 0);
  return (
    `Shapley values add up to f(x) − E[f(X)] = ${formatSigned(shapleyTotal)}; ` +
    `coefficient × (value − mean) adds up to ${formatSigned(linearTotal)}, ` +
    `missing the interaction’s ${formatSigned(shapleyTotal - linearTotal)}.`
  );
}
