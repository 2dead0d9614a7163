/**
 * The proxy grid world's arithmetic (no DOM): a 5 × 4 grid, a start S, a goal G that ends the episode,
 * and a target T on one of the shortest routes whose reward respawns. Two reward functions:
 *
 * - intended: +5 for reaching the goal, nothing else;
 * - proxy: the same, plus +1 every time the agent moves onto the target (the designer's hint "pass by
 *   the target" becomes a loophole: stepping off and back on pays forever, and the goal is abandoned).
 *
 * A tabular Q-learning agent (ε-greedy, seeded PRNG, so every run is reproducible) learns in either.
 * The server renders the state after a fixed number of episodes; the browser recomputes it from the
 * same seed, so both show the same numbers.
 */

export const COLUMNS = 5;
export const ROWS = 4;
export const STATE_COUNT = COLUMNS * ROWS;

/** Actions by index: 0 up, 1 right, 2 down, 3 left. */
export const ACTIONS = ['up', 'right', 'down', 'left'] as const;
export type Action = 0 | 1 | 2 | 3;
export const ACTION_ARROWS = ['↑', '→', '↓', '←'] as const;
const MOVES: readonly (readonly [number, number])[] = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
];

/** A cell's state index, row by row from the top left. */
export const cell = (x: number, y: number): number => y * COLUMNS + x;
export const column = (state: number): number => state % COLUMNS;
export const row = (state: number): number => Math.floor(state / COLUMNS);

export const START = cell(0, 3);
export const GOAL = cell(4, 0);
export const TARGET = cell(0, 0);

export const GOAL_REWARD = 5;
export const TARGET_REWARD = 1;

export type RewardMode = 'proxy' | 'intended';
export const REWARD_MODES: readonly RewardMode[] = ['proxy', 'intended'];

/** Learning settings: step size α, discount γ, exploration ε, and the episode's step limit. */
export const SETTINGS = { alpha: 0.5, gamma: 0.95, epsilon: 0.1, maxSteps: 40 } as const;

/** One move of the environment. */
export interface Transition {
  next: number;
  /** The reward under the mode the agent is trained with. */
  reward: number;
  /** The two rewards, whichever the agent is trained with. */
  proxyReward: number;
  intendedReward: number;
  /** The goal ends the episode. */
  done: boolean;
}

/** The environment: deterministic moves; a move into the border leaves the agent where it is. */
export function step(state: number, action: Action, mode: RewardMode): Transition {
  const [dx, dy] = MOVES[action] as readonly [number, number];
  const x = column(state) + dx;
  const y = row(state) + dy;
  const next = x < 0 || x >= COLUMNS || y < 0 || y >= ROWS ? state : cell(x, y);
  const done = next === GOAL;
  const intendedReward = done ? GOAL_REWARD : 0;
  const proxyReward = intendedReward + (next === TARGET && next !== state ? TARGET_REWARD : 0);
  return { next, reward: mode === 'proxy' ? proxyReward : intendedReward, proxyReward, intendedReward, done };
}

/** mulberry32: a small seeded generator of numbers in [0, 1), the same in Node and every browser. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One Q-learning update (Watkins): Q(s, a) ← Q(s, a) + α [r + γ max_a' Q(s', a') − Q(s, a)], with no
 * bootstrap term after a terminal move. Returns the new value.
 */
export function qUpdate(current: number, reward: number, nextMax: number, done: boolean, alpha: number, gamma: number): number {
  const target = reward + (done ? 0 : gamma * nextMax);
  return current + alpha * (target - current);
}

/** What one episode did, in both reward functions (undiscounted sums) and in cells visited. */
export interface EpisodeResult {
  proxyReturn: number;
  intendedReturn: number;
  reachedGoal: boolean;
  steps: number;
  /** Visits of each cell in this episode (the start counts once). */
  visits: number[];
}

/** Episodes kept for the heat map and the recent averages. */
export const RECENT_EPISODES = 20;

/** A tabular Q-learning agent in one reward mode, with its random stream and its history. */
export class Learner {
  readonly mode: RewardMode;
  readonly seed: number;
  readonly q: Float64Array;
  readonly history: { proxyReturn: number; intendedReturn: number; reachedGoal: boolean }[] = [];
  readonly recent: EpisodeResult[] = [];
  #random: () => number;

  constructor(mode: RewardMode, seed: number) {
    this.mode = mode;
    this.seed = seed;
    this.q = new Float64Array(STATE_COUNT * 4);
    this.#random = createRandom(seed);
  }

  get episodes(): number {
    return this.history.length;
  }

  value(state: number, action: Action): number {
    return this.q[state * 4 + action] ?? 0;
  }

