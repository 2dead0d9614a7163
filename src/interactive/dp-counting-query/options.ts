/**
 * The counting-query explorer's directive options, read the same way at build time (where a problem
 * is a positioned error) and when the component renders:
 *
 *     :epsilon: 0.5        the privacy level shown first, one of EPSILON_STEPS
 *     :sensitivity: 1      the query's sensitivity Δ shown first, one of SENSITIVITY_CHOICES
 *     :queries: 10         the number k of releases whose budget is shown first (1 to 100)
 *     :releases: 500       how many noisy releases the histogram draws (50 to 5000)
 *     :seed: 2024          the generator's seed (a whole number), so the figure is the same for everyone
 */
import { EPSILON_STEPS, SENSITIVITY_CHOICES } from './laplace.js';

export interface DpCountingSettings {
  epsilon: number;
  sensitivity: number;
  queries: number;
  releases: number;
  seed: number;
}

export interface OptionProblem {
  option: string;
  reason: string;
}

/** What each option holds, for messages and the widget registry. */
export const DP_COUNTING_QUERY_OPTIONS = {
  epsilon: `the privacy level ε shown first, one of ${EPSILON_STEPS.join(', ')} (default 1)`,
  sensitivity: `the sensitivity Δ shown first, one of ${SENSITIVITY_CHOICES.join(', ')} (default 1)`,
  queries: 'the number k of queries whose total budget is shown first, a whole number from 1 to 100 (default 10)',
  releases: 'how many noisy releases to draw, a whole number from 50 to 5000 (default 500)',
  seed: 'the seed of the pseudo-random generator, a whole number from 0 to 4294967295 (default 1)',
} as const;

export const DEFAULT_SETTINGS: Readonly<DpCountingSettings> = { epsilon: 1, sensitivity: 1, queries: 10, releases: 500, seed: 1 };

const WHOLE = /^\d+$/;
const DECIMAL = /^\d*\.?\d+$/;

/** Read the options; `problems` is empty when the figure can be drawn. */
export function readDpCountingOptions(options: Readonly<Record<string, string | undefined>>): { settings: DpCountingSettings; problems: OptionProblem[] } {
  const settings: DpCountingSettings = { ...DEFAULT_SETTINGS };
  const problems: OptionProblem[] = [];
  const read = (option: keyof DpCountingSettings, valid: (value: number) => boolean, pattern: RegExp) => {
    const text = options[option]?.trim();
    if (text === undefined) return;
    const value = Number(text);
    if (pattern.test(text) && valid(value)) settings[option] = value;
    else problems.push({ option, reason: `is \`${text}\`; give ${DP_COUNTING_QUERY_OPTIONS[option]}` });
  };
  read('epsilon', (value) => (EPSILON_STEPS as readonly number[]).includes(value), DECIMAL);
  read('sensitivity', (value) => (SENSITIVITY_CHOICES as readonly number[]).includes(value), WHOLE);
  read('queries', (value) => value >= 1 && value <= 100, WHOLE);
  read('releases', (value) => value >= 50 && value <= 5000, WHOLE);
  read('seed', (value) => value <= 4294967295, WHOLE);
  return { settings, problems };
}
