/**
 * Geometry of the explorer's chart, shared by the server (first drawing) and the browser (redrawing):
 * rounds along x, the estimate along y from 0.5 to 1 (every setting the sliders allow keeps the path,
 * the true rate and the threshold in that range), in SVG user units.
 */
export const CHART = { left: 36, top: 10, width: 280, height: 160, right: 64, bottom: 40, yMin: 0.5, yMax: 1 } as const;

/** The SVG viewBox that holds the plot and its margins. */
export const CHART_VIEW_BOX = `0 0 ${CHART.left + CHART.width + CHART.right} ${CHART.top + CHART.height + CHART.bottom}`;

/** The y-axis ticks. */
export const CHART_Y_TICKS: readonly number[] = [0.5, 0.6, 0.7, 0.8, 0.9, 1];

const round = (value: number) => Math.round(value * 100) / 100;

/** Horizontal position of round `k` of `rounds`. */
export function chartX(k: number, rounds: number): number {
  return round(CHART.left + (k / rounds) * CHART.width);
}

/** Vertical position of a rate (up is 1), clamped to the plot. */
export function chartY(rate: number): number {
  const clamped = Math.min(CHART.yMax, Math.max(CHART.yMin, rate));
  return round(CHART.top + ((CHART.yMax - clamped) / (CHART.yMax - CHART.yMin)) * CHART.height);
}

/** A path of estimates as the `points` of an SVG polyline. */
export function estimatePoints(estimates: readonly number[]): string {
  const rounds = estimates.length - 1;
  return estimates.map((estimate, k) => `${chartX(k, rounds)},${chartY(estimate)}`).join(' ');
}

/** Smallest vertical distance between the two line labels in the right margin, so they never overlap. */
const LABEL_GAP = 13;

/**
 * Where the threshold's and the true rate's labels go in the right margin (their baselines, a little
 * below each line's height): at their lines, pushed apart when the two rates are close.
 */
export function lineLabelYs(threshold: number, trueRate: number): { threshold: number; trueRate: number } {
  const atThreshold = chartY(threshold) + 4;
  const atTrueRate = chartY(trueRate) + 4;
  if (Math.abs(atThreshold - atTrueRate) >= LABEL_GAP) return { threshold: atThreshold, trueRate: atTrueRate };
  const middle = (atThreshold + atTrueRate) / 2;
  // The higher rate's label goes above.
  const [upper, lower] = [middle - LABEL_GAP / 2, middle + LABEL_GAP / 2];
  return trueRate >= threshold ? { threshold: round(lower), trueRate: round(upper) } : { threshold: round(upper), trueRate: round(lower) };
}
