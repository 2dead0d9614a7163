/**
 * The feedback-loop explorer's arithmetic, pure and shared by the server (static state) and the
 * browser: the lending example of chapter 0.2. A lender pools n₀ old loans (r₀ repaid) with m
 * exploratory loans per round; in expectation p·m of them are repaid, so after k rounds its estimate is
 * p̂ₖ = (r₀ + k·p·m) / (n₀ + k·m) (eq-framework-pooled-estimate). The segment is approved once
 * p̂ₖ ≥ t, the book's decision rule.
 */

/** The example's settings. */
export interface LendingSettings {
  /** True repayment rate p of the segment today (unknown to the lender). */
  readonly trueRate: number;
  /** Exploratory loans per round, m. */
  readonly loansPerRound: number;
  /** Old loans n₀ and how many of them were repaid, r₀. */
  readonly oldLoans: number;
  readonly oldRepaid: number;
  /** Approval threshold t = L / (G + L). */
  readonly threshold: number;
  /** How many rounds the chart and table show. */
  readonly rounds: number;
}

/** The expected state after one round. */
export interface RoundState {
  readonly round: number;
  readonly loans: number;
  /** Expected repaid loans (a whole number in the chapter's example, not in general). */
  readonly repaid: number;
  readonly estimate: number;
  readonly approved: boolean;
}

// Rates are decimals (0.85 × 20 is 17.000000000000004): a tie such as 160/200 = 0.80 must count as reached.
const EPSILON = 1e-9;

/** The book's decision rule: approve when the estimate reaches the threshold. */
export function reachesThreshold(estimate: number, threshold: number): boolean {
  return estimate >= threshold - EPSILON;
}

/** The expected path of the pooled estimate, rounds 0 to `rounds`. */
export function pooledPath(settings: LendingSettings): RoundState[] {
  const { trueRate, loansPerRound, oldLoans, oldRepaid, threshold, rounds } = settings;
  return Array.from({ length: rounds + 1 }, (_, round) => {
    const loans = oldLoans + round * loansPerRound;
    const repaid = oldRepaid + round * loansPerRound * trueRate;
    const estimate = repaid / loans;
    return { round, loans, repaid, estimate, approved: reachesThreshold(estimate, threshold) };
  });
}

/** The first round in which the segment is approved, or undefined if not within the path. */
export function firstApprovedRound(path: readonly RoundState[]): number | undefined {
  return path.find((state) => state.approved)?.round;
}

/**
 * The text's bound: the expected estimate reaches t once k ≥ (t·n₀ − r₀) / (m·(p − t)). Zero when the
 * old data already reach the threshold; undefined when exploration can never get there (p ≤ t, or no
 * exploratory loans).
 */
export function crossingBound(settings: LendingSettings): number | undefined {
  const { trueRate, loansPerRound, oldLoans, oldRepaid, threshold } = settings;
  const shortfall = threshold * oldLoans - oldRepaid;
  if (shortfall <= EPSILON) return 0;
  if (loansPerRound <= 0 || trueRate - threshold <= EPSILON) return undefined;
  return shortfall / (loansPerRound * (trueRate - threshold));
}

/**
 * Standard error of the pooled estimate after `round` rounds: the old loans are fixed, only the k·m new
 * ones are random (binomial with rate p), so SE = √(k·m·p·(1 − p)) / (n₀ + k·m).
 */
export function pooledStandardError(settings: LendingSettings, round: number): number {
  const { trueRate, loansPerRound, oldLoans } = settings;
  const newLoans = round * loansPerRound;
  return Math.sqrt(newLoans * trueRate * (1 - trueRate)) / (oldLoans + newLoans);
}

/**
 * A number with `digits` decimals, trailing zeros kept (0.805, 0.750), halves rounded up as the
 * chapter rounds them by hand: 126/160 = 0.7875 is 0.788, where `toFixed` alone gives 0.787 because
 * 0.7875 is stored a hair below itself.
 */
export function formatFixed(value: number, digits = 3): string {
  const scale = 10 ** digits;
  return (Math.round(value * scale + 1e-7) / scale).toFixed(digits);
}

/** A count that may be fractional in expectation: 109, or 112.4. */
export function formatCount(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
