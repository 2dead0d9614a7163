/**
 * Recomputes every number of the worked examples, figures and exercises of chapter 4-2-alignment
 * (content/4-special-topics/4-2-alignment.mdx). Each number is read from the chapter source, right
 * after the text that introduces it, and compared with the value recomputed here to the precision
 * printed: a wrong number in the chapter fails its test. The grid-world numbers are recomputed with
 * the interactive figure's own module (src/interactive/proxy-gridworld/gridworld.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  column,
  GOAL,
  GOAL_REWARD,
  greedyPath,
  qUpdate,
  recentSummary,
  row,
  SETTINGS,
  START,
  step,
  TARGET,
  TARGET_REWARD,
  trainedLearner,
} from '../../../src/interactive/proxy-gridworld/gridworld.js';
import { readProxyGridworldOptions } from '../../../src/interactive/proxy-gridworld/options.js';

const chapter = readFileSync(new URL('../../../content/4-special-topics/4-2-alignment.mdx', import.meta.url), 'utf8');
const figure = readFileSync(new URL('../../../public/figures/4-2-alignment/rlhf-pipeline.svg', import.meta.url), 'utf8');

/** The number printed right after `prefix` (exact text of the chapter), e.g. after `\sigma(0.8) = `. */
function printedAfter(prefix: string, from = 0): { value: number; decimals: number } {
  const index = chapter.indexOf(prefix, from);
  if (index === -1) throw new Error(`The chapter does not contain \`${prefix}\``);
  // LaTeX's thousands separator `{,}` reads as a comma.
  const match = /^-?\d[\d,]*(?:\.(\d+))?/.exec(chapter.slice(index + prefix.length).replaceAll('{,}', ','));
  if (!match) throw new Error(`No number after \`${prefix}\``);
  return { value: Number(match[0].replaceAll(',', '')), decimals: match[1]?.length ?? 0 };
}

