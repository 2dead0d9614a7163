/**
 * The fairness explorer's words, shared by the server's static state and the browser's updates.
 */
import { formatDecimal, formatValue, type Ratio } from '../classification/classification.js';
import { type Criterion, type CriterionCheck, type GroupRule, type GroupState, isRandomised } from './fairness.js';

/** Each criterion's name and the rate it compares. */
export const CRITERION_LABELS: Readonly<Record<Criterion, { name: string; compares: string }>> = {
  'demographic-parity': { name: 'Demographic parity', compares: 'selection rate' },
  'equal-opportunity': { name: 'Equal opportunity', compares: 'TPR' },
  'equalized-odds': { name: 'Equalized odds', compares: 'TPR and FPR' },
  'predictive-parity': { name: 'Predictive parity', compares: 'PPV' },
};

/** The per-group metrics shown, in order, with their labels. */
export const GROUP_METRIC_LABELS = [
  ['selection', 'Selection rate'],
  ['tpr', 'TPR'],
  ['fpr', 'FPR'],
  ['ppv', 'PPV'],
  ['accuracy', 'Accuracy'],
] as const;

/** The mark of a criterion: a symbol and a word, so that it never relies on colour. */
export function markText(check: CriterionCheck): string {
  return check.holds ? '✓ holds' : '✗ fails';
}

/** A gap: `0.18`, or `undefined` when a rate is 0/0. */
export function gapText(gap: number | undefined): string {
  return gap === undefined ? 'undefined' : formatDecimal(gap);
}

/** The rates a criterion compares, in one group (`0.80`, or `0.80, 0.20` for equalized odds). */
export function comparedText(criterion: Criterion, state: GroupState): string {
  switch (criterion) {
    case 'demographic-parity':
      return formatValue(state.selection);
    case 'equal-opportunity':
      return formatValue(state.tpr);
    case 'equalized-odds':
      return `${formatValue(state.tpr)}, ${formatValue(state.fpr)}`;
    case 'predictive-parity':
      return formatValue(state.ppv);
  }
}

/** A rule in words: `t = 0.50`, or `t = 0.44, coin p = 0.50 from t⁻ = 0.21`. */
export function ruleText(rule: GroupRule): string {
  if (!isRandomised(rule)) return `t = ${formatDecimal(rule.upper)}`;
  return `t = ${formatDecimal(rule.upper)}, coin p = ${formatDecimal(rule.coin)} from t⁻ = ${formatDecimal(rule.lower)}`;
}

/** The decision for a score under a rule, in words. */
export function decisionFor(probability: number, rule: GroupRule): string {
  if (probability === 1) return 'Approve';
  if (probability === 0) return 'Deny';
  return `Coin ${formatDecimal(rule.coin)}`;
}

/** One sentence on the criteria: which hold and which fail, with their gaps. */
export function criteriaText(checks: readonly CriterionCheck[]): string {
  const held = checks.filter((check) => check.holds);
  const failed = checks.filter((check) => !check.holds);
  const part = (list: readonly CriterionCheck[]) => list.map((check) => `${CRITERION_LABELS[check.criterion].name.toLowerCase()} (gap ${gapText(check.gap)})`).join(', ');
  if (failed.length === 0) return `All four criteria hold: ${part(held)}.`;
  if (held.length === 0) return `No criterion holds: ${part(failed)} fail.`;
  return `Holds: ${part(held)}. Fails: ${part(failed)}.`;
}

/** The summary announced once the reader pauses, and the figure's state in one paragraph. */
export function summaryText(names: readonly [string, string], states: readonly [GroupState, GroupState], checks: readonly CriterionCheck[], accuracy: Ratio): string {
  const groups = states.map((state, index) => `Group ${names[index]}: ${ruleText(state.rule)}, selection ${formatValue(state.selection)}, TPR ${formatValue(state.tpr)}, FPR ${formatValue(state.fpr)}, PPV ${formatValue(state.ppv)}, accuracy ${formatValue(state.accuracy)}.`);
  return `${groups.join(' ')} ${criteriaText(checks)} Overall accuracy ${formatValue(accuracy)}.`;
}

/** The operating points, under the ROC plot and as its accessible name. */
export function pointsText(names: readonly [string, string], states: readonly [GroupState, GroupState]): string {
  return states.map((state, index) => `group ${names[index]} at (FPR, TPR) = (${formatDecimal(state.point.fpr)}, ${formatDecimal(state.point.tpr)})`).join('; ');
}

/** A slider's spoken value. */
export function sliderText(label: string, value: number): string {
  return `${label} = ${formatDecimal(value)}`;
}
