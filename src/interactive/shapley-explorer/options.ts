/**
 * The Shapley explorer's directive options, read the same way at build time (where a problem is a
 * positioned error) and when the component renders:
 *
 *     :instance: 6 4 1     the applicant shown first: income (€10,000s), years in job, open loans
 */
import { CREDIT_FEATURES } from './shapley.js';

/** A problem with one option. */
export interface OptionProblem {
  option: string;
  reason: string;
}

/** What each option holds, for messages and the widget registry. */
export const SHAPLEY_EXPLORER_OPTIONS = {
  instance: `the applicant shown first: ${CREDIT_FEATURES.length} whole numbers separated by spaces (${CREDIT_FEATURES.map((feature) => `${feature.name.toLowerCase()} ${feature.min}–${feature.max}`).join(', ')})`,
} as const;

/** Read the options; `problems` is empty when the instance can be shown. */
export function readShapleyExplorerOptions(options: Readonly<Record<string, string | undefined>>): { instance: number[]; problems: OptionProblem[] } {
  const items = (options.instance ?? '').split(/[\s,]+/).filter((item) => item !== '');
  if (items.length === 0) return { instance: [], problems: [{ option: 'instance', reason: `is missing: give ${SHAPLEY_EXPLORER_OPTIONS.instance}` }] };
  const problems: OptionProblem[] = [];
  if (items.length !== CREDIT_FEATURES.length) {
    problems.push({ option: 'instance', reason: `has ${items.length} values; give ${SHAPLEY_EXPLORER_OPTIONS.instance}` });
  }
  const instance = items.map(Number);
  CREDIT_FEATURES.forEach((feature, index) => {
    const item = items[index];
    if (item === undefined) return;
    const value = Number(item);
    if (!/^\d+$/.test(item) || value < feature.min || value > feature.max) {
      problems.push({ option: 'instance', reason: `gives ${feature.name.toLowerCase()} \`${item}\`; it must be a whole number from ${feature.min} to ${feature.max}` });
    }
  });
  return { instance, problems };
}
