/**
 * Whether a reader's answer to a self-check question is right: the same functions run in the reader's
 * browser (src/scripts/self-check.ts) and in the tests.
 */

/** A multiple-choice answer is right when exactly the correct options are selected. */
export function isChoiceCorrect(selected: readonly number[], correct: readonly number[]): boolean {
  const chosen = new Set(selected);
  return chosen.size === correct.length && correct.every((index) => chosen.has(index));
}

/** How far from the answer a numeric answer may be. */
export interface Tolerance {
  /** Absolute: |value − answer| ≤ absolute. */
  absolute?: number;
  /** Relative to the answer: |value − answer| ≤ relative × |answer|. */
  relative?: number;
}

/**
 * A numeric answer is right when it is within the larger of the two tolerances. A few ulps of slack
 * keep an exact answer exact after floating point (`0.1 + 0.2` typed as `3/10`).
 */
export function isNumberCorrect(value: number, answer: number, tolerance: Tolerance = {}): boolean {
  if (!Number.isFinite(value)) return false;
  const allowed = Math.max(tolerance.absolute ?? 0, (tolerance.relative ?? 0) * Math.abs(answer));
  const rounding = 1e-12 * Math.max(1, Math.abs(answer));
  return Math.abs(value - answer) <= allowed + rounding;
}
