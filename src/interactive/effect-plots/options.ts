/**
 * The effect-plots figure's directive options, read the same way at build time (where a problem is a
 * positioned error) and when the component renders:
 *
 *     :seed: 1            the seed of the pseudo-random sample (a whole number)
 *     :points: 80         how many observations (10 to 200)
 *     :intervals: 8       how many quantile intervals of x1 for the ALE and the grid (2 to 20)
 *     :correlation: 0.9   the correlation shown first, and to readers without JavaScript (0 to 0.95)
 */
import type { EffectSettings } from './effects.js';

/** The figure's settings and starting correlation. */
export interface EffectPlotsData extends EffectSettings {
  readonly correlation: number;
}

/** A problem with one option. */
export interface OptionProblem {
  option: string;
  reason: string;
}

/** What each option holds, for messages and the widget registry. */
export const EFFECT_PLOTS_OPTIONS = {
  seed: 'the seed of the sample, a whole number from 0 to 4294967295',
  points: 'how many observations, a whole number from 10 to 200',
  intervals: 'how many quantile intervals of x1, a whole number from 2 to 20, at most the number of points',
  correlation: 'the correlation shown first, a number from 0 to 0.95 in steps of 0.05 (default 0.9)',
} as const;

/** The correlation slider: its range and step. */
export const CORRELATION_RANGE = { min: 0, max: 0.95, step: 0.05 } as const;

const DEFAULTS = { seed: 1, points: 80, intervals: 8, correlation: 0.9 } as const;

function wholeNumber(value: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}

/** Read the options; `problems` is empty when the figure can be drawn. */
export function readEffectPlotsOptions(options: Readonly<Record<string, string | undefined>>): {
  data: EffectPlotsData;
  problems: OptionProblem[];
} {
  const problems: OptionProblem[] = [];
  const whole = (option: 'seed' | 'points' | 'intervals', min: number, max: number): number => {
    const raw = options[option];
    if (raw === undefined) return DEFAULTS[option];
    const value = wholeNumber(raw.trim(), min, max);
    if (value === undefined) {
      problems.push({ option, reason: `is \`${raw.trim()}\`; it must be ${EFFECT_PLOTS_OPTIONS[option]}` });
      return DEFAULTS[option];
    }
    return value;
  };
  const seed = whole('seed', 0, 4294967295);
  const points = whole('points', 10, 200);
  let intervals = whole('intervals', 2, 20);
  if (intervals > points) {
    problems.push({ option: 'intervals', reason: `is ${intervals}, more than the ${points} points; each interval needs at least one point` });
    intervals = Math.min(intervals, points);
  }
  let correlation: number = DEFAULTS.correlation;
  if (options.correlation !== undefined) {
    const raw = options.correlation.trim();
    const value = Number(raw);
    const steps = value / CORRELATION_RANGE.step;
    if (raw !== '' && /^[0-9.]+$/.test(raw) && value >= CORRELATION_RANGE.min && value <= CORRELATION_RANGE.max && Math.abs(steps - Math.round(steps)) < 1e-9) correlation = value;
    else problems.push({ option: 'correlation', reason: `is \`${raw}\`; it must be ${EFFECT_PLOTS_OPTIONS.correlation}` });
  }
  return { data: { seed, points, intervals, correlation }, problems };
}
