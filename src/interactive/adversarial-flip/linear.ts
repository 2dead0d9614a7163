/**
 * The adversarial-flip widget's arithmetic, pure and shared: the server renders the figure's static
 * state with it and the browser recomputes every state with it. A two-feature linear classifier
 * f(x) = w·x + b predicts the positive class when f(x) > 0. For such a model the smallest
 * perturbation that reaches the decision boundary has a closed form in every norm: its size is
 * |f(x)| divided by the dual norm of w (eq-robust-linear-minimal in chapter 4-3-robustness), so
 * |f(x)|/‖w‖₂ in L2 and |f(x)|/‖w‖₁ in L∞, and the L∞ one is the fast-gradient-sign step.
 */

/** A point of the plane (two features). */
export type Point = readonly [number, number];

/** The classifier f(x) = w·x + b. */
export interface LinearModel {
  readonly w: Point;
  readonly b: number;
}

/** A minimal perturbation: its size in its norm, the perturbation, and where it lands. */
export interface MinimalPerturbation {
  readonly size: number;
  readonly delta: Point;
  readonly target: Point;
}

/** Everything the widget shows for one point and one ε. */
export interface FlipState {
  readonly point: Point;
  readonly epsilon: number;
  readonly score: number;
  /** 1 for the positive class (f > 0), -1 for the negative class, 0 on the boundary. */
  readonly predicted: 1 | -1 | 0;
  readonly l2: MinimalPerturbation;
  readonly linf: MinimalPerturbation;
  /** The FGSM point x + ε·sign(∇) for the reader's ε, and the score there. */
  readonly fgsm: Point;
  readonly fgsmScore: number;
  /** Whether the FGSM step of size ε reaches or crosses the boundary. */
  readonly fgsmFlips: boolean;
  /** How many of the fixed points an L∞ perturbation of size ε can flip, and which. */
  readonly flippedPoints: readonly boolean[];
  readonly flippedCount: number;
  /** How many of RANDOM_DRAWS uniform random perturbations in the ε-box flip the point. */
  readonly randomFlips: number;
}

// Slider values are decimals: a point exactly on the boundary, or an ε exactly at the margin, counts as reached.
const TOLERANCE = 1e-9;

/** How many random perturbations the widget draws for the current point. */
export const RANDOM_DRAWS = 500;

/** The seed of the random perturbations, fixed so that the server's state and the browser's agree. */
export const RANDOM_SEED = 20140221;

export function score(model: LinearModel, point: Point): number {
  return model.w[0] * point[0] + model.w[1] * point[1] + model.b;
}

export function l1Norm(vector: Point): number {
  return Math.abs(vector[0]) + Math.abs(vector[1]);
}

export function l2Norm(vector: Point): number {
  return Math.hypot(vector[0], vector[1]);
}

/** The class of a score: 1 above the boundary, -1 below, 0 on it (within the tolerance). */
export function predictedClass(value: number): 1 | -1 | 0 {
  if (value > TOLERANCE) return 1;
  if (value < -TOLERANCE) return -1;
  return 0;
}

const sign = (value: number): number => (value > 0 ? 1 : value < 0 ? -1 : 0);

/**
 * The smallest L2 perturbation that reaches the boundary: straight along -sign(f)·w, of size
 * |f(x)|/‖w‖₂; it lands on the orthogonal projection of x onto the boundary.
 */
export function minimalL2(model: LinearModel, point: Point): MinimalPerturbation {
  const value = score(model, point);
  const squared = model.w[0] ** 2 + model.w[1] ** 2;
  const delta: Point = [(-value * model.w[0]) / squared, (-value * model.w[1]) / squared];
  return { size: Math.abs(value) / Math.sqrt(squared), delta, target: [point[0] + delta[0], point[1] + delta[1]] };
}

/**
 * The smallest L∞ perturbation that reaches the boundary: every coordinate moves by the same amount
 * ε* = |f(x)|/‖w‖₁ against the sign of its weight, which is the FGSM step with ε = ε*.
 */
export function minimalLinf(model: LinearModel, point: Point): MinimalPerturbation {
  const value = score(model, point);
  const size = Math.abs(value) / l1Norm(model.w);
  const delta = fgsmDelta(model, point, size);
  return { size, delta, target: [point[0] + delta[0], point[1] + delta[1]] };
}

