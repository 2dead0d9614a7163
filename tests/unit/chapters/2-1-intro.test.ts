/**
 * Recomputes every number of the worked example and exercises of chapter 2-1-intro
 * (content/2-interpretability/2-1-intro.mdx): the logistic scorecard (odds ratios, applicant A's decomposition,
 * applicant B, recourse, probability-scale effects) and the fidelity of the two surrogate rules, reading the
 * tables and sentences that print them, and checks that the waterfall figure draws the computed decomposition.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const chapter = readFileSync(new URL('../../../content/2-interpretability/2-1-intro.mdx', import.meta.url), 'utf8');
const waterfall = readFileSync(new URL('../../../public/figures/2-1-intro/scorecard-waterfall.svg', import.meta.url), 'utf8');

/** Reads a number as printed in the chapter (Unicode minus sign, optional plus sign). */
function num(text: string): number {
  return Number(text.replace('−', '-').replace('+', ''));
}

function sigmoid(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds));
}

interface Feature {
  readonly name: string;
  readonly mean: number;
  readonly sd: number;
  readonly beta: number;
  readonly orSd: number;
  readonly orUnit: number;
}

/** Parses the coefficient table: | Feature | mean | SD | beta | OR per SD | OR per unit ... |. */
function readCoefficientTable(): Feature[] {
  const rows = [...chapter.matchAll(/^\| ([A-Z][^|]+?) \| (\d+) \| ([\d.]+) \| (−?[\d.]+) \| ([\d.]+) \| ([\d.]+) per [a-z]+ \|$/gm)];
  return rows.map((m) => ({
    name: m[1] ?? '',
    mean: num(m[2] ?? ''),
    sd: num(m[3] ?? ''),
    beta: num(m[4] ?? ''),
    orSd: num(m[5] ?? ''),
    orUnit: num(m[6] ?? ''),
  }));
}

const features = readCoefficientTable();
const intercept = num(/intercept \$\\beta_0 = ([−-]?[\d.]+)\$/.exec(chapter)?.[1] ?? 'NaN');

function contributions(x: readonly number[]): number[] {
  return features.map((f, j) => (f.beta * ((x[j] ?? Number.NaN) - f.mean)) / f.sd);
}

function logOdds(x: readonly number[]): number {
  return intercept + contributions(x).reduce((a, b) => a + b, 0);
}

const applicantA = [45, 4, 33, 3];
const applicantB = [25, 0, 60, 12];

describe('chapter 2-1-intro scorecard: coefficients and odds ratios', () => {
  it('should read four features and an intercept of -1.50', () => {
    expect(features.map((f) => f.name)).toEqual([
      'Debt-to-income ratio (%)',
      'Late payments (last 2 years)',
      'Income (thousand euros)',
      'Years of credit history',
    ]);
    expect(intercept).toBe(-1.5);
  });

  it('should print odds ratios per SD and per unit that match exp(beta) and exp(beta / sd)', () => {
    for (const f of features) {
      expect(Math.exp(f.beta)).toBeCloseTo(f.orSd, 2);
      expect(Math.exp(f.beta / f.sd)).toBeCloseTo(f.orUnit, 3);
    }
  });

  it('should give the odds ratios quoted in the text: 2.23, 1.49, 0.967 and a 3.3% reduction', () => {
    expect(chapter).toContain('$e^{0.80} \\approx 2.23$');
    expect(Math.exp(0.8)).toBeCloseTo(2.23, 2);
    expect(chapter).toContain('$e^{0.60/1.5} \\approx 1.49$');
    expect(Math.exp(0.6 / 1.5)).toBeCloseTo(1.49, 2);
    expect(chapter).toContain('$e^{-0.50/15} \\approx 0.967$, a 3.3% reduction');
    expect(Math.exp(-0.5 / 15)).toBeCloseTo(0.967, 3);
    expect(1 - Math.exp(-0.5 / 15)).toBeCloseTo(0.033, 3);
  });

  it('should give the average applicant a default probability of about 0.182', () => {
    expect(chapter).toContain('$1/(1 + e^{1.50}) \\approx 0.182$');
    expect(sigmoid(intercept)).toBeCloseTo(0.182, 3);
  });
});

