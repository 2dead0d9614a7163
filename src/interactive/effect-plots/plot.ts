/**
 * Geometry of the effect-plots figure, shared by the server (which draws the first state) and the
 * browser (which redraws): the effect chart (x1 against the centred effect) and the data panel
 * (x1 against x2), in SVG user units.
 */
import type { EffectState } from './effects.js';

/** The effect chart: its plotting area and the values its axes span. */
export const EFFECT_CHART = { left: 44, top: 10, width: 300, height: 210, xMin: -1.8, xMax: 1.8, yMin: -5, yMax: 3 } as const;
export const EFFECT_VIEW_BOX = `0 0 ${EFFECT_CHART.left + EFFECT_CHART.width + 12} ${EFFECT_CHART.top + EFFECT_CHART.height + 40}`;

/** The data panel: a square, both axes from −2.5 to 2.5. */
export const DATA_PANEL = { left: 40, top: 10, size: 180, min: -2.5, max: 2.5 } as const;
export const DATA_VIEW_BOX = `0 0 ${DATA_PANEL.left + DATA_PANEL.size + 12} ${DATA_PANEL.top + DATA_PANEL.size + 40}`;

const round = (value: number) => Math.round(value * 100) / 100;

export function effectX(x1: number): number {
  const { left, width, xMin, xMax } = EFFECT_CHART;
  return round(left + ((x1 - xMin) / (xMax - xMin)) * width);
}

/** Vertical position of an effect, in the inner (clipping) svg's coordinates: 0 at the top of the area. */
export function effectY(value: number): number {
  const { height, yMin, yMax } = EFFECT_CHART;
  return round(((yMax - value) / (yMax - yMin)) * height);
}

export function dataX(x1: number): number {
  const { left, size, min, max } = DATA_PANEL;
  return round(left + ((x1 - min) / (max - min)) * size);
}

export function dataY(x2: number): number {
  const { top, size, min, max } = DATA_PANEL;
  return round(top + ((max - x2) / (max - min)) * size);
}

/** A curve over the grid as the `points` of a polyline in the effect chart's clipping svg (x shifted by `left`). */
export function curvePoints(grid: readonly number[], values: readonly number[]): string {
  return grid.map((z, k) => `${round(effectX(z) - EFFECT_CHART.left)},${effectY(values[k] as number)}`).join(' ');
}

/** Where the markers of a curve go, in the clipping svg's coordinates. */
export function curveMarkers(grid: readonly number[], values: readonly number[]): [number, number][] {
  return grid.map((z, k) => [round(effectX(z) - EFFECT_CHART.left), effectY(values[k] as number)]);
}

/** Ticks of the effect chart's axes. */
export const EFFECT_X_TICKS = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5] as const;
export const EFFECT_Y_TICKS = [-5, -4, -3, -2, -1, 0, 1, 2, 3] as const;
export const DATA_TICKS = [-2, -1, 0, 1, 2] as const;

/** The points where partial dependence evaluates the model at the top grid value: (z_K, x2_i) for every i. */
export function pdProbe(state: EffectState): { x: number; ys: number[] } {
  const top = state.grid[state.grid.length - 1] as number;
  return { x: dataX(top), ys: state.data.map((point) => dataY(point.x2)) };
}
