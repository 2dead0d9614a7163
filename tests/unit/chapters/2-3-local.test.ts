/**
 * Recomputes every number of the worked examples and exercises of chapter 2-3-local
 * (content/2-interpretability/2-3-local.mdx) and checks that the chapter, its coalition-lattice figure
 * and its Shapley explorer print them. The expected sentences are built from the computed numbers, so
 * a wrong number in the chapter fails a test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readShapleyExplorerOptions } from '../../../src/interactive/shapley-explorer/options.js';
import {
  coalitionValues,
  CREDIT_BACKGROUND,
  CREDIT_MODEL,
  explainCredit,
  featureMeans,
  inCoalition,
  linearAttribution,
  marginalTerms,
  type Model,
  predict,
  shapleyValues,
} from '../../../src/interactive/shapley-explorer/shapley.js';

const chapter = readFileSync(new URL('../../../content/2-interpretability/2-3-local.mdx', import.meta.url), 'utf8');
const lattice = readFileSync(new URL('../../../public/figures/2-3-local/coalition-lattice.svg', import.meta.url), 'utf8');

const f = (x1: number, x2: number, x3: number) => predict(CREDIT_MODEL, [x1, x2, x3]);
const model: Model = (x) => predict(CREDIT_MODEL, x);
const x = [6, 4, 1];
const clean = (value: number) => Math.round(value * 1e9) / 1e9;
const two = (value: number) => value.toFixed(2);

/** The chapter's name of a coalition, as math: `$\lbrace 1, 2 \rbrace$`, `$\emptyset$`. */
function coalitionMath(mask: number): string {
  const members = [0, 1, 2].filter((feature) => inCoalition(mask, feature)).map((feature) => feature + 1);
  return members.length === 0 ? '$\\emptyset$' : `$\\lbrace ${members.join(', ')} \\rbrace$`;
}

/** A fraction in lowest terms as the table prints it: `8/3`, `2`. */
function fraction(numerator: number, denominator: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
  const divisor = gcd(numerator, denominator);
  const [top, bottom] = [numerator / divisor, denominator / divisor];
  return bottom === 1 ? String(top) : `${top}/${bottom}`;
}

describe('chapter 2-3-local: the running example', () => {
  it('should print the model of the explorer', () => {
    expect(CREDIT_MODEL).toEqual({ intercept: 10, coefficients: [2, 3, -4], interactions: [{ i: 0, j: 1, coefficient: 1 }] });
    expect(chapter).toContain('f(x) = 10 + 2x_1 + 3x_2 - 4x_3 + x_1 x_2 , \\label{eq-local-model}');
  });

  it('should print the explorer’s background applicants, their scores and the means', () => {
    CREDIT_BACKGROUND.forEach((row, index) => {
      expect(chapter).toContain(`| $b^{(${index + 1})}$ | ${row.join(' | ')} | ${model(row)} |`);
    });
    const means = featureMeans(CREDIT_BACKGROUND);
    const baseline = CREDIT_BACKGROUND.reduce((total, row) => total + model(row), 0) / CREDIT_BACKGROUND.length;
    expect(baseline).toBe(24);
    expect(chapter).toContain(`| Mean | ${means.join(' | ')} | ${baseline} |`);
    expect(chapter).toContain(`$\\mathbb{E}[f(X)] = ${baseline}$, is the **baseline**`);
  });

  it('should score the applicant at 54, 30 above the baseline', () => {
    expect(f(6, 4, 1)).toBe(54);
    expect(chapter).toContain('$f(x) = 10 + 12 + 12 - 4 + 24 = 54$');
    expect(chapter).toContain('and 30 points above the baseline');
  });

  it('should give the coefficient reading 4, 6 and 4, 14 in total, leaving 16 to the interaction', () => {
    const linear = linearAttribution(CREDIT_MODEL, CREDIT_BACKGROUND, x);
    expect(linear).toEqual([4, 6, 4]);
    expect(chapter).toContain('$2 \\times (6 - 4) = 4$ for income, $3 \\times (4 - 2) = 6$ for tenure and $-4 \\times (1 - 2) = 4$ for loans: 14 points in total. The other 16 points');
    expect(f(6, 4, 1) - 24 - (linear[0]! + linear[1]! + linear[2]!)).toBe(16);
  });
});

