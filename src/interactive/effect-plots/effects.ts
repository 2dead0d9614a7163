/**
 * The arithmetic of the effect-plots figure (chapter 2-2-global), pure and shared by the server's
 * static state and the browser: a seeded sample of two correlated features, the model
 * f(x1, x2) = x1 + x2 − (x1 − x2)², and, for feature x1 on a quantile grid, the ICE curves, the
 * partial dependence (their mean, eq-global-pd) and the accumulated local effects (eq-global-ale).
 */

/** A model of two features. */
export type Model2 = (x1: number, x2: number) => number;

/** One observation: the two features. */
export interface Point2 {
  readonly x1: number;
  readonly x2: number;
}

/** The figure's model: additive in x1 and x2, minus a penalty that is small only where x1 ≈ x2. */
export const figureModel: Model2 = (x1, x2) => x1 + x2 - (x1 - x2) ** 2;

/** Mulberry32: a small deterministic PRNG; the same seed gives the same stream on every engine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Half-width of the uniform draws: uniform on [−√3, √3] has mean 0 and variance 1. */
export const HALF_WIDTH = Math.sqrt(3);

/** Pairs of independent draws, uniform on [−√3, √3] (mean 0, variance 1), `count` of them, from a seed. */
export function uniformPairs(seed: number, count: number): [number, number][] {
  const random = mulberry32(seed);
  const draw = () => HALF_WIDTH * (2 * random() - 1);
  const pairs: [number, number][] = [];
  for (let i = 0; i < count; i++) pairs.push([draw(), draw()]);
  return pairs;
}

/**
 * The sample at correlation `rho`: x1 = z1, x2 = rho z1 + sqrt(1 − rho²) z2, from the same uniform
 * draws at every rho, so x1 never changes and only x2 moves towards the diagonal as rho grows.
 */
export function correlatedSample(seed: number, count: number, rho: number): Point2[] {
  const spread = Math.sqrt(Math.max(0, 1 - rho * rho));
  return uniformPairs(seed, count).map(([z1, z2]) => ({ x1: z1, x2: rho * z1 + spread * z2 }));
}

/**
 * The grid of x1: z_0 = the smallest value, then z_k = the (k·n/K)-th smallest, so that each of the
 * K intervals (z_{k−1}, z_k] holds the same number of points (the first one includes z_0).
 */
export function quantileGrid(values: readonly number[], intervals: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const grid = [sorted[0] as number];
  for (let k = 1; k <= intervals; k++) grid.push(sorted[Math.max(0, Math.ceil((k * n) / intervals) - 1)] as number);
  return grid;
}

/** The interval of the grid a value falls in: k with z_{k−1} < x ≤ z_k, 1 for x ≤ z_1. */
export function intervalOf(grid: readonly number[], x: number): number {
  for (let k = 1; k < grid.length; k++) if (x <= (grid[k] as number)) return k;
  return grid.length - 1;
}

/** ICE curve of one observation: the model's prediction as x1 runs over the grid, x2 held at the observation's value. */
export function iceCurve(model: Model2, point: Point2, grid: readonly number[]): number[] {
  return grid.map((z) => model(z, point.x2));
}

/** Partial dependence of x1 on the grid (eq-global-pd estimated): the mean of the ICE curves. */
export function partialDependence(model: Model2, data: readonly Point2[], grid: readonly number[]): number[] {
  return grid.map((z) => data.reduce((sum, point) => sum + model(z, point.x2), 0) / data.length);
}

/**
 * Uncentred accumulated local effects of x1 on the grid (eq-global-ale estimated): 0 at z_0, then
 * the running sum over intervals of the mean change f(z_k, x2) − f(z_{k−1}, x2) among the points
 * whose x1 falls in interval k.
 */
export function uncentredAle(model: Model2, data: readonly Point2[], grid: readonly number[]): number[] {
  const K = grid.length - 1;
  const sums = new Array<number>(K + 1).fill(0);
  const counts = new Array<number>(K + 1).fill(0);
  for (const point of data) {
    const k = intervalOf(grid, point.x1);
    sums[k] = (sums[k] as number) + model(grid[k] as number, point.x2) - model(grid[k - 1] as number, point.x2);
    counts[k] = (counts[k] as number) + 1;
  }
  const values = [0];
  for (let k = 1; k <= K; k++) values.push((values[k - 1] as number) + ((counts[k] as number) > 0 ? (sums[k] as number) / (counts[k] as number) : 0));
  return values;
}

/**
 * The constant that centres a curve on the grid: the mean, over the data, of the curve's value at
 * the right end of each point's interval (the step-function convention of Apley and Zhu).
 */
export function centringConstant(curve: readonly number[], data: readonly Point2[], grid: readonly number[]): number {
  return data.reduce((sum, point) => sum + (curve[intervalOf(grid, point.x1)] as number), 0) / data.length;
}

/** A curve minus its centring constant. */
export function centred(curve: readonly number[], data: readonly Point2[], grid: readonly number[]): number[] {
  const constant = centringConstant(curve, data, grid);
  return curve.map((value) => value - constant);
}

/** Everything the figure shows at one correlation. */
export interface EffectState {
  readonly rho: number;
  readonly data: Point2[];
  readonly grid: number[];
  /** ICE curves, shifted by the PD's centring constant (so the PD stays their mean). */
  readonly ice: number[][];
  /** Centred partial dependence. */
  readonly pd: number[];
  /** Centred ALE. */
  readonly ale: number[];
  /** The sample correlation of x1 and x2. */
  readonly sampleCorrelation: number;
  /** The largest |PD − ALE| over the grid, both centred. */
  readonly maxGap: number;
}

/** The figure's settings: the seed, the number of points and of grid intervals. */
export interface EffectSettings {
  readonly seed: number;
  readonly points: number;
  readonly intervals: number;
}

/** The state of the figure at correlation `rho`. */
export function effectState(settings: EffectSettings, rho: number, model: Model2 = figureModel): EffectState {
  const data = correlatedSample(settings.seed, settings.points, rho);
  const grid = quantileGrid(data.map((point) => point.x1), settings.intervals);
  const rawPd = partialDependence(model, data, grid);
  const shift = centringConstant(rawPd, data, grid);
  const pd = rawPd.map((value) => value - shift);
  const ice = data.map((point) => iceCurve(model, point, grid).map((value) => value - shift));
  const ale = centred(uncentredAle(model, data, grid), data, grid);
  const maxGap = Math.max(...pd.map((value, k) => Math.abs(value - (ale[k] as number))));
  return { rho, data, grid, ice, pd, ale, sampleCorrelation: correlation(data), maxGap };
}

/** Pearson correlation of x1 and x2 in a sample. */
export function correlation(data: readonly Point2[]): number {
  const n = data.length;
  const m1 = data.reduce((s, p) => s + p.x1, 0) / n;
  const m2 = data.reduce((s, p) => s + p.x2, 0) / n;
  let s12 = 0;
  let s11 = 0;
  let s22 = 0;
  for (const { x1, x2 } of data) {
    s12 += (x1 - m1) * (x2 - m2);
    s11 += (x1 - m1) ** 2;
    s22 += (x2 - m2) ** 2;
  }
  return s12 / Math.sqrt(s11 * s22);
}

/** A number as the figure prints it: two decimals, a true minus sign, no "−0.00". */
export function formatNumber(value: number): string {
  const text = value.toFixed(2);
  if (/^-0\.00$/.test(text)) return '0.00';
  return text.replace('-', '−');
}