  maxValue(state: number): number {
    return Math.max(...[0, 1, 2, 3].map((action) => this.value(state, action as Action)));
  }

  /** ε-greedy: a random action with probability ε, else a best action, ties broken at random. */
  chooseAction(state: number): Action {
    if (this.#random() < SETTINGS.epsilon) return Math.floor(this.#random() * 4) as Action;
    const best = this.maxValue(state);
    const ties = ([0, 1, 2, 3] as Action[]).filter((action) => this.value(state, action) === best);
    return ties.length === 1 ? (ties[0] as Action) : (ties[Math.floor(this.#random() * ties.length)] as Action);
  }

  /** Run one episode from the start, learning at every step. */
  runEpisode(): EpisodeResult {
    const visits = new Array<number>(STATE_COUNT).fill(0);
    let state = START;
    visits[state] = 1;
    let proxyReturn = 0;
    let intendedReturn = 0;
    let steps = 0;
    let done = false;
    while (!done && steps < SETTINGS.maxSteps) {
      const action = this.chooseAction(state);
      const move = step(state, action, this.mode);
      const index = state * 4 + action;
      this.q[index] = qUpdate(this.q[index] ?? 0, move.reward, this.maxValue(move.next), move.done, SETTINGS.alpha, SETTINGS.gamma);
      proxyReturn += move.proxyReward;
      intendedReturn += move.intendedReward;
      state = move.next;
      visits[state] = (visits[state] ?? 0) + 1;
      done = move.done;
      steps++;
    }
    const result = { proxyReturn, intendedReturn, reachedGoal: done, steps, visits };
    this.history.push({ proxyReturn, intendedReturn, reachedGoal: done });
    this.recent.push(result);
    if (this.recent.length > RECENT_EPISODES) this.recent.shift();
    return result;
  }

  run(episodes: number): void {
    for (let index = 0; index < episodes; index++) this.runEpisode();
  }

  /** The greedy action of a state; ties go to the first of up, right, down, left (so the display is stable). */
  greedyAction(state: number): Action {
    let best: Action = 0;
    for (const action of [1, 2, 3] as Action[]) if (this.value(state, action) > this.value(state, best)) best = action;
    return best;
  }

  /** Whether a state has been learned about at all (some action value is not zero). */
  visited(state: number): boolean {
    return [0, 1, 2, 3].some((action) => this.value(state, action as Action) !== 0);
  }

  /** Visits of each cell over the recent episodes. */
  recentVisits(): number[] {
    const total = new Array<number>(STATE_COUNT).fill(0);
    for (const episode of this.recent) episode.visits.forEach((count, state) => (total[state] = (total[state] ?? 0) + count));
    return total;
  }
}

/** Where the greedy policy goes from the start, acting without exploration, for at most the step limit. */
export interface GreedyPath {
  states: number[];
  actions: Action[];
  reachesGoal: boolean;
  proxyReturn: number;
  intendedReturn: number;
  /** Moves onto the target. */
  targetHits: number;
}

export function greedyPath(learner: Learner): GreedyPath {
  const states = [START];
  const actions: Action[] = [];
  let proxyReturn = 0;
  let intendedReturn = 0;
  let targetHits = 0;
  let state = START;
  for (let steps = 0; steps < SETTINGS.maxSteps; steps++) {
    const action = learner.greedyAction(state);
    const move = step(state, action, learner.mode);
    actions.push(action);
    states.push(move.next);
    proxyReturn += move.proxyReward;
    intendedReturn += move.intendedReward;
    if (move.proxyReward - move.intendedReward > 0) targetHits++;
    state = move.next;
    if (move.done) break;
  }
  return { states, actions, reachesGoal: state === GOAL, proxyReturn, intendedReturn, targetHits };
}

/** Averages over the recent episodes (at most RECENT_EPISODES). */
export interface RecentSummary {
  count: number;
  goalsReached: number;
  meanProxyReturn: number;
  meanIntendedReturn: number;
}

export function recentSummary(learner: Learner): RecentSummary {
  const count = learner.recent.length;
  const sum = (pick: (episode: EpisodeResult) => number) => learner.recent.reduce((total, episode) => total + pick(episode), 0);
  return {
    count,
    goalsReached: sum((episode) => (episode.reachedGoal ? 1 : 0)),
    meanProxyReturn: count === 0 ? 0 : sum((episode) => episode.proxyReturn) / count,
    meanIntendedReturn: count === 0 ? 0 : sum((episode) => episode.intendedReturn) / count,
  };
}

/** A learner after `episodes` episodes: the state the server renders and the browser restores. */
export function trainedLearner(mode: RewardMode, seed: number, episodes: number): Learner {
  const learner = new Learner(mode, seed);
  learner.run(episodes);
  return learner;
}