describe('chapter 2-3-local: LIME', () => {
  /** Weighted least squares of f on (1, δ) over the symmetric design {−h, 0, h}³ around x, Gaussian kernel. */
  function limeSlopes(center: number[], h: number, width: number): number[] {
    const rows: number[][] = [];
    const targets: number[] = [];
    const weights: number[] = [];
    for (const a of [-h, 0, h]) for (const b of [-h, 0, h]) for (const c of [-h, 0, h]) {
      rows.push([1, a, b, c]);
      targets.push(model([center[0]! + a, center[1]! + b, center[2]! + c]));
      weights.push(Math.exp(-(a * a + b * b + c * c) / (width * width)));
    }
    // Normal equations (XᵀWX) β = XᵀWy, solved by Gaussian elimination.
    const m = Array.from({ length: 4 }, (_, i) => [...Array.from({ length: 4 }, (_, j) => rows.reduce((s, row, k) => s + weights[k]! * row[i]! * row[j]!, 0)), rows.reduce((s, row, k) => s + weights[k]! * row[i]! * targets[k]!, 0)]);
    for (let i = 0; i < 4; i++) {
      for (let r = i + 1; r < 4; r++) {
        const factor = m[r]![i]! / m[i]![i]!;
        for (let c = i; c < 5; c++) m[r]![c]! -= factor * m[i]![c]!;
      }
    }
    const beta = [0, 0, 0, 0];
    for (let i = 3; i >= 0; i--) beta[i] = (m[i]![4]! - [0, 1, 2, 3].filter((j) => j > i).reduce((s, j) => s + m[i]![j]! * beta[j]!, 0)) / m[i]![i]!;
    return beta.slice(1).map(clean);
  }

  it('should recover the gradient 6, 9, −4 at the applicant, whatever the kernel width', () => {
    expect(limeSlopes(x, 1, 1)).toEqual([6, 9, -4]);
    expect(limeSlopes(x, 2, 5)).toEqual([6, 9, -4]);
    expect(chapter).toContain('$\\partial f / \\partial x_1 = 2 + x_2 = 6$, $\\partial f / \\partial x_2 = 3 + x_1 = 9$ and $\\partial f / \\partial x_3 = -4$');
  });

  it('should give the slopes 3, 6, −4 at the second applicant (exercise 6)', () => {
    expect(limeSlopes([3, 1, 2], 1, 2)).toEqual([3, 6, -4]);
    expect(chapter).toContain('For $x = (3, 1, 2)$ the slopes are $2 + x_2 = 3$, $3 + x_1 = 6$ and $-4$.');
  });
});

