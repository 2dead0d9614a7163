/**
 * The proxy grid world's arithmetic (src/interactive/proxy-gridworld): the environment's dynamics and
 * rewards, the seeded random stream, the Q-learning update, that a fixed seed learns the loophole
 * under the proxy reward and the goal under the intended one, the directive's options and the words
 * and coordinates the figure shows.
 */
import { describe, expect, it } from 'vitest';
import {
  type Action,
  cell,
  createRandom,
  GOAL,
  GOAL_REWARD,
  greedyPath,
  Learner,
  qUpdate,
  RECENT_EPISODES,
  recentSummary,
  SETTINGS,
  START,
  STATE_COUNT,
  step,
  TARGET,
  TARGET_REWARD,
  trainedLearner,
} from '../../../src/interactive/proxy-gridworld/gridworld.js';
import { readProxyGridworldOptions } from '../../../src/interactive/proxy-gridworld/options.js';
import { announcementText, CHART, chartPoints, formatNumber, heatOpacity, movesText, pathPoints, pathText } from '../../../src/interactive/proxy-gridworld/wording.js';

const [UP, RIGHT, DOWN, LEFT] = [0, 1, 2, 3] as const satisfies readonly Action[];

describe('the grid world environment', () => {
  it('should move deterministically and keep the agent in place at the border', () => {
    expect(step(START, UP, 'intended').next).toBe(cell(0, 2));
    expect(step(START, RIGHT, 'intended').next).toBe(cell(1, 3));
    expect(step(START, DOWN, 'intended').next).toBe(START);
    expect(step(START, LEFT, 'intended').next).toBe(START);
    expect(step(TARGET, UP, 'proxy').next).toBe(TARGET);
  });

  it('should end the episode at the goal with +5 under both rewards', () => {
    const beside = cell(3, 0);
    for (const mode of ['proxy', 'intended'] as const) {
      expect(step(beside, RIGHT, mode)).toEqual({ next: GOAL, reward: GOAL_REWARD, proxyReward: GOAL_REWARD, intendedReward: GOAL_REWARD, done: true });
    }
  });

  it('should pay +1 for each move onto the target under the proxy only, and nothing for bumping the border on it', () => {
    const below = cell(0, 1);
    expect(step(below, UP, 'proxy')).toEqual({ next: TARGET, reward: TARGET_REWARD, proxyReward: TARGET_REWARD, intendedReward: 0, done: false });
    expect(step(below, UP, 'intended')).toMatchObject({ next: TARGET, reward: 0, proxyReward: TARGET_REWARD });
    expect(step(TARGET, LEFT, 'proxy')).toMatchObject({ next: TARGET, reward: 0 });
    expect(step(cell(1, 0), LEFT, 'proxy').reward).toBe(TARGET_REWARD);
  });

  it('should pay nothing on ordinary cells', () => {
    for (let state = 0; state < STATE_COUNT; state++) {
      for (const action of [UP, RIGHT, DOWN, LEFT]) {
        const move = step(state, action, 'proxy');
        if (move.next !== GOAL && move.next !== TARGET) expect(move.reward).toBe(0);
      }
    }
  });
});

describe('the seeded random stream', () => {
  it('should repeat for a seed and differ between seeds, within [0, 1)', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    const many = Array.from({ length: 1000 }, createRandom(1));
    expect(Math.min(...many)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...many)).toBeLessThan(1);
  });
});

describe('the Q-learning update', () => {
  it('should match Q + α (r + γ max Q′ − Q)', () => {
    expect(qUpdate(2, 1, 4, false, 0.5, 0.95)).toBeCloseTo(2 + 0.5 * (1 + 0.95 * 4 - 2), 12);
    expect(qUpdate(2, 1, 4, false, 0.5, 0.95)).toBeCloseTo(3.4, 12);
    expect(qUpdate(0, 1, 0, false, 0.5, 0.95)).toBe(0.5);
  });

  it('should not bootstrap after a terminal move', () => {
    expect(qUpdate(1, 5, 100, true, 0.5, 0.95)).toBe(3);
  });

  it('should be the update the learner applies in an episode', () => {
    // Replay a learner's first episode with the same random stream and check every table entry.
    const learner = new Learner('proxy', 3);
    const shadow = new Float64Array(STATE_COUNT * 4);
    const random = createRandom(3);
    let state = START;
    for (let t = 0; t < SETTINGS.maxSteps; t++) {
      // All values are zero or positive ties at the start; mirror the learner's choice rule.
      let action: Action;
      if (random() < SETTINGS.epsilon) action = Math.floor(random() * 4) as Action;
      else {
        const values = [0, 1, 2, 3].map((a) => shadow[state * 4 + a] ?? 0);
        const best = Math.max(...values);
        const ties = [0, 1, 2, 3].filter((a) => values[a] === best);
        action = (ties.length === 1 ? ties[0] : ties[Math.floor(random() * ties.length)]) as Action;
      }
      const move = step(state, action, 'proxy');
      const nextMax = Math.max(...[0, 1, 2, 3].map((a) => shadow[move.next * 4 + a] ?? 0));
      shadow[state * 4 + action] = qUpdate(shadow[state * 4 + action] ?? 0, move.reward, nextMax, move.done, SETTINGS.alpha, SETTINGS.gamma);
      state = move.next;
      if (move.done) break;
    }
    learner.runEpisode();
    expect([...learner.q]).toEqual([...shadow]);
  });
});

