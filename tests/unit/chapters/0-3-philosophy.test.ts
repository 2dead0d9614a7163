import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';

/**
 * Recomputes every number of the worked examples in content/0-overview/0-3-philosophy.mdx:
 * the content-moderation expected-utility example and its indifference threshold, the
 * three-policy triage allocation under five criteria, and the answers to Exercises 1–4.
 */

const chapterSource: string = readFileSync(
  fileURLToPath(new URL('../../../content/0-overview/0-3-philosophy.mdx', import.meta.url)),
  'utf8',
);

/** Rounds to a fixed number of decimals, as printed in the chapter. */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

// ---------------------------------------------------------------------------
// Expected utility: content moderation
// ---------------------------------------------------------------------------

/** Utilities of the four outcomes: keep or remove a post that is harmful or benign. */
interface ModerationUtilities {
  readonly keepHarmful: number;
  readonly keepBenign: number;
  readonly removeHarmful: number;
  readonly removeBenign: number;
}

const moderation: ModerationUtilities = { keepHarmful: -10, keepBenign: 1, removeHarmful: 0, removeBenign: -2 };

/** Expected utility (eq-philosophy-expected-utility) of keeping a post harmful with probability p. */
function expectedUtilityKeep(u: ModerationUtilities, p: number): number {
  return p * u.keepHarmful + (1 - p) * u.keepBenign;
}

/** Expected utility of removing a post harmful with probability p. */
function expectedUtilityRemove(u: ModerationUtilities, p: number): number {
  return p * u.removeHarmful + (1 - p) * u.removeBenign;
}

/** Indifference threshold p* (eq-philosophy-indifference-threshold). */
function indifferenceThreshold(u: ModerationUtilities): number {
  const wrongRemoval = u.keepBenign - u.removeBenign;
  const wrongKeep = u.removeHarmful - u.keepHarmful;
  return wrongRemoval / (wrongRemoval + wrongKeep);
}

describe('0-3 expected utility of content moderation', () => {
  it('should give EU(keep) = -2.3 and EU(remove) = -1.4 at p = 0.3, so the post is removed', () => {
    expect(round(expectedUtilityKeep(moderation, 0.3), 10)).toBe(-2.3);
    expect(round(expectedUtilityRemove(moderation, 0.3), 10)).toBe(-1.4);
    expect(expectedUtilityRemove(moderation, 0.3)).toBeGreaterThan(expectedUtilityKeep(moderation, 0.3));
  });

  it('should put the indifference threshold at 3/13, about 0.231', () => {
    const pStar = indifferenceThreshold(moderation);
    expect(pStar).toBeCloseTo(3 / 13, 12);
    expect(round(pStar, 3)).toBe(0.231);
    expect(expectedUtilityKeep(moderation, pStar)).toBeCloseTo(expectedUtilityRemove(moderation, pStar), 12);
  });

  it('should raise the threshold to 1/3 and keep the post when wrongful removal costs -4 (Exercise 2)', () => {
    const stricter: ModerationUtilities = { ...moderation, removeBenign: -4 };
    const pStar = indifferenceThreshold(stricter);
    expect(pStar).toBeCloseTo(1 / 3, 12);
    expect(round(pStar, 3)).toBe(0.333);
    expect(round(expectedUtilityRemove(stricter, 0.3), 10)).toBe(-2.8);
    expect(expectedUtilityKeep(stricter, 0.3)).toBeGreaterThan(expectedUtilityRemove(stricter, 0.3));
  });
});

// ---------------------------------------------------------------------------
// The triage allocation: three policies, two groups, five criteria
// ---------------------------------------------------------------------------

type PolicyName = 'P1' | 'P2' | 'P3';

/** Expected well-being per patient in each group under one policy. */
interface Policy {
  readonly name: PolicyName;
  readonly urban: number;
  readonly rural: number;
}

/** Number of patients in each group. */
interface GroupSizes {
  readonly urban: number;
  readonly rural: number;
}

const policies: readonly Policy[] = [
  { name: 'P1', urban: 9, rural: 1 },
  { name: 'P2', urban: 7, rural: 3 },
  { name: 'P3', urban: 4, rural: 4 },
];

const chapterSizes: GroupSizes = { urban: 60, rural: 40 };

/** Utilitarian sum over patients (eq-philosophy-sum-vs-maximin, first line). */
function utilitarianSum(p: Policy, n: GroupSizes): number {
  return n.urban * p.urban + n.rural * p.rural;
}

/** Average well-being: what Harsanyi's chooser behind the veil maximizes. */
function meanWellBeing(p: Policy, n: GroupSizes): number {
  return utilitarianSum(p, n) / (n.urban + n.rural);
}

/** Maximin welfare: well-being of the worst-off group (eq-philosophy-sum-vs-maximin, second line). */
function maximin(p: Policy): number {
  return Math.min(p.urban, p.rural);
}

/** Prioritarian welfare (eq-philosophy-prioritarian) with a concave transform g. */
function prioritarian(p: Policy, n: GroupSizes, g: (u: number) => number): number {
  return n.urban * g(p.urban) + n.rural * g(p.rural);
}

/** Largest individual complaint (eq-philosophy-complaint): shortfall from the best available option. */
function largestComplaint(p: Policy, all: readonly Policy[]): number {
  const bestUrban = Math.max(...all.map((q) => q.urban));
  const bestRural = Math.max(...all.map((q) => q.rural));
  return Math.max(bestUrban - p.urban, bestRural - p.rural);
}

/** Whether a policy respects a per-person floor of well-being (the rights constraint). */
function respectsFloor(p: Policy, floor: number): boolean {
  return p.urban >= floor && p.rural >= floor;
}

