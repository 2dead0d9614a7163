/**
 * Geometry of the explorer's waterfall, shared by the server (which draws it) and the browser (which
 * moves the bars): one row per step from the baseline E[f(X)] through each feature's Shapley value
 * to the prediction f(x), values along the horizontal axis, in SVG user units.
 */
import type { Explanation } from './shapley.js';

export const CHART = { width: 320, labelWidth: 96, right: 14, rowHeight: 30, barHeight: 16, top: 6, axis: 22 } as const;

/** The rows: baseline, one per feature, prediction. */
export const ROWS = 5;

export const CHART_VIEW_BOX = `0 0 ${CHART.width} ${CHART.top + ROWS * CHART.rowHeight + CHART.axis}`;

/** One bar: where it starts and ends in model units. */
export interface Bar {
  readonly from: number;
  readonly to: number;
}

/** The five bars: the baseline and the prediction from 0, each feature from the running total. */
export function waterfallBars(explanation: Explanation): Bar[] {
  const bars: Bar[] = [{ from: 0, to: explanation.baseline }];
  let total = explanation.baseline;
  for (const value of explanation.shapley) {
    bars.push({ from: total, to: total + value });
    total += value;
  }
  bars.push({ from: 0, to: explanation.prediction });
  return bars;
}

/** The axis range: every bar end and 0, widened to multiples of `tickStep`. */
export function chartDomain(bars: readonly Bar[]): { min: number; max: number; tickStep: number } {
  const ends = bars.flatMap((bar) => [bar.from, bar.to]);
  const low = Math.min(0, ...ends);
  const high = Math.max(0, ...ends);
  const span = Math.max(high - low, 1);
  const tickStep = [1, 2, 5, 10, 20, 25, 50, 100].find((step) => span / step <= 6) ?? 200;
  return { min: Math.floor(low / tickStep) * tickStep, max: Math.ceil(high / tickStep) * tickStep || tickStep, tickStep };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Horizontal position of a model value. */
export function chartX(value: number, domain: { min: number; max: number }): number {
  const plot = CHART.width - CHART.labelWidth - CHART.right;
  return round(CHART.labelWidth + ((value - domain.min) / (domain.max - domain.min)) * plot);
}

/** Top of row `row`'s bar. */
export function rowY(row: number): number {
  return CHART.top + row * CHART.rowHeight + (CHART.rowHeight - CHART.barHeight) / 2;
}

/** The ticks of the axis. */
export function chartTicks(domain: { min: number; max: number; tickStep: number }): number[] {
  const ticks: number[] = [];
  for (let tick = domain.min; tick <= domain.max + 1e-9; tick += domain.tickStep) ticks.push(tick);
  return ticks;
}

/** Where a bar's value label goes: after its right end, or before its left end when the right is full. */
export function valueLabelPlacement(bar: Bar, domain: { min: number; max: number }): { x: number; anchor: 'start' | 'end' } {
  const left = Math.min(chartX(bar.from, domain), chartX(bar.to, domain));
  const right = Math.max(chartX(bar.from, domain), chartX(bar.to, domain));
  return right + 34 <= CHART.width ? { x: round(right + 4), anchor: 'start' } : { x: round(left - 4), anchor: 'end' };
}

/** A bar's kind, for its style: a total (baseline, prediction), a positive or a negative step. */
export function barKind(row: number, bar: Bar): 'total' | 'up' | 'down' {
  if (row === 0 || row === ROWS - 1) return 'total';
  return bar.to >= bar.from ? 'up' : 'down';
}
