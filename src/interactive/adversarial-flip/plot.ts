/**
 * Geometry of the widget's plot, shared by the server (which draws it) and the browser (which moves
 * its marks): the plane's DOMAIN at SCALE user units per unit, x₂ up, with margins for the axis labels.
 */
import type { LinearModel, Point } from './linear.js';
import { boundarySegment, positiveSide } from './linear.js';
import { DOMAIN } from './options.js';

export const PLOT = { left: 34, top: 10, right: 10, bottom: 36, scale: 64 } as const;

export const PLOT_WIDTH = (DOMAIN.x1[1] - DOMAIN.x1[0]) * PLOT.scale;
export const PLOT_HEIGHT = (DOMAIN.x2[1] - DOMAIN.x2[0]) * PLOT.scale;

/** The SVG viewBox that holds the plot and its margins. */
export const PLOT_VIEW_BOX = `0 0 ${PLOT.left + PLOT_WIDTH + PLOT.right} ${PLOT.top + PLOT_HEIGHT + PLOT.bottom}`;

const round = (value: number) => Math.round(value * 100) / 100;

/** Horizontal position of x₁. */
export function plotX(x1: number): number {
  return round(PLOT.left + (x1 - DOMAIN.x1[0]) * PLOT.scale);
}

/** Vertical position of x₂ (up is larger). */
export function plotY(x2: number): number {
  return round(PLOT.top + (DOMAIN.x2[1] - x2) * PLOT.scale);
}

/** The plane's point under a position of the plot (for a pointer), clamped to the domain. */
export function planePoint(x: number, y: number): Point {
  const clamp = (value: number, [low, high]: readonly [number, number]) => Math.min(high, Math.max(low, value));
  return [clamp(DOMAIN.x1[0] + (x - PLOT.left) / PLOT.scale, DOMAIN.x1), clamp(DOMAIN.x2[1] - (y - PLOT.top) / PLOT.scale, DOMAIN.x2)];
}

/** The domain's corners, counter-clockwise from the bottom left. */
export const DOMAIN_CORNERS: readonly Point[] = [
  [DOMAIN.x1[0], DOMAIN.x2[0]],
  [DOMAIN.x1[1], DOMAIN.x2[0]],
  [DOMAIN.x1[1], DOMAIN.x2[1]],
  [DOMAIN.x1[0], DOMAIN.x2[1]],
];

/** The positive half-plane inside the plot, as the `points` of an SVG polygon. */
export function positiveRegionPoints(model: LinearModel): string {
  return positiveSide(model, DOMAIN_CORNERS)
    .map(([x1, x2]) => `${plotX(x1)},${plotY(x2)}`)
    .join(' ');
}

/** The decision boundary inside the plot, as line coordinates, or undefined when it misses the plot. */
export function boundaryLine(model: LinearModel): { x1: number; y1: number; x2: number; y2: number } | undefined {
  const segment = boundarySegment(model, DOMAIN_CORNERS);
  if (!segment) return undefined;
  const [[a1, a2], [c1, c2]] = segment;
  return { x1: plotX(a1), y1: plotY(a2), x2: plotX(c1), y2: plotY(c2) };
}

/** The L∞ ball of radius ε around a point: a square, as rect attributes. */
export function epsilonBox(point: Point, epsilon: number): { x: number; y: number; width: number; height: number } {
  return { x: plotX(point[0] - epsilon), y: plotY(point[1] + epsilon), width: round(2 * epsilon * PLOT.scale), height: round(2 * epsilon * PLOT.scale) };
}

/** A diamond marker centred on a position, as polygon points. */
export function diamondPoints(x: number, y: number, radius: number): string {
  return `${round(x)},${round(y - radius)} ${round(x + radius)},${round(y)} ${round(x)},${round(y + radius)} ${round(x - radius)},${round(y)}`;
}
