/**
 * Recomputes every number of the worked examples, the interactive figure's description and the
 * exercises of chapter 2-2-global (content/2-interpretability/2-2-global.mdx), reading each number
 * from the chapter's text or tables, so that a wrong number in the chapter fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectState, figureModel, formatNumber, partialDependence, type Point2, uncentredAle, centringConstant, iceCurve } from '../../../src/interactive/effect-plots/effects.js';
import { readEffectPlotsOptions } from '../../../src/interactive/effect-plots/options.js';

const chapter = readFileSync(new URL('../../../content/2-interpretability/2-2-global.mdx', import.meta.url), 'utf8');
const workedFigure = readFileSync(new URL('../../../public/figures/2-2-global/worked-example.svg', import.meta.url), 'utf8');

/** A number as the chapter writes it: `−6`, `$-2$`, `12,500`, `0.33`. */
function num(text: string): number {
  return Number(text.replace(/[$\s,]/g, '').replace('−', '-'));
}

/** The capture groups of the first match of `pattern` in the chapter, as numbers; fails when absent. */
function grab(pattern: RegExp, source = chapter): number[] {
  const match = pattern.exec(source);
  expect(match, `chapter should match ${pattern}`).not.toBeNull();
  return (match as RegExpExecArray).slice(1).map(num);
}

/** A comma-separated list of numbers such as `$-2.5, -1.5, 0.5, 2.5$` or `0, 1, 3, 5`. */
function list(text: string): number[] {
  return text.replace(/\$/g, '').split(/,\s*/).map(num);
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const f = figureModel;

describe('standardised coefficients', () => {
  it('should compute the standardised coefficients, the raw ratio and the odds multipliers', () => {
    const [income, late] = grab(/coefficient of \$(-?[\d.]+)\$ per euro of annual income and \$\+([\d.]+)\$ per late payment/);
    const [ratio] = grab(/late payments look ([\d,]+) times more important/);
    expect(late! / Math.abs(income!)).toBeCloseTo(ratio!, 6);
    const [sdIncome, sdLate] = grab(/standard deviation of ([\d,]+) euros and late payments with a standard deviation of ([\d.]+)/);
    const [stdIncome, stdLate] = grab(/standardised coefficients are \$(-?[\d.]+)\$ for income and \$([\d.]+)\$ for late payments/);
    expect(income! * sdIncome!).toBeCloseTo(stdIncome!, 9);
    expect(late! * sdLate!).toBeCloseTo(stdLate!, 9);
    const [e1, m1] = grab(/\$e\^\{(-?[\d.]+)\} \\approx ([\d.]+)\$/);
    expect(e1).toBe(stdIncome);
    expect(round2(Math.exp(e1!))).toBe(m1);
    const [e2, m2] = grab(/\$e\^\{([\d.]+)\} \\approx ([\d.]+)\$\. Income/);
    expect(e2).toBe(stdLate);
    expect(round2(Math.exp(e2!))).toBe(m2);
  });
});

/** The six rows of the permutation-importance table, read from the chapter. */
function permutationTable() {
  const rows = [...chapter.matchAll(/^\| (\d) \| (\d) \| (\d) \| (\d) \| (\d) \| (\d) \| (\d) \| (\d) \| (\d) \|$/gm)].map((match) => match.slice(2).map(Number));
  expect(rows).toHaveLength(6);
  return rows.map(([x1, x2, y, fx, x1s, fx1s, x2s, fx2s]) => ({ x1: x1!, x2: x2!, y: y!, fx: fx!, x1s: x1s!, fx1s: fx1s!, x2s: x2s!, fx2s: fx2s! }));
}

const linear = (x1: number, x2: number) => 2 * x1 + x2;
const mse = (predictions: number[], ys: number[]) => predictions.reduce((sum, p, i) => sum + (p - ys[i]!) ** 2, 0) / ys.length;

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  return permutations(n - 1).flatMap((perm) => Array.from({ length: n }, (_, at) => [...perm.slice(0, at), n - 1, ...perm.slice(at)]));
}

