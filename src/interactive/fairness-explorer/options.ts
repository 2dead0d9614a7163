/**
 * The fairness explorer's directive options, read the same way at build time (where a problem is a
 * positioned error) and when the component renders:
 *
 *     :mode: criteria               `criteria` (Chapter 1.2) or `post-processing` (Chapter 1.3)
 *     :groups: A B                  the two groups' names
 *     :a-positives: 0.85*5 0.75 …   scores of the first group's positives (Y = 1); `s*k` is k people with score s
 *     :a-negatives: …               scores of its negatives (Y = 0)
 *     :b-positives: … / :b-negatives: …
 *     :threshold-a: 0.5             each group's threshold shown first, and to readers without JavaScript
 *     :threshold-b: 0.5
 *     :tolerance: 0.02              the largest gap for which a criterion is said to hold
 *     :outcomes: repaid defaulted   words for Y = 1 and Y = 0 (default `Y = 1` and `Y = 0`)
 */
import type { ScoredExample } from '../classification/classification.js';
import { isUnitNumber, list } from '../classification/options.js';

export type FairnessMode = 'criteria' | 'post-processing';

/** The explorer's data and starting state. */
export interface FairnessExplorerData {
  mode: FairnessMode;
  names: [string, string];
  groups: [ScoredExample[], ScoredExample[]];
  thresholds: [number, number];
  tolerance: number;
  /** Labels of the outcomes Y = 1 and Y = 0. */
  outcomes: [string, string];
}

export interface OptionProblem {
  option: string;
  reason: string;
}

/** What each option holds, for messages and the widget registry. */
export const FAIRNESS_EXPLORER_OPTIONS = {
  mode: '`criteria` (default) or `post-processing` (adds a coin-flip band per group and equalizing buttons)',
  groups: 'the two groups’ names, separated by a space (default `A B`)',
  'a-positives': 'scores of the first group’s positives (Y = 1), numbers from 0 to 1; `0.65*3` stands for three people with score 0.65',
  'a-negatives': 'scores of the first group’s negatives (Y = 0), written like `:a-positives:`',
  'b-positives': 'scores of the second group’s positives (Y = 1), written like `:a-positives:`',
  'b-negatives': 'scores of the second group’s negatives (Y = 0), written like `:a-positives:`',
  'threshold-a': 'the first group’s threshold shown first (default 0.5)',
  'threshold-b': 'the second group’s threshold shown first (default 0.5)',
  tolerance: 'the largest gap for which a criterion holds, from 0 to 1 (default 0.02)',
  outcomes: 'two words for Y = 1 and Y = 0, e.g. `repaid defaulted` (default `Y = 1` and `Y = 0`)',
} as const;

const SCORE_LISTS = ['a-positives', 'a-negatives', 'b-positives', 'b-negatives'] as const;

/** Read a score list with the `s*k` shorthand; the items that are not scores go to `bad`. */
function scoreList(value: string | undefined, bad: string[]): number[] {
  const scores: number[] = [];
  for (const item of list(value)) {
    const match = /^([^*]+)(?:\*(\d+))?$/.exec(item);
    const score = match?.[1] ?? '';
    const count = match?.[2] === undefined ? 1 : Number(match[2]);
    if (!match || !isUnitNumber(score) || count < 1 || count > 10000) bad.push(item);
    else for (let index = 0; index < count; index++) scores.push(Number(score));
  }
  return scores;
}

function unitOption(options: Readonly<Record<string, string | undefined>>, name: string, fallback: number, problems: OptionProblem[]): number {
  const value = options[name]?.trim();
  if (value === undefined) return fallback;
  if (isUnitNumber(value)) return Number(value);
  problems.push({ option: name, reason: `is \`${value}\`; it must be a number from 0 to 1` });
  return fallback;
}

/** Read the options; `problems` is empty when the data can be shown. */
export function readFairnessExplorerOptions(options: Readonly<Record<string, string | undefined>>): { data: FairnessExplorerData; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const lists: Record<(typeof SCORE_LISTS)[number], number[]> = { 'a-positives': [], 'a-negatives': [], 'b-positives': [], 'b-negatives': [] };
  for (const name of SCORE_LISTS) {
    const bad: string[] = [];
    lists[name] = scoreList(options[name], bad);
    if (bad.length > 0) problems.push({ option: name, reason: `has items that are not scores from 0 to 1 (or \`score*count\`): ${bad.map((item) => `\`${item}\``).join(', ')}` });
    else if (lists[name].length === 0) {
      problems.push({ option: name, reason: `is missing or empty: give ${FAIRNESS_EXPLORER_OPTIONS[name]} (each group needs both outcomes: the rates divide by each count)` });
    }
  }
  const mode = (options.mode ?? 'criteria').trim();
  if (mode !== 'criteria' && mode !== 'post-processing') problems.push({ option: 'mode', reason: `is \`${mode}\`; it must be \`criteria\` or \`post-processing\`` });
  const names = options.groups === undefined ? ['A', 'B'] : list(options.groups);
  if (names.length !== 2) problems.push({ option: 'groups', reason: `has ${names.length} names; give two, separated by a space` });
  const outcomes = options.outcomes === undefined ? ['Y = 1', 'Y = 0'] : list(options.outcomes);
  if (outcomes.length !== 2) problems.push({ option: 'outcomes', reason: `has ${outcomes.length} words; give two, for Y = 1 and Y = 0` });
  const group = (positives: number[], negatives: number[]): ScoredExample[] => [
    ...positives.map((score) => ({ score, outcome: 1 as const })),
    ...negatives.map((score) => ({ score, outcome: 0 as const })),
  ];
  return {
    data: {
      mode: mode === 'post-processing' ? 'post-processing' : 'criteria',
      names: [names[0] ?? 'A', names[1] ?? 'B'],
      groups: [group(lists['a-positives'], lists['a-negatives']), group(lists['b-positives'], lists['b-negatives'])],
      thresholds: [unitOption(options, 'threshold-a', 0.5, problems), unitOption(options, 'threshold-b', 0.5, problems)],
      tolerance: unitOption(options, 'tolerance', 0.02, problems),
      outcomes: [outcomes[0] ?? 'Y = 1', outcomes[1] ?? 'Y = 0'],
    },
    problems,
  };
}
