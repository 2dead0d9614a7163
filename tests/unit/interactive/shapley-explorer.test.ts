/**
 * The Shapley explorer's arithmetic (src/interactive/shapley-explorer): exact Shapley values by
 * enumerating coalitions, and the axioms they must satisfy (efficiency, symmetry, null player,
 * additivity), the linear-model identity φ_j = β_j (x_j − mean_j) under the interventional value
 * function, the waterfall's geometry, the directive's options and the explorer's words.
 */
import { describe, expect, it } from 'vitest';
import { barKind, chartDomain, chartTicks, chartX, waterfallBars } from '../../../src/interactive/shapley-explorer/chart.js';
import { readShapleyExplorerOptions } from '../../../src/interactive/shapley-explorer/options.js';
import {
  coalitionName,
  coalitionValues,
  CREDIT_BACKGROUND,
  CREDIT_MODEL,
  explainCredit,
  featureMeans,
  formatNumber,
  formatSigned,
  type InteractionModel,
  linearAttribution,
  marginalTerms,
  type Model,
  predict,
  shapleyValues,
  shapleyWeight,
} from '../../../src/interactive/shapley-explorer/shapley.js';
import { summaryText, totalsText } from '../../../src/interactive/shapley-explorer/wording.js';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** A small deterministic generator, so the property checks are reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function shapleyOf(model: Model, background: readonly (readonly number[])[], instance: readonly number[]): number[] {
  return shapleyValues(coalitionValues(model, background, instance), instance.length);
}

describe('the chapter’s worked example', () => {
  const explanation = explainCredit([6, 4, 1]);

  it('should have baseline 24, prediction 54 and the eight coalition values of the chapter', () => {
    expect(explanation.baseline).toBe(24);
    expect(explanation.prediction).toBe(54);
    // Masks: bit 0 income, bit 1 years in job, bit 2 open loans.
    expect(explanation.values).toEqual([24, 32, 38, 50, 28, 36, 42, 54]);
  });

  it('should give Shapley values 10, 16 and 4 against coefficient × (value − mean) 4, 6 and 4', () => {
    expect(explanation.shapley.map((value) => Math.round(value * 1e9) / 1e9)).toEqual([10, 16, 4]);
    expect(explanation.linear).toEqual([4, 6, 4]);
    expect(explanation.means).toEqual([4, 2, 2]);
  });

  it('should list the marginal contributions of income with weights 1/3, 1/6, 1/6, 1/3', () => {
    const terms = marginalTerms(explanation.values, 3, 0);
    expect(terms.map((term) => [coalitionName(term.coalition, 3), term.weight, term.marginal])).toEqual([
      ['∅', 1 / 3, 8],
      ['{2}', 1 / 6, 12],
      ['{3}', 1 / 6, 8],
      ['{2, 3}', 1 / 3, 12],
    ]);
  });
});

