/**
 * `<shapley-explorer>`: the browser half of the Shapley explorer. The server rendered the whole figure
 * for one applicant (ShapleyExplorer.astro); this element reveals the three number inputs and, as the
 * reader edits them, recomputes the exact Shapley values and updates the light DOM in place: the
 * waterfall's bars and axis, the attribution and coalition tables. A polite live region announces a
 * summary once the reader pauses, not at every keystroke.
 */
import { barKind, CHART, chartDomain, chartTicks, chartX, valueLabelPlacement, waterfallBars } from './chart.js';
import { CREDIT_FEATURES, explainCredit, formatNumber, formatSigned } from './shapley.js';
import { summaryText, totalsText } from './wording.js';

/** How long the inputs must rest before the summary is announced. */
const ANNOUNCE_DELAY = 700;
const SVG = 'http://www.w3.org/2000/svg';

class ShapleyExplorerElement extends HTMLElement {
  #inputs: HTMLInputElement[] = [];
  #instance: number[] = [];
  #announceTimer: number | undefined;

  connectedCallback(): void {
    if (this.#inputs.length > 0) return;
    this.#inputs = [...this.querySelectorAll<HTMLInputElement>('input[data-feature]')];
    if (this.#inputs.length !== CREDIT_FEATURES.length) return;
    this.#instance = this.#inputs.map((input) => Number(input.value));
    for (const input of this.#inputs) input.addEventListener('input', () => this.#read());
    this.querySelector<HTMLElement>('[data-control]')?.removeAttribute('hidden');
    this.querySelector<HTMLElement>('[data-static]')?.setAttribute('hidden', '');
  }

  disconnectedCallback(): void {
    window.clearTimeout(this.#announceTimer);
  }

  /** Take the inputs' values that are numbers in range; keep the last good value of the others. */
  #read(): void {
    const instance = this.#inputs.map((input, index) => {
      const feature = CREDIT_FEATURES[index];
      const value = input.valueAsNumber;
      const valid = feature !== undefined && input.value !== '' && Number.isFinite(value) && value >= feature.min && value <= feature.max;
      input.setAttribute('aria-invalid', valid ? 'false' : 'true');
      return valid ? value : (this.#instance[index] ?? 0);
    });
    if (instance.every((value, index) => value === this.#instance[index])) return;
    this.#instance = instance;
    this.#show(instance);
  }

  #show(instance: number[]): void {
    const explanation = explainCredit(instance);
    const bars = waterfallBars(explanation);
    const domain = chartDomain(bars);
    const last = bars.length - 1;
    bars.forEach((bar, row) => {
      const rect = this.querySelector(`[data-bar="${row}"]`);
      const from = chartX(bar.from, domain);
      const to = chartX(bar.to, domain);
      rect?.setAttribute('x', String(Math.min(from, to)));
      rect?.setAttribute('width', String(Math.round(Math.abs(to - from) * 100) / 100));
      rect?.setAttribute('class', `sx-bar sx-${barKind(row, bar)}`);
      const label = this.querySelector(`[data-bar-label="${row}"]`);
      const placement = valueLabelPlacement(bar, domain);
      label?.setAttribute('x', String(placement.x));
      label?.setAttribute('text-anchor', placement.anchor);
      const value = row === 0 ? formatNumber(explanation.baseline) : row === last ? formatNumber(explanation.prediction) : formatSigned(explanation.shapley[row - 1] ?? 0);
      setText(label, value);
    });
    this.#drawAxis(domain);
    instance.forEach((value, index) => {
      this.#text(`[data-cell="value-${index}"]`, formatNumber(value));
      this.#text(`[data-cell="shapley-${index}"]`, formatSigned(explanation.shapley[index] ?? 0));
      this.#text(`[data-cell="linear-${index}"]`, formatSigned(explanation.linear[index] ?? 0));
    });
    this.#text('[data-cell="shapley-total"]', formatSigned(explanation.shapley.reduce((sum, value) => sum + value, 0)));
    this.#text('[data-cell="linear-total"]', formatSigned(explanation.linear.reduce((sum, value) => sum + value, 0)));
    explanation.values.forEach((value, mask) => this.#text(`[data-coalition="${mask}"]`, formatNumber(value)));
    this.#text('[data-totals]', totalsText(explanation));
    const summary = summaryText(explanation);
    this.querySelector('svg[role="img"]')?.setAttribute('aria-label', `Waterfall chart. ${summary}`);
    window.clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => this.#text('[data-announce]', summary), ANNOUNCE_DELAY);
  }

  /** Redraw the grid lines and tick labels for a new axis range. */
  #drawAxis(domain: { min: number; max: number; tickStep: number }): void {
    const axis = this.querySelector('[data-axis]');
    if (!axis) return;
    const bottom = CHART.top + 5 * CHART.rowHeight;
    const groups = chartTicks(domain).map((tick) => {
      const x = String(chartX(tick, domain));
      const group = document.createElementNS(SVG, 'g');
      const line = document.createElementNS(SVG, 'line');
      for (const [name, value] of Object.entries({ class: 'sx-grid', x1: x, x2: x, y1: String(CHART.top), y2: String(bottom) })) line.setAttribute(name, value);
      const text = document.createElementNS(SVG, 'text');
      for (const [name, value] of Object.entries({ x, y: String(bottom + 14), 'text-anchor': 'middle' })) text.setAttribute(name, value);
      text.textContent = formatNumber(tick);
      group.append(line, text);
      return group;
    });
    axis.replaceChildren(...groups);
  }

  #text(selector: string, text: string): void {
    setText(this.querySelector(selector), text);
  }
}

/** Set an element's text only when it changes, so unchanged cells are not re-rendered or re-announced. */
function setText(element: Element | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

if (!customElements.get('shapley-explorer')) customElements.define('shapley-explorer', ShapleyExplorerElement);