describe('chapter 2-1-intro scorecard: applicant A', () => {
  const phi = contributions(applicantA);

  it('should print the z values and contributions of the decomposition table', () => {
    const rows = [...chapter.matchAll(/^\| ([A-Z][a-z -]+) \| (\d+) \| (−?[\d.]+) \| ([+−][\d.]+) \|$/gm)];
    expect(rows).toHaveLength(4);
    rows.forEach((m, j) => {
      const f = features[j];
      if (f === undefined) throw new Error('missing feature');
      const x = num(m[2] ?? '');
      expect(x).toBe(applicantA[j]);
      expect(num(m[3] ?? '')).toBeCloseTo((x - f.mean) / f.sd, 9);
      expect(num(m[4] ?? '')).toBeCloseTo(phi[j] ?? Number.NaN, 9);
    });
  });

  it('should sum to log-odds 1.60 and a probability of about 0.832, above the threshold', () => {
    expect(chapter).toContain('$-1.50 + 1.20 + 1.20 + 0.40 + 0.30 = 1.60$');
    expect(logOdds(applicantA)).toBeCloseTo(1.6, 9);
    expect(chapter).toContain('$1/(1 + e^{-1.60}) \\approx 0.832$');
    expect(sigmoid(logOdds(applicantA))).toBeCloseTo(0.832, 3);
    expect(sigmoid(logOdds(applicantA))).toBeGreaterThan(0.5);
  });

  it('should give the probability-scale effects 0.182 to 0.426 (0.243) and 0.832 to 0.599 (0.233)', () => {
    const added = sigmoid(intercept + 1.2);
    const removed = sigmoid(1.6 - 1.2);
    expect(chapter).toContain('raises the probability from 0.182 to 0.426, a change of 0.243');
    expect(chapter).toContain('lowers the probability from 0.832 to 0.599, a change of 0.233');
    expect(added).toBeCloseTo(0.426, 3);
    expect(added - sigmoid(intercept)).toBeCloseTo(0.243, 3);
    expect(removed).toBeCloseTo(0.599, 3);
    expect(sigmoid(1.6) - removed).toBeCloseTo(0.233, 3);
  });

  it('should need a 20-point fall in debt-to-income, to 25%, to reach the threshold', () => {
    expect(chapter).toContain('$0.80/10 = 0.08$');
    expect(chapter).toContain('$1.60/0.08 = 20$ points, to 25%');
    expect(1.6 / (0.8 / 10)).toBeCloseTo(20, 9);
    expect(logOdds([25, 4, 33, 3])).toBeCloseTo(0, 9);
  });

  it('should draw each bar of the waterfall from the running total to the next one', () => {
    const bars = [...waterfall.matchAll(/data-from="(-?[\d.]+)" data-to="(-?[\d.]+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({
      from: Number(m[1]),
      to: Number(m[2]),
      x: Number(m[3]),
      width: Number(m[4]),
    }));
    expect(bars).toHaveLength(6);
    let running = intercept;
    expect(bars[0]).toMatchObject({ from: 0, to: intercept });
    phi.forEach((c, j) => {
      const bar = bars[j + 1];
      expect(bar?.from).toBeCloseTo(running, 9);
      running += c;
      expect(bar?.to).toBeCloseTo(running, 9);
    });
    expect(bars[5]?.to).toBeCloseTo(logOdds(applicantA), 9);
    const scale = (v: number): number => 430 + 95 * v;
    for (const bar of bars) {
      expect(bar.x).toBeCloseTo(Math.min(scale(bar.from), scale(bar.to)), 1);
      expect(bar.width).toBeCloseTo(Math.abs(scale(bar.to) - scale(bar.from)), 1);
    }
  });
});

