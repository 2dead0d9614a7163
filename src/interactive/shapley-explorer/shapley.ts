/**
 * The Shapley explorer's arithmetic, pure and shared by the server (static state) and the browser:
 * exact Shapley values of a model's prediction for one instance, computed by enumerating every
 * coalition of features, with the interventional value function of the chapter
 * (content/2-interpretability/2-3-local.mdx): the features outside a coalition take the values of
 * each row of a fixed background dataset, and the coalition's value is the mean prediction.
 */

/** A model: a prediction for a feature vector. */
export type Model = (x: readonly number[]) => number;

/** A model with main effects and pairwise interactions, as the chapter writes it. */
export interface InteractionModel {
  readonly intercept: number;
  /** One coefficient per feature. */
  readonly coefficients: readonly number[];
  /** Terms `coefficient · x_i · x_j` (feature indices from 0). */
  readonly interactions: readonly { readonly i: number; readonly j: number; readonly coefficient: number }[];
}

/** The chapter's credit score: f(x) = 10 + 2 x1 + 3 x2 − 4 x3 + x1 x2. */
export const CREDIT_MODEL: InteractionModel = {
  intercept: 10,
  coefficients: [2, 3, -4],
  interactions: [{ i: 0, j: 1, coefficient: 1 }],
};

/** The chapter's four background applicants: income (€10,000s), years in job, open loans. */
export const CREDIT_BACKGROUND: readonly (readonly number[])[] = [
  [2, 1, 1],
  [4, 3, 2],
  [6, 1, 3],
  [4, 3, 2],
];

/** The three features, in order, with their names and the range the explorer's inputs allow. */
export const CREDIT_FEATURES = [
  { key: 'income', name: 'Income', symbol: 'x₁', unit: '€10,000s', min: 0, max: 10 },
  { key: 'tenure', name: 'Years in job', symbol: 'x₂', unit: 'years', min: 0, max: 10 },
  { key: 'loans', name: 'Open loans', symbol: 'x₃', unit: 'loans', min: 0, max: 5 },
] as const;

/** The prediction of an interaction model. */
export function predict(model: InteractionModel, x: readonly number[]): number {
  let value = model.intercept;
  model.coefficients.forEach((coefficient, index) => {
    value += coefficient * (x[index] ?? 0);
  });
  for (const { i, j, coefficient } of model.interactions) value += coefficient * (x[i] ?? 0) * (x[j] ?? 0);
  return value;
}

/** Whether feature `feature` is in the coalition `mask` (bit `feature` set). */
export function inCoalition(mask: number, feature: number): boolean {
  return (mask & (1 << feature)) !== 0;
}

/**
 * The interventional value of every coalition, indexed by its bit mask: the mean prediction when the
 * coalition's features take the instance's values and the others each background row's values.
 */
export function coalitionValues(model: Model, background: readonly (readonly number[])[], instance: readonly number[]): number[] {
  const n = instance.length;
  const values: number[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    let total = 0;
    for (const row of background) {
      total += model(instance.map((value, feature) => (inCoalition(mask, feature) ? value : (row[feature] ?? 0))));
    }
    values.push(total / background.length);
  }
  return values;
}

function factorial(k: number): number {
  let result = 1;
  for (let i = 2; i <= k; i++) result *= i;
  return result;
}

/** The Shapley weight of a coalition of size `size` not containing the feature, among `n` features. */
export function shapleyWeight(size: number, n: number): number {
  return (factorial(size) * factorial(n - size - 1)) / factorial(n);
}

/** One term of a feature's Shapley value: a coalition without it, its weight and the marginal contribution. */
export interface MarginalTerm {
  readonly coalition: number;
  readonly weight: number;
  readonly marginal: number;
}

/** The weighted marginal contributions of feature `feature` in the game `values` (indexed by mask). */
export function marginalTerms(values: readonly number[], n: number, feature: number): MarginalTerm[] {
  const terms: MarginalTerm[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    if (inCoalition(mask, feature)) continue;
    const size = popCount(mask);
    terms.push({ coalition: mask, weight: shapleyWeight(size, n), marginal: (values[mask | (1 << feature)] ?? 0) - (values[mask] ?? 0) });
  }
  return terms;
}

/** The exact Shapley value of every player of the game `values` (indexed by coalition mask). */
export function shapleyValues(values: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, feature) => marginalTerms(values, n, feature).reduce((sum, term) => sum + term.weight * term.marginal, 0));
}

/** How many features a coalition holds. */
export function popCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest > 0; rest >>= 1) count += rest & 1;
  return count;
}

/** The mean of each feature over the background. */
export function featureMeans(background: readonly (readonly number[])[]): number[] {
  const n = background[0]?.length ?? 0;
  return Array.from({ length: n }, (_, feature) => background.reduce((sum, row) => sum + (row[feature] ?? 0), 0) / background.length);
}

/** The main-effect attribution of a linear model: coefficient × (value − background mean). */
export function linearAttribution(model: InteractionModel, background: readonly (readonly number[])[], instance: readonly number[]): number[] {
  const means = featureMeans(background);
  return model.coefficients.map((coefficient, feature) => coefficient * ((instance[feature] ?? 0) - (means[feature] ?? 0)));
}

/** Everything the explorer shows for one instance. */
export interface Explanation {
  readonly instance: readonly number[];
  /** v of every coalition, by mask; v(∅) is the baseline, v(all) the prediction. */
  readonly values: readonly number[];
  readonly baseline: number;
  readonly prediction: number;
  readonly shapley: readonly number[];
  readonly linear: readonly number[];
  readonly means: readonly number[];
}

/** The chapter model's explanation of `instance` against the chapter's background. */
export function explainCredit(instance: readonly number[]): Explanation {
  const model: Model = (x) => predict(CREDIT_MODEL, x);
  const values = coalitionValues(model, CREDIT_BACKGROUND, instance);
  const n = instance.length;
  return {
    instance,
    values,
    baseline: values[0] ?? 0,
    prediction: values[(1 << n) - 1] ?? 0,
    shapley: shapleyValues(values, n),
    linear: linearAttribution(CREDIT_MODEL, CREDIT_BACKGROUND, instance),
    means: featureMeans(CREDIT_BACKGROUND),
  };
}

/** A number as the explorer prints it: at most two decimals, no trailing zeros, a true minus sign. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const text = String(Object.is(rounded, -0) ? 0 : Math.abs(rounded));
  return rounded < 0 ? `−${text}` : text;
}

/** A contribution with its sign: `+10`, `−4`, `0`. */
export function formatSigned(value: number): string {
  const text = formatNumber(value);
  return text === '0' || text.startsWith('−') ? text : `+${text}`;
}

/** The coalition as the chapter writes it: `∅`, `{1}`, `{1, 3}`. */
export function coalitionName(mask: number, n: number): string {
  const members = Array.from({ length: n }, (_, feature) => feature).filter((feature) => inCoalition(mask, feature));
  return members.length === 0 ? '∅' : `{${members.map((feature) => feature + 1).join(', ')}}`;
}
