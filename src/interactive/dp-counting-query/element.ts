/**
 * `<dp-counting-query>`: the browser half of the counting-query explorer. The server rendered the
 * whole figure at the directive's settings (DpCountingQuery.astro); this element reveals the controls
 * and, when ε, Δ or k change or new releases are drawn, recomputes the state with the same arithmetic
 * (laplace.ts) and updates the light DOM in place: bars, expected profile, axis labels, statistics,
 * budget and the table. A polite live region announces a summary once the reader pauses.
 */
import { countingState, type CountingState, EPSILON_STEPS } from './laplace.js';
import { axisMaximum, barHeight, barY, expectedProfilePoints } from './plot.js';
import { binText, budgetText, epsilonText, histogramLabel, outsideText, statistics, summaryText } from './wording.js';

/** How long the controls must rest before the summary is announced. */
const ANNOUNCE_DELAY = 600;

class DpCountingQueryElement extends HTMLElement {
  #epsilon?: HTMLInputElement;
  #sensitivity?: HTMLSelectElement;
  #queries?: HTMLInputElement;
  #releases = 500;
  #seed = 1;
  #announceTimer: number | undefined;

  connectedCallback(): void {
    const epsilon = this.querySelector<HTMLInputElement>('[data-input="epsilon"]');
    const sensitivity = this.querySelector<HTMLSelectElement>('[data-input="sensitivity"]');
    const queries = this.querySelector<HTMLInputElement>('[data-input="queries"]');
    if (!epsilon || !sensitivity || !queries || this.#epsilon) return;
    this.#epsilon = epsilon;
    this.#sensitivity = sensitivity;
    this.#queries = queries;
    this.#releases = Number(this.dataset.releases) || 500;
    this.#seed = Number(this.dataset.seed) || 0;
    const update = () => this.#show();
    epsilon.addEventListener('input', update);
    sensitivity.addEventListener('change', update);
    queries.addEventListener('input', update);
    this.querySelector('[data-redraw]')?.addEventListener('click', () => {
      this.#seed = (this.#seed + 1) >>> 0;
      this.#show();
    });
    this.querySelector<HTMLElement>('[data-control]')?.removeAttribute('hidden');
    this.querySelector<HTMLElement>('[data-static]')?.setAttribute('hidden', '');
  }

  disconnectedCallback(): void {
    window.clearTimeout(this.#announceTimer);
  }

  /** The settings the controls hold now (k kept within 1 to 100). */
  #settings() {
    const index = Math.min(EPSILON_STEPS.length - 1, Math.max(0, Math.round(Number(this.#epsilon?.value))));
    const epsilon = EPSILON_STEPS[index] ?? 1;
    const sensitivity = Number(this.#sensitivity?.value) || 1;
    const typed = Math.round(Number(this.#queries?.value));
    const queries = Number.isFinite(typed) ? Math.min(100, Math.max(1, typed)) : 1;
    return { epsilon, sensitivity, queries, releases: this.#releases, seed: this.#seed };
  }

  #show(): void {
    const state = countingState(this.#settings());
    this.#epsilon?.setAttribute('aria-valuetext', epsilonText(state.epsilon));
    this.#text('[data-value="epsilon"]', epsilonText(state.epsilon));
    this.#draw(state);
    for (const [key, label, value] of statistics(state)) {
      this.#text(`[data-label="${key}"]`, label);
      this.#text(`[data-stat="${key}"]`, value);
    }
    this.#text('[data-budget]', budgetText(state));
    this.#text('[data-outside]', outsideText(state));
    window.clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => this.#text('[data-announce]', summaryText(state)), ANNOUNCE_DELAY);
  }

  /** Redraw the histogram, its axes and its table. */
  #draw(state: CountingState): void {
    const maximum = axisMaximum(state);
    const bins = state.histogram.bins;
    this.querySelectorAll<SVGRectElement>('[data-bar]').forEach((bar, index) => {
      const count = bins[index]?.count ?? 0;
      bar.setAttribute('y', String(barY(count, maximum)));
      bar.setAttribute('height', String(barHeight(count, maximum)));
    });
    this.querySelectorAll('[data-row]').forEach((row, index) => {
      const bin = bins[index];
      if (!bin) return;
      setText(row.querySelector('[data-range]'), binText(bin));
      setText(row.querySelector('[data-count]'), String(bin.count));
    });
    const ticks = [0, maximum / 2, maximum];
    this.querySelectorAll('[data-tick]').forEach((tick, index) => setText(tick, String(ticks[index])));
    this.querySelector('[data-profile]')?.setAttribute('points', expectedProfilePoints(state, maximum));
    this.#text('[data-axis="low"]', (state.truth - 5 * state.scale).toFixed(1));
    this.#text('[data-axis="high"]', (state.truth + 5 * state.scale).toFixed(1));
    this.querySelector('svg[role="img"]')?.setAttribute('aria-label', histogramLabel(state));
  }

  #text(selector: string, text: string): void {
    setText(this.querySelector(selector), text);
  }
}

/** Set an element's text only when it changes, so unchanged cells are not re-rendered or re-announced. */
function setText(element: Element | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

if (!customElements.get('dp-counting-query')) customElements.define('dp-counting-query', DpCountingQueryElement);
