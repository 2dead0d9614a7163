/**
 * The effect plots' arithmetic (src/interactive/effect-plots): the seeded sample, the quantile grid,
 * ICE, partial dependence and accumulated local effects — PD is the mean of the ICE curves, ALE is
 * centred, PD and ALE agree up to a constant for additive models, nearly coincide for independent
 * features and part for correlated ones — the directive's options, and the wording.
 */
import { describe, expect, it } from 'vitest';
import {
  centringConstant,
  correlatedSample,
  correlation,
  effectState,
  figureModel,
  formatNumber,
  HALF_WIDTH,
  iceCurve,
  intervalOf,
  type Model2,
  mulberry32,
  partialDependence,
  type Point2,
  quantileGrid,
  uncentredAle,
} from '../../../src/interactive/effect-plots/effects.js';
import { readEffectPlotsOptions } from '../../../src/interactive/effect-plots/options.js';
import { curvePoints, dataY, EFFECT_CHART, effectX, effectY } from '../../../src/interactive/effect-plots/plot.js';
import { summaryText } from '../../../src/interactive/effect-plots/wording.js';

const SETTINGS = { seed: 1, points: 80, intervals: 8 } as const;
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('the seeded sample', () => {
  it('should give the same stream for the same seed and a different one for another seed', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  it('should keep x1 fixed across correlations and move only x2', () => {
    const independent = correlatedSample(1, 80, 0);
    const correlated = correlatedSample(1, 80, 0.9);
    expect(correlated.map((point) => point.x1)).toEqual(independent.map((point) => point.x1));
    expect(correlated.map((point) => point.x2)).not.toEqual(independent.map((point) => point.x2));
    for (const point of independent) expect(Math.abs(point.x1) <= HALF_WIDTH && Math.abs(point.x2) <= HALF_WIDTH).toBe(true);
  });

  it('should have a sample correlation near the one asked for', () => {
    expect(correlation(correlatedSample(1, 80, 0))).toBeCloseTo(0.03, 2);
    expect(correlation(correlatedSample(1, 80, 0.9))).toBeCloseTo(0.88, 2);
    expect(Math.abs(correlation(correlatedSample(3, 5000, 0.6)) - 0.6)).toBeLessThan(0.03);
  });
});

describe('the quantile grid', () => {
  it('should put the same number of points in every interval', () => {
    const data = correlatedSample(1, 80, 0.5);
    const grid = quantileGrid(data.map((point) => point.x1), 8);
    expect(grid).toHaveLength(9);
    const counts = new Array<number>(9).fill(0);
    for (const point of data) counts[intervalOf(grid, point.x1)]! += 1;
    expect(counts.slice(1)).toEqual(new Array(8).fill(10));
    expect(grid[0]).toBe(Math.min(...data.map((point) => point.x1)));
    expect(grid[8]).toBe(Math.max(...data.map((point) => point.x1)));
  });
});

describe('PD, ICE and ALE', () => {
  const diagonal: Point2[] = [0, 1, 2, 3].map((value) => ({ x1: value, x2: value }));
  const grid = [0, 1, 2, 3];

  it('should give the chapter’s hand-computed values on the four diagonal points', () => {
    expect(partialDependence(figureModel, diagonal, grid)).toEqual([-2, 1, 2, 1]);
    expect(diagonal.map((point) => iceCurve(figureModel, point, grid))).toEqual([
      [0, 0, -2, -6],
      [0, 2, 2, 0],
      [-2, 2, 4, 4],
      [-6, 0, 4, 6],
    ]);
    const ale = uncentredAle(figureModel, diagonal, grid);
    expect(ale).toEqual([0, 1, 3, 5]);
    expect(centringConstant(ale, diagonal, grid)).toBe(2.5);
  });

  it('should make PD the pointwise mean of the ICE curves, in the figure’s state too', () => {
    for (const rho of [0, 0.5, 0.9]) {
      const state = effectState(SETTINGS, rho);
      state.pd.forEach((value, k) => expect(mean(state.ice.map((curve) => curve[k] as number))).toBeCloseTo(value, 10));
    }
  });

  it('should centre ALE (and PD) to mean zero over the data', () => {
    for (const rho of [0, 0.45, 0.95]) {
      const state = effectState(SETTINGS, rho);
      expect(centringConstant(state.ale, state.data, state.grid)).toBeCloseTo(0, 10);
      expect(centringConstant(state.pd, state.data, state.grid)).toBeCloseTo(0, 10);
    }
  });

  it('should make ALE and PD coincide up to a constant for an additive model, even with correlated features', () => {
    const additive: Model2 = (x1, x2) => Math.sin(2 * x1) + x1 * x1 + Math.exp(x2);
    for (const rho of [0, 0.9]) {
      const state = effectState(SETTINGS, rho, additive);
      state.pd.forEach((value, k) => expect(value).toBeCloseTo(state.ale[k] as number, 10));
      // Uncentred, they differ by one constant.
      const pd = partialDependence(additive, state.data, state.grid);
      const ale = uncentredAle(additive, state.data, state.grid);
      const offsets = pd.map((value, k) => value - (ale[k] as number));
      for (const offset of offsets) expect(offset).toBeCloseTo(offsets[0] as number, 10);
    }
  });

  it('should nearly agree for independent features and part for correlated ones (the figure’s numbers)', () => {
    const independent = effectState(SETTINGS, 0);
    const correlated = effectState(SETTINGS, 0.9);
    expect(formatNumber(independent.maxGap)).toBe('0.26');
    expect(formatNumber(correlated.maxGap)).toBe('1.95');
    expect(correlated.maxGap).toBeGreaterThan(5 * independent.maxGap);
    // Along the data, the correlated ALE rises at the top of the grid while PD falls.
    const last = correlated.grid.length - 1;
    expect((correlated.ale[last] as number) - (correlated.ale[last - 1] as number)).toBeGreaterThan(0);
    expect((correlated.pd[last] as number) - (correlated.pd[last - 1] as number)).toBeLessThan(0);
  });

  it('should approach the population curves: PD = z − z² − 1 at any ρ, ALE = z − (1 − ρ) z² up to a constant', () => {
    const settings = { seed: 11, points: 4000, intervals: 20 };
    for (const rho of [0, 0.9]) {
      const state = effectState(settings, rho);
      const pdShape = state.grid.map((z) => z - z * z - 1);
      const aleShape = state.grid.map((z) => z - (1 - rho) * z * z);
      const pdOffset = mean(state.pd.map((value, k) => value - (pdShape[k] as number)));
      const aleOffset = mean(state.ale.map((value, k) => value - (aleShape[k] as number)));
      state.pd.forEach((value, k) => expect(Math.abs(value - (pdShape[k] as number) - pdOffset)).toBeLessThan(0.12));
      state.ale.forEach((value, k) => expect(Math.abs(value - (aleShape[k] as number) - aleOffset)).toBeLessThan(0.12));
    }
  });
});

describe('readEffectPlotsOptions', () => {
  it('should read the chapter’s options and apply defaults', () => {
    expect(readEffectPlotsOptions({ seed: '1', points: '80', intervals: '8', correlation: '0.9' })).toEqual({ data: { seed: 1, points: 80, intervals: 8, correlation: 0.9 }, problems: [] });
    expect(readEffectPlotsOptions({}).problems).toEqual([]);
  });

  it('should name each malformed option', () => {
    const { problems } = readEffectPlotsOptions({ seed: '-3', points: '5', intervals: '30', correlation: '0.97' });
    expect(problems.map((problem) => problem.option)).toEqual(['seed', 'points', 'intervals', 'correlation']);
    expect(readEffectPlotsOptions({ points: '10', intervals: '12' }).problems).toEqual([{ option: 'intervals', reason: 'is 12, more than the 10 points; each interval needs at least one point' }]);
    expect(readEffectPlotsOptions({ correlation: '0.33' }).problems.map((problem) => problem.option)).toEqual(['correlation']);
    expect(readEffectPlotsOptions({ correlation: 'high' }).problems.map((problem) => problem.option)).toEqual(['correlation']);
  });
});

describe('plot geometry and wording', () => {
  it('should map the axes’ ends to the plot’s edges', () => {
    expect(effectX(EFFECT_CHART.xMin)).toBe(EFFECT_CHART.left);
    expect(effectX(EFFECT_CHART.xMax)).toBe(EFFECT_CHART.left + EFFECT_CHART.width);
    expect(effectY(EFFECT_CHART.yMax)).toBe(0);
    expect(effectY(EFFECT_CHART.yMin)).toBe(EFFECT_CHART.height);
    expect(dataY(2.5)).toBeLessThan(dataY(-2.5));
    expect(curvePoints([0, 1], [0, 1]).split(' ')).toHaveLength(2);
  });

  it('should print numbers with a true minus sign and announce the chapter’s numbers', () => {
    expect(formatNumber(-0.004)).toBe('0.00');
    expect(formatNumber(-1.5)).toBe('−1.50');
    expect(summaryText(effectState(SETTINGS, 0.9))).toBe(
      'Correlation ρ = 0.90 (sample correlation 0.88). PD ranges from −3.60 to 1.04; ALE from −2.13 to 1.52. From the second-highest to the highest grid value, PD changes by −0.78 and ALE by 0.29. Largest gap between PD and ALE: 1.95, at x₁ = 1.66.',
    );
  });
});