describe('learning with a fixed seed', () => {
  it('should learn the loophole under the proxy reward: loop on the target, never reach the goal', () => {
    const learner = trainedLearner('proxy', 7, 200);
    const path = greedyPath(learner);
    expect(path.reachesGoal).toBe(false);
    expect(path.actions.slice(0, 3)).toEqual([UP, UP, UP]);
    expect(path.states[3]).toBe(TARGET);
    expect(path.actions).toHaveLength(SETTINGS.maxSteps);
    expect(path.targetHits).toBe(19);
    expect(path.proxyReturn).toBe(19);
    expect(path.intendedReturn).toBe(0);
    expect(recentSummary(learner)).toEqual({ count: RECENT_EPISODES, goalsReached: 0, meanProxyReturn: 17.15, meanIntendedReturn: 0 });
  });

  it('should learn a shortest route under the intended reward', () => {
    const learner = trainedLearner('intended', 7, 200);
    const path = greedyPath(learner);
    expect(path.reachesGoal).toBe(true);
    expect(path.actions).toHaveLength(7);
    expect(path.intendedReturn).toBe(GOAL_REWARD);
    expect(recentSummary(learner).goalsReached).toBe(RECENT_EPISODES);
  });

  it('should learn the same two behaviours for other seeds', () => {
    for (const seed of [1, 42, 2024]) {
      expect(greedyPath(trainedLearner('proxy', seed, 200)).reachesGoal).toBe(false);
      expect(greedyPath(trainedLearner('intended', seed, 200)).actions).toHaveLength(7);
    }
  });

  it('should be reproducible: the same seed and episodes give the same table, and stepping on equals running', () => {
    const a = trainedLearner('proxy', 7, 120);
    const b = trainedLearner('proxy', 7, 100);
    b.run(20);
    expect([...b.q]).toEqual([...a.q]);
    expect(b.history).toEqual(a.history);
  });

  it('should know nothing before the first episode', () => {
    const learner = new Learner('proxy', 7);
    expect(learner.episodes).toBe(0);
    expect(learner.visited(START)).toBe(false);
    expect(recentSummary(learner)).toEqual({ count: 0, goalsReached: 0, meanProxyReturn: 0, meanIntendedReturn: 0 });
    expect(learner.recentVisits().every((count) => count === 0)).toBe(true);
  });

  it('should keep the visits of the last 20 episodes only', () => {
    const learner = trainedLearner('proxy', 7, 30);
    expect(learner.recent).toHaveLength(RECENT_EPISODES);
    const visits = learner.recentVisits();
    expect(visits[START]).toBeGreaterThanOrEqual(RECENT_EPISODES);
    const moves = learner.recent.reduce((total, episode) => total + episode.steps + 1, 0);
    expect(visits.reduce((a, b) => a + b, 0)).toBe(moves);
  });
});

describe('the directive options', () => {
  it('should default to the proxy reward, 200 episodes and seed 7', () => {
    expect(readProxyGridworldOptions({})).toEqual({ data: { reward: 'proxy', episodes: 200, seed: 7 }, problems: [] });
    expect(readProxyGridworldOptions({ reward: 'intended', episodes: '0', seed: '42' }).data).toEqual({ reward: 'intended', episodes: 0, seed: 42 });
  });

  it('should reject an unknown reward, a bad number of episodes and a bad seed, at their options', () => {
    const { problems } = readProxyGridworldOptions({ reward: 'gold', episodes: '1001', seed: '-1' });
    expect(problems.map((problem) => problem.option)).toEqual(['reward', 'episodes', 'seed']);
    expect(problems[0]?.reason).toContain('`proxy` or `intended`');
    expect(readProxyGridworldOptions({ episodes: '2.5' }).problems).toHaveLength(1);
  });
});

describe('the words and coordinates shown', () => {
  it('should describe the greedy paths and the recent episodes', () => {
    const proxy = trainedLearner('proxy', 7, 200);
    expect(pathText(greedyPath(proxy))).toBe('The greedy path from S never reaches the goal in 40 moves: it moves onto the target 19 times (proxy return 19, intended return 0).');
    expect(movesText(greedyPath(proxy))).toBe('up, up, up, right, left, right, left, right, …');
    expect(announcementText(proxy)).toBe(
      'Proxy reward, 200 episodes learned. The greedy path from S never reaches the goal in 40 moves: it moves onto the target 19 times (proxy return 19, intended return 0). Last 20 episodes: goal reached in 0, mean proxy return 17.15, mean intended return 0.00.',
    );
    const intended = trainedLearner('intended', 7, 200);
    expect(pathText(greedyPath(intended))).toBe('The greedy path from S reaches the goal in 7 moves (intended return 5).');
    expect(announcementText(new Learner('intended', 7))).toBe('Intended reward, 0 episodes learned. Nothing learned yet: every action value is 0. No episode yet.');
  });

  it('should format, shade and plot', () => {
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(heatOpacity(0, 10)).toBe(0);
    expect(heatOpacity(10, 10)).toBe(0.58);
    expect(heatOpacity(5, 0)).toBe(0);
    expect(chartPoints([0, 20])).toBe(`${CHART.left},${CHART.top + CHART.height} ${Math.round((CHART.left + CHART.width / 49) * 10) / 10},${CHART.top}`);
    expect(chartPoints([])).toBe('');
    const path = greedyPath(trainedLearner('intended', 7, 200));
    expect(movesText(path)).toBe('right, right, up, right, up, right, up.');
    expect(pathPoints(path).split(' ')).toHaveLength(8);
  });
});
