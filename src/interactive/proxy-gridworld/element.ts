/**
 * `<proxy-gridworld>`: the browser half of the proxy grid world. The server rendered the state after
 * the directive's episodes (ProxyGridworld.astro); this element retrains the same agent from the same
 * seed (so its numbers are the server's), reveals the controls and, at each command, updates the light
 * DOM in place: arrows, heat map, greedy path, returns chart, sentences and table. "Run 50 episodes"
 * draws the episodes one frame at a time, unless the reader asks for reduced motion; then, as at the
 * end of every command, the result is announced once through a polite live region.
 */
import { ACTION_ARROWS, GOAL, Learner, type RewardMode, STATE_COUNT, trainedLearner } from './gridworld.js';
import { cellActionText, chartLabel, chartPoints, describe, announcementText, heatOpacity, pathPoints } from './wording.js';

const RUN_EPISODES = 50;

class ProxyGridworldElement extends HTMLElement {
  #learner?: Learner;
  #seed = 0;
  #frame: number | undefined;

  connectedCallback(): void {
    if (this.#learner) return;
    const seed = Number(this.dataset.seed);
    const episodes = Number(this.dataset.episodes);
    const mode: RewardMode = this.dataset.reward === 'intended' ? 'intended' : 'proxy';
    if (!Number.isInteger(seed) || !Number.isInteger(episodes)) return;
    this.#seed = seed;
    this.#learner = trainedLearner(mode, seed, episodes);
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-command]')) {
      button.addEventListener('click', () => this.#command(button.dataset.command ?? ''));
    }
    const select = this.querySelector<HTMLSelectElement>('select[data-reward-select]');
    select?.addEventListener('change', () => this.#switchReward(select.value === 'intended' ? 'intended' : 'proxy'));
    this.querySelector<HTMLElement>('[data-controls]')?.removeAttribute('hidden');
    this.querySelector<HTMLElement>('[data-static]')?.setAttribute('hidden', '');
  }

  disconnectedCallback(): void {
    if (this.#frame !== undefined) window.cancelAnimationFrame(this.#frame);
  }

  #command(command: string): void {
    const learner = this.#learner;
    if (!learner || this.#frame !== undefined) return;
    if (command === 'step') {
      learner.runEpisode();
      this.#finish();
    } else if (command === 'reset') {
      this.#learner = new Learner(learner.mode, this.#seed);
      this.#finish();
    } else if (command === 'run') {
      if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
        learner.run(RUN_EPISODES);
        this.#finish();
      } else {
        this.#animate(learner, RUN_EPISODES);
      }
    }
  }

  /** A fresh agent with the other reward, trained for as many episodes as the current one had. */
  #switchReward(mode: RewardMode): void {
    const learner = this.#learner;
    if (!learner || learner.mode === mode) return;
    if (this.#frame !== undefined) {
      window.cancelAnimationFrame(this.#frame);
      this.#frame = undefined;
      this.#setBusy(false);
    }
    this.#learner = trainedLearner(mode, this.#seed, learner.episodes);
    this.#finish();
  }

  /** One episode per animation frame, then the announcement. */
  #animate(learner: Learner, remaining: number): void {
    this.#setBusy(true);
    const tick = () => {
      learner.runEpisode();
      this.#render();
      if (--remaining > 0) {
        this.#frame = window.requestAnimationFrame(tick);
      } else {
        this.#frame = undefined;
        this.#setBusy(false);
        this.#finish();
      }
    };
    this.#frame = window.requestAnimationFrame(tick);
  }

  #setBusy(busy: boolean): void {
    this.toggleAttribute('aria-busy', busy);
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-command]')) button.disabled = busy;
  }

  #finish(): void {
    this.#render();
    const learner = this.#learner;
    if (learner) this.#text('[data-announce]', announcementText(learner));
  }

  #render(): void {
    const learner = this.#learner;
    if (!learner) return;
    const words = describe(learner);
    const visits = learner.recentVisits();
    const maxVisits = Math.max(...visits);
    this.#text('[data-headline]', words.headline);
    this.#text('[data-path-text]', words.pathSentence);
    this.#text('[data-recent]', words.recent);
    this.#text('[data-moves]', words.moves);
    for (let state = 0; state < STATE_COUNT; state++) {
      const count = String(visits[state] ?? 0);
      this.querySelector(`[data-heat="${state}"]`)?.setAttribute('fill-opacity', String(heatOpacity(visits[state] ?? 0, maxVisits)));
      this.#text(`[data-count="${state}"]`, count);
      this.#text(`[data-cell-visits="${state}"]`, count);
      if (state === GOAL) continue;
      this.#text(`[data-arrow="${state}"]`, learner.visited(state) ? ACTION_ARROWS[learner.greedyAction(state)] : '·');
      this.#text(`[data-cell-action="${state}"]`, cellActionText(learner, state));
    }
    this.querySelector('[data-path]')?.setAttribute('points', pathPoints(words.path));
    this.querySelector('[data-grid-svg]')?.setAttribute('aria-label', `Grid world. ${words.headline} ${words.pathSentence} First moves: ${words.moves}`);
    this.querySelector('[data-series="proxy"]')?.setAttribute('points', chartPoints(learner.history.map((episode) => episode.proxyReturn)));
    this.querySelector('[data-series="intended"]')?.setAttribute('points', chartPoints(learner.history.map((episode) => episode.intendedReturn)));
    this.#text('[data-chart-span]', String(Math.max(learner.episodes, 50)));
    this.querySelector('[data-chart-svg]')?.setAttribute('aria-label', chartLabel(learner));
    const select = this.querySelector<HTMLSelectElement>('select[data-reward-select]');
    if (select && select.value !== learner.mode) select.value = learner.mode;
  }

  #text(selector: string, text: string): void {
    const element = this.querySelector(selector);
    if (element && element.textContent !== text) element.textContent = text;
  }
}

if (!customElements.get('proxy-gridworld')) customElements.define('proxy-gridworld', ProxyGridworldElement);