/** The policy with the largest score; throws if the choice is tied, since the chapter reports strict choices. */
function strictArgmax(candidates: readonly Policy[], score: (p: Policy) => number): PolicyName {
  const scored = candidates.map((p) => ({ name: p.name, value: score(p) }));
  const best = Math.max(...scored.map((s) => s.value));
  const winners = scored.filter((s) => Math.abs(s.value - best) < 1e-9);
  const [winner] = winners;
  if (winners.length !== 1 || winner === undefined) {
    throw new Error(`expected a unique maximum, got ${winners.map((w) => w.name).join(', ')}`);
  }
  return winner.name;
}

describe('0-3 worked example: one allocation, five verdicts', () => {
  it('should compute the utilitarian sums 580, 540, 400 and means 5.8, 5.4, 4.0', () => {
    expect(policies.map((p) => utilitarianSum(p, chapterSizes))).toEqual([580, 540, 400]);
    expect(policies.map((p) => round(meanWellBeing(p, chapterSizes), 10))).toEqual([5.8, 5.4, 4.0]);
  });

  it('should compute the maximin values 1, 3, 4', () => {
    expect(policies.map(maximin)).toEqual([1, 3, 4]);
  });

  it('should compute the square-root prioritarian values 220.00, 228.03, 200.00', () => {
    expect(policies.map((p) => round(prioritarian(p, chapterSizes, Math.sqrt), 2))).toEqual([220, 228.03, 200]);
    expect(round(60 * Math.sqrt(7), 2)).toBe(158.75);
    expect(round(40 * Math.sqrt(3), 2)).toBe(69.28);
  });

  it('should compute the log prioritarian values 131.83, 160.70, 138.63', () => {
    expect(policies.map((p) => round(prioritarian(p, chapterSizes, Math.log), 2))).toEqual([131.83, 160.7, 138.63]);
  });

  it('should compute the largest complaints 3, 2, 5', () => {
    expect(policies.map((p) => largestComplaint(p, policies))).toEqual([3, 2, 5]);
  });

  it('should choose P1 by sum and mean, P3 by maximin, and P2 by prioritarian, floor and complaint', () => {
    expect(strictArgmax(policies, (p) => utilitarianSum(p, chapterSizes))).toBe('P1');
    expect(strictArgmax(policies, (p) => meanWellBeing(p, chapterSizes))).toBe('P1');
    expect(strictArgmax(policies, maximin)).toBe('P3');
    expect(strictArgmax(policies, (p) => prioritarian(p, chapterSizes, Math.sqrt))).toBe('P2');
    expect(strictArgmax(policies, (p) => prioritarian(p, chapterSizes, Math.log))).toBe('P2');
    const permissible = policies.filter((p) => respectsFloor(p, 2));
    expect(permissible.map((p) => p.name)).toEqual(['P2', 'P3']);
    expect(strictArgmax(permissible, (p) => utilitarianSum(p, chapterSizes))).toBe('P2');
    expect(strictArgmax(policies, (p) => -largestComplaint(p, policies))).toBe('P2');
  });

  it('should print the table rows of the worked example in the chapter', () => {
    expect(chapterSource).toContain('| P1 | 9 | 1 | **580** | 5.8 | 1 | 220.00 | 3 |');
    expect(chapterSource).toContain('| P2 | 7 | 3 | 540 | 5.4 | 3 | **228.03** | **2** |');
    expect(chapterSource).toContain('| P3 | 4 | 4 | 400 | 4.0 | **4** | 200.00 | 5 |');
  });
});

describe('0-3 exercises', () => {
  it('should find the prioritarian switching point x > 2.345 and 215.31 at x = 2 (Exercise 1)', () => {
    const sqrtBound = (220 - 60 * Math.sqrt(7)) / 40;
    expect(round(sqrtBound, 3)).toBe(1.531);
    expect(round(sqrtBound ** 2, 3)).toBe(2.345);
    const atTwo: Policy = { name: 'P2', urban: 7, rural: 2 };
    expect(round(prioritarian(atTwo, chapterSizes, Math.sqrt), 2)).toBe(215.31);
    expect(strictArgmax([policies[0] ?? atTwo, atTwo], (p) => prioritarian(p, chapterSizes, Math.sqrt))).toBe('P1');
  });

  it('should make P2 the utilitarian choice when the rural group is the majority (Exercise 3)', () => {
    const swapped: GroupSizes = { urban: 40, rural: 60 };
    expect(policies.map((p) => utilitarianSum(p, swapped))).toEqual([420, 460, 400]);
    expect(policies.map((p) => round(prioritarian(p, swapped, Math.sqrt), 2))).toEqual([180, 209.75, 200]);
    expect(strictArgmax(policies, (p) => utilitarianSum(p, swapped))).toBe('P2');
    expect(strictArgmax(policies, (p) => prioritarian(p, swapped, Math.sqrt))).toBe('P2');
    expect(strictArgmax(policies, maximin)).toBe('P3');
    expect(strictArgmax(policies, (p) => -largestComplaint(p, policies))).toBe('P2');
    const permissible = policies.filter((p) => respectsFloor(p, 2));
    expect(strictArgmax(permissible, (p) => utilitarianSum(p, swapped))).toBe('P2');
  });

  it('should give the veil-of-ignorance expected utilities 5.8, 5.4, 4.0 with a 60% chance of being urban (Exercise 4)', () => {
    const expected = policies.map((p) => round(0.6 * p.urban + 0.4 * p.rural, 10));
    expect(expected).toEqual([5.8, 5.4, 4.0]);
  });
});