describe('chapter 2-3-local: the worked Shapley example', () => {
  const values = coalitionValues(model, CREDIT_BACKGROUND, x);
  const featureNames = ['Income', 'Years in job', 'Open loans'];

  it('should print the hybrid applicants of coalition {1} and their mean 32', () => {
    const hybrids = CREDIT_BACKGROUND.map((row) => [6, row[1]!, row[2]!]);
    expect(chapter).toContain(`the four hybrid applicants are ${hybrids.map((h) => `$(${h.join(', ')})$`).join(', ').replace(/, (\$[^$]*\$)$/, ' and $1')}, with scores ${hybrids.map(model).slice(0, 3).join(', ')} and ${model(hybrids[3]!)}, whose mean is ${values[1]}.`);
  });

  it('should print the eight coalition values', () => {
    expect(values).toEqual([24, 32, 38, 50, 28, 36, 42, 54]);
    for (let mask = 0; mask < 8; mask++) expect(chapter).toMatch(new RegExp(`^\\| ${escape(coalitionMath(mask))} \\| [^|]+ \\| ${values[mask]} \\|$`, 'm'));
  });

  it('should print every weighted marginal contribution', () => {
    for (let feature = 0; feature < 3; feature++) {
      for (const term of marginalTerms(values, 3, feature)) {
        const withFeature = values[term.coalition | (1 << feature)]!;
        const without = values[term.coalition]!;
        const weight = term.weight === 1 / 3 ? '1/3' : '1/6';
        const weighted = fraction(term.marginal * (term.weight === 1 / 3 ? 2 : 1), 6);
        expect(chapter).toContain(`| ${featureNames[feature]} | ${coalitionMath(term.coalition)} | ${weight} | ${withFeature} − ${without} = ${term.marginal} | ${weighted} |`);
      }
    }
  });

  it('should give Shapley values 10, 16 and 4, summing to 54 − 24', () => {
    const phi = shapleyValues(values, 3).map(clean);
    expect(phi).toEqual([10, 16, 4]);
    expect(chapter).toContain(`$\\phi_1 = ${phi[0]}$ for income, $\\phi_2 = ${phi[1]}$ for years in job and $\\phi_3 = ${phi[2]}$ for open loans. Efficiency holds: $${phi.join(' + ')} = 30 = 54 - 24$`);
    expect(chapter).toContain('The Shapley values split the interaction\'s 16 points as 6 to income ($10 - 4$) and 10 to tenure ($16 - 6$).');
  });

  it('should explain the interaction split by distance from the mean times the partner’s midpoint', () => {
    const means = featureMeans(CREDIT_BACKGROUND);
    const covariance = CREDIT_BACKGROUND.reduce((s, row) => s + row[0]! * row[1]!, 0) / 4 - means[0]! * means[1]!;
    expect(covariance).toBe(0);
    expect((4 - 2) * ((6 + 4) / 2)).toBe(10);
    expect((6 - 4) * ((4 + 2) / 2)).toBe(6);
    expect(chapter).toContain('tenure gets $(4 - 2) \\times (6 + 4)/2 = 10$ and income $(6 - 4) \\times (4 + 2)/2 = 6$');
  });

  it('should give the lattice figure the same values and income’s four contributions', () => {
    for (const value of values) expect(lattice).toContain(`v = ${value}</text>`);
    for (const label of ['+8 × 1/3', '+12 × 1/6', '+8 × 1/6', '+12 × 1/3']) expect(lattice).toContain(label);
    expect(8 / 3 + 12 / 6 + 8 / 6 + 12 / 3).toBeCloseTo(10, 12);
    expect(lattice).toContain('φ(income) = 8/3 + 12/6 + 8/6 + 12/3 = 10');
  });

  it('should open the explorer on the worked example’s applicant, with the chapter’s numbers in its alt text', () => {
    const directive = /```\{interactive\} shapley-explorer\n([\s\S]*?)```/.exec(chapter)?.[1] ?? '';
    const option = (name: string) => new RegExp(`^:${name}: (.*)$`, 'm').exec(directive)?.[1];
    const { instance, problems } = readShapleyExplorerOptions({ instance: option('instance') });
    expect(problems).toEqual([]);
    expect(instance).toEqual(x);
    const explanation = explainCredit(instance);
    expect(option('alt')).toContain(
      `baseline ${explanation.baseline}, prediction ${explanation.prediction}, Shapley values income +${clean(explanation.shapley[0]!)}, years in job +${clean(explanation.shapley[1]!)}, open loans +${clean(explanation.shapley[2]!)}, summing to +30, against coefficient × (value − mean) of +${explanation.linear[0]}, +${explanation.linear[1]} and +${explanation.linear[2]}, summing to +14.`,
    );
  });
});

describe('chapter 2-3-local: interventional and observational value functions', () => {
  const duplicate: Model = (z) => z[0]!;
  const data = [[0, 0], [2, 2]];
  const point = [2, 2];

  it('should give (1, 0) interventionally', () => {
    const values = coalitionValues(duplicate, data, point);
    expect(values).toEqual([1, 2, 1, 2]);
    expect(shapleyValues(values, 2)).toEqual([1, 0]);
    expect(chapter).toContain('Feature 2 is a null player: $\\phi = (1, 0)$.');
  });

  it('should give (0.5, 0.5) observationally', () => {
    // E[f(X) | X_S = x_S] over the rows that match the known features.
    const observational = [0, 1, 2, 3].map((mask) => {
      const rows = data.filter((row) => [0, 1].every((feature) => !inCoalition(mask, feature) || row[feature] === point[feature]));
      return rows.reduce((s, row) => s + duplicate(row), 0) / rows.length;
    });
    expect(observational).toEqual([1, 2, 2, 2]);
    expect(shapleyValues(observational, 2)).toEqual([0.5, 0.5]);
    expect(chapter).toContain('so $v(\\lbrace 2 \\rbrace) = 2$, and the credit is shared: $\\phi = (0.5, 0.5)$.');
  });
});

