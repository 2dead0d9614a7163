/**
 * Recomputes every number of the worked example and exercises of chapter 0-2-framework
 * (content/0-overview/0-2-framework.mdx) and checks that the chapter and its feedback-loop figure print them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const chapter = readFileSync(new URL('../../../content/0-overview/0-2-framework.mdx', import.meta.url), 'utf8');
const feedbackFigure = readFileSync(new URL('../../../public/figures/0-2-framework/feedback-loop.svg', import.meta.url), 'utf8');

/** Selection rate of a group: favourable decisions over applicants. */
function selectionRate(approved: number, applicants: number): number {
  return approved / applicants;
}

/** Threshold of the cost-based decision rule: approve when p > L / (G + L). */
function decisionThreshold(gain: number, loss: number): number {
  return loss / (gain + loss);
}

/** Expected profit of approving an applicant who repays with probability p. */
function expectedProfit(p: number, gain: number, loss: number): number {
  return p * gain - (1 - p) * loss;
}

interface PooledCounts {
  loans: number;
  repaid: number;
}

/** Loans observed and repaid after each round when old data are pooled with new loans (expected counts). */
function pooledPath(oldLoans: number, oldRepaid: number, loansPerRound: number, repaidPerRound: number, rounds: number): PooledCounts[] {
  const path: PooledCounts[] = [];
  for (let k = 0; k <= rounds; k++) {
    path.push({ loans: oldLoans + k * loansPerRound, repaid: oldRepaid + k * repaidPerRound });
  }
  return path;
}

/**
 * First round whose pooled estimate reaches the threshold num/den (the book's rule: approve when
 * p̂ ≥ t), or strictly exceeds it; compared in integers (repaid * den against num * loans) so that a
 * tie such as 160/200 = 0.80 is not decided by rounding.
 */
function firstApprovedRound(path: PooledCounts[], thresholdNum: number, thresholdDen: number, strict = false): number | undefined {
  const index = path.findIndex(({ loans, repaid }) => (strict ? repaid * thresholdDen > thresholdNum * loans : repaid * thresholdDen >= thresholdNum * loans));
  return index === -1 ? undefined : index;
}

/** Bound of the text: the expected estimate reaches t once k ≥ (t n0 - r0) / (m (p - t)). */
function crossingBound(t: number, oldLoans: number, oldRepaid: number, loansPerRound: number, trueRate: number): number {
  return (t * oldLoans - oldRepaid) / (loansPerRound * (trueRate - t));
}

/** Standard error of a repayment rate estimated from m loans. */
function standardError(p: number, m: number): number {
  return Math.sqrt((p * (1 - p)) / m);
}

/** y coordinate (SVG user units) of an estimate in the feedback-loop chart: 0.70 at y = 350, 0.90 at y = 70. */
function chartY(estimate: number): number {
  return 350 - 1400 * (estimate - 0.7);
}

describe('chapter 0-2-framework worked example: decision rule', () => {
  it('should give a threshold of 0.80 for G = 250 and L = 1000', () => {
    expect(decisionThreshold(250, 1000)).toBeCloseTo(0.8, 12);
  });

  it('should value applicants at 62.5 and -62.5 for repayment probabilities 0.85 and 0.75', () => {
    expect(expectedProfit(0.85, 250, 1000)).toBeCloseTo(62.5, 9);
    expect(expectedProfit(0.75, 250, 1000)).toBeCloseTo(-62.5, 9);
  });

  it('should make expected profit zero exactly at the threshold', () => {
    expect(expectedProfit(decisionThreshold(250, 1000), 250, 1000)).toBeCloseTo(0, 9);
  });

  it('should value a round of 40 exploratory loans at -2,500 under the old belief and +2,500 in truth', () => {
    expect(40 * expectedProfit(0.75, 250, 1000)).toBeCloseTo(-2500, 6);
    expect(40 * expectedProfit(0.85, 250, 1000)).toBeCloseTo(2500, 6);
  });
});

