/**
 * The adversarial-flip widget's arithmetic (src/interactive/adversarial-flip): the smallest L2 and L∞
 * flips of a linear classifier against their closed forms, FGSM landing on the boundary, flip counts,
 * the seeded random perturbations, the plot's geometry and the directive's options — and that the
 * directive written in chapter 4-3-robustness shows the chapter's numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  boundarySegment,
  fgsmDelta,
  flipCount,
  flipState,
  flipsWithin,
  formatNumber,
  type LinearModel,
  minimalL2,
  minimalLinf,
  type Point,
  positiveSide,
  RANDOM_DRAWS,
  randomFlipCount,
  score,
  seededRandom,
} from '../../../src/interactive/adversarial-flip/linear.js';
import { readAdversarialFlipOptions } from '../../../src/interactive/adversarial-flip/options.js';
import { boundaryLine, epsilonBox, planePoint, PLOT_VIEW_BOX, plotX, plotY } from '../../../src/interactive/adversarial-flip/plot.js';
import { fgsmText, modelText, summaryText } from '../../../src/interactive/adversarial-flip/wording.js';

const chapter = readFileSync(new URL('../../../content/4-special-topics/4-3-robustness.mdx', import.meta.url), 'utf8');

const model: LinearModel = { w: [3, 4], b: -6 };
const points: Point[] = [
  [0.5, 0.5], [1, 0.5], [0.5, 1], [-0.5, 0.5], [3, -0.5], [1, 1],
  [2.5, 0.25], [1.5, 1.5], [3, 2], [0, 2.5], [-0.5, 2], [1.5, -0.75],
];

/** Brute force: the smallest radius at which some point of the L∞ (or L2) sphere reaches the boundary, by bisection over a fine search of the sphere. */
function bruteForceMinimal(m: LinearModel, x: Point, norm: 'l2' | 'linf'): number {
  const reaches = (radius: number) => {
    const start = Math.sign(score(m, x));
    for (let k = 0; k < 3600; k++) {
      const angle = (2 * Math.PI * k) / 3600;
      let d: Point = [Math.cos(angle), Math.sin(angle)];
      if (norm === 'linf') {
        const scale = Math.max(Math.abs(d[0]), Math.abs(d[1]));
        d = [d[0] / scale, d[1] / scale];
      }
      if (Math.sign(score(m, [x[0] + radius * d[0], x[1] + radius * d[1]])) !== start) return true;
    }
    return false;
  };
  let low = 0;
  let high = 10;
  for (let step = 0; step < 50; step++) {
    const middle = (low + high) / 2;
    if (reaches(middle)) high = middle;
    else low = middle;
  }
  return high;
}