describe('permutation importance worked example', () => {
  const rows = permutationTable();
  const ys = rows.map((row) => row.y);
  const base = mse(rows.map((row) => linear(row.x1, row.x2)), ys);

  it('should print the model’s predictions and the cyclic shifts in the table', () => {
    rows.forEach((row, i) => {
      const next = rows[(i + 1) % rows.length]!;
      expect(row.fx).toBe(linear(row.x1, row.x2));
      expect(row.x1s).toBe(next.x1);
      expect(row.x2s).toBe(next.x2);
      expect(row.fx1s).toBe(linear(row.x1s, row.x2));
      expect(row.fx2s).toBe(linear(row.x1, row.x2s));
    });
  });

  it('should give the base error, the importances and the model reliances of the text', () => {
    const [numerator, denominator, shown] = grab(/mean squared error is \$(\d+)\/(\d+) \\approx ([\d.]+)\$/);
    expect(numerator! / denominator!).toBeCloseTo(base, 12);
    expect(round2(base)).toBe(shown);

    const permuted1 = rows.map((row) => linear(row.x1s, row.x2));
    const errors1 = permuted1.map((p, i) => p - ys[i]!);
    const m1 = /Shifting \$x_1\$ gives errors ([^,]+(?:, [^,]+){5}), squared and summed (\d+), a mean squared error of (\d+); the importance is \$\\mathrm\{PI\}_1 = \d+ - [\d.]+ = ([\d.]+)\$ and the model reliance \$\d+ \/ [\d.]+ = (\d+)\$/.exec(chapter);
    expect(m1).not.toBeNull();
    const [, e1, sum1, mse1, pi1, mr1] = m1 as RegExpExecArray;
    expect(list(e1!.replace(/\$/g, ''))).toEqual(errors1);
    expect(num(sum1!)).toBe(errors1.reduce((s, e) => s + e * e, 0));
    expect(num(mse1!)).toBe(mse(permuted1, ys));
    expect(num(pi1!)).toBe(round2(mse(permuted1, ys) - base));
    expect(num(mr1!)).toBeCloseTo(mse(permuted1, ys) / base, 9);

    const permuted2 = rows.map((row) => linear(row.x1, row.x2s));
    const errors2 = permuted2.map((p, i) => p - ys[i]!);
    const m2 = /Shifting \$x_2\$ gives errors ([^,]+(?:, [^,]+){5}), squared and summed (\d+), a mean squared error of ([\d.]+); so \$\\mathrm\{PI\}_2 = ([\d.]+)\$ and the model reliance is (\d+)/.exec(chapter);
    expect(m2).not.toBeNull();
    const [, e2, sum2, mse2, pi2, mr2] = m2 as RegExpExecArray;
    expect(list(e2!)).toEqual(errors2);
    expect(num(sum2!)).toBe(errors2.reduce((s, e) => s + e * e, 0));
    expect(num(mse2!)).toBe(round2(mse(permuted2, ys)));
    expect(num(pi2!)).toBe(round2(mse(permuted2, ys) - base));
    expect(num(mr2!)).toBeCloseTo(mse(permuted2, ys) / base, 9);
  });

  it('should give the average over all 720 permutations', () => {
    const all = permutations(6);
    const [count, avg1, avg2] = grab(/Averaged over all (\d+) permutations of six rows, the permuted mean squared error is ([\d.]+) for \$x_1\$ and ([\d.]+) for \$x_2\$/);
    expect(all).toHaveLength(count!);
    const average = (column: 'x1' | 'x2') =>
      all.reduce((sum, perm) => sum + mse(rows.map((row, i) => (column === 'x1' ? linear(rows[perm[i]!]!.x1, row.x2) : linear(row.x1, rows[perm[i]!]!.x2))), ys), 0) / all.length;
    expect(round2(average('x1'))).toBe(avg1);
    expect(round2(average('x2'))).toBe(avg2);
  });

  it('should recompute exercise 1 (the reversal permutation)', () => {
    const reversed = rows.map((_, i) => rows[rows.length - 1 - i]!.x1);
    expect(list(/Reversed, \$x_1\$ becomes \$([^$]+)\$\./.exec(chapter)![1]!)).toEqual(reversed);
    const predictions = rows.map((row, i) => linear(reversed[i]!, row.x2));
    const m = /The predictions \$2x_1 \+ x_2\$ are \$([^$]+)\$, the errors against \$y\$ are \$([^$]+)\$ and their squares sum to (\d+)\. The permuted mean squared error is \$\d+\/6 \\approx ([\d.]+)\$, so \$\\mathrm\{PI\}_1 = [\d.]+ - [\d.]+ = ([\d.]+)\$ and the model reliance is \$[\d.]+ \/ [\d.]+ = (\d+)\$/.exec(chapter);
    expect(m).not.toBeNull();
    const [, preds, errs, sum, permuted, pi, reliance] = m as RegExpExecArray;
    expect(list(preds!)).toEqual(predictions);
    expect(list(errs!)).toEqual(predictions.map((p, i) => p - rows[i]!.y));
    expect(num(sum!)).toBe(predictions.reduce((s, p, i) => s + (p - rows[i]!.y) ** 2, 0));
    expect(num(permuted!)).toBe(round2(mse(predictions, ys)));
    expect(num(pi!)).toBe(round2(mse(predictions, ys) - base));
    expect(num(reliance!)).toBeCloseTo(mse(predictions, ys) / base, 9);
    const [cyclicPi, cyclicMr, average] = grab(/This differs from the cyclic shift's ([\d.]+) and (\d+), and both lie above the average over all permutations \(([\d.]+)\)/);
    expect(cyclicPi).toBe(12.67);
    expect(cyclicMr).toBe(39);
    expect(average).toBe(8.33);
  });
});

describe('the running example: PD, ICE and ALE by hand', () => {
  const points: Point2[] = [0, 1, 2, 3].map((v) => ({ x1: v, x2: v }));
  const grid = [0, 1, 2, 3];

  it('should give the predictions on the data', () => {
    const [a, b, c, d] = grab(/the predictions are (\d), (\d), (\d) and (\d)\./);
    expect([a, b, c, d]).toEqual(points.map((p) => f(p.x1, p.x2)));
  });

  it('should compute PD at 3 and on the grid', () => {
    const m = /= \\tfrac\{1\}\{4\}\\big\[([^\]]+)\\big\] = (-?\d+) \.\n\$\$/.exec(chapter);
    expect(m).not.toBeNull();
    const terms = (m as RegExpExecArray)[1]!.split('+').map(num);
    expect(terms).toEqual(points.map((p) => f(3, p.x2)));
    expect(num((m as RegExpExecArray)[2]!)).toBe(partialDependence(f, points, [3])[0]);
    const [pd] = [/\\widehat\{\\mathrm\{PD\}\}_1 = ([^$]+)\$ at/.exec(chapter)?.[1]];
    expect(list(pd!)).toEqual(partialDependence(f, points, grid));
    const [p1, p2, p3] = grab(/there the penalty \$\(x_1 - x_2\)\^2\$ reaches (\d), (\d) and (\d)/);
    expect([p1, p2, p3]).toEqual([0, 1, 2].map((x2) => (3 - x2) ** 2));
  });

  it('should print the ICE table and its mean', () => {
    const rows = [...chapter.matchAll(/^\| ICE of \$([A-D])\$ \(\$x_2 = (\d)\$\) \| (.+) \|$/gm)];
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const values = row[3]!.split('|').map(num);
      expect(values).toEqual(iceCurve(f, { x1: 0, x2: Number(row[2]) }, grid));
    }
    const mean = /^\| PD \(mean\) \| (.+) \|$/m.exec(chapter);
    expect(mean![1]!.split('|').map(num)).toEqual(partialDependence(f, points, grid));
    const diagonal = grab(/each curve passes through its own observation \(the diagonal entries of the table, (\d), (\d), (\d), (\d)\)/);
    expect(diagonal).toEqual(points.map((p) => f(p.x1, p.x2)));
  });

  it('should compute the ALE local effects, the uncentred and centred ALE', () => {
    const [a0, a1, a2, b0, b1, b2, mean1] = grab(/a change of \$f\(1, 0\) - f\(0, 0\) = (\d) - (\d) = (\d)\$; \$B\$ moves from \$\(0, 1\)\$ to \$\(1, 1\)\$, a change of \$(\d) - (\d) = (\d)\$\. Mean: (\d)\./);
    expect([a0, a1, a2]).toEqual([f(1, 0), f(0, 0), f(1, 0) - f(0, 0)]);
    expect([b0, b1, b2]).toEqual([f(1, 1), f(0, 1), f(1, 1) - f(0, 1)]);
    expect(mean1).toBe((a2! + b2!) / 2);
    const [c0, c1, c2] = grab(/\$C\$ moves from \$\(1, 2\)\$ to \$\(2, 2\)\$, a change of \$(\d) - (\d) = (\d)\$/);
    expect([c0, c1, c2]).toEqual([f(2, 2), f(1, 2), f(2, 2) - f(1, 2)]);
    const [d0, d1, d2] = grab(/\$D\$ moves from \$\(2, 3\)\$ to \$\(3, 3\)\$, a change of \$(\d) - (\d) = (\d)\$/);
    expect([d0, d1, d2]).toEqual([f(3, 3), f(2, 3), f(3, 3) - f(2, 3)]);
    const uncentred = uncentredAle(f, points, grid);
    expect(list(/the uncentred ALE is ([\d, ]+) at/.exec(chapter)![1]!)).toEqual(uncentred);
    const [t1, t2, t3, t4, constant] = grab(/\((\d) \+ (\d) \+ (\d) \+ (\d)\)\/4 = ([\d.]+)\$, so the centred ALE is/);
    expect([t1, t2, t3, t4]).toEqual(points.map((p) => uncentred[Math.max(1, p.x1)]));
    expect(constant).toBe(centringConstant(uncentred, points, grid));
    const centred = list(/so the centred ALE is \$([^$]+)\$\. It rises/.exec(chapter)![1]!);
    expect(centred).toEqual(uncentred.map((v) => v - constant!));
    const [rise] = grab(/It rises by (\d) over each of the last two intervals/);
    expect(centred[3]! - centred[2]!).toBe(rise);
    expect(centred[2]! - centred[1]!).toBe(rise);
  });

  it('should describe the worked-example figure with the computed values', () => {
    const ice = [...chapter.matchAll(/([A-D]) goes (-?[\d−.]+), (-?[\d−.]+), (-?[\d−.]+), (-?[\d−.]+)/g)];
    expect(ice).toHaveLength(4);
    for (const match of ice) {
      const point = points['ABCD'.indexOf(match[1]!)]!;
      expect(match.slice(2).map(num)).toEqual(iceCurve(f, point, grid));
    }
    const pd = /PD, goes ([^.]+(?:\.\d)?)\. A solid/.exec(chapter);
    expect(list(pd![1]!.replace(/−/g, '-'))).toEqual(partialDependence(f, points, grid));
    const [shift] = grab(/ALE plus the mean prediction (\d), goes/);
    expect(shift).toBe(points.reduce((s, p) => s + f(p.x1, p.x2), 0) / 4);
    const ale = /ALE plus the mean prediction \d, goes ([\d., ]+)\./.exec(chapter);
    const centred = uncentredAle(f, points, grid).map((v) => v - 2.5 + shift!);
    expect(list(ale![1]!.replace(/\.$/, ''))).toEqual(centred);
    // The SVG draws the same legend and the PD line with its squares at the computed heights.
    expect(workedFigure).toContain('ALE + mean prediction 3');
    expect(workedFigure).toContain('<title>');
  });
});