describe('chapter 2-3-local: counterfactuals, anchors and disagreement', () => {
  const threshold = 30;

  it('should score the second applicant 14', () => {
    expect(f(3, 1, 2)).toBe(14);
    expect(chapter).toContain('The score is $f(x) = 10 + 6 + 3 - 8 + 3 = 14$, below the threshold of 30.');
  });

  it('should find the single-feature counterfactuals 25/3 ≈ 8.33 (income) and 11/3 ≈ 3.67 (tenure), and none for loans', () => {
    // f(x1, 1, 2) = 5 + 3 x1, f(3, x2, 2) = 8 + 6 x2, f(3, 1, x3) = 22 − 4 x3.
    for (const v of [0, 1, 7.5]) {
      expect(f(v, 1, 2)).toBe(5 + 3 * v);
      expect(f(3, v, 2)).toBe(8 + 6 * v);
      expect(f(3, 1, v)).toBe(22 - 4 * v);
    }
    const income = (threshold - 5) / 3;
    const tenure = (threshold - 8) / 6;
    expect(f(income, 1, 2)).toBeCloseTo(threshold, 12);
    expect(f(3, tenure, 2)).toBeCloseTo(threshold, 12);
    expect(chapter).toContain(`requires $x_1 \\ge 25/3 \\approx ${two(income)}$, an income of about €${(Math.round(income * 100) * 100).toLocaleString('en-US')}, a change of ${two(income - 3)} units.`);
    expect(chapter).toContain(`requires $x_2 \\ge 11/3 \\approx ${two(tenure)}$ years, a change of ${two(tenure - 1)} units.`);
    expect(f(3, 1, 0)).toBe(22);
    expect(chapter).toContain('$f(3, 1, x_3) = 22 - 4x_3$, which is at most 22');
  });

  it('should make tenure alone the nearest counterfactual under unit L1 costs', () => {
    let best = { cost: Infinity, point: [0, 0, 0] };
    for (let loans = 0; loans <= 2; loans++) {
      for (let step = 0; step <= 700; step++) {
        const income = 3 + step / 100;
        // The tenure needed, at least the current 1 year: f is increasing in tenure when income ≥ 0.
        const slope = 3 + income;
        const needed = Math.max(1, (threshold - (10 + 2 * income - 4 * loans)) / slope);
        const cost = income - 3 + (needed - 1) + (2 - loans);
        if (cost < best.cost - 1e-12) best = { cost, point: [income, needed, loans] };
      }
    }
    expect(best.point[0]).toBe(3);
    expect(best.point[2]).toBe(2);
    expect(best.cost).toBeCloseTo(8 / 3, 9);
    // The marginal values near the applicant: tenure 6, a repaid loan 4, income 3 points per unit.
    expect([f(3, 2, 2) - f(3, 1, 2), f(3, 1, 1) - f(3, 1, 2), f(4, 1, 2) - f(3, 1, 2)]).toEqual([6, 4, 3]);
    expect(chapter).toContain('"with 2.67 more years in your job, you would have been approved"');
    expect(chapter).toContain('a year in the job is worth 6 points, a repaid loan 4 and €10,000 of income 3');
  });

  it('should need 7/3 ≈ 2.33 years after repaying both loans (exercise 5)', () => {
    expect(f(3, 0, 0)).toBe(16);
    expect(f(3, 1, 0) - f(3, 0, 0)).toBe(6);
    const tenure = (threshold - 16) / 6;
    expect(chapter).toContain(`$f(3, x_2, 0) = 16 + 6x_2 \\ge 30$ requires $x_2 \\ge 7/3 \\approx ${two(tenure)}$, so ${two(tenure - 1)} more years instead of ${two((threshold - 8) / 6 - 1)} without repaying.`);
  });

  it('should hold the anchor "income ≥ 6 and years in job ≥ 4" with precision 1, minimum score 38', () => {
    let minimum = Infinity;
    for (let income = 6; income <= 10; income++) for (let tenure = 4; tenure <= 10; tenure++) for (let loans = 0; loans <= 5; loans++) minimum = Math.min(minimum, f(income, tenure, loans));
    expect(minimum).toBe(38);
    expect(minimum).toBeGreaterThanOrEqual(threshold);
    expect(chapter).toContain('the score is at least $10 + 12 + 12 - 20 + 24 = 38$ even with five open loans');
  });

  it('should print the disagreement table', () => {
    const phi = explainCredit(x).shapley.map(clean);
    const linear = linearAttribution(CREDIT_MODEL, CREDIT_BACKGROUND, x);
    const slopes = [2 + x[1]!, 3 + x[0]!, -4];
    const means = featureMeans(CREDIT_BACKGROUND);
    const extrapolated = slopes.map((slope, index) => slope * (x[index]! - means[index]!));
    const signed = (value: number) => (value > 0 ? `+${value}` : `−${-value}`);
    const plain = (value: number) => (value < 0 ? `−${-value}` : String(value));
    const total = (values: number[]) => values.reduce((s, v) => s + v, 0);
    expect(chapter).toContain(`| Shapley values, background $B$ | ${phi.map(signed).join(' | ')} | ${total(phi)} |`);
    expect(chapter).toContain(`| Coefficient × (value − mean) | ${linear.map(signed).join(' | ')} | ${total(linear)} |`);
    expect(chapter).toContain(`| Local slopes (LIME-style, narrow kernel) | ${slopes.map(plain).join(' | ')} | — |`);
    expect(chapter).toContain(`| Slope × (value − mean) | ${extrapolated.map(signed).join(' | ')} | ${total(extrapolated)} |`);
  });
});

