/**
 * The proxy grid world's directive options, read the same way at build time (where a problem is a
 * positioned error) and when the component renders:
 *
 *     :reward: proxy        the reward the agent learns from first: `proxy` or `intended`
 *     :episodes: 200        episodes learned before the figure is shown (0 to 1000)
 *     :seed: 7              seed of the random stream (a whole number), so every run is reproducible
 */
import { REWARD_MODES, type RewardMode } from './gridworld.js';

export interface ProxyGridworldData {
  reward: RewardMode;
  episodes: number;
  seed: number;
}

export interface OptionProblem {
  option: string;
  reason: string;
}

export const PROXY_GRIDWORLD_OPTIONS = {
  reward: 'the reward learned from first, `proxy` or `intended` (default proxy)',
  episodes: 'episodes learned before the figure is shown, a whole number from 0 to 1000 (default 200)',
  seed: 'seed of the random stream, a whole number from 0 to 4294967295 (default 7)',
} as const;

export const MAX_EPISODES = 1000;
const DEFAULTS: ProxyGridworldData = { reward: 'proxy', episodes: 200, seed: 7 };

function wholeNumber(value: string, max: number): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number <= max ? number : undefined;
}

/** Read the options; `problems` is empty when the figure can be shown. */
export function readProxyGridworldOptions(options: Readonly<Record<string, string | undefined>>): {
  data: ProxyGridworldData;
  problems: OptionProblem[];
} {
  const problems: OptionProblem[] = [];
  const data = { ...DEFAULTS };
  if (options.reward !== undefined) {
    const value = options.reward.trim();
    if ((REWARD_MODES as readonly string[]).includes(value)) data.reward = value as RewardMode;
    else problems.push({ option: 'reward', reason: `is \`${value}\`; it must be \`proxy\` or \`intended\`` });
  }
  if (options.episodes !== undefined) {
    const value = options.episodes.trim();
    const number = wholeNumber(value, MAX_EPISODES);
    if (number === undefined) problems.push({ option: 'episodes', reason: `is \`${value}\`; it must be a whole number from 0 to ${MAX_EPISODES}` });
    else data.episodes = number;
  }
  if (options.seed !== undefined) {
    const value = options.seed.trim();
    const number = wholeNumber(value, 4294967295);
    if (number === undefined) problems.push({ option: 'seed', reason: `is \`${value}\`; it must be a whole number from 0 to 4294967295` });
    else data.seed = number;
  }
  return { data, problems };
}
