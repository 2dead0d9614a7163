/**
 * The arithmetic of the counting-query explorer (`{interactive} dp-counting-query`), pure and shared
 * by the server (the figure's static state) and the browser (every state the reader asks for): a
 * seeded pseudo-random generator, the Laplace mechanism's noise drawn through the inverse of its
 * distribution function, summaries of many noisy releases, a histogram of them, and the budget spent
 * by k releases under sequential composition. Chapter 3-2 (content/3-privacy/3-2-mechanism.mdx) gives
 * the formulas: scale b = Δ/ε, E|noise| = b, Var = 2b², P(|noise| > a) = exp(−a/b), budget k·ε.
 */

/** One record of the synthetic clinic: an age and whether the record has the condition counted. */
export interface ClinicRecord {
  readonly age: number;
  readonly condition: boolean;
}

/**
 * The explorer's data, fixed here: 40 synthetic patients (no real person), 13 of whom have the
 * condition. The query is "how many patients have the condition?", whose true answer is 13.
 */
export const CLINIC: readonly ClinicRecord[] = [
  [34, 1], [51, 0], [29, 0], [62, 1], [45, 0], [38, 0], [71, 1], [26, 0], [55, 1], [48, 0],
  [33, 0], [67, 1], [42, 0], [59, 0], [30, 1], [76, 0], [44, 0], [39, 1], [63, 0], [28, 0],
  [50, 1], [36, 0], [58, 0], [47, 1], [69, 0], [31, 0], [53, 1], [41, 0], [65, 0], [27, 0],
  [57, 1], [46, 0], [35, 0], [72, 1], [40, 0], [61, 0], [49, 1], [37, 0], [54, 0], [66, 0],
].map(([age, condition]) => ({ age: age as number, condition: condition === 1 }));

/** The counting query: how many records have the condition. Adding or removing one record changes it by at most 1. */
export function countQuery(records: readonly ClinicRecord[]): number {
  return records.filter((record) => record.condition).length;
}

/**
 * Mulberry32, a small 32-bit generator: the same seed gives the same sequence on every machine, so the
 * figure's draws, its static state and the tests agree. Returns numbers strictly inside (0, 1).
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const word = (t ^ (t >>> 14)) >>> 0;
    // Half a step away from 0 and 1, so the inverse distribution function below stays finite.
    return (word + 0.5) / 4294967296;
  };
}

/** The Laplace mechanism's scale for a query of sensitivity Δ at privacy level ε: b = Δ/ε. */
export function laplaceScale(sensitivity: number, epsilon: number): number {
  return sensitivity / epsilon;
}

/**
 * Laplace(0, b) noise from one uniform u in (0, 1), through the inverse of the distribution function:
 * x = −b · sign(u − ½) · ln(1 − 2|u − ½|).
 */
export function laplaceFromUniform(u: number, scale: number): number {
  const centred = u - 0.5;
  return -scale * Math.sign(centred) * Math.log(1 - 2 * Math.abs(centred));
}

/** `count` Laplace(0, b) draws from the generator seeded with `seed`. */
export function laplaceDraws(count: number, scale: number, seed: number): number[] {
  const uniform = seededUniform(seed);
  return Array.from({ length: count }, () => laplaceFromUniform(uniform(), scale));
}

/** The Laplace(0, b) density at x. */
export function laplaceDensity(x: number, scale: number): number {
  return Math.exp(-Math.abs(x) / scale) / (2 * scale);
}

/** P(|noise| > a) for Laplace(0, b) noise: exp(−a/b), that is exp(−aε/Δ). */
export function tailProbability(a: number, scale: number): number {
  return Math.exp(-a / scale);
}

/** The budget spent by k releases at ε each under sequential composition: k·ε. */
export function sequentialBudget(queries: number, epsilon: number): number {
  return queries * epsilon;
}

