/**
 * `<effect-plots>`: the browser half of the effect plots. The server rendered the whole figure at one
 * correlation (EffectPlots.astro); this element reveals the slider and the curve checkboxes and, as
 * the correlation changes, recomputes the seeded sample and redraws the curves, the scatter plot and
 * the table in place. A polite live region announces a summary once the reader pauses.
 */
import { type EffectState, effectState, formatNumber } from './effects.js';
import { curveMarkers, curvePoints, dataY, pdProbe } from './plot.js';
import { chartLabel, correlationText, dataLabel, gapText, summaryText } from './wording.js';

/** How long the slider must rest before the summary is announced. */
const ANNOUNCE_DELAY = 700;

class EffectPlotsElement extends HTMLElement {
  #input?: HTMLInputElement;
  #announceTimer: number | undefined;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[type="range"]');
    if (!input || this.#input) return;
    this.#input = input;
    input.addEventListener('input', () => this.#show(Number(input.value)));
    for (const box of this.querySelectorAll<HTMLInputElement>('input[data-curve]')) {
      box.addEventListener('change', () => this.querySelector(`[data-group="${box.dataset.curve}"]`)?.classList.toggle('ep-off', !box.checked));
    }
    this.querySelector('[data-control]')?.removeAttribute('hidden');
    this.querySelector('[data-static]')?.setAttribute('hidden', '');
  }

  disconnectedCallback(): void {
    window.clearTimeout(this.#announceTimer);
  }

  /** Show the state at correlation `rho`, and schedule its announcement. */
  #show(rho: number): void {
    const input = this.#input;
    if (!input) return;
    const settings = { seed: Number(this.dataset.seed), points: Number(this.dataset.points), intervals: Number(this.dataset.intervals) };
    const state = effectState(settings, Math.round(rho * 100) / 100);
    input.setAttribute('aria-valuetext', correlationText(state));
    this.#text('[data-value]', state.rho.toFixed(2));
    this.#text('[data-sample]', formatNumber(state.sampleCorrelation));
    this.#text('[data-caption]', correlationText(state));
    this.#text('[data-gap]', gapText(state));
    this.#draw(state);
    window.clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => this.#text('[data-announce]', summaryText(state)), ANNOUNCE_DELAY);
  }

  #draw(state: EffectState): void {
    const { grid } = state;
    this.querySelectorAll('.ep-ice-line').forEach((line, i) => {
      const curve = state.ice[i];
      if (curve) line.setAttribute('points', curvePoints(grid, curve));
    });
    for (const name of ['pd', 'ale'] as const) {
      const values = state[name];
      this.querySelector(`[data-line="${name}"]`)?.setAttribute('points', curvePoints(grid, values));
      const marks = curveMarkers(grid, values);
      this.querySelectorAll(`[data-mark="${name}"]`).forEach((mark, k) => {
        const [x, y] = marks[k] ?? [0, 0];
        if (name === 'pd') {
          mark.setAttribute('x', String(x - 4));
          mark.setAttribute('y', String(y - 4));
        } else mark.setAttribute('cy', String(y));
      });
    }
    this.querySelectorAll('[data-point]').forEach((point, i) => point.setAttribute('cy', String(dataY(state.data[i]?.x2 ?? 0))));
    const probe = pdProbe(state);
    this.querySelectorAll('[data-probe]').forEach((mark, i) => mark.setAttribute('y', String((probe.ys[i] ?? 0) - 2)));
    this.querySelectorAll('tbody tr').forEach((row, k) => {
      const pd = state.pd[k] ?? 0;
      const ale = state.ale[k] ?? 0;
      setText(row.querySelector('[data-cell="pd"]'), formatNumber(pd));
      setText(row.querySelector('[data-cell="ale"]'), formatNumber(ale));
      setText(row.querySelector('[data-cell="gap"]'), formatNumber(pd - ale));
    });
    this.querySelector('[data-chart]')?.setAttribute('aria-label', chartLabel(state));
    this.querySelector('[data-scatter]')?.setAttribute('aria-label', dataLabel(state));
  }

  #text(selector: string, text: string): void {
    setText(this.querySelector(selector), text);
  }
}

/** Set an element's text only when it changes, so unchanged cells are not re-rendered or re-announced. */
function setText(element: Element | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

if (!customElements.get('effect-plots')) customElements.define('effect-plots', EffectPlotsElement);