describe('chapter 0-2-framework worked example: selection rates', () => {
  it('should give selection rates 0.60 and 0.45 and a ratio of 0.75', () => {
    const a = selectionRate(480, 800);
    const b = selectionRate(180, 400);
    expect(a).toBeCloseTo(0.6, 12);
    expect(b).toBeCloseTo(0.45, 12);
    expect(b / a).toBeCloseTo(0.75, 12);
    expect(b / a).toBeLessThan(0.8);
  });

  it('should give thin-file shares of 5% and 25%', () => {
    expect(40 / 800).toBeCloseTo(0.05, 12);
    expect(100 / 400).toBeCloseTo(0.25, 12);
  });

  it('should give rates of about 0.632 and 0.600 (ratio about 0.95) among applicants with a credit history', () => {
    const a = selectionRate(480, 800 - 40);
    const b = selectionRate(180, 400 - 100);
    expect(a).toBeCloseTo(0.632, 3);
    expect(b).toBeCloseTo(0.6, 12);
    expect(b / a).toBeCloseTo(0.95, 2);
  });

  it('should give rates 0.65 and 0.70 once the thin-file segment is approved', () => {
    expect(selectionRate(480 + 40, 800)).toBeCloseTo(0.65, 12);
    expect(selectionRate(180 + 100, 400)).toBeCloseTo(0.7, 12);
  });

  it('should print the selection-rate table rows of the chapter', () => {
    expect(chapter).toContain('| $a$ | 800 | 480 | 0.60 |');
    expect(chapter).toContain('| $b$ | 400 | 180 | 0.45 |');
  });
});

describe('chapter 0-2-framework worked example: selective-labels feedback loop', () => {
  const path = pooledPath(100, 75, 40, Math.round(0.85 * 40), 5);

  it('should expect 34 repayments from 40 loans at a true rate of 0.85', () => {
    expect(0.85 * 40).toBeCloseTo(34, 12);
  });

  it('should give the estimates 0.750, 0.779, 0.794, 0.805, 0.812 and 0.817', () => {
    const estimates = path.map(({ loans, repaid }) => Number((repaid / loans).toFixed(3)));
    expect(estimates).toEqual([0.75, 0.779, 0.794, 0.805, 0.812, 0.817]);
  });

  it('should cross the 0.80 threshold first in round 3', () => {
    expect(firstApprovedRound(path, 4, 5)).toBe(3);
  });

  it('should print the standard errors of one round and of the pooled estimate after round 3', () => {
    const [, oneRound] = chapter.match(/\$\\sqrt\{0\.85 \\times 0\.15 \/ 40\} \\approx ([\d.]+)\$/) ?? [];
    expect(Number(oneRound)).toBe(Number(Math.sqrt((0.85 * 0.15) / 40).toFixed(3)));
    const [, newLoans, pooledLoans, pooledSe, margin] =
      chapter.match(/\$\\sqrt\{(\d+) \\times 0\.85 \\times 0\.15\} \/ (\d+) \\approx ([\d.]+)\$, still more than three times the margin of\s+\$0\.805 - 0\.80 = ([\d.]+)\$/) ?? [];
    const round3 = path[3];
    expect(Number(newLoans)).toBe(3 * 40);
    expect(Number(pooledLoans)).toBe(round3?.loans);
    const se = Math.sqrt(3 * 40 * 0.85 * 0.15) / (round3?.loans ?? Number.NaN);
    expect(Number(pooledSe)).toBe(Number(se.toFixed(3)));
    expect(Number(margin)).toBeCloseTo(0.005, 12);
    expect(se).toBeGreaterThan(3 * ((round3?.repaid ?? 0) / (round3?.loans ?? 1) - 0.8));
  });

  it('should give a crossing bound of 2.5 rounds for 40 loans per round', () => {
    expect(crossingBound(0.8, 100, 75, 40, 0.85)).toBeCloseTo(2.5, 9);
  });

  it('should never cross without exploration', () => {
    expect(firstApprovedRound(pooledPath(100, 75, 0, 0, 5), 4, 5)).toBeUndefined();
  });

  it('should give a standard error of about 0.056 for one round of 40 loans', () => {
    expect(standardError(0.85, 40)).toBeCloseTo(0.056, 3);
  });

  it('should print every row of the exploration table in the chapter', () => {
    for (const [k, { loans, repaid }] of path.entries()) {
      const estimate = (repaid / loans).toFixed(3);
      const approve = repaid * 5 > 4 * loans ? 'yes' : 'no';
      expect(chapter).toContain(`| ${k} | ${loans} | ${Math.round(repaid)} | ${estimate} | ${approve} |`);
    }
  });

  it('should plot the exploration path of the figure at the computed estimates', () => {
    const polylines = [...feedbackFigure.matchAll(/<polyline points="([^"]+)"/g)].map((match) => match[1] ?? '');
    const plotted = polylines.map((points) => points.trim().split(/\s+/).map((pair) => Number(pair.split(',')[1])));
    const exploring = path.map(({ loans, repaid }) => chartY(repaid / loans));
    const frozen = path.map(() => chartY(0.75));
    expect(plotted).toHaveLength(2);
    const [withoutExploration, withExploration] = plotted;
    withoutExploration?.forEach((y, k) => expect(y).toBeCloseTo(frozen[k] ?? Number.NaN, 0));
    withExploration?.forEach((y, k) => expect(Math.abs(y - (exploring[k] ?? Number.NaN))).toBeLessThan(0.1));
  });
});