describe('the interactive figure’s numbers', () => {
  const directive = /```\{interactive\} effect-plots\n([\s\S]*?)```/.exec(chapter)![1]!;
  const option = (name: string) => new RegExp(`^:${name}: (.+)$`, 'm').exec(directive)?.[1];
  const { data: settings, problems } = readEffectPlotsOptions({ seed: option('seed'), points: option('points'), intervals: option('intervals'), correlation: option('correlation') });
  const correlated = effectState(settings, settings.correlation);
  const independent = effectState(settings, 0);
  const last = correlated.grid.length - 1;

  it('should describe the directive’s settings in the text', () => {
    expect(problems).toEqual([]);
    const [points] = grab(/on a sample of (\d+) points whose correlation you set/);
    expect(points).toBe(settings.points);
    const [intervals, each] = grab(/The grid has (\d+) intervals at the quantiles of \$x_1\$, (\d+) points each/);
    expect(intervals).toBe(settings.intervals);
    expect(each).toBe(settings.points / settings.intervals);
  });

  it('should print the state at the starting correlation and at zero', () => {
    const [rho, sample] = grab(/At \$\\rho = ([\d.]+)\$ \(a sample correlation of ([\d.]+)\), PD rises/);
    expect(rho).toBe(settings.correlation);
    expect(formatNumber(correlated.sampleCorrelation)).toBe(sample!.toFixed(2));
    const [z7, z8, pd7, pd8] = grab(/from the second-highest grid value, \$x_1 = ([\d.]+)\$, to the highest, \$x_1 = ([\d.]+)\$, it drops from ([\d.]+) to \$(-?[\d.]+)\$/);
    expect([z7, z8]).toEqual([correlated.grid[last - 1], correlated.grid[last]].map((v) => round2(v!)));
    expect([pd7, pd8]).toEqual([correlated.pd[last - 1], correlated.pd[last]].map((v) => round2(v!)));
    const [ale7, ale8] = grab(/Over the same interval ALE climbs from ([\d.]+) to ([\d.]+)\./);
    expect([ale7, ale8]).toEqual([correlated.ale[last - 1], correlated.ale[last]].map((v) => round2(v!)));
    const [gap] = grab(/The largest gap between the two centred curves is ([\d.]+)\./);
    expect(gap).toBe(round2(correlated.maxGap));
    const [sample0, gap0] = grab(/At \$\\rho = 0\$ \(a sample correlation of ([\d.]+)\) the two curves nearly coincide, with a largest gap of ([\d.]+)/);
    expect(sample0).toBe(round2(independent.sampleCorrelation));
    expect(gap0).toBe(round2(independent.maxGap));
  });

  it('should give the alt text’s numbers', () => {
    const alt = /^:alt: (.+)$/m.exec(directive)![1]!;
    const [rho, sample, peak, peakAt, end, endAt, from, to, gap] = grab(
      /It opens at rho = ([\d.]+) \(sample correlation ([\d.]+)\): PD rises to a peak of ([\d.]+) at x1 = ([\d.]+) and falls to (−[\d.]+) at x1 = ([\d.]+), while ALE rises steadily from (−[\d.]+) to ([\d.]+); the largest gap between them is ([\d.]+)\./,
      alt,
    );
    expect(rho).toBe(settings.correlation);
    expect(sample).toBe(round2(correlated.sampleCorrelation));
    const top = correlated.pd.indexOf(Math.max(...correlated.pd));
    expect([peak, peakAt]).toEqual([correlated.pd[top], correlated.grid[top]].map((v) => round2(v!)));
    expect([end, endAt]).toEqual([correlated.pd[last], correlated.grid[last]].map((v) => round2(v!)));
    expect([from, to]).toEqual([correlated.ale[0], correlated.ale[last]].map((v) => round2(v!)));
    correlated.ale.slice(1).forEach((value, k) => expect(value).toBeGreaterThan(correlated.ale[k]!));
    expect(gap).toBe(round2(correlated.maxGap));
    const [gridPoints] = grab(/at the (\w+) grid points/, alt.replace('nine', '9'));
    expect(gridPoints).toBe(correlated.grid.length);
  });

  it('should give exercise 5’s slopes', () => {
    const [z] = grab(/give the slope of ALE at \$z = ([\d.]+)\$/);
    const [s0, s9] = grab(/it is \$1 - 3 = (-?\d+)\$ for \$\\rho = 0\$ and \$1 - 0\.3 = ([\d.]+)\$ for \$\\rho = 0\.9\$/);
    expect(s0).toBe(1 - 2 * (1 - 0) * z!);
    expect(s9).toBeCloseTo(1 - 2 * (1 - 0.9) * z!, 12);
  });
});

