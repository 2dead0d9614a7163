/**
 * The counting-query explorer's arithmetic (src/interactive/dp-counting-query): the seeded generator,
 * the Laplace sampler (inverse distribution function) against its known mean, variance, mean absolute
 * value and tails, the histogram, sequential composition, the directive's options, and that the
 * directive in chapter 3-2 opens the figure at the settings the chapter describes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CLINIC,
  countingState,
  countQuery,
  EPSILON_STEPS,
  HISTOGRAM_BINS,
  laplaceDensity,
  laplaceDraws,
  laplaceFromUniform,
  laplaceScale,
  mean,
  meanAbsolute,
  releaseHistogram,
  seededUniform,
  sequentialBudget,
  shareBeyond,
  tailProbability,
  variance,
} from '../../../src/interactive/dp-counting-query/laplace.js';
import { readDpCountingOptions } from '../../../src/interactive/dp-counting-query/options.js';
import { axisMaximum, barHeight, barY, PLOT } from '../../../src/interactive/dp-counting-query/plot.js';
import { budgetText, oddsFactorText, statistics, summaryText } from '../../../src/interactive/dp-counting-query/wording.js';

const chapter = readFileSync(new URL('../../../content/3-privacy/3-2-mechanism.mdx', import.meta.url), 'utf8');

describe('the seeded generator', () => {
  it('should give the same sequence for the same seed and a different one for another seed', () => {
    const a = seededUniform(42);
    const b = seededUniform(42);
    const c = seededUniform(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it('should stay strictly inside (0, 1) and be roughly uniform', () => {
    const uniform = seededUniform(1);
    const draws = Array.from({ length: 20_000 }, () => uniform());
    expect(Math.min(...draws)).toBeGreaterThan(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(mean(draws)).toBeCloseTo(0.5, 1);
    expect(draws.filter((u) => u < 0.25).length / draws.length).toBeCloseTo(0.25, 1);
  });
});

describe('the Laplace sampler (inverse distribution function)', () => {
  it('should map the median to 0 and the quartiles to ±b ln 2', () => {
    expect(Math.abs(laplaceFromUniform(0.5, 3))).toBe(0);
    expect(laplaceFromUniform(0.75, 3)).toBeCloseTo(3 * Math.log(2), 12);
    expect(laplaceFromUniform(0.25, 3)).toBeCloseTo(-3 * Math.log(2), 12);
  });

  it('should invert the Laplace distribution function at any u', () => {
    const cdf = (x: number, b: number) => (x < 0 ? 0.5 * Math.exp(x / b) : 1 - 0.5 * Math.exp(-x / b));
    for (const u of [0.01, 0.2, 0.5, 0.63, 0.999]) expect(cdf(laplaceFromUniform(u, 2), 2)).toBeCloseTo(u, 12);
  });

  for (const [sensitivity, epsilon] of [[1, 1], [1, 0.5], [2, 0.25], [10, 2]] as const) {
    const b = laplaceScale(sensitivity, epsilon);
    it(`should have mean ≈ 0, variance ≈ 2b² and mean |noise| ≈ b = Δ/ε for Δ = ${sensitivity}, ε = ${epsilon}`, () => {
      const draws = laplaceDraws(40_000, b, 2024);
      // Standard errors over 40,000 draws: mean √2b/200, mean |x| b/200, variance about 4.5b²/200.
      expect(Math.abs(mean(draws))).toBeLessThan(0.03 * b);
      expect(variance(draws) / (2 * b * b)).toBeGreaterThan(0.93);
      expect(variance(draws) / (2 * b * b)).toBeLessThan(1.07);
      expect(meanAbsolute(draws) / b).toBeGreaterThan(0.98);
      expect(meanAbsolute(draws) / b).toBeLessThan(1.02);
    });
  }

  it('should match the tail P(|noise| > a) = exp(−a/b)', () => {
    const b = 2;
    const draws = laplaceDraws(40_000, b, 99);
    for (const a of [1, 2, 5]) expect(shareBeyond(draws, a)).toBeCloseTo(tailProbability(a, b), 2);
    expect(tailProbability(5, 2)).toBeCloseTo(Math.exp(-2.5), 15);
  });

  it('should be deterministic for a seed', () => {
    expect(laplaceDraws(10, 1, 7)).toEqual(laplaceDraws(10, 1, 7));
  });

  it('should have a density that integrates to 1 and whose ratio on neighbouring counts is at most e^ε', () => {
    let area = 0;
    for (let x = -40; x < 40; x += 0.001) area += laplaceDensity(x + 0.0005, 2) * 0.001;
    expect(area).toBeCloseTo(1, 4);
    const b = laplaceScale(1, 0.7);
    for (let o = 0; o <= 25; o += 0.25) {
      const ratio = laplaceDensity(o - 13, b) / laplaceDensity(o - 12, b);
      expect(ratio).toBeLessThanOrEqual(Math.exp(0.7) + 1e-12);
      expect(ratio).toBeGreaterThanOrEqual(Math.exp(-0.7) - 1e-12);
    }
  });
});

describe('composition and the explorer’s state', () => {
  it('should add budgets under sequential composition', () => {
    expect(sequentialBudget(10, 0.1)).toBeCloseTo(1, 12);
    expect(sequentialBudget(10, 0.5)).toBe(5);
    expect(sequentialBudget(1, 2)).toBe(2);
    expect(sequentialBudget(20, 0.05)).toBeCloseTo(1, 12);
  });

  it('should count 13 of the 40 synthetic patients', () => {
    expect(CLINIC).toHaveLength(40);
    expect(countQuery(CLINIC)).toBe(13);
  });

  it('should place every release in a bar or count it outside', () => {
    const noises = laplaceDraws(500, 2, 7);
    const { bins, outside } = releaseHistogram(13, noises, 2);
    expect(bins).toHaveLength(HISTOGRAM_BINS);
    expect(bins[0]?.from).toBe(3);
    expect(bins.at(-1)?.to).toBe(23);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0) + outside).toBe(500);
    expect(outside).toBe(noises.filter((noise) => Math.abs(noise) >= 10).length);
  });

  it('should open at the chapter’s settings and show the scale, errors and budget', () => {
    const state = countingState({ epsilon: 0.5, sensitivity: 1, queries: 10, releases: 500, seed: 7 });
    expect(state.scale).toBe(2);
    expect(state.budget).toBe(5);
    expect(state.meanAbsoluteError).toBeGreaterThan(1.8);
    expect(state.meanAbsoluteError).toBeLessThan(2.2);
    const shown = Object.fromEntries(statistics(state).map(([key, , value]) => [key, value]));
    expect(shown.scale).toBe('2.00');
    expect(shown['expected-error']).toBe('2.00');
    expect(shown.budget).toBe('5');
    expect(shown.tail).toMatch(/^8\.2 % vs /);
    expect(budgetText(state)).toBe('10 queries at ε = 0.5 each spend ε = 5 in total: the odds of any conclusion about one person change by a factor of at most e^5 ≈ 148.');
    expect(summaryText(state)).toContain('ε = 0.5, sensitivity 1: scale b = 2.00, expected error 2.00');
  });

  it('should write the odds factor readably', () => {
    expect(oddsFactorText(0.5)).toBe('1.65');
    expect(oddsFactorText(5)).toBe('148');
    expect(oddsFactorText(50)).toBe('5.2e+21');
  });

  it('should scale bars within the plot and keep the axis above the tallest bar', () => {
    for (const epsilon of EPSILON_STEPS) {
      const state = countingState({ epsilon, sensitivity: 1, queries: 1, releases: 500, seed: 3 });
      const maximum = axisMaximum(state);
      for (const bin of state.histogram.bins) {
        expect(bin.count).toBeLessThanOrEqual(maximum);
        expect(barY(bin.count, maximum) + barHeight(bin.count, maximum)).toBeCloseTo(PLOT.top + PLOT.height, 0);
      }
      expect(Number.isInteger(maximum / 2)).toBe(true);
    }
  });
});

describe('the directive’s options', () => {
  it('should default, accept valid settings and report invalid ones by option', () => {
    expect(readDpCountingOptions({}).settings).toEqual({ epsilon: 1, sensitivity: 1, queries: 10, releases: 500, seed: 1 });
    expect(readDpCountingOptions({ epsilon: '0.5', sensitivity: '2', queries: '3', releases: '100', seed: '9' })).toEqual({
      settings: { epsilon: 0.5, sensitivity: 2, queries: 3, releases: 100, seed: 9 },
      problems: [],
    });
    const { problems } = readDpCountingOptions({ epsilon: '0.33', sensitivity: 'one', queries: '0', releases: '10', seed: '-1' });
    expect(problems.map((problem) => problem.option)).toEqual(['epsilon', 'sensitivity', 'queries', 'releases', 'seed']);
    expect(problems[0]?.reason).toContain('is `0.33`; give the privacy level ε shown first, one of 0.05, 0.1');
  });

  it('should be the settings written in the chapter’s directive, which the chapter and its alt text describe', () => {
    const directive = /```\{interactive\} dp-counting-query\n([\s\S]*?)```/.exec(chapter)?.[1] ?? '';
    const options = Object.fromEntries([...directive.matchAll(/^:([a-z]+): (.*)$/gm)].map(([, key, value]) => [key as string, value as string]));
    const { settings, problems } = readDpCountingOptions(options);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ epsilon: 0.5, sensitivity: 1, queries: 10, releases: 500, seed: 7 });
    expect(options.alt).toContain('It opens at epsilon 0.5, sensitivity 1 and 10 queries: scale 2, expected error 2, and a total budget of 5.');
    expect(laplaceScale(settings.sensitivity, settings.epsilon)).toBe(2);
    expect(sequentialBudget(settings.queries, settings.epsilon)).toBe(5);
  });
});