/**
 * The fast gradient sign step ε·sign(∇ₓ loss) for the predicted label: for a linear model with a
 * margin loss the gradient of the loss is -y·w, so the step is -sign(f(x))·ε·sign(w).
 */
export function fgsmDelta(model: LinearModel, point: Point, epsilon: number): Point {
  const direction = -sign(score(model, point));
  // `|| 0` turns a negative zero (a zero weight) into 0.
  return [direction * epsilon * sign(model.w[0]) || 0, direction * epsilon * sign(model.w[1]) || 0];
}

/** Whether some L∞ perturbation of size at most ε reaches or crosses the boundary. */
export function flipsWithin(model: LinearModel, point: Point, epsilon: number): boolean {
  return Math.abs(score(model, point)) <= epsilon * l1Norm(model.w) + TOLERANCE;
}

/** How many of `points` an L∞ perturbation of size ε can flip. */
export function flipCount(model: LinearModel, points: readonly Point[], epsilon: number): number {
  return points.filter((point) => flipsWithin(model, point, epsilon)).length;
}

/** mulberry32: a small seeded generator of numbers in [0, 1), the same in every JavaScript engine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How many of `draws` perturbations drawn uniformly from the L∞ ball of radius ε (the square
 * [-ε, ε]²) change the predicted class of `point` or land on the boundary. A point already on the
 * boundary has no class to flip: 0.
 */
export function randomFlipCount(model: LinearModel, point: Point, epsilon: number, draws = RANDOM_DRAWS, seed = RANDOM_SEED): number {
  const before = predictedClass(score(model, point));
  if (before === 0) return 0;
  const random = seededRandom(seed);
  let flips = 0;
  for (let draw = 0; draw < draws; draw++) {
    const moved: Point = [point[0] + epsilon * (2 * random() - 1), point[1] + epsilon * (2 * random() - 1)];
    if (predictedClass(score(model, moved)) !== before) flips++;
  }
  return flips;
}

/** The widget's whole state for one point and one ε. */
export function flipState(model: LinearModel, points: readonly Point[], point: Point, epsilon: number): FlipState {
  const value = score(model, point);
  const delta = fgsmDelta(model, point, epsilon);
  const fgsm: Point = [point[0] + delta[0], point[1] + delta[1]];
  const fgsmScore = score(model, fgsm);
  const flippedPoints = points.map((fixed) => flipsWithin(model, fixed, epsilon));
  return {
    point,
    epsilon,
    score: value,
    predicted: predictedClass(value),
    l2: minimalL2(model, point),
    linf: minimalLinf(model, point),
    fgsm,
    fgsmScore,
    fgsmFlips: predictedClass(value) !== 0 && flipsWithin(model, point, epsilon),
    flippedPoints,
    flippedCount: flippedPoints.filter(Boolean).length,
    randomFlips: randomFlipCount(model, point, epsilon),
  };
}

/** The part of a convex polygon where f ≥ 0 (one Sutherland–Hodgman clipping step). */
export function positiveSide(model: LinearModel, polygon: readonly Point[]): Point[] {
  const kept: Point[] = [];
  polygon.forEach((current, index) => {
    const next = polygon[(index + 1) % polygon.length] as Point;
    const a = score(model, current);
    const c = score(model, next);
    if (a >= 0) kept.push(current);
    if ((a >= 0) !== (c >= 0)) {
      const t = a / (a - c);
      kept.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  });
  return kept;
}

/** The segment of the boundary f = 0 inside a convex polygon, or undefined when it misses it. */
export function boundarySegment(model: LinearModel, polygon: readonly Point[]): [Point, Point] | undefined {
  const crossings: Point[] = [];
  polygon.forEach((current, index) => {
    const next = polygon[(index + 1) % polygon.length] as Point;
    const a = score(model, current);
    const c = score(model, next);
    if (a === 0) crossings.push(current);
    else if (a * c < 0) {
      const t = a / (a - c);
      crossings.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  });
  const [first, second] = crossings;
  return first && second ? [first, second] : undefined;
}

/** A number rounded for display: `digits` decimals, without a negative zero. */
export function formatNumber(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}
