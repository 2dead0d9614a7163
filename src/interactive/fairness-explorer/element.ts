/**
 * `<fairness-explorer>`: the browser half of the fairness explorer. The server rendered the whole
 * figure at the starting thresholds (FairnessExplorer.astro); this element reveals the controls and, as
 * they move, updates the light DOM in place: decisions, confusion matrices, rates, the criteria's gaps
 * and marks, the ROC markers. Threshold sliders snap to the scores (where decisions change) and their
 * arrow keys step from one to the next. A polite live region announces a summary once the reader
 * pauses, and the result of each button at once.
 */
import { formatDecimal, formatRatio, formatValue, nearestThreshold, type ScoredExample, snapThresholds, stepThreshold } from '../classification/classification.js';
import { setAttributes, setText, showMatrix, showMetrics } from '../classification/dom.js';
import { placeMarker } from '../classification/roc-plot.js';
import {
  approvalProbability,
  checkCriteria,
  countPairsSatisfyingAll,
  CRITERIA,
  type Criterion,
  equalizeOddsAtTpr,
  type GroupRule,
  groupState,
  type GroupState,
  isRandomised,
  matchOpportunity,
  mostAccuratePair,
  overallAccuracy,
  thresholdRule,
} from './fairness.js';
import { comparedText, CRITERION_LABELS, criteriaText, decisionFor, gapText, GROUP_METRIC_LABELS, markText, pointsText, ruleText, sliderText, summaryText } from './wording.js';

const ANNOUNCE_DELAY = 700;
const STEP_KEYS: Readonly<Record<string, 1 | -1>> = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1 };
const METRIC_KEYS = GROUP_METRIC_LABELS.map(([key]) => key);
const GROUPS = [0, 1] as const;
type Part = 'upper' | 'lower' | 'coin';

class FairnessExplorerElement extends HTMLElement {
  #examples: [ScoredExample[], ScoredExample[]] = [[], []];
  #snaps: [number[], number[]] = [[], []];
  #shared: number[] = [];
  #rules: [GroupRule, GroupRule] = [thresholdRule(0.5), thresholdRule(0.5)];
  #start: [GroupRule, GroupRule] = [thresholdRule(0.5), thresholdRule(0.5)];
  #names: [string, string] = ['A', 'B'];
  #tolerance = 0.05;
  #lock?: HTMLInputElement;
  #announceTimer: number | undefined;
  #ready = false;