describe('chapter 2-3-local: exercises', () => {
  it('exercise 1: averaging income’s gain over the six orders gives 10', () => {
    const values = coalitionValues(model, CREDIT_BACKGROUND, x);
    const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0]];
    const gains = orders.map((order) => {
      const before = order.slice(0, order.indexOf(0)).reduce((mask, feature) => mask | (1 << feature), 0);
      return values[before | 1]! - values[before]!;
    });
    expect(gains).toEqual([8, 8, 12, 8, 12, 12]);
    expect(chapter).toContain('The average is $(8 + 8 + 12 + 8 + 12 + 12)/6 = 60/6 = 10$.');
  });

  it('exercise 2: against the reference (4, 3, 2) the baseline is 31 and the values 11, 8 and 4', () => {
    const reference = [[4, 3, 2]];
    const values = coalitionValues(model, reference, x);
    expect(values).toEqual([31, 41, 38, 50, 35, 45, 42, 54]);
    expect(chapter).toContain('The baseline is $f(r) = 10 + 8 + 9 - 8 + 12 = 31$.');
    const hybrids: [number, string][] = [[1, '6, 3, 2'], [2, '4, 4, 2'], [4, '4, 3, 1'], [3, '6, 4, 2'], [5, '6, 3, 1'], [6, '4, 4, 1']];
    for (const [mask, point] of hybrids) expect(chapter).toContain(`$v(${coalitionMath(mask).slice(1, -1)}) = f(${point}) = ${values[mask]}$`);
    const phi = shapleyValues(values, 3).map(clean);
    expect(phi).toEqual([11, 8, 4]);
    expect(chapter).toContain(`Then $\\phi_1 = ${phi[0]}$, $\\phi_2 = ${phi[1]}$ and $\\phi_3 = ${phi[2]}$, which sum to $23 = 54 - 31$.`);
    expect(3 * (4 - 3)).toBe(3);
    expect(chapter).toContain('tenure\'s linear part shrinks from 6 to 3');
  });

  it('exercise 4: the open-loans value is −4 × (1 − 2) = 4', () => {
    expect(-4 * (1 - 2)).toBe(4);
    expect(chapter).toContain('the value of open loans, $-4 \\times (1 - 2) = 4$');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
