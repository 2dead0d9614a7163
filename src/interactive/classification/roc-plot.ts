/**
 * Geometry of the interactive figures' ROC plot (RocPlot.astro), shared by the server (which draws the
 * curves) and the browser (which moves the markers): a square plot of side SIZE, axes from 0 to 1, in
 * SVG user units.
 */
import type { RocPoint } from './classification.js';

/** The plot's square and the margins around it, for the tick labels and axis titles. */
export const ROC_PLOT = { left: 40, top: 8, size: 200, right: 10, bottom: 38 } as const;

/** The SVG viewBox that holds the plot and its margins. */
export const ROC_VIEW_BOX = `0 0 ${ROC_PLOT.left + ROC_PLOT.size + ROC_PLOT.right} ${ROC_PLOT.top + ROC_PLOT.size + ROC_PLOT.bottom}`;

const round = (value: number) => Math.round(value * 100) / 100;

/** Horizontal position of a false positive rate. */
export function rocX(fpr: number): number {
  return round(ROC_PLOT.left + fpr * ROC_PLOT.size);
}

/** Vertical position of a true positive rate (up is 1). */
export function rocY(tpr: number): number {
  return round(ROC_PLOT.top + (1 - tpr) * ROC_PLOT.size);
}

/** The curve as the `points` of an SVG polyline. */
export function rocPolylinePoints(curve: readonly RocPoint[]): string {
  return curve.map((point) => `${rocX(point.fpr)},${rocY(point.tpr)}`).join(' ');
}

/** Half the side of a square marker. */
export const SQUARE_MARKER_HALF = 4;

/** Move a marker of RocPlot.astro (a circle, or a square `rect`) to an ROC point. */
export function placeMarker(marker: Element | null, point: RocPoint): void {
  if (!marker) return;
  const x = rocX(point.fpr);
  const y = rocY(point.tpr);
  if (marker.tagName.toLowerCase() === 'circle') {
    marker.setAttribute('cx', String(x));
    marker.setAttribute('cy', String(y));
  } else {
    marker.setAttribute('x', String(round(x - SQUARE_MARKER_HALF)));
    marker.setAttribute('y', String(round(y - SQUARE_MARKER_HALF)));
  }
}