  connectedCallback(): void {
    if (this.#ready) return;
    const groups = GROUPS.map((group) => this.querySelector<HTMLElement>(`.fe-group-controls[data-group="${group === 0 ? 'a' : 'b'}"]`));
    if (groups.some((group) => !group)) return;
    this.#ready = true;
    const [first = 'A', second = 'B'] = (this.dataset.names ?? 'A B').split(' ');
    this.#names = [first, second];
    this.#tolerance = Number(this.dataset.tolerance ?? '0.05');
    for (const group of GROUPS) {
      const rows = [...this.querySelectorAll<HTMLTableRowElement>(`table.fe-scores[data-group="${group === 0 ? 'a' : 'b'}"] tr[data-score]`)];
      this.#examples[group] = rows.flatMap((row) => {
        const score = Number(row.dataset.score);
        return [
          ...Array.from({ length: Number(row.dataset.positives) }, () => ({ score, outcome: 1 as const })),
          ...Array.from({ length: Number(row.dataset.negatives) }, () => ({ score, outcome: 0 as const })),
        ];
      });
      this.#snaps[group] = snapThresholds(this.#examples[group]);
      // The coin slider keeps its value while no band is open, ready for when the reader opens one.
      this.#rules[group] = { ...thresholdRule(Number(this.#input(group, 'upper')?.value ?? '0.5')), coin: Number(this.#input(group, 'coin')?.value ?? '0.5') };
      this.#start[group] = this.#rules[group];
      for (const part of ['upper', 'lower', 'coin'] as const) this.#listen(group, part);
    }
    this.#shared = snapThresholds([...this.#examples[0], ...this.#examples[1]]);
    this.#lock = this.querySelector<HTMLInputElement>('input[data-lock]') ?? undefined;
    this.#lock?.addEventListener('change', () => {
      if (this.#lock?.checked) this.#setUpper(1, this.#rules[0].upper, false);
      this.#show(true);
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-find]')) button.addEventListener('click', () => this.#find(button.dataset.find ?? ''));
    this.querySelector<HTMLElement>('[data-controls]')?.removeAttribute('hidden');
    this.querySelector<HTMLElement>('[data-static]')?.setAttribute('hidden', '');
  }

  disconnectedCallback(): void {
    window.clearTimeout(this.#announceTimer);
  }

  #input(group: 0 | 1, part: Part): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`.fe-group-controls[data-group="${group === 0 ? 'a' : 'b'}"] input[data-input="${part}"]`);
  }

  #listen(group: 0 | 1, part: Part): void {
    const input = this.#input(group, part);
    if (!input) return;
    if (part === 'coin') {
      input.addEventListener('input', () => {
        this.#rules[group] = { ...this.#rules[group], coin: Number(input.value) };
        this.#show(true);
      });
      return;
    }
    const snaps = () => (part === 'upper' && this.#lock?.checked ? this.#shared : this.#snaps[group]);
    const apply = (value: number) => {
      if (part === 'upper') this.#setUpper(group, value, Boolean(this.#lock?.checked));
      else this.#rules[group] = { ...this.#rules[group], lower: Math.min(value, this.#rules[group].upper) };
      this.#show(true);
    };
    input.addEventListener('input', () => apply(nearestThreshold(snaps(), Number(input.value))));
    input.addEventListener('keydown', (event) => {
      const direction = STEP_KEYS[event.key];
      if (!direction || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const current = part === 'upper' ? this.#rules[group].upper : this.#rules[group].lower;
      apply(stepThreshold(snaps(), current, direction));
    });
  }

  /** Move a group's threshold; a coin band keeps its lower end (below the new threshold), no band stays none. */
  #setUpper(group: 0 | 1, upper: number, both: boolean): void {
    for (const target of both ? GROUPS : [group]) {
      const rule = this.#rules[target];
      const banded = rule.lower < rule.upper;
      this.#rules[target] = { ...rule, upper, lower: banded ? Math.min(rule.lower, upper) : upper };
    }
  }

  #find(action: string): void {
    const [a, b] = this.#examples;
    const previous = this.#rules;
    let result = '';
    if ((CRITERIA as readonly string[]).includes(action) || action === 'all') {
      const criterion = action as Criterion | 'all';
      const pair = mostAccuratePair(a, b, criterion, this.#tolerance, { a: this.#rules[0].upper, b: this.#rules[1].upper });
      const name = criterion === 'all' ? 'all four criteria' : CRITERION_LABELS[criterion].name.toLowerCase();
      if (!pair) {
        const { pairs } = countPairsSatisfyingAll(a, b, this.#tolerance);
        result = `None of the ${pairs} pairs of thresholds satisfies ${name} within ${formatDecimal(this.#tolerance)}; the thresholds are unchanged.`;
      } else {
        this.#rules = [thresholdRule(pair.a), thresholdRule(pair.b)];
        result = `Most accurate thresholds with ${name}: ${this.#names[0]} at t = ${formatDecimal(pair.a)}, ${this.#names[1]} at t = ${formatDecimal(pair.b)}, accuracy ${formatDecimal(pair.accuracy)}.`;
      }
    } else if (action === 'match-opportunity') {
      this.#rules = [this.#rules[0], thresholdRule(matchOpportunity(a, this.#rules[0], b))];
      result = `Equal opportunity: group ${this.#names[1]} moved to ${ruleText(this.#rules[1])}, the highest threshold that gives it group ${this.#names[0]}’s TPR.`;
    } else if (action === 'equalize-odds') {
      const odds = equalizeOddsAtTpr(a, this.#rules[0], b);
      this.#rules = [odds.a, odds.b];
      result = `Equalized odds at TPR ${formatDecimal(odds.point.tpr)}: the lowest FPR both groups reach is ${formatDecimal(odds.point.fpr)}; group ${this.#names[0]} at ${ruleText(odds.a)}, group ${this.#names[1]} at ${ruleText(odds.b)}.`;
    } else if (action === 'reset') {
      this.#rules = [...this.#start];
      result = `Back to the starting thresholds.`;
    }
    // A deterministic result leaves each group's coin probability where the reader had it.
    this.#rules = [keepCoin(this.#rules[0], previous[0]), keepCoin(this.#rules[1], previous[1])];
    const [ruleA, ruleB] = this.#rules;
    if (this.#lock) this.#lock.checked = !isRandomised(ruleA) && !isRandomised(ruleB) && ruleA.upper === ruleB.upper;
    const states = this.#show(false);
    setText(this.querySelector('[data-find-result]'), result);
    this.#announce(`${result} ${criteriaText(checkCriteria(states[0], states[1], this.#tolerance))} Overall accuracy ${formatValue(overallAccuracy(states[0], states[1]))}.`, 0);
  }

  /** Show the current rules; announce a summary after a pause when `announce`. */
  #show(announce: boolean): [GroupState, GroupState] {
    const states: [GroupState, GroupState] = [groupState(this.#examples[0], this.#rules[0]), groupState(this.#examples[1], this.#rules[1])];
    for (const group of GROUPS) {
      const key = group === 0 ? 'a' : 'b';
      const rule = this.#rules[group];
      const state = states[group];
      const values: Record<Part, [number, string]> = { upper: [rule.upper, 't'], lower: [rule.lower, 't⁻'], coin: [rule.coin, 'p'] };
      for (const [part, [value, label]] of Object.entries(values) as [Part, [number, string]][]) {
        const input = this.#input(group, part);
        if (!input) continue;
        input.value = formatDecimal(value);
        input.setAttribute('aria-valuetext', sliderText(label, value));
        setText(this.querySelector(`.fe-group-controls[data-group="${key}"] [data-readout="${part}"]`), formatDecimal(value));
      }
      const box = this.querySelector(`.fe-group[data-group="${key}"]`);
      if (box) {
        showMatrix(box, state.matrix);
        showMetrics(box, METRIC_KEYS, state);
        setText(box.querySelector('caption'), `Group ${this.#names[group]}, ${ruleText(rule)}`);
      }
      for (const row of this.querySelectorAll<HTMLTableRowElement>(`table.fe-scores[data-group="${key}"] tr[data-score]`)) {
        const probability = approvalProbability(Number(row.dataset.score), rule);
        row.classList.toggle('te-approved', probability === 1);
        row.classList.toggle('fe-coin', probability > 0 && probability < 1);
        setText(row.querySelector('[data-decision]'), decisionFor(probability, rule));
      }
      placeMarker(this.querySelector(`[data-marker="${key}"]`), state.point);
    }
    const checks = checkCriteria(states[0], states[1], this.#tolerance);
    for (const check of checks) {
      const row = this.querySelector(`tr[data-criterion="${check.criterion}"]`);
      if (!row) continue;
      setText(row.querySelector('[data-compared="a"]'), comparedText(check.criterion, states[0]));
      setText(row.querySelector('[data-compared="b"]'), comparedText(check.criterion, states[1]));
      setText(row.querySelector('[data-gap]'), gapText(check.gap));
      const mark = row.querySelector('[data-mark]');
      setText(mark, markText(check));
      mark?.classList.toggle('fe-holds', check.holds);
      mark?.classList.toggle('fe-fails', !check.holds);
    }
    const accuracy = overallAccuracy(states[0], states[1]);
    setText(this.querySelector('[data-overall]'), formatRatio(accuracy));
    const points = pointsText(this.#names, states);
    setText(this.querySelector('[data-points]'), `Points: ${points}.`);
    setAttributes(this.querySelector('svg.fe-roc'), {
      'aria-label': `ROC curves of groups ${this.#names[0]} (solid line, circle) and ${this.#names[1]} (dashed line, square), with ${points}.`,
    });
    if (announce) {
      setText(this.querySelector('[data-find-result]'), '');
      this.#announce(summaryText(this.#names, states, checks, accuracy), ANNOUNCE_DELAY);
    }
    return states;
  }

  #announce(text: string, delay: number): void {
    window.clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => setText(this.querySelector('[data-announce]'), text), delay);
  }
}

/** A rule without a coin band keeps the coin probability of the rule it replaces. */
function keepCoin(rule: GroupRule, previous: GroupRule): GroupRule {
  return isRandomised(rule) ? rule : { ...rule, coin: previous.coin };
}

if (!customElements.get('fairness-explorer')) customElements.define('fairness-explorer', FairnessExplorerElement);
