/**
 * `<threshold-explorer>`: the browser half of the threshold explorer. The server rendered the whole
 * figure at one threshold (ThresholdExplorer.astro); this element reveals the slider and, as it moves,
 * updates the light DOM in place: approved rows, confusion matrix, metrics and the ROC marker. The
 * slider snaps to the scores (where decisions change) and its arrow keys step from one to the next.
 * A polite live region announces a summary once the reader pauses, not at every step.
 */
import { cellOf, formatDecimal, isApproved, nearestThreshold, type ScoredExample, snapThresholds, stepThreshold, thresholdState } from '../classification/classification.js';
import { setAttributes, setText, showMatrix, showMetrics } from '../classification/dom.js';
import { rocX, rocY } from '../classification/roc-plot.js';
import { decisionText, METRIC_LABELS } from '../classification/wording.js';
import { approvedText, rocPointText, sliderValueText, summaryText } from './wording.js';

const METRIC_KEYS = METRIC_LABELS.map(([key]) => key);

/** How long the slider must rest before the summary is announced. */
const ANNOUNCE_DELAY = 700;

const STEP_KEYS: Readonly<Record<string, 1 | -1>> = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1 };

class ThresholdExplorerElement extends HTMLElement {
  #input?: HTMLInputElement;
  #rows: HTMLTableRowElement[] = [];
  #examples: ScoredExample[] = [];
  #snaps: number[] = [];
  #announceTimer: number | undefined;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[type="range"]');
    if (!input || this.#input) return;
    this.#input = input;
    this.#rows = [...this.querySelectorAll<HTMLTableRowElement>('tr[data-score]')];
    this.#examples = this.#rows.map((row) => ({ score: Number(row.dataset.score), outcome: row.dataset.outcome === '1' ? 1 : 0 }));
    this.#snaps = snapThresholds(this.#examples);
    input.addEventListener('input', () => this.#show(nearestThreshold(this.#snaps, Number(input.value))));
    input.addEventListener('keydown', (event) => {
      const direction = STEP_KEYS[event.key];
      if (!direction || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      this.#show(stepThreshold(this.#snaps, Number(input.value), direction));
    });
    this.querySelector<HTMLElement>('[data-control]')?.removeAttribute('hidden');
    this.querySelector<HTMLElement>('[data-static]')?.setAttribute('hidden', '');
  }

  disconnectedCallback(): void {
    window.clearTimeout(this.#announceTimer);
  }

  /** Show the state at threshold `threshold`, and schedule its announcement. */
  #show(threshold: number): void {
    const input = this.#input;
    if (!input) return;
    const state = thresholdState(this.#examples, threshold);
    const total = this.#examples.length;
    input.value = formatDecimal(threshold);
    input.setAttribute('aria-valuetext', sliderValueText(state, total));
    this.#text('[data-value]', formatDecimal(threshold));
    this.#text('[data-approved]', approvedText(state, total));
    let firstDenied = true;
    this.#rows.forEach((row, index) => {
      const example = this.#examples[index] as ScoredExample;
      const approved = isApproved(example.score, threshold);
      const cell = cellOf(example, threshold);
      row.classList.toggle('te-approved', approved);
      row.classList.toggle('te-denied', !approved);
      row.classList.toggle('te-first-denied', !approved && firstDenied);
      if (!approved) firstDenied = false;
      setText(row.querySelector('[data-icon]'), approved ? '✓' : '');
      setText(row.querySelector('[data-decision]'), decisionText(approved));
      const cellElement = row.querySelector('[data-cell]');
      setText(cellElement, cell);
      cellElement?.classList.toggle('te-error', cell === 'FP' || cell === 'FN');
    });
    showMatrix(this, state.matrix);
    showMetrics(this, METRIC_KEYS, state);
    const x = String(rocX(state.fpr.value ?? 0));
    const y = String(rocY(state.tpr.value ?? 0));
    // The marker sits on the curve; its guides drop to the two axes.
    setAttributes(this.querySelector('[data-marker]'), { cx: x, cy: y });
    setAttributes(this.querySelector('[data-guide="x"]'), { x1: x, x2: x, y1: y });
    setAttributes(this.querySelector('[data-guide="y"]'), { x2: x, y1: y, y2: y });
    this.#text('[data-roc-note]', rocPointText(state));
    this.querySelector('svg[role="img"]')?.setAttribute('aria-label', `ROC curve of the ${total} examples. ${rocPointText(state)}`);
    window.clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => this.#text('[data-announce]', summaryText(state, total)), ANNOUNCE_DELAY);
  }

  #text(selector: string, text: string): void {
    setText(this.querySelector(selector), text);
  }
}

if (!customElements.get('threshold-explorer')) customElements.define('threshold-explorer', ThresholdExplorerElement);
