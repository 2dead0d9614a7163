/**
 * The adversarial-flip widget's directive options, read the same way at build time (where a problem
 * is a positioned error) and when the component renders:
 *
 *     :weights: 3 4                  the weights w₁ w₂ of f(x) = w·x + b (not both zero)
 *     :bias: -6                      the bias b
 *     :point: 2 1                    the point x shown first, inside the plot
 *     :epsilon: 0.5                  the perturbation budget ε shown first, from 0 to 1
 *     :points: 0.5 0.5, 1 0.5, …     the fixed points whose flip rate is counted, inside the plot
 *
 * The plot shows x₁ from -1 to 4 and x₂ from -1 to 3 (DOMAIN).
 */
import type { LinearModel, Point } from './linear.js';

/** The plotted square of the plane, which is also the range of the point's controls. */
export const DOMAIN = { x1: [-1, 4], x2: [-1, 3] } as const;

/** The widget's data. */
export interface AdversarialFlipData {
  model: LinearModel;
  point: Point;
  epsilon: number;
  points: Point[];
}

/** A problem with one option. */
export interface OptionProblem {
  option: string;
  reason: string;
}

/** What each option holds, for messages and the widget registry. */
export const ADVERSARIAL_FLIP_OPTIONS = {
  weights: 'the two weights w₁ w₂ of the classifier f(x) = w·x + b, separated by a space (not both zero)',
  bias: 'the bias b of the classifier',
  point: `the point x₁ x₂ shown first, with x₁ from ${DOMAIN.x1[0]} to ${DOMAIN.x1[1]} and x₂ from ${DOMAIN.x2[0]} to ${DOMAIN.x2[1]}`,
  epsilon: 'the budget ε shown first, a number from 0 to 1 (default 0.5)',
  points: 'the fixed points whose flip rate is counted, pairs x₁ x₂ separated by commas, inside the plot',
} as const;

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

function numbers(value: string | undefined): string[] {
  return (value ?? '').trim().split(/\s+/).filter((item) => item !== '');
}

const inDomain = ([x1, x2]: Point) => x1 >= DOMAIN.x1[0] && x1 <= DOMAIN.x1[1] && x2 >= DOMAIN.x2[0] && x2 <= DOMAIN.x2[1];

/** Read a pair `a b` of numbers, or say what is wrong with it. */
function readPair(text: string): Point | string {
  const items = numbers(text);
  if (items.length !== 2) return `\`${text.trim()}\` is not two numbers`;
  const bad = items.find((item) => !NUMBER.test(item));
  if (bad !== undefined) return `\`${bad}\` is not a number`;
  return [Number(items[0]), Number(items[1])];
}

/** Read the options; `problems` is empty when the widget can be shown. */
export function readAdversarialFlipOptions(options: Readonly<Record<string, string | undefined>>): {
  data: AdversarialFlipData;
  problems: OptionProblem[];
} {
  const problems: OptionProblem[] = [];
  const need = (option: keyof typeof ADVERSARIAL_FLIP_OPTIONS) => {
    const value = options[option];
    if (value === undefined || value.trim() === '') {
      problems.push({ option, reason: `is missing: give ${ADVERSARIAL_FLIP_OPTIONS[option]}` });
      return undefined;
    }
    return value;
  };

  let w: Point = [1, 1];
  const weights = need('weights');
  if (weights !== undefined) {
    const pair = readPair(weights);
    if (typeof pair === 'string') problems.push({ option: 'weights', reason: `must be ${ADVERSARIAL_FLIP_OPTIONS.weights}: ${pair}` });
    else if (pair[0] === 0 && pair[1] === 0) problems.push({ option: 'weights', reason: 'are both zero: the classifier would have no decision boundary' });
    else w = pair;
  }

  let b = 0;
  const bias = need('bias');
  if (bias !== undefined) {
    if (NUMBER.test(bias.trim())) b = Number(bias.trim());
    else problems.push({ option: 'bias', reason: `is \`${bias.trim()}\`; it must be a number` });
  }

  let point: Point = [0, 0];
  const pointOption = need('point');
  if (pointOption !== undefined) {
    const pair = readPair(pointOption);
    if (typeof pair === 'string') problems.push({ option: 'point', reason: `must be two numbers x₁ x₂: ${pair}` });
    else if (!inDomain(pair)) problems.push({ option: 'point', reason: `is outside the plot: give ${ADVERSARIAL_FLIP_OPTIONS.point}` });
    else point = pair;
  }

  let epsilon = 0.5;
  if (options.epsilon !== undefined) {
    const value = options.epsilon.trim();
    if (NUMBER.test(value) && Number(value) >= 0 && Number(value) <= 1) epsilon = Number(value);
    else problems.push({ option: 'epsilon', reason: `is \`${value}\`; it must be a number from 0 to 1` });
  }

  const points: Point[] = [];
  const pointsOption = need('points');
  if (pointsOption !== undefined) {
    const items = pointsOption.split(',');
    items.forEach((item, index) => {
      const pair = readPair(item);
      if (typeof pair === 'string') problems.push({ option: 'points', reason: `has a point ${index + 1} that is not two numbers x₁ x₂: ${pair}` });
      else if (!inDomain(pair)) problems.push({ option: 'points', reason: `has a point ${index + 1}, \`${item.trim()}\`, outside the plot (x₁ from ${DOMAIN.x1[0]} to ${DOMAIN.x1[1]}, x₂ from ${DOMAIN.x2[0]} to ${DOMAIN.x2[1]})` });
      else points.push(pair);
    });
    if (items.length > 40) problems.push({ option: 'points', reason: `has ${items.length} points; give at most 40, so that the table stays readable` });
  }

  return { data: { model: { w, b }, point, epsilon, points }, problems };
}
