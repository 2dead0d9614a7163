/**
 * The grid world's words and drawing coordinates, shared by the server's static state and the
 * browser's updates, so that a reader without JavaScript and one pressing the buttons read the same.
 */
import { ACTION_ARROWS, ACTIONS, type GreedyPath, type Learner, type RecentSummary, SETTINGS, column, greedyPath, recentSummary, row } from './gridworld.js';

export const REWARD_LABELS = {
  proxy: 'Proxy: +1 for each move onto the target T, +5 at the goal G',
  intended: 'Intended: +5 at the goal G only',
} as const;

/** Two decimals, without a minus sign on zero. */
export function formatNumber(value: number): string {
  return (Math.abs(value) < 0.005 ? 0 : value).toFixed(2);
}

/** What the learned greedy policy does from the start. */
export function pathText(path: GreedyPath): string {
  if (path.reachesGoal) return `The greedy path from S reaches the goal in ${path.actions.length} moves (intended return ${path.intendedReturn}).`;
  return (
    `The greedy path from S never reaches the goal in ${SETTINGS.maxSteps} moves: it moves onto the target ${path.targetHits} times ` +
    `(proxy return ${path.proxyReturn}, intended return ${path.intendedReturn}).`
  );
}

/** The first moves of the greedy path, as words, ending with a full stop or, when it goes on, `…`. */
export function movesText(path: GreedyPath, count = 8): string {
  const shown = path.actions.slice(0, count).map((action) => ACTIONS[action]);
  return `${shown.join(', ')}${path.actions.length > count ? ', …' : '.'}`;
}

export function recentText(summary: RecentSummary): string {
  if (summary.count === 0) return 'No episode yet.';
  return (
    `Last ${summary.count} episodes: goal reached in ${summary.goalsReached}, ` +
    `mean proxy return ${formatNumber(summary.meanProxyReturn)}, mean intended return ${formatNumber(summary.meanIntendedReturn)}.`
  );
}

export function headlineText(learner: Learner): string {
  return `${learner.mode === 'proxy' ? 'Proxy' : 'Intended'} reward, ${learner.episodes} episode${learner.episodes === 1 ? '' : 's'} learned.`;
}

/** Everything the figure says in words, for its status lines and its announcement. */
export function describe(learner: Learner) {
  const path = greedyPath(learner);
  const summary = recentSummary(learner);
  return {
    path,
    summary,
    headline: headlineText(learner),
    pathSentence: learner.episodes === 0 ? 'Nothing learned yet: every action value is 0.' : pathText(path),
    moves: movesText(path),
    recent: recentText(summary),
  };
}

export function announcementText(learner: Learner): string {
  const words = describe(learner);
  return `${words.headline} ${words.pathSentence} ${words.recent}`;
}

/** A cell's greedy action in words, for the text table: `→ right`, or `not learned`. */
export function cellActionText(learner: Learner, state: number): string {
  if (!learner.visited(state)) return 'not learned';
  const action = learner.greedyAction(state);
  return `${ACTION_ARROWS[action]} ${ACTIONS[action]}`;
}

// Drawing: the grid and the returns chart, in SVG user units.
export const CELL = 64;
export const GRID_PAD = 4;
export const cellX = (state: number): number => GRID_PAD + column(state) * CELL;
export const cellY = (state: number): number => GRID_PAD + row(state) * CELL;
export const centre = (state: number): [number, number] => [cellX(state) + CELL / 2, cellY(state) + CELL / 2];

/** The greedy path as polyline points through the cells' centres. */
export function pathPoints(path: GreedyPath): string {
  return path.states.map((state) => centre(state).join(',')).join(' ');
}

/** Heat of a cell: fill opacity from its share of the most visited cell's visits. */
export function heatOpacity(visits: number, maxVisits: number): number {
  return maxVisits === 0 || visits === 0 ? 0 : Math.round((0.08 + 0.5 * (visits / maxVisits)) * 100) / 100;
}

export const CHART = { left: 34, top: 10, width: 250, height: 110, maxReturn: 20 } as const;

/** Points of one return series over the episodes: x spans the episodes (at least 50), y 0 to 20. */
export function chartPoints(values: readonly number[]): string {
  const span = Math.max(values.length, 50);
  return values
    .map((value, index) => {
      const x = CHART.left + (span === 1 ? 0 : (index / (span - 1)) * CHART.width);
      const y = CHART.top + CHART.height - (Math.min(value, CHART.maxReturn) / CHART.maxReturn) * CHART.height;
      return `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
    })
    .join(' ');
}

export function chartLabel(learner: Learner): string {
  const span = Math.max(learner.episodes, 50);
  return `Return per episode over ${learner.episodes} episode${learner.episodes === 1 ? '' : 's'} (x axis to ${span}): proxy return as a solid line, intended return as a dashed line. ${recentText(recentSummary(learner))}`;
}
