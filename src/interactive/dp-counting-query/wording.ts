/**
 * The explorer's words, shared by the server's static state and the browser's updates, so that a
 * reader without JavaScript and one moving the controls read the same sentences.
 */
import { type CountingState, formatFixed, formatNumber, formatPercent, type HistogramBin, TAIL_DISTANCE } from './laplace.js';

/** `ε = 0.5`. */
export function epsilonText(epsilon: number): string {
  return `ε = ${formatNumber(epsilon)}`;
}

/** A histogram bar's range of released answers: `12.5 to 13.0`. */
export function binText(bin: HistogramBin): string {
  return `${formatFixed(bin.from, 1)} to ${formatFixed(bin.to, 1)}`;
}

/** The figure's key numbers, one labelled value each, in the order they are shown. */
export function statistics(state: CountingState): [key: string, label: string, value: string][] {
  return [
    ['scale', 'Noise scale b = Δ/ε', formatFixed(state.scale)],
    ['expected-error', 'Expected |error| = b', formatFixed(state.scale)],
    ['observed-error', `Mean |error| of the ${state.releases} releases`, formatFixed(state.meanAbsoluteError)],
    ['sd', 'Standard deviation: √2·b vs observed', `${formatFixed(Math.SQRT2 * state.scale)} vs ${formatFixed(state.standardDeviation)}`],
    ['tail', `P(|noise| > ${TAIL_DISTANCE}) = e^(−${TAIL_DISTANCE}/b) vs observed`, `${formatPercent(state.tail)} vs ${formatPercent(state.beyond)}`],
    ['budget', `Budget of k = ${state.queries} queries, k·ε`, formatNumber(state.budget)],
  ];
}

/** The sentence under the histogram: where the releases fell. */
export function outsideText(state: CountingState): string {
  return state.histogram.outside === 0
    ? `All ${state.releases} releases fall within the true answer ± 5b.`
    : `${state.histogram.outside} of ${state.releases} releases fall beyond the true answer ± 5b and are not drawn.`;
}

/** The sentence about the budget: what k releases at ε each cost together. */
export function budgetText(state: CountingState): string {
  return (
    `${state.queries} ${state.queries === 1 ? 'query' : 'queries'} at ${epsilonText(state.epsilon)} each spend ε = ${formatNumber(state.budget)} in total: ` +
    `the odds of any conclusion about one person change by a factor of at most e^${formatNumber(state.budget)} ≈ ${oddsFactorText(state.budget)}.`
  );
}

/** The histogram's text alternative. */
export function histogramLabel(state: CountingState): string {
  return (
    `Histogram of ${state.releases} noisy releases of the count, true answer ${state.truth}, at ${epsilonText(state.epsilon)} and sensitivity ${state.sensitivity}: ` +
    `centred on ${state.truth}, spread with scale b = ${formatFixed(state.scale)}.`
  );
}

/** The summary announced (politely) once the reader pauses. */
export function summaryText(state: CountingState): string {
  return (
    `${epsilonText(state.epsilon)}, sensitivity ${state.sensitivity}: scale b = ${formatFixed(state.scale)}, expected error ${formatFixed(state.scale)}, ` +
    `observed mean error ${formatFixed(state.meanAbsoluteError)} over ${state.releases} releases. ` +
    `${state.queries} ${state.queries === 1 ? 'query spends' : 'queries spend'} ε = ${formatNumber(state.budget)}.`
  );
}

/** e^ε as a readable number: 1.65, 148, 2.2e+4. */
export function oddsFactorText(budget: number): string {
  const factor = Math.exp(budget);
  return factor < 10 ? factor.toFixed(2) : factor < 100_000 ? String(Math.round(factor)) : factor.toExponential(1);
}
