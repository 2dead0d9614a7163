/**
 * Browser helpers shared by the interactive figures' custom elements: update the light DOM that the
 * shared components (ConfusionMatrix.astro, MetricList.astro, RocPlot.astro) rendered, in place.
 */
import { type ConfusionMatrix, formatCount, formatRatio, type MatrixMetrics, type RatioKey } from './classification.js';

/** Set an element's text only when it changes, so unchanged cells are not re-rendered or re-announced. */
export function setText(element: Element | null | undefined, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

export function setAttributes(element: Element | null, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) element?.setAttribute(name, value);
}

/** The four counts of a ConfusionMatrix.astro inside `root`. */
export function showMatrix(root: ParentNode, matrix: ConfusionMatrix): void {
  for (const key of ['tp', 'fp', 'fn', 'tn'] as const) setText(root.querySelector(`[data-count="${key}"]`), formatCount(matrix[key]));
}

/** The metrics of a MetricList.astro inside `root`, by their keys. */
export function showMetrics(root: ParentNode, keys: readonly RatioKey[], metrics: MatrixMetrics): void {
  for (const key of keys) setText(root.querySelector(`[data-metric="${key}"]`), formatRatio(metrics[key]));
}
