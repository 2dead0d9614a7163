/**
 * Geometry of the explorer's histogram, shared by the server (which draws it) and the browser (which
 * redraws it): bars of the releases around the true answer, the expected Laplace profile as a dashed
 * line, and the true answer as a vertical rule, in SVG user units.
 */
import { type CountingState, HISTOGRAM_BINS, laplaceDensity } from './laplace.js';

export const PLOT = { left: 36, top: 14, width: 300, height: 150, bottom: 34, right: 12 } as const;
export const PLOT_VIEW_BOX = `0 0 ${PLOT.left + PLOT.width + PLOT.right} ${PLOT.top + PLOT.height + PLOT.bottom}`;

const round = (value: number) => Math.round(value * 10) / 10;

/** The count the vertical axis reaches: the tallest bar or the expected peak, rounded up to a tidy number. */
export function axisMaximum(state: CountingState): number {
  const tallest = Math.max(...state.histogram.bins.map((bin) => bin.count), expectedPeak(state));
  const step = tallest <= 50 ? 10 : tallest <= 300 ? 50 : 100;
  return Math.max(step, Math.ceil(tallest / step) * step);
}

/** The expected number of releases in the central bar, about releases × density(0) × bin width. */
function expectedPeak(state: CountingState): number {
  const width = (10 * state.scale) / HISTOGRAM_BINS;
  return state.releases * laplaceDensity(0, state.scale) * width;
}

/** Horizontal position of bar `index`'s left edge (bars fill the width). */
export function barX(index: number): number {
  return round(PLOT.left + (index * PLOT.width) / HISTOGRAM_BINS);
}

export const BAR_WIDTH = round(PLOT.width / HISTOGRAM_BINS - 1);

/** Top of a bar of `count` releases. */
export function barY(count: number, maximum: number): number {
  return round(PLOT.top + PLOT.height * (1 - count / maximum));
}

/** Height of a bar of `count` releases. */
export function barHeight(count: number, maximum: number): number {
  return round((PLOT.height * count) / maximum);
}

/** The expected histogram (releases × density × bin width) as polyline points, from −5b to +5b. */
export function expectedProfilePoints(state: CountingState, maximum: number): string {
  const width = (10 * state.scale) / HISTOGRAM_BINS;
  const points: string[] = [];
  for (let step = 0; step <= 80; step++) {
    const offset = -5 + step / 8; // in units of b
    const expected = state.releases * laplaceDensity(offset * state.scale, state.scale) * width;
    const x = round(PLOT.left + ((offset + 5) / 10) * PLOT.width);
    points.push(`${x},${barY(Math.min(expected, maximum), maximum)}`);
  }
  return points.join(' ');
}

/** The centre of the plot, where the true answer sits. */
export const TRUTH_X = round(PLOT.left + PLOT.width / 2);