describe('chapter 2-1-intro surrogate fidelity', () => {
  const rows = [...chapter.matchAll(/^\| (\d+) \| (\d+) \| (\d) \| (approve|decline) \| (approve|decline) \| (yes|no) \|$/gm)].map((m) => ({
    id: Number(m[1]),
    dti: Number(m[2]),
    late: Number(m[3]),
    model: m[4],
    surrogate: m[5],
    agree: m[6],
  }));
  const rule = (dtiAbove: number, lateAtLeast: number) => (r: { dti: number; late: number }) =>
    r.dti > dtiAbove || r.late >= lateAtLeast ? 'decline' : 'approve';

  it('should read ten applicants whose surrogate column follows the two-rule surrogate', () => {
    expect(rows).toHaveLength(10);
    const g = rule(40, 3);
    for (const r of rows) {
      expect(r.surrogate).toBe(g(r));
      expect(r.agree).toBe(r.surrogate === r.model ? 'yes' : 'no');
    }
  });

  it('should give a fidelity of 8/10 = 0.80 overall', () => {
    const agree = rows.filter((r) => r.model === rule(40, 3)(r)).length;
    expect(agree).toBe(8);
    expect(chapter).toContain('fidelity is 8/10 = 0.80');
  });

  it('should give 3 of 5 (0.60) on applicants with debt-to-income between 33% and 45%, 5 of 5 on the others', () => {
    const border = rows.filter((r) => r.dti >= 33 && r.dti <= 45);
    expect(border.map((r) => r.id)).toEqual([2, 4, 6, 8, 10]);
    expect(border.filter((r) => r.model === rule(40, 3)(r)).length).toBe(3);
    const clear = rows.filter((r) => r.dti < 33 || r.dti > 45);
    expect(clear.every((r) => r.model === rule(40, 3)(r))).toBe(true);
    expect(chapter).toContain('only 3 of 5, a fidelity of 0.60');
  });

  it('should give the rule with thresholds 42% and 4 payments a fidelity of 10/10 (exercise 5)', () => {
    const g = rule(42, 4);
    expect(rows.filter((r) => r.model === g(r)).length).toBe(10);
    expect(rows.filter((r) => g(r) === 'decline').map((r) => r.id)).toEqual([3, 5, 7, 10]);
    expect(chapter).toContain('its fidelity is 10/10 = 1.00');
  });
});

describe('chapter 2-1-intro exercises', () => {
  it('should give applicant B contributions -0.40, -0.40, -0.50, -0.24, log-odds -3.04 and p about 0.046 (exercise 2)', () => {
    const phi = contributions(applicantB);
    expect(phi[0]).toBeCloseTo(-0.4, 9);
    expect(phi[1]).toBeCloseTo(-0.4, 9);
    expect(phi[2]).toBeCloseTo(-0.5, 9);
    expect(phi[3]).toBeCloseTo(-0.24, 9);
    expect(logOdds(applicantB)).toBeCloseTo(-3.04, 9);
    expect(chapter).toContain('$-1.50 - 0.40 - 0.40 - 0.50 - 0.24 = -3.04$');
    expect(chapter).toContain('$p = 1/(1 + e^{3.04}) \\approx 0.046$');
    expect(sigmoid(-3.04)).toBeCloseTo(0.046, 3);
  });

  it('should reach log-odds 0 with debt-to-income 30% and income 45 thousand (exercise 3a)', () => {
    expect(logOdds([30, 4, 45, 3])).toBeCloseTo(0, 9);
    expect(chapter).toContain('$-1.50 + 0 + 1.20 + 0 + 0.30 = 0$');
  });

  it('should need 48 thousand euros more income, to 81 thousand, to reach the threshold alone (exercise 3b)', () => {
    expect(chapter).toContain('$1.60 \\times 15 / 0.50 = 48$ thousand euros more income');
    expect((1.6 * 15) / 0.5).toBeCloseTo(48, 9);
    expect(logOdds([45, 4, 33 + 48, 3])).toBeCloseTo(0, 9);
    expect(chapter).toContain('more than doubling A\'s income to 81 thousand');
  });

  it('should compare the per-unit coefficients -0.0333 and 0.40 with the standardized -0.50 and 0.60 (exercise 6)', () => {
    const income = features[2];
    const late = features[1];
    expect((income?.beta ?? Number.NaN) / (income?.sd ?? Number.NaN)).toBeCloseTo(-0.0333, 4);
    expect((late?.beta ?? Number.NaN) / (late?.sd ?? Number.NaN)).toBeCloseTo(0.4, 9);
    expect(chapter).toContain('its coefficient is only −0.0333, against 0.40 for late payments');
  });
});