describe('surrogate and exercises 2 to 4', () => {
  const points: Point2[] = [0, 1, 2, 3].map((v) => ({ x1: v, x2: v }));
  const grid = [0, 1, 2, 3];

  it('should give the surrogate’s fidelity on the data', () => {
    const predictions = points.map((p) => f(p.x1, p.x2));
    const surrogate = points.map((p) => 2 * p.x1);
    const mean = predictions.reduce((s, v) => s + v, 0) / 4;
    const r2 = 1 - predictions.reduce((s, v, i) => s + (v - surrogate[i]!) ** 2, 0) / predictions.reduce((s, v) => s + (v - mean) ** 2, 0);
    const [shown] = grab(/its fidelity on the data is \$R\^2_\{\\text\{fid\}\} = (\d)\$/);
    expect(r2).toBe(shown);
  });

  it('should recompute exercise 2 (an additive model)', () => {
    const additive = (x1: number, x2: number) => x1 + x2 * x2;
    const [mean] = grab(/PD at \$z\$ is \$z \+ \(0 \+ 1 \+ 4 \+ 9\)\/4 = z \+ ([\d.]+)\$/);
    expect(mean).toBe(points.reduce((s, p) => s + p.x2 ** 2, 0) / 4);
    const pd = list(/= z \+ [\d.]+\$: that is ([\d., ]+)\. Every/.exec(chapter)![1]!);
    expect(pd).toEqual(partialDependence(additive, points, grid));
    const uncentred = uncentredAle(additive, points, grid);
    expect(list(/so the uncentred ALE is ([\d, ]+); the centring/.exec(chapter)![1]!)).toEqual(uncentred);
    const [constant] = grab(/the centring constant is \$\(1 \+ 1 \+ 2 \+ 3\)\/4 = ([\d.]+)\$/);
    expect(constant).toBe(centringConstant(uncentred, points, grid));
    const centred = list(/so the centred ALE is \$([^$]+)\$\. The two curves/.exec(chapter)![1]!);
    expect(centred).toEqual(uncentred.map((v) => v - constant!));
    const [offset] = grab(/The two curves differ by the constant ([\d.]+) at every grid point/);
    pd.forEach((v, k) => expect(v - centred[k]!).toBe(offset));
  });

  it('should recompute exercise 3 (the ICE peaks)', () => {
    const peaks = list(/for \$A\$ to \$D\$ the peaks are at ([\d., ]+) and ([\d.]+)\./.exec(chapter)!.slice(1).join(', '));
    for (const [i, p] of points.entries()) {
      // The peak of z ↦ f(z, x2) on a fine grid.
      const zs = Array.from({ length: 8001 }, (_, k) => -1 + k / 1000);
      const best = zs.reduce((a, b) => (f(b, p.x2) > f(a, p.x2) ? b : a));
      expect(best).toBeCloseTo(peaks[i]!, 6);
    }
  });

  it('should recompute exercise 4 (fidelity off the data)', () => {
    const [fa, fb, fc, g] = grab(/There \$f = (-?\d), (\d), (\d)\$ and \$g = (\d)\$/);
    expect([fa, fb, fc]).toEqual([0, 1, 2].map((x2) => f(3, x2)));
    expect(g).toBe(2 * 3);
    const [s1, s2, s3, total, mean] = grab(/squared differences are (\d+), (\d+) and (\d+) and their mean is \$(\d+)\/3 \\approx ([\d.]+)\$/);
    expect([s1, s2, s3]).toEqual([fa, fb, fc].map((v) => (v! - g!) ** 2));
    expect(total).toBe(s1! + s2! + s3!);
    expect(mean).toBe(round2(total! / 3));
  });
});