describe('chapter 0-2-framework exercises', () => {
  it('should give selection rates 0.60 and 0.44 and a ratio of about 0.733 (exercise 2)', () => {
    const a = selectionRate(300, 500);
    const b = selectionRate(110, 250);
    expect(a).toBeCloseTo(0.6, 12);
    expect(b).toBeCloseTo(0.44, 12);
    expect(b / a).toBeCloseTo(0.733, 3);
  });

  it('should give thresholds 0.75 without and 0.60 with the applicant cost (exercise 3)', () => {
    expect(decisionThreshold(200, 600)).toBeCloseTo(0.75, 12);
    expect(decisionThreshold(200 + 200, 600)).toBeCloseTo(0.6, 12);
  });

  it('should approve in round 5, at a tie of exactly 0.80, with 20 loans per round, and in round 6 under a strict rule (exercise 4)', () => {
    const answer = chapter.slice(chapter.indexOf('**Exploration speed.**'), chapter.indexOf('**Abstraction traps.**'));
    const slowPath = pooledPath(100, 75, 20, Math.round(0.85 * 20), 6);
    expect(0.85 * 20).toBeCloseTo(17, 12);
    const [, bound, round] = answer.match(/\(20 \\times 0\.05\) = (\d+)\$ gives \$k = (\d+)\$/) ?? [];
    expect(Number(bound)).toBeCloseTo(crossingBound(0.8, 100, 75, 20, 0.85), 9);
    expect(Number(round)).toBe(firstApprovedRound(slowPath, 4, 5));
    const [, tieRepaid, tieLoans] = answer.match(/\\hat p_5 = (\d+) \/ (\d+) = 0\.80\$ exactly/) ?? [];
    expect(slowPath[5]).toEqual({ loans: Number(tieLoans), repaid: Number(tieRepaid) });
    const [, strictRepaid, strictLoans, strictEstimate] = answer.match(/\\hat p_6 = (\d+) \/ (\d+) \\approx ([\d.]+)\$/) ?? [];
    expect(firstApprovedRound(slowPath, 4, 5, true)).toBe(6);
    expect(slowPath[6]).toEqual({ loans: Number(strictLoans), repaid: Number(strictRepaid) });
    expect(Number(strictEstimate)).toBe(Number((177 / 220).toFixed(3)));
  });
});