describe('minimal perturbations of a linear classifier', () => {
  it('should match the closed forms |f(x)|/‖w‖₂ and |f(x)|/‖w‖₁ of the chapter’s worked example', () => {
    const x: Point = [2, 1];
    expect(score(model, x)).toBe(4);
    expect(minimalL2(model, x).size).toBeCloseTo(4 / 5, 12);
    expect(minimalLinf(model, x).size).toBeCloseTo(4 / 7, 12);
    expect(minimalL2(model, x).target[0]).toBeCloseTo(1.52, 12);
    expect(minimalL2(model, x).target[1]).toBeCloseTo(0.36, 12);
    expect(minimalLinf(model, x).target.map((value) => formatNumber(value))).toEqual(['1.43', '0.43']);
  });

  it('should land exactly on the boundary, with a perturbation of the stated size in its norm', () => {
    for (const x of [...points, [2, 1] as Point, [-1, 3] as Point, [4, -1] as Point]) {
      const l2 = minimalL2(model, x);
      const linf = minimalLinf(model, x);
      expect(score(model, l2.target)).toBeCloseTo(0, 10);
      expect(score(model, linf.target)).toBeCloseTo(0, 10);
      expect(Math.hypot(...l2.delta)).toBeCloseTo(l2.size, 10);
      expect(Math.max(Math.abs(linf.delta[0]), Math.abs(linf.delta[1]))).toBeCloseTo(linf.size, 10);
      // The L∞ minimum is never larger than the L2 one (‖δ‖∞ ≤ ‖δ‖₂), and at most √2 times smaller in two dimensions.
      expect(linf.size).toBeLessThanOrEqual(l2.size + 1e-12);
      expect(l2.size).toBeLessThanOrEqual(Math.SQRT2 * linf.size + 1e-12);
    }
  });

  it('should be the smallest: no perturbation of a smaller norm reaches the boundary (brute force)', () => {
    for (const x of [[2, 1], [0.5, 0.5], [-0.5, 2], [3, 2]] as Point[]) {
      expect(bruteForceMinimal(model, x, 'l2')).toBeCloseTo(minimalL2(model, x).size, 3);
      expect(bruteForceMinimal(model, x, 'linf')).toBeCloseTo(minimalLinf(model, x).size, 3);
    }
    // Weights of mixed signs and a zero weight.
    const other: LinearModel = { w: [-2, 0.5], b: 1 };
    for (const x of [[1, 1], [-0.5, 2]] as Point[]) {
      expect(bruteForceMinimal(other, x, 'linf')).toBeCloseTo(minimalLinf(other, x).size, 3);
      expect(bruteForceMinimal(other, x, 'l2')).toBeCloseTo(minimalL2(other, x).size, 3);
    }
    expect(minimalLinf({ w: [0, 2], b: -1 }, [3, 2]).delta).toEqual([0, -1.5]);
  });
});

describe('FGSM', () => {
  it('should step ε against the sign of each weight, towards the boundary, and land on it with ε = |f|/‖w‖₁', () => {
    expect(fgsmDelta(model, [2, 1], 0.5)).toEqual([-0.5, -0.5]);
    expect(fgsmDelta(model, [0.5, 0.5], 0.5)).toEqual([0.5, 0.5]);
    expect(fgsmDelta({ w: [-2, 3], b: 0 }, [1, 1], 0.1)).toEqual([0.1, -0.1]);
    for (const x of points) {
      const epsilon = minimalLinf(model, x).size;
      const delta = fgsmDelta(model, x, epsilon);
      expect(score(model, [x[0] + delta[0], x[1] + delta[1]])).toBeCloseTo(0, 10);
    }
  });

  it('should not flip (2, 1) at ε = 0.5 and flip it at ε = 0.6, as the chapter says', () => {
    const half = flipState(model, points, [2, 1], 0.5);
    expect(half.fgsm).toEqual([1.5, 0.5]);
    expect(half.fgsmScore).toBeCloseTo(0.5, 12);
    expect(half.fgsmFlips).toBe(false);
    expect(fgsmText(half)).toBe('x + ε·sign(∇) = (1.50, 0.50), f = 0.50: does not flip the class.');
    const more = flipState(model, points, [2, 1], 0.6);
    expect(more.fgsmScore).toBeCloseTo(-0.2, 12);
    expect(more.fgsmFlips).toBe(true);
    expect(fgsmText(flipState(model, points, [2, 1], 4 / 7))).toContain('lands on the boundary');
  });
});

