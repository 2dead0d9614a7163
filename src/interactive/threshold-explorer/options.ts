/**
 * The threshold explorer's directive options, read the same way at build time (where a problem is a
 * positioned error) and when the component renders:
 *
 *     :scores: 0.95 0.90 0.85 …     the model's scores, in [0, 1], in the order the chapter numbers them
 *     :outcomes: 1 1 1 0 …          the true outcomes, 1 (positive) or 0, one per score
 *     :threshold: 0.5               the threshold shown first, and to readers without JavaScript
 */
import type { ScoredExample } from '../classification/classification.js';
import { isUnitNumber, list } from '../classification/options.js';

/** The explorer's data and starting threshold. */
export interface ThresholdExplorerData {
  examples: ScoredExample[];
  threshold: number;
}

/** A problem with one option. */
export interface OptionProblem {
  option: string;
  reason: string;
}

/** What each option holds, for messages and the widget registry. */
export const THRESHOLD_EXPLORER_OPTIONS = {
  scores: 'the scores, numbers from 0 to 1 separated by spaces',
  outcomes: 'the true outcomes, 1 or 0 for each score, separated by spaces',
  threshold: 'the threshold shown first (default 0.5)',
} as const;

const DEFAULT_THRESHOLD = 0.5;

/** Read the options; `problems` is empty when the data can be shown. */
export function readThresholdExplorerOptions(options: Readonly<Record<string, string | undefined>>): {
  data: ThresholdExplorerData;
  problems: OptionProblem[];
} {
  const problems: OptionProblem[] = [];
  const scores = list(options.scores);
  const outcomes = list(options.outcomes);
  if (scores.length === 0) problems.push({ option: 'scores', reason: `is missing: give ${THRESHOLD_EXPLORER_OPTIONS.scores}` });
  if (outcomes.length === 0) problems.push({ option: 'outcomes', reason: `is missing: give ${THRESHOLD_EXPLORER_OPTIONS.outcomes}` });
  const badScores = scores.filter((item) => !isUnitNumber(item));
  if (badScores.length > 0) problems.push({ option: 'scores', reason: `has scores that are not numbers from 0 to 1: ${badScores.map((item) => `\`${item}\``).join(', ')}` });
  const badOutcomes = outcomes.filter((item) => item !== '0' && item !== '1');
  if (badOutcomes.length > 0) problems.push({ option: 'outcomes', reason: `has outcomes other than 1 or 0: ${badOutcomes.map((item) => `\`${item}\``).join(', ')}` });
  if (scores.length > 0 && outcomes.length > 0 && scores.length !== outcomes.length) {
    problems.push({ option: 'outcomes', reason: `has ${outcomes.length} outcomes for ${scores.length} scores; give one outcome per score` });
  }
  if (outcomes.length > 0 && badOutcomes.length === 0 && (!outcomes.includes('1') || !outcomes.includes('0'))) {
    problems.push({ option: 'outcomes', reason: 'needs both outcomes, 1 and 0: the true and false positive rates and the ROC curve divide by each count' });
  }
  let threshold = DEFAULT_THRESHOLD;
  if (options.threshold !== undefined) {
    const value = options.threshold.trim();
    if (isUnitNumber(value)) threshold = Number(value);
    else problems.push({ option: 'threshold', reason: `is \`${value}\`; it must be a number from 0 to 1` });
  }
  const examples = scores.map((score, index) => ({ score: Number(score), outcome: outcomes[index] === '1' ? 1 : 0 }) as const);
  return { data: { examples, threshold }, problems };
}