/** The chapter prints `value`, rounded to the decimals it shows, right after `prefix`. */
function expectPrinted(prefix: string, value: number): void {
  const printed = printedAfter(prefix);
  expect(Math.abs(value - printed.value), `after \`${prefix}\` the chapter prints ${printed.value}, recomputed ${value}`).toBeLessThanOrEqual(
    0.5 * 10 ** -printed.decimals + 1e-9,
  );
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const gamma = SETTINGS.gamma;

/** Shortest number of moves between two cells (no walls in the grid). */
const distance = (from: number, to: number) => Math.abs(column(from) - column(to)) + Math.abs(row(from) - row(to));

describe('chapter 4-2-alignment: the grid world matches the figure module', () => {
  it('should state the learning settings the module uses', () => {
    expect(chapter).toContain(`Q-learning with $\\alpha = ${SETTINGS.alpha}$, $\\gamma = ${SETTINGS.gamma}$, $\\varepsilon = ${SETTINGS.epsilon}$, episodes of at most ${SETTINGS.maxSteps} moves`);
    expect(chapter).toContain(`Take $\\gamma = ${SETTINGS.gamma}$.`);
  });

  it('should place S, G and T where the text says, with the rewards it says', () => {
    expect([column(START), row(START)]).toEqual([0, 3]);
    expect([column(GOAL), row(GOAL)]).toEqual([4, 0]);
    expect([column(TARGET), row(TARGET)]).toEqual([0, 0]);
    expect(chapter).toContain(`and pays **+${GOAL_REWARD}** for it`);
    expect(chapter).toContain(`pays **+${TARGET_REWARD} each time the agent moves onto it**`);
  });

  it('should take 7 moves on the shortest routes, one of which passes T', () => {
    expect(distance(START, GOAL)).toBe(7);
    expect(distance(START, TARGET) + distance(TARGET, GOAL)).toBe(7);
    expect(chapter).toContain('The shortest routes from S to G take 7 moves.');
  });

  it('should pay the proxy reward on the route up, up, up, then right four times', () => {
    const actions: Action[] = [0, 0, 0, 1, 1, 1, 1];
    let state = START;
    const rewards = actions.map((action) => {
      const move = step(state, action, 'proxy');
      state = move.next;
      return move.reward;
    });
    expect(rewards).toEqual([0, 0, 1, 0, 0, 0, 5]);
    expect(state).toBe(GOAL);
  });
});

describe('chapter 4-2-alignment worked example: returns', () => {
  it('should give 3.675 for the intended reward on a 7-move route', () => {
    expectPrinted('$G_0 = \\gamma^6 \\times 5 = ', gamma ** 6 * 5);
  });

  it('should give 0.9025 + 3.675 = 4.578 for the proxy route through T', () => {
    expectPrinted('$G_0 = \\gamma^2 + 5\\gamma^6 = ', gamma ** 2);
    expectPrinted('$G_0 = \\gamma^2 + 5\\gamma^6 = 0.9025 + ', 5 * gamma ** 6);
    expectPrinted('$G_0 = \\gamma^2 + 5\\gamma^6 = 0.9025 + 3.675 = ', gamma ** 2 + 5 * gamma ** 6);
  });

  it('should give 2.452 for the first seven moves of the loop, whose rewards the module pays', () => {
    expectPrinted('return $\\gamma^2 + \\gamma^4 + \\gamma^6 = ', gamma ** 2 + gamma ** 4 + gamma ** 6);
    const actions: Action[] = [0, 0, 0, 1, 3, 1, 3];
    let state = START;
    const rewards = actions.map((action) => {
      const move = step(state, action, 'proxy');
      state = move.next;
      return move.reward;
    });
    expect(rewards).toEqual([0, 0, 1, 0, 1, 0, 1]);
  });

  it('should give 0.9025/0.0975 = 9.256 for the infinite loop, more than twice the route through T', () => {
    expectPrinted('\\frac{\\gamma^2}{1 - \\gamma^2} \\\\ &= \\frac{', gamma ** 2);
    expectPrinted('\\frac{0.9025}{', 1 - gamma ** 2);
    expectPrinted('\\frac{0.9025}{0.0975} = ', gamma ** 2 / (1 - gamma ** 2));
    expect(gamma ** 2 / (1 - gamma ** 2)).toBeGreaterThan(2 * (gamma ** 2 + 5 * gamma ** 6));
  });
});

describe('chapter 4-2-alignment worked example: Bellman backups', () => {
  it('should give 4.75 and 4.5125 one and two moves further from the goal, and 3.675 at S', () => {
    expectPrinted('gives $v_\\ast = 0 + 0.95 \\times 5 = ', gamma * 5);
    expectPrinted('gives $v_\\ast = 0 + 0.95 \\times 5 = 4.75$; then $', gamma ** 2 * 5);
    expectPrinted('$v_\\ast(\\text{S}) = 0.95^6 \\times 5 = ', gamma ** 6 * 5);
    expect(chapter).toContain('and S, six moves from a neighbour of G');
    expect(distance(START, GOAL) - 1).toBe(6);
  });

  it('should solve the loop equations: 10.256 below T and 9.744 on T', () => {
    const below = 1 / (1 - gamma ** 2);
    expectPrinted('$v_\\ast(\\text{below T}) = 1/(1 - \\gamma^2) = ', below);
    expectPrinted('and $v_\\ast(\\text{T}) = ', gamma * below);
    // They satisfy the two backups of the text.
    expect(below).toBeCloseTo(1 + gamma * (gamma * below), 12);
  });

  it('should make the cell left of the goal walk back to the loop: 9.256 against 5', () => {
    const leftOfGoal = GOAL - 1;
    const besideTarget = TARGET + 1;
    expect(distance(leftOfGoal, besideTarget)).toBe(2);
    expectPrinted('worth $\\gamma^2 \\times 10.256 = ', gamma ** 2 / (1 - gamma ** 2));
    expect(gamma ** 2 / (1 - gamma ** 2)).toBeGreaterThan(GOAL_REWARD);
  });
});

describe('chapter 4-2-alignment worked example: one Q-learning update', () => {
  it('should give target 4.8, TD error 2.8 and new value 3.4, as the module computes', () => {
    expectPrinted('the target is $1 + 0.95 \\times 4.0 = ', 1 + gamma * 4);
    expectPrinted('the temporal-difference error is $4.8 - 2.0 = ', 4.8 - 2);
    expectPrinted('$Q(s, a) \\leftarrow 2.0 + 0.5 \\times 2.8 = ', 2 + 0.5 * 2.8);
    expect(qUpdate(2, 1, 4, false, 0.5, gamma)).toBeCloseTo(3.4, 12);
  });
});

describe('chapter 4-2-alignment worked example: Bradley–Terry', () => {
  const p = sigmoid(1.2 - 0.4);

  it('should predict P = sigma(0.8) = 0.690', () => {
    expect(chapter).toContain('$r(x, y_A) = 1.2$ and $r(x, y_B) = 0.4$');
    expectPrinted('$P(y_A \\succ y_B) = \\sigma(0.8) = ', p);
  });

  it('should give losses 0.371 and 1.171 and gradient -0.310', () => {
    expectPrinted('this pair is $-\\log 0.690 = ', -Math.log(p));
    expectPrinted('it is $-\\log(1 - 0.690) = -\\log ', 1 - p);
    expectPrinted('it is $-\\log(1 - 0.690) = -\\log 0.310 = ', -Math.log(1 - p));
    expectPrinted('the reward difference is $-(1 - \\sigma(0.8)) = ', -(1 - p));
  });

  it('should give 2.0 - 0.1 × 3.0 = 1.7 for the KL-penalised reward', () => {
    expectPrinted('the penalised reward is $2.0 - 0.1 \\times 3.0 = ', 2 - 0.1 * 3);
  });
});

describe('chapter 4-2-alignment worked example: DPO', () => {
  const z = 0.1 * (-12 - -14 - (-15 - -14));

  it('should print log-ratios +2.0 and -1.0 from the log-probabilities', () => {
    expect(chapter).toContain('log-probability $-12.0$ where the reference assigns $-14.0$ (log-ratio $+2.0$)');
    expect(chapter).toContain('the rejected answer $-15.0$ where the reference assigns $-14.0$ (log-ratio $-1.0$)');
    expect(-12 - -14).toBe(2);
    expect(-15 - -14).toBe(-1);
  });

  it('should give argument 0.3, sigma 0.574 and loss 0.554', () => {
    expectPrinted('$\\beta (h_w - h_l)$, is $0.1 \\times (2.0 - (-1.0)) = ', z);
    expectPrinted('so $\\sigma(0.3) = ', sigmoid(z));
    expectPrinted('and the loss is $-\\log 0.574 = ', -Math.log(sigmoid(z)));
  });

  it('should give log 2 = 0.693 when the policy equals the reference', () => {
    expectPrinted('every pair has argument 0 and loss $\\log 2 = ', -Math.log(sigmoid(0)));
  });
});

describe('chapter 4-2-alignment: InstructGPT sizes and the rule of three', () => {
  it('should call 1.3 billion more than a hundred times smaller than 175 billion', () => {
    expect(chapter).toContain('1.3-billion-parameter InstructGPT model to those of the 175-billion-parameter GPT-3');
    expect(175 / 1.3).toBeGreaterThan(100);
  });

  it('should give p_max = 0.0030 for 1000 clean prompts, close to 3/n, and about three thousand failures a day per million', () => {
    const pMax = 1 - 0.05 ** (1 / 1000);
    expectPrinted('A clean record on $n = 1000$ prompts gives $p_{\\max} = ', pMax);
    expect(Math.abs(pMax - 3 / 1000)).toBeLessThan(1e-4);
    expect(chapter).toContain('up to 3 failures per 1,000 conversations; at a million conversations a day, that could be three thousand');
    expect(Math.round(pMax * 1e6 / 100) * 100).toBe(3000);
  });
});

describe('chapter 4-2-alignment: the interactive figure shows what its alt text and the text say', () => {
  const directive = /```\{interactive\} proxy-gridworld\n([\s\S]*?)```/.exec(chapter)?.[1] ?? '';
  const option = (name: string) => new RegExp(`^:${name}: (.*)$`, 'm').exec(directive)?.[1];
  const { data, problems } = readProxyGridworldOptions({ reward: option('reward'), episodes: option('episodes'), seed: option('seed') });
  const proxy = trainedLearner(data.reward, data.seed, data.episodes);
  const path = greedyPath(proxy);
  const summary = recentSummary(proxy);
  const alt = option('alt') ?? '';

  it('should have valid options: proxy reward, 200 episodes, seed 7', () => {
    expect(problems).toEqual([]);
    expect(data).toEqual({ reward: 'proxy', episodes: 200, seed: 7 });
    expect(alt).toContain('trained for 200 episodes with the proxy reward');
  });

  it('should loop on the target: up three times, then right and left, 19 hits, proxy return 19, intended return 0', () => {
    expect(path.actions.slice(0, 7)).toEqual([0, 0, 0, 1, 3, 1, 3]);
    expect(path.reachesGoal).toBe(false);
    expect(alt).toContain(`never reaches the goal in ${SETTINGS.maxSteps} moves, moves onto the target ${path.targetHits} times`);
    expect(alt).toContain(`earns proxy return ${path.proxyReturn} and intended return ${path.intendedReturn}`);
    expect(path.targetHits).toBe(19);
  });

  it('should print the last-20-episodes summary', () => {
    expect(alt).toContain(`In the last ${summary.count} episodes the goal was reached ${summary.goalsReached} times`);
    expect(alt).toContain(`with mean proxy return ${summary.meanProxyReturn.toFixed(2)} and mean intended return ${summary.meanIntendedReturn.toFixed(2)}`);
  });

  it('should reach the goal in 7 moves with the intended reward after the same 200 episodes and seed', () => {
    const intended = greedyPath(trainedLearner('intended', data.seed, data.episodes));
    expect(intended.reachesGoal).toBe(true);
    expect(intended.actions).toHaveLength(7);
    expect(chapter).toContain('trained for the same 200 episodes with the same seed, walks to G in 7 moves');
    expect(chapter).toContain('under the intended reward the agent takes a 7-move route to G');
  });
});

describe('chapter 4-2-alignment exercises', () => {
  it('exercise 1: gamma = 0.8 gives 2.778, 2.56, 2.438, 2.222 and 3.048, so the agent finishes', () => {
    const g = 0.8;
    const loopBelow = 1 / (1 - g ** 2);
    const fromTarget = 5 * g ** 3;
    expectPrinted('(a) $1/(1 - 0.8^2) = 1/', 1 - g ** 2);
    expectPrinted('(a) $1/(1 - 0.8^2) = 1/0.36 = ', loopBelow);
    expectPrinted('four moves to the right: $5 \\times 0.8^3 = ', fromTarget);
    expect(distance(TARGET, GOAL)).toBe(4);
    expectPrinted('would give $0.8 + 0.8^2 \\times 2.56 = ', g + g ** 2 * fromTarget);
    expectPrinted('looping for ever from T only $0.8/0.36 = ', g / (1 - g ** 2));
    expectPrinted('(c) $1 + 0.8 \\times 2.56 = ', 1 + g * fromTarget);
    expect(1 + g * fromTarget).toBeGreaterThan(loopBelow);
    expect(fromTarget).toBeGreaterThan(g / (1 - g ** 2));
  });

  it('exercise 2: updates 0.5 then 0.86875', () => {
    expect(qUpdate(0, 1, 0, false, 0.5, gamma)).toBeCloseTo(0.5, 12);
    expectPrinted('so $Q \\leftarrow 0 + 0.5 \\times (1 - 0) = ', 0.5);
    expectPrinted('Second time: target $1 + 0.95 \\times 0.25 = ', 1 + gamma * 0.25);
    const second = qUpdate(0.5, 1, 0.25, false, 0.5, gamma);
    expectPrinted('so $Q \\leftarrow 0.5 + 0.5 \\times (1.2375 - 0.5) = ', second);
    expectPrinted('(exactly $', second);
    expectPrinted('climbing towards $v_\\ast(\\text{below T}) = ', 1 / (1 - gamma ** 2));
    // The move is the one the text names: up from the cell below T lands on T and pays the bonus.
    expect(step(TARGET + 5, 0, 'proxy')).toMatchObject({ next: TARGET, reward: 1 });
  });

  it('exercise 3: P = 0.182, loss 1.701, unchanged by a shift', () => {
    expectPrinted('$P(A \\succ B) = \\sigma(0.5 - 2.0) = \\sigma(-1.5) = ', sigmoid(-1.5));
    expectPrinted('and the loss is $-\\log 0.182 = ', -Math.log(sigmoid(-1.5)));
    expect(sigmoid(10.5 - 12)).toBeCloseTo(sigmoid(0.5 - 2), 12);
  });

  it('exercise 4: DPO weight 0.426 at z = 0.3', () => {
    expectPrinted('In the worked example the weight is $1 - 0.574 = ', 1 - sigmoid(0.3));
  });

  it('exercise 5: best-of-16 KL 1.835, d 1.355, gain 0.896; peak at d = 2 (KL 4) and negative beyond d = 4 (KL 16)', () => {
    const kl = Math.log(16) - 15 / 16;
    const d = Math.sqrt(kl);
    const gain = (x: number) => x * (1 - 0.25 * x);
    expectPrinted('(a) $\\log 16 - 15/16 = ', Math.log(16));
    expectPrinted('(a) $\\log 16 - 15/16 = 2.773 - ', 15 / 16);
    expectPrinted('(a) $\\log 16 - 15/16 = 2.773 - 0.938 = ', kl);
    expectPrinted('nats, so $d = \\sqrt{1.835} = ', d);
    expectPrinted('(b) $R(1.355) = 1.355 \\times (1 - ', 0.25 * d);
    expectPrinted('(b) $R(1.355) = 1.355 \\times (1 - 0.339) = ', gain(d));
    expectPrinted('at $d = ', 1 / (2 * 0.25));
    expectPrinted('(KL divergence ', 2 ** 2);
    expectPrinted('with gain $', gain(2));
    expectPrinted('the gain is negative beyond $d = ', 1 / 0.25);
    expectPrinted('beyond $d = 4$ (KL divergence ', 4 ** 2);
    expect(gain(4.01)).toBeLessThan(0);
  });

  it('exercise 6: 0.0030 for 1,000 prompts; 300,000 for one in 100,000', () => {
    expectPrinted('$p_{\\max} = 1 - 0.05^{1/1000} = ', 1 - 0.05 ** (1 / 1000));
    expectPrinted('they need about $3/10^{-5} = ', 3 / 1e-5);
    // The exact requirement is close to the rule of three's answer.
    const exact = Math.log(0.05) / Math.log(1 - 1e-5);
    expect(Math.abs(exact - 3e5) / 3e5).toBeLessThan(0.002);
  });
});

describe('chapter 4-2-alignment figures', () => {
  it('should give the RLHF pipeline figure a title and theme colours', () => {
    expect(figure).toMatch(/<title>[^<]+<\/title>/);
    expect(figure).toContain('var(--fig-accent-1');
    expect(figure).toContain('currentColor');
  });
});
