/**
 * `<feedback-loop-explorer>`: the browser half of the feedback-loop explorer. The server rendered the
 * chapter's example (FeedbackLoopExplorer.astro); this element reveals the sliders and, as they move,
 * recomputes the expected path and updates the chart, the readouts and the table in place. A polite
 * live region announces the result once the reader pauses, not at every step.
 */
import { chartX, chartY, estimatePoints, lineLabelYs } from './chart.js';
import { firstApprovedRound, formatCount, formatFixed, type LendingSettings, pooledPath } from './pooled-estimate.js';
import { boundText, chartLabel, crossingText, standardErrorText, summaryText } from './wording.js';

/** How long the sliders must rest before the result is announced. */
const ANNOUNCE_DELAY = 700;

type Setting = 'trueRate' | 'loansPerRound' | 'oldLoans';

class FeedbackLoopExplorerElement extends HTMLElement {
  #initial?: LendingSettings;
  #settings?: LendingSettings;
  #inputs = new Map<Setting, HTMLInputElement>();
  #announceTimer: number | undefined;

  connectedCallback(): void {
    if (this.#initial) return;
    const data = this.dataset;
    this.#initial = {
      trueRate: Number(data.trueRate),
      loansPerRound: Number(data.loansPerRound),
      oldLoans: Number(data.oldLoans),
      oldRepaid: Number(data.oldRepaid),
      threshold: Number(data.threshold),
      rounds: Number(data.rounds),
    };
    this.#settings = this.#initial;
    for (const input of this.querySelectorAll<HTMLInputElement>('input[data-setting]')) {
      const setting = input.dataset.setting as Setting;
      this.#inputs.set(setting, input);
      input.addEventListener('input', () => this.#change(setting, Number(input.value)));
    }
    this.querySelector('[data-reset]')?.addEventListener('click', () => this.#show(this.#initial as LendingSettings, true));
    this.querySelector<HTMLElement>('[data-controls]')?.removeAttribute('hidden');
    this.querySelector<HTMLElement>('[data-static]')?.setAttribute('hidden', '');
  }

  disconnectedCallback(): void {
    window.clearTimeout(this.#announceTimer);
  }

  #change(setting: Setting, value: number): void {
    const current = this.#settings as LendingSettings;
    const initial = this.#initial as LendingSettings;
    // Moving the size of the old data keeps its repayment rate, r₀/n₀, as in the chapter's example.
    const next: LendingSettings =
      setting === 'oldLoans' ? { ...current, oldLoans: value, oldRepaid: (value * initial.oldRepaid) / initial.oldLoans } : { ...current, [setting]: value };
    this.#show(next, false);
  }

  /** Show the path for `settings`; `moveSliders` when the change did not come from them. */
  #show(settings: LendingSettings, moveSliders: boolean): void {
    this.#settings = settings;
    const path = pooledPath(settings);
    const crossing = firstApprovedRound(path);
    const { rounds } = settings;
    for (const [setting, input] of this.#inputs) {
      if (moveSliders) input.value = String(settings[setting]);
      this.#text(`[data-output="${setting}"]`, setting === 'trueRate' ? formatFixed(settings.trueRate, 2) : String(settings[setting]));
    }
    this.querySelector('[data-path]')?.setAttribute('points', estimatePoints(path.map((state) => state.estimate)));
    for (const state of path) {
      const point = this.querySelector(`[data-point="${state.round}"]`);
      point?.setAttribute('cy', String(chartY(state.estimate)));
      point?.classList.toggle('fl-point-approved', state.approved);
      const row = this.querySelector(`tr[data-round="${state.round}"]`);
      row?.classList.toggle('fl-first-approved', state.round === crossing);
      setText(row?.querySelector('[data-cell="loans"]') ?? null, formatCount(state.loans));
      setText(row?.querySelector('[data-cell="repaid"]') ?? null, formatCount(state.repaid));
      setText(row?.querySelector('[data-cell="estimate"]') ?? null, formatFixed(state.estimate));
      setText(row?.querySelector('[data-cell="approved"]') ?? null, state.approved ? 'yes' : 'no');
    }
    const ring = this.querySelector('[data-crossing]');
    const crossingState = crossing === undefined ? undefined : path[crossing];
    if (crossingState) {
      ring?.setAttribute('cx', String(chartX(crossingState.round, rounds)));
      ring?.setAttribute('cy', String(chartY(crossingState.estimate)));
    }
    ring?.setAttribute('visibility', crossingState ? 'visible' : 'hidden');
    const trueY = String(chartY(settings.trueRate));
    const trueLine = this.querySelector('[data-true-line]');
    trueLine?.setAttribute('y1', trueY);
    trueLine?.setAttribute('y2', trueY);
    const labelYs = lineLabelYs(settings.threshold, settings.trueRate);
    this.querySelector('[data-threshold-label]')?.setAttribute('y', String(labelYs.threshold));
    const trueLabel = this.querySelector('[data-true-label]');
    trueLabel?.setAttribute('y', String(labelYs.trueRate));
    setText(trueLabel, `p = ${formatFixed(settings.trueRate, 2)}`);
    this.querySelector('svg[role="img"]')?.setAttribute('aria-label', chartLabel(settings, path));
    this.#text('[data-readout="crossing"] strong', crossingText(settings, path));
    this.#text('[data-readout="bound"]', boundText(settings));
    this.#text('[data-readout="se"]', standardErrorText(settings, path));
    window.clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => this.#text('[data-announce]', summaryText(settings, path)), ANNOUNCE_DELAY);
  }

  #text(selector: string, text: string): void {
    setText(this.querySelector(selector), text);
  }
}

/** Set an element's text only when it changes, so unchanged cells are not re-rendered or re-announced. */
function setText(element: Element | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

if (!customElements.get('feedback-loop-explorer')) customElements.define('feedback-loop-explorer', FeedbackLoopExplorerElement);
