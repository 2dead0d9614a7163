/**
 * The explorer's sentences, one source for the server's static text and the browser's updates and
 * announcements.
 */
import { crossingBound, firstApprovedRound, formatFixed, type LendingSettings, pooledStandardError, type RoundState } from './pooled-estimate.js';

/** "Approved from round 3 (estimate 0.805 ≥ 0.80)", or why it never is within the rounds shown. */
export function crossingText(settings: LendingSettings, path: readonly RoundState[]): string {
  const round = firstApprovedRound(path);
  const t = formatFixed(settings.threshold, 2);
  if (round === 0) return `Approved from the start: the old data already give ${formatFixed(path[0]?.estimate ?? Number.NaN)} ≥ ${t}.`;
  if (round !== undefined) return `Approved from round ${round}: estimate ${formatFixed(path[round]?.estimate ?? Number.NaN)} ≥ ${t}.`;
  if (settings.loansPerRound === 0) return `Never approved: without exploration no new labels arrive and the estimate stays at ${formatFixed(path[0]?.estimate ?? Number.NaN)}.`;
  if (settings.trueRate < settings.threshold) return `Never approved: the true rate ${formatFixed(settings.trueRate, 2)} is below the threshold ${t}, so denying is right.`;
  return `Not approved within ${settings.rounds} rounds: the estimate reaches ${formatFixed(path.at(-1)?.estimate ?? Number.NaN)}.`;
}

/** The bound of the text, (t·n₀ − r₀)/(m·(p − t)), with what it means. */
export function boundText(settings: LendingSettings): string {
  const bound = crossingBound(settings);
  if (bound === undefined) return 'Bound: none (the estimate never reaches the threshold).';
  if (bound === 0) return 'Bound: 0 rounds (the old data suffice).';
  return `Bound: k ≥ ${formatFixed(bound, 2)}, so round ${Math.ceil(bound - 1e-9)}.`;
}

/** Standard error of the pooled estimate in the round it is first approved. */
export function standardErrorText(settings: LendingSettings, path: readonly RoundState[]): string {
  const round = firstApprovedRound(path);
  if (round === undefined || round === 0) return 'Standard error at the crossing: not applicable.';
  return `Standard error in round ${round}: ${formatFixed(pooledStandardError(settings, round))}.`;
}

/** The sliders' values as text. */
export function settingsText(settings: LendingSettings): string {
  return `True rate ${formatFixed(settings.trueRate, 2)}, ${settings.loansPerRound} exploratory loans per round, ${settings.oldLoans} old loans (${settings.oldRepaid} repaid).`;
}

/** What the live region announces once the reader pauses. */
export function summaryText(settings: LendingSettings, path: readonly RoundState[]): string {
  return `${settingsText(settings)} ${crossingText(settings, path)}`;
}

/** The chart's accessible name. */
export function chartLabel(settings: LendingSettings, path: readonly RoundState[]): string {
  return `Pooled estimate by round, 0 to ${settings.rounds}, against the threshold ${formatFixed(settings.threshold, 2)} and the true rate ${formatFixed(settings.trueRate, 2)}. ${crossingText(settings, path)}`;
}