describe('the Shapley axioms', () => {
  const next = random(7);
  const draw = () => Math.round(next() * 20 - 5);
  const instances = Array.from({ length: 25 }, () => [draw(), draw(), draw()]);

  it('efficiency: the values add up to f(x) − E[f(X)] for any instance', () => {
    for (const instance of instances) {
      const explanation = explainCredit(instance);
      expect(sum(explanation.shapley)).toBeCloseTo(explanation.prediction - explanation.baseline, 9);
      expect(explanation.prediction).toBe(predict(CREDIT_MODEL, instance));
    }
  });

  it('symmetry: two features that play the same role with the same values get the same value', () => {
    const model: InteractionModel = { intercept: 1, coefficients: [2, 2, -1], interactions: [{ i: 0, j: 1, coefficient: 3 }] };
    const background = [[1, 1, 0], [2, 2, 5], [0, 0, 1]];
    const phi = shapleyOf((x) => predict(model, x), background, [4, 4, 2]);
    expect(phi[0]).toBeCloseTo(phi[1] as number, 12);
  });

  it('null player: a feature the model ignores gets 0 under the interventional value function', () => {
    const model: InteractionModel = { intercept: 3, coefficients: [1, 0, 2], interactions: [{ i: 0, j: 2, coefficient: -1 }] };
    for (const instance of instances) {
      const phi = shapleyOf((x) => predict(model, x), CREDIT_BACKGROUND, instance);
      expect(phi[1]).toBeCloseTo(0, 12);
    }
  });

  it('additivity: the values of a sum of models are the sums of their values', () => {
    const f: Model = (x) => predict(CREDIT_MODEL, x);
    const g: Model = (x) => (x[0] ?? 0) * (x[2] ?? 0) - 2 * (x[1] ?? 0);
    const instance = [5, 2, 3];
    const together = shapleyOf((x) => f(x) + g(x), CREDIT_BACKGROUND, instance);
    const apart = shapleyOf(f, CREDIT_BACKGROUND, instance).map((value, index) => value + (shapleyOf(g, CREDIT_BACKGROUND, instance)[index] ?? 0));
    together.forEach((value, index) => expect(value).toBeCloseTo(apart[index] as number, 12));
  });

  it('linear model: φ_j = coefficient × (x_j − background mean), even with correlated features', () => {
    const model: InteractionModel = { intercept: -2, coefficients: [1.5, -3, 0.5, 2], interactions: [] };
    const background = [[1, 2, 3, 4], [2, 4, 6, 8], [0, 1, 0, 1], [5, 5, 1, 0], [3, 6, 9, 12]];
    for (const instance of [[0, 0, 0, 0], [7, -1, 2, 3], [2.5, 3, 1, 9]]) {
      const phi = shapleyOf((x) => predict(model, x), background, instance);
      const linear = linearAttribution(model, background, instance);
      phi.forEach((value, index) => expect(value).toBeCloseTo(linear[index] as number, 10));
    }
  });

  it('should weight coalitions so that the weights of one feature sum to 1', () => {
    expect([shapleyWeight(0, 3), shapleyWeight(1, 3), shapleyWeight(2, 3)]).toEqual([1 / 3, 1 / 6, 1 / 3]);
    for (const n of [2, 3, 4, 5]) {
      const total = Array.from({ length: 1 << (n - 1) }, (_, mask) => shapleyWeight([...mask.toString(2)].filter((bit) => bit === '1').length, n)).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it('should give the means of the background', () => {
    expect(featureMeans(CREDIT_BACKGROUND)).toEqual([4, 2, 2]);
  });
});

describe('the waterfall', () => {
  it('should step from the baseline through each value to the prediction', () => {
    const bars = waterfallBars(explainCredit([6, 4, 1]));
    expect(bars.map((bar) => [bar.from, Math.round(bar.to * 1e9) / 1e9])).toEqual([[0, 24], [24, 34], [34, 50], [50, 54], [0, 54]]);
    expect(bars.map((bar, row) => barKind(row, bar))).toEqual(['total', 'up', 'up', 'up', 'total']);
    const domain = chartDomain(bars);
    expect(domain).toEqual({ min: 0, max: 60, tickStep: 10 });
    expect(chartTicks(domain)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(chartX(0, domain)).toBe(96);
    expect(chartX(60, domain)).toBe(306);
  });

  it('should draw a negative value as a step down, and include negative scores in the axis', () => {
    const explanation = explainCredit([0, 0, 5]);
    const bars = waterfallBars(explanation);
    expect(explanation.prediction).toBe(-10);
    expect(bars.some((bar, row) => barKind(row, bar) === 'down')).toBe(true);
    expect(chartDomain(bars).min).toBeLessThanOrEqual(-10);
  });
});

describe('readShapleyExplorerOptions', () => {
  it('should read the instance', () => {
    expect(readShapleyExplorerOptions({ instance: '6 4 1' })).toEqual({ instance: [6, 4, 1], problems: [] });
  });

  it('should name each problem', () => {
    expect(readShapleyExplorerOptions({}).problems[0]?.reason).toMatch(/^is missing/);
    expect(readShapleyExplorerOptions({ instance: '6 4' }).problems.map((problem) => problem.reason)).toEqual([
      'has 2 values; give the applicant shown first: 3 whole numbers separated by spaces (income 0–10, years in job 0–10, open loans 0–5)',
    ]);
    expect(readShapleyExplorerOptions({ instance: '6 x 9' }).problems.map((problem) => problem.reason)).toEqual([
      'gives years in job `x`; it must be a whole number from 0 to 10',
      'gives open loans `9`; it must be a whole number from 0 to 5',
    ]);
  });
});

describe('wording', () => {
  it('should format numbers with a true minus sign and at most two decimals', () => {
    expect([formatNumber(10), formatNumber(-4), formatNumber(2 / 3), formatNumber(-0.001), formatSigned(4), formatSigned(-2.5), formatSigned(0)]).toEqual([
      '10', '−4', '0.67', '0', '+4', '−2.5', '0',
    ]);
  });

  it('should announce the state of the chapter’s applicant', () => {
    const explanation = explainCredit([6, 4, 1]);
    expect(summaryText(explanation)).toBe(
      'Applicant with income 6, years in job 4, open loans 1: prediction 54, baseline 24, difference +30. Shapley values: income +10, years in job +16, open loans +4.',
    );
    expect(totalsText(explanation)).toBe(
      'Shapley values add up to f(x) − E[f(X)] = +30; coefficient × (value − mean) adds up to +14, missing the interaction’s +16.',
    );
  });
});
