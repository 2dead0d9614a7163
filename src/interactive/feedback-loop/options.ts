/**
 * The feedback-loop explorer's directive options, read the same way at build time (a problem is a
 * positioned error) and when the component renders:
 *
 *     :true-rate: 0.85        true repayment rate of the segment, the slider's starting value
 *     :loans-per-round: 40    exploratory loans per round, the slider's starting value
 *     :old-loans: 100         old loans the estimate starts from, the slider's starting value
 *     :old-repaid: 75         how many of the old loans were repaid (the old rate stays r₀/n₀ as n₀ moves)
 *     :threshold: 0.80        the approval threshold t
 *     :rounds: 10             rounds shown (1 to 20)
 */
import type { LendingSettings } from './pooled-estimate.js';

/** A problem with one option. */
export interface OptionProblem {
  option: string;
  reason: string;
}

/** What each option holds, for messages and the widget registry. */
export const FEEDBACK_LOOP_OPTIONS = {
  'true-rate': 'the true repayment rate, a number from 0 to 1',
  'loans-per-round': 'exploratory loans per round, a whole number from 0 to 200',
  'old-loans': 'the number of old loans, a whole number from 1 to 1000',
  'old-repaid': 'how many old loans were repaid, a whole number up to the old loans',
  threshold: 'the approval threshold, a number from 0 to 1',
  rounds: 'how many rounds to show, a whole number from 1 to 20 (default 10)',
} as const;

type OptionName = keyof typeof FEEDBACK_LOOP_OPTIONS;

/** Read the options; `problems` is empty when the figure can be shown. */
export function readFeedbackLoopOptions(options: Readonly<Record<string, string | undefined>>): { settings: LendingSettings; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const number = (name: OptionName, { min, max, whole, fallback }: { min: number; max: number; whole: boolean; fallback?: number }): number => {
    const raw = options[name]?.trim();
    if (raw === undefined || raw === '') {
      if (fallback !== undefined) return fallback;
      problems.push({ option: name, reason: `is missing: give ${FEEDBACK_LOOP_OPTIONS[name]}` });
      return Number.NaN;
    }
    const value = Number(raw);
    if (!/^\d*\.?\d+$/.test(raw) || value < min || value > max || (whole && !Number.isInteger(value))) {
      problems.push({ option: name, reason: `is \`${raw}\`; give ${FEEDBACK_LOOP_OPTIONS[name]}` });
      return Number.NaN;
    }
    return value;
  };
  const trueRate = number('true-rate', { min: 0, max: 1, whole: false });
  const loansPerRound = number('loans-per-round', { min: 0, max: 200, whole: true });
  const oldLoans = number('old-loans', { min: 1, max: 1000, whole: true });
  const oldRepaid = number('old-repaid', { min: 0, max: 1000, whole: true });
  const threshold = number('threshold', { min: 0, max: 1, whole: false });
  const rounds = number('rounds', { min: 1, max: 20, whole: true, fallback: 10 });
  if (oldRepaid > oldLoans) problems.push({ option: 'old-repaid', reason: `is ${oldRepaid}, more than the ${oldLoans} old loans` });
  return { settings: { trueRate, loansPerRound, oldLoans, oldRepaid, threshold, rounds }, problems };
}