/** The mean of some numbers (0 for none). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The mean absolute value: the average error of releases whose noise is `values`. */
export function meanAbsolute(values: readonly number[]): number {
  return mean(values.map(Math.abs));
}

/** The (population) variance of some numbers. */
export function variance(values: readonly number[]): number {
  const centre = mean(values);
  return mean(values.map((value) => (value - centre) ** 2));
}

/** The share of noises larger than `a` in absolute value. */
export function shareBeyond(values: readonly number[], a: number): number {
  return values.length === 0 ? 0 : values.filter((value) => Math.abs(value) > a).length / values.length;
}

/** One bar of the histogram: releases from `from` (included) to `to` (excluded), and how many. */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** The histogram's layout: 20 bars of width b/2 spanning the true answer ± 5b. */
export const HISTOGRAM_BINS = 20;
export const HISTOGRAM_HALF_WIDTH_IN_SCALES = 5;

/**
 * The histogram of the released answers `truth + noise`: HISTOGRAM_BINS bars spanning truth ± 5b
 * (99.3 % of Laplace noise), and how many releases fell outside that span.
 */
export function releaseHistogram(truth: number, noises: readonly number[], scale: number): { bins: HistogramBin[]; outside: number } {
  const half = HISTOGRAM_HALF_WIDTH_IN_SCALES * scale;
  const width = (2 * half) / HISTOGRAM_BINS;
  const start = truth - half;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  let outside = 0;
  for (const noise of noises) {
    const index = Math.floor((noise + half) / width);
    if (index < 0 || index >= HISTOGRAM_BINS) outside++;
    else counts[index] = (counts[index] ?? 0) + 1;
  }
  const bins = counts.map((count, index) => ({ from: start + index * width, to: start + (index + 1) * width, count }));
  return { bins, outside };
}

/** Everything the explorer shows for one setting. */
export interface CountingState {
  readonly truth: number;
  readonly epsilon: number;
  readonly sensitivity: number;
  readonly queries: number;
  readonly releases: number;
  readonly seed: number;
  readonly scale: number;
  readonly noises: readonly number[];
  readonly meanAbsoluteError: number;
  readonly standardDeviation: number;
  readonly beyond: number;
  readonly tail: number;
  readonly budget: number;
  readonly histogram: { bins: HistogramBin[]; outside: number };
}

/** The distance whose exceedance the explorer reports: P(|noise| > TAIL_DISTANCE). */
export const TAIL_DISTANCE = 5;

/** The explorer's state for privacy level ε, sensitivity Δ, k sequential queries and `releases` draws from `seed`. */
export function countingState(settings: { epsilon: number; sensitivity: number; queries: number; releases: number; seed: number }): CountingState {
  const { epsilon, sensitivity, queries, releases, seed } = settings;
  const truth = countQuery(CLINIC);
  const scale = laplaceScale(sensitivity, epsilon);
  const noises = laplaceDraws(releases, scale, seed);
  return {
    truth,
    epsilon,
    sensitivity,
    queries,
    releases,
    seed,
    scale,
    noises,
    meanAbsoluteError: meanAbsolute(noises),
    standardDeviation: Math.sqrt(variance(noises)),
    beyond: shareBeyond(noises, TAIL_DISTANCE),
    tail: tailProbability(TAIL_DISTANCE, scale),
    budget: sequentialBudget(queries, epsilon),
    histogram: releaseHistogram(truth, noises, scale),
  };
}

/** The privacy levels the ε slider offers, in order. */
export const EPSILON_STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5] as const;

/** The sensitivities the Δ menu offers. */
export const SENSITIVITY_CHOICES = [1, 2, 5, 10] as const;

/** A number with at most `digits` decimals, without trailing zeros: 0.5, 2, 0.25. */
export function formatNumber(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}

/** A number with exactly `digits` decimals: 1.00, 0.082. */
export function formatFixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}

/** A share as a percentage with one decimal: 8.2 %. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