describe('flip counts', () => {
  it('should count the points whose margin |f|/‖w‖₁ is within ε', () => {
    expect([0.1, 0.2, 0.5, 0.6, 1].map((epsilon) => flipCount(model, points, epsilon))).toEqual([2, 5, 7, 8, 11]);
    expect(flipCount(model, points, 0)).toBe(0);
    // A point at exactly ε from the boundary counts as reached, despite decimal rounding.
    expect(flipsWithin(model, [0.5, 1], 0.5 / 7)).toBe(true);
    expect(flipsWithin({ w: [1, 1], b: -0.3 }, [0.1, 0.1], 0.05)).toBe(true);
  });

  it('should draw reproducible random perturbations that rarely flip what FGSM flips', () => {
    expect(randomFlipCount(model, [2, 1], 0.6)).toBe(randomFlipCount(model, [2, 1], 0.6));
    expect(randomFlipCount(model, [2, 1], 0.5)).toBe(0);
    expect(randomFlipCount(model, [2, 1], 0.6)).toBe(3);
    // Far larger than the margin, about half of the box lies across the boundary.
    const wide = randomFlipCount(model, [2, 1], 100);
    expect(Math.abs(wide / RANDOM_DRAWS - 0.5)).toBeLessThan(0.1);
    // Against the exact probability for a point whose box the boundary cuts: (0.5, 1), margin 0.5/7.
    // With ε = 0.5, 3u + 4v (u, v uniform in [-0.5, 0.5]) must exceed 0.5: by symmetry P = P(3u + 4v ≥ 0.5).
    let inside = 0;
    const grid = 2000;
    for (let i = 0; i < grid; i++) for (let j = 0; j < grid; j++) if (3 * ((i + 0.5) / grid - 0.5) + 4 * ((j + 0.5) / grid - 0.5) >= 0.5) inside++;
    const probability = inside / grid ** 2;
    const count = randomFlipCount(model, [0.5, 1], 0.5);
    const sd = Math.sqrt(RANDOM_DRAWS * probability * (1 - probability));
    expect(Math.abs(count - RANDOM_DRAWS * probability)).toBeLessThan(4 * sd);
    // A point on the boundary has no class to flip.
    expect(randomFlipCount(model, [2, 0], 0.5)).toBe(0);
  });

  it('should generate the same numbers from the same seed, in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 1000 }, () => a());
    expect(first).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(Math.abs(first.reduce((sum, value) => sum + value, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });
});

describe('the plot', () => {
  it('should map the domain [-1, 4] × [-1, 3] to the plot, x₂ up, and back', () => {
    expect(PLOT_VIEW_BOX).toBe('0 0 364 302');
    expect([plotX(-1), plotY(3), plotX(4), plotY(-1)]).toEqual([34, 10, 354, 266]);
    expect(planePoint(plotX(2), plotY(1))).toEqual([2, 1]);
    expect(planePoint(0, 1000)).toEqual([-1, -1]);
    expect(epsilonBox([2, 1], 0.5)).toEqual({ x: plotX(1.5), y: plotY(1.5), width: 64, height: 64 });
  });

  it('should clip the boundary and the positive half-plane to the domain', () => {
    const corners: Point[] = [[-1, -1], [4, -1], [4, 3], [-1, 3]];
    const segment = boundarySegment(model, corners);
    for (const end of segment ?? []) expect(score(model, end)).toBeCloseTo(0, 12);
    expect(segment?.flat().map((value) => formatNumber(value, 6))).toEqual(['3.333333', '-1.000000', '-1.000000', '2.250000']);
    expect(boundaryLine(model)).toEqual({ x1: plotX(10 / 3), y1: plotY(-1), x2: plotX(-1), y2: plotY(2.25) });
    const positive = positiveSide(model, corners);
    expect(positive.every((corner) => score(model, corner) >= -1e-12)).toBe(true);
    // The corner (−1, −1) is cut off: the region is the other three corners and the boundary's two ends.
    expect(positive).toHaveLength(5);
    expect(boundarySegment({ w: [1, 0], b: -10 }, corners)).toBeUndefined();
  });
});

describe('the directive’s options', () => {
  const good = { weights: '3 4', bias: '-6', point: '2 1', epsilon: '0.5', points: '0.5 0.5, 1 0.5' };

  it('should read good options', () => {
    const { data, problems } = readAdversarialFlipOptions(good);
    expect(problems).toEqual([]);
    expect(data).toEqual({ model, point: [2, 1], epsilon: 0.5, points: [[0.5, 0.5], [1, 0.5]] });
    expect(readAdversarialFlipOptions({ ...good, epsilon: undefined }).data.epsilon).toBe(0.5);
  });

  it('should report each malformed option at that option', () => {
    const problems = (options: Record<string, string | undefined>) => readAdversarialFlipOptions(options).problems.map((problem) => problem.option);
    expect(problems({ ...good, weights: '0 0' })).toEqual(['weights']);
    expect(problems({ ...good, weights: '3' })).toEqual(['weights']);
    expect(problems({ ...good, bias: 'minus six' })).toEqual(['bias']);
    expect(problems({ ...good, point: '9 1' })).toEqual(['point']);
    expect(problems({ ...good, epsilon: '2' })).toEqual(['epsilon']);
    expect(problems({ ...good, points: '0.5 0.5, 1 x' })).toEqual(['points']);
    expect(problems({ ...good, points: '0.5 0.5, 1 7' })).toEqual(['points']);
    expect(problems({ epsilon: '0.5' })).toEqual(['weights', 'bias', 'point', 'points']);
    expect(readAdversarialFlipOptions({ ...good, points: undefined }).problems[0]?.reason).toMatch(/^is missing: give the fixed points/);
  });
});

describe('the chapter’s figure', () => {
  const directive = /```\{interactive\} adversarial-flip\n([\s\S]*?)```/.exec(chapter)?.[1] ?? '';
  const option = (name: string) => new RegExp(`^:${name}: (.*)$`, 'm').exec(directive)?.[1];

  it('should be the worked example: w = (3, 4), b = −6, x = (2, 1), ε = 0.5, and twelve points', () => {
    const { data, problems } = readAdversarialFlipOptions({ weights: option('weights'), bias: option('bias'), point: option('point'), epsilon: option('epsilon'), points: option('points') });
    expect(problems).toEqual([]);
    expect(data.model).toEqual(model);
    expect(data.point).toEqual([2, 1]);
    expect(data.epsilon).toBe(0.5);
    expect(data.points).toEqual(points);
    expect(modelText(data.model)).toBe('f(x) = 3·x₁ + 4·x₂ − 6');
  });

  it('should open in the state its alt text and the chapter describe', () => {
    const state = flipState(model, points, [2, 1], 0.5);
    expect(summaryText(state, 12)).toBe(
      'Point (2.00, 1.00), f(x) = 4.00: positive. Smallest flip: L2 0.800, L∞ 0.571. FGSM with ε = 0.5 does not flip it. 7 of 12 points can be flipped within ε = 0.50; 0 of 500 random perturbations in the ε-box flip x.'.replace('ε = 0.5 does', 'ε = 0.50 does'),
    );
    const alt = option('alt') ?? '';
    expect(alt).toContain('score 4, smallest L2 flip 0.800, smallest L∞ flip 0.571, FGSM lands at (1.5, 0.5) with score 0.5 and does not flip, 7 of 12 points can be flipped, 0 of 500 random perturbations flip x');
    expect(chapter).toContain('at $\\varepsilon = 0.5$, 7 of the 12 points can be flipped, and at $\\varepsilon = 0.1$ only 2 of the 12');
    expect(chapter).toContain('robust accuracy at $\\varepsilon = 0.5$ would be $5/12 \\approx 0.42$');
    expect(formatNumber(5 / 12)).toBe('0.42');
    expect(chapter).toContain('At $\\varepsilon = 0.6$ the FGSM step flips $x = (2, 1)$, yet only 3 of the 500 random perturbations do');
    const more = flipState(model, points, [2, 1], 0.6);
    expect([more.fgsmFlips, more.randomFlips]).toEqual([true, 3]);
    // The corner where 3u + 4v ≤ −4 for u, v in [−0.6, 0.6]: a right triangle with legs 0.2/3 and 0.2/4.
    const corner = (0.5 * 0.2 * 0.2) / (3 * 4);
    expect(chapter).toContain('a corner of the box of area about $0.0017$ out of $1.44$, a chance of about $0.0012$ per draw');
    expect(formatNumber(corner, 4)).toBe('0.0017');
    expect(formatNumber(1.2 * 1.2, 2)).toBe('1.44');
    expect(formatNumber(corner / 1.44, 4)).toBe('0.0012');
  });
});
