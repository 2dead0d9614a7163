/**
 * Recomputes every number of the worked examples and exercises of chapter 3-2-mechanism
 * (content/3-privacy/3-2-mechanism.mdx) from the sentence or table that prints it, and checks the
 * numbers printed in its Laplace-neighbours figure: a wrong number in the chapter fails a test here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const chapter = readFileSync(new URL('../../../content/3-privacy/3-2-mechanism.mdx', import.meta.url), 'utf8');
const figure = readFileSync(new URL('../../../public/figures/3-2-mechanism/laplace-neighbours.svg', import.meta.url), 'utf8');

/** The capture groups of `pattern` in the chapter, as numbers (commas removed); fails when the sentence is missing. */
function numbersIn(pattern: RegExp, text = chapter): number[] {
  const match = pattern.exec(text);
  expect(match, `the chapter should contain ${pattern}`).not.toBeNull();
  return (match as RegExpExecArray).slice(1).map((group) => Number(group.replace(/,|\{,\}/g, '')));
}

/** `value` as printed with `digits` decimals. */
const rounded = (value: number, digits: number) => Number(value.toFixed(digits));

/** Largest posterior probability after a release of privacy level ε, from a prior probability (pure DP, eq-dp-odds). */
function posteriorCeiling(prior: number, epsilon: number): number {
  const odds = (prior / (1 - prior)) * Math.exp(epsilon);
  return odds / (1 + odds);
}

function posteriorFloor(prior: number, epsilon: number): number {
  return posteriorCeiling(prior, -epsilon);
}

/** Equivalence classes of a released table: quasi-identifiers → sensitive values. */
function classesOf(rows: readonly { quasi: string; sensitive: string }[]): Map<string, string[]> {
  const classes = new Map<string, string[]>();
  for (const row of rows) classes.set(row.quasi, [...(classes.get(row.quasi) ?? []), row.sensitive]);
  return classes;
}

const kOf = (classes: Map<string, string[]>) => Math.min(...[...classes.values()].map((values) => values.length));
const distinctLOf = (classes: Map<string, string[]>) => Math.min(...[...classes.values()].map((values) => new Set(values).size));

/** Distribution of sensitive values over the categories `categories`. */
function distribution(values: readonly string[], categories: readonly string[]): number[] {
  return categories.map((category) => values.filter((value) => value === category).length / values.length);
}

/** Total variation distance, the earth mover's distance for equally distant categories. */
const totalVariation = (p: readonly number[], q: readonly number[]) => 0.5 * p.reduce((sum, value, index) => sum + Math.abs(value - (q[index] ?? 0)), 0);

/** The released table of the worked example, read from the chapter's Markdown table. */
const tableRows = [...chapter.matchAll(/^\| (\d+) \| (\d+)\\\*\\\* \| ([^|]+) \| ([^|]+) \|$/gm)].map(([, record, postcode, age, diagnosis]) => ({
  record: Number(record),
  postcode: postcode as string,
  age: (age as string).trim(),
  diagnosis: (diagnosis as string).trim(),
}));
const CATEGORIES = ['Flu', 'Heart disease', 'Cancer'];

describe('worked example: checking a released table', () => {
  it('should read the ten records of the table', () => {
    expect(tableRows.map((row) => row.record)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  const released = classesOf(tableRows.map((row) => ({ quasi: `${row.postcode}|${row.age}`, sensitive: row.diagnosis })));

  it('should have classes of sizes 4, 3 and 3, so the table is 3-anonymous', () => {
    expect(numbersIn(/There are three equivalence classes, of sizes (\d+), (\d+) and (\d+), so the table is \*\*(\d+)-anonymous\*\*/)).toEqual([
      ...[...released.values()].map((values) => values.length),
      kOf(released),
    ]);
    expect(released.size).toBe(3);
    expect(chapter).toContain('There are three equivalence classes');
  });

  it('should have 3, 1 and 2 distinct diagnoses, so the table is only 1-diverse', () => {
    expect(numbersIn(/the classes have (\d+), (\d+) and (\d+) distinct diagnoses, so the table is only \*\*(\d+)-diverse\*\*/)).toEqual([
      ...[...released.values()].map((values) => new Set(values).size),
      distinctLOf(released),
    ]);
  });

  it('should put Bob (45, postcode 47909) in the homogeneous class and Alice (34, 47602) in the class with flu 2/3', () => {
    const bob = released.get('479|40+') ?? [];
    expect(chapter).toContain('Bob is 45 and lives at postcode 47909');
    expect(new Set(bob)).toEqual(new Set(['Cancer']));
    const alice = released.get('476|30–39') ?? [];
    expect(chapter).toContain('Alice is 34 and lives at 47602');
    expect(alice.filter((value) => value === 'Flu').length / alice.length).toBeCloseTo(2 / 3, 12);
    expect(chapter).toContain('flu with probability 2/3');
  });

  // The merged release: records 1–4 stay; records 5–10 form one class (postcode 47***, age 30+).
  const merged = classesOf(tableRows.map((row) => ({ quasi: row.record <= 4 ? 'A' : 'B', sensitive: row.diagnosis })));

  it('should make the merged table 4-anonymous and 3-diverse', () => {
    expect(chapter).toContain('six records with three Cancer, two Flu and one Heart disease');
    const second = merged.get('B') ?? [];
    expect([second.filter((v) => v === 'Cancer').length, second.filter((v) => v === 'Flu').length, second.filter((v) => v === 'Heart disease').length]).toEqual([3, 2, 1]);
    expect(numbersIn(/The smallest class has (\d+) records and both classes contain (\d+) distinct diagnoses, so the new table is \*\*(\d+)-anonymous and (\d+)-diverse\*\*/)).toEqual([
      kOf(merged),
      distinctLOf(merged),
      kOf(merged),
      distinctLOf(merged),
    ]);
  });

  it('should compute the t-closeness distances 0.15 and 0.1 and call the table 0.15-close', () => {
    const all = distribution(tableRows.map((row) => row.diagnosis), CATEGORIES);
    expect(numbersIn(/\$Q\$ gives Flu (\d+(?:\.\d+)?), Heart disease (\d+(?:\.\d+)?) and Cancer (\d+(?:\.\d+)?)/)).toEqual(all);
    expect(numbersIn(/half of the second class has cancer, against (\d+)% in the whole table/)).toEqual([100 * (all[2] ?? 0)]);
    const first = distribution(merged.get('A') ?? [], CATEGORIES);
    const second = distribution(merged.get('B') ?? [], CATEGORIES);
    expect(numbersIn(/The first class has \((\d+(?:\.\d+)?), (\d+(?:\.\d+)?), (\d+(?:\.\d+)?)\)/)).toEqual(first);
    expect(second).toEqual([1 / 3, 1 / 6, 1 / 2]);
    expect(chapter).toContain('the second has (1/3, 1/6, 1/2)');
    const [d1, d2, closeness] = numbersIn(/at distance \$\\frac\{1\}\{2\}\(0\.1 \+ 0\.05 \+ 0\.15\) = (\d+(?:\.\d+)?)\$; the second has \(1\/3, 1\/6, 1\/2\), at distance \$\\frac\{1\}\{2\}\(1\/15 \+ 1\/30 \+ 1\/10\) = (\d+(?:\.\d+)?)\$\. The table is therefore \*\*(\d+(?:\.\d+)?)-close\*\*/);
    expect(d1).toBeCloseTo(totalVariation(first, all), 12);
    expect(d2).toBeCloseTo(totalVariation(second, all), 12);
    expect(closeness).toBeCloseTo(Math.max(totalVariation(first, all), totalVariation(second, all)), 12);
    // The terms written inside the sums are the absolute differences.
    expect(first.map((p, i) => Math.abs(p - (all[i] ?? 0)))).toEqual([0.09999999999999998, 0.04999999999999999, 0.15000000000000002].map((x) => expect.closeTo(x, 12)));
    expect(second.map((p, i) => Math.abs(p - (all[i] ?? 0)))).toEqual([1 / 15, 1 / 30, 1 / 10].map((x) => expect.closeTo(x, 12)));
  });
});

describe('interpreting ε as a bound on odds', () => {
  it('should give prior odds 0.111 for 10%, a factor 1.65 at ε = 0.5, and a ceiling of 15.5% and floor of 6.3%', () => {
    const [prior, odds, epsilon, factor, ceiling, floor] = numbersIn(
      /thinks there is a (\d+)% chance that Bob is a patient has prior odds \$0\.1\/0\.9 = (\d+(?:\.\d+)?)\$\. After a release with \$\\varepsilon = (\d+(?:\.\d+)?)\$, whose factor is \$e\^\{0\.5\} = (\d+(?:\.\d+)?)\$, the posterior probability is at most \*\*(\d+(?:\.\d+)?)%\*\* \(and at least (\d+(?:\.\d+)?)%\)/,
    );
    const p = (prior ?? 0) / 100;
    expect(odds).toBe(rounded(p / (1 - p), 3));
    expect(factor).toBe(rounded(Math.exp(epsilon ?? 0), 2));
    expect(ceiling).toBe(rounded(100 * posteriorCeiling(p, epsilon ?? 0), 1));
    expect(floor).toBe(rounded(100 * posteriorFloor(p, epsilon ?? 0), 1));
  });

  it('should give ceilings of 23.2% at ε = 1 and 94.3% at ε = 5 (factor 148)', () => {
    const [eps1, ceiling1, eps5, factor5, ceiling5] = numbersIn(
      /With \$\\varepsilon = (\d+)\$ the ceiling is \*\*(\d+(?:\.\d+)?)%\*\*; with \$\\varepsilon = (\d+)\$, whose factor is (\d+), it is \*\*(\d+(?:\.\d+)?)%\*\*/,
    );
    expect(ceiling1).toBe(rounded(100 * posteriorCeiling(0.1, eps1 ?? 0), 1));
    expect(factor5).toBe(Math.round(Math.exp(eps5 ?? 0)));
    expect(ceiling5).toBe(rounded(100 * posteriorCeiling(0.1, eps5 ?? 0), 1));
  });
});

describe('worked example: a private count with the Laplace mechanism', () => {
  it('should state the clinic of the interactive figure: 40 patients, 13 with the condition', () => {
    expect(numbersIn(/The clinic of the interactive figure below has (\d+) patients, of whom (\d+) have a condition/)).toEqual([40, 13]);
  });

  const epsilon = 0.5;
  const b = 1 / epsilon;

  it('should compute the scale 2, the expected error 2 and the standard deviation 2.83', () => {
    const [eps, scale, error, sdFactor, sd] = numbersIn(
      /with \$\\varepsilon = (\d+(?:\.\d+)?)\$\. The sensitivity is 1, so the noise scale is \$b = 1\/0\.5 = (\d+)\$\. The \*\*expected absolute error is (\d+)\*\* patients, and the standard deviation is \$\\sqrt\{2\} \\cdot (\d+) = (\d+(?:\.\d+)?)\$/,
    );
    expect(eps).toBe(epsilon);
    expect(scale).toBe(b);
    expect(error).toBe(b);
    expect(sdFactor).toBe(b);
    expect(sd).toBe(rounded(Math.SQRT2 * b, 2));
  });

  it('should give the tails e^-1 = 0.368 beyond 2, e^-2.5 = 0.082 beyond 5, and the 95% bound b ln 20 = 5.99', () => {
    const [a1, p1, a2, p2, bound] = numbersIn(
      /off by more than (\d+) with probability \$e\^\{-1\} = (\d+(?:\.\d+)?)\$, and off by more than (\d+) with probability \$e\^\{-2\.5\} = (\d+(?:\.\d+)?)\$\. With probability 95% the error is at most \$b \\ln 20 = (\d+(?:\.\d+)?)\$/,
    );
    expect(p1).toBe(rounded(Math.exp(-(a1 ?? 0) / b), 3));
    expect(p2).toBe(rounded(Math.exp(-(a2 ?? 0) / b), 3));
    expect(bound).toBe(rounded(b * Math.log(1 / 0.05), 2));
    expect(Math.exp(-(bound ?? 0) / b)).toBeCloseTo(0.05, 3);
  });
});

describe('the Gaussian mechanism', () => {
  const sigmaFor = (l2: number, epsilon: number, delta: number) => (l2 * Math.sqrt(2 * Math.log(1.25 / delta))) / epsilon;

  it('should ask σ = 9.69 for a count at ε = 0.5, δ = 1e-5, against the Laplace standard deviation 2.83', () => {
    const [sigma, laplaceSd] = numbersIn(/this asks for \$\\sigma = \\sqrt\{2 \\ln 125\{,\}000\}\/0\.5 = (\d+(?:\.\d+)?)\$, far more than the Laplace standard deviation of (\d+(?:\.\d+)?)/);
    expect(1.25 / 1e-5).toBeCloseTo(125_000, 6);
    expect(sigma).toBe(rounded(sigmaFor(1, 0.5, 1e-5), 2));
    expect(laplaceSd).toBe(rounded(Math.SQRT2 * (1 / 0.5), 2));
  });

  it('should compare Laplace scale 200 with Gaussian σ = 96.9 for 100 coordinates', () => {
    const [coordinates, l1, l2, scale, sigma] = numbersIn(
      /each of (\d+) coordinates by 1, then \$\\Delta f = (\d+)\$ but \$\\Delta_2 f = (\d+)\$: the Laplace mechanism needs scale \$100\/0\.5 = (\d+)\$ on every coordinate, the Gaussian mechanism \$\\sigma = 10 \\times 9\.69 = (\d+(?:\.\d+)?)\$/,
    );
    expect(l1).toBe(coordinates);
    expect(l2).toBe(Math.sqrt(coordinates ?? 0));
    expect(scale).toBe((l1 ?? 0) / 0.5);
    expect(sigma).toBe(rounded(sigmaFor(l2 ?? 0, 0.5, 1e-5), 1));
  });
});

describe('the exponential mechanism', () => {
  it('should weigh counts 20, 15 and 5 at ε = 0.5 and report the winner with probability 0.763', () => {
    const [c1, c2, c3, epsilon, w1, w2, w3, p1, p2, p3] = numbersIn(
      /three conditions whose counts are (\d+), (\d+) and (\d+) \(utility = count, \$\\Delta u = 1\$\) with \$\\varepsilon = (\d+(?:\.\d+)?)\$, the weights are \$e\^\{5\} = (\d+(?:\.\d+)?)\$, \$e\^\{3\.75\} = (\d+(?:\.\d+)?)\$ and \$e\^\{1\.25\} = (\d+(?:\.\d+)?)\$, and the mechanism reports the true winner with probability \*\*(\d+(?:\.\d+)?)\*\*, the runner-up with probability (\d+(?:\.\d+)?) and the rare condition with probability (\d+(?:\.\d+)?)/,
    );
    const weights = [c1, c2, c3].map((count) => Math.exp(((epsilon ?? 0) * (count ?? 0)) / 2));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    expect([w1, w2, w3]).toEqual([rounded(weights[0] ?? 0, 1), rounded(weights[1] ?? 0, 1), rounded(weights[2] ?? 0, 2)]);
    expect([p1, p2, p3]).toEqual(weights.map((weight) => rounded(weight / total, 3)));
  });
});

describe('composition', () => {
  it('should spend ε = 1 on 10 queries at 0.1, and give each of 20 queries 0.05 and scale 20', () => {
    const [queries, each, total] = numbersIn(/ask (\d+) counting queries at \$\\varepsilon = (\d+(?:\.\d+)?)\$ each, the whole session costs \$\\varepsilon = (\d+)\$/);
    expect(total).toBeCloseTo((queries ?? 0) * (each ?? 0), 12);
    const [budget, count, share, scale, error] = numbersIn(/If the budget is \$\\varepsilon = (\d+)\$ and (\d+) queries are needed, each gets (\d+(?:\.\d+)?) and its Laplace scale is \$1\/0\.05 = (\d+)\$: each count is off by (\d+) on average/);
    expect(share).toBeCloseTo((budget ?? 0) / (count ?? 1), 12);
    expect(scale).toBeCloseTo(1 / (share ?? 1), 9);
    expect(error).toBe(scale);
  });

  it('should charge a six-band histogram ε = 1 under parallel composition, not 6', () => {
    const [perBand, total, naive] = numbersIn(/A histogram of six age bands released with \$\\varepsilon = (\d+)\$ per band costs \$\\varepsilon = (\d+)\$ in total, not (\d+)/);
    const bands = Array.from({ length: 6 }, () => perBand ?? 0);
    expect(total).toBe(Math.max(...bands));
    expect(naive).toBe(bands.reduce((sum, epsilon) => sum + epsilon, 0));
  });
});

describe('DP-SGD', () => {
  it('should sample at q = 0.01 and run 1,000 steps in 10 epochs', () => {
    const [n, batch, q, epochs, steps] = numbersIn(/with \$N = (60\{,\}000)\$ examples and batches of \$L = (\d+)\$, the sampling rate is \$q = (\d+(?:\.\d+)?)\$, and (\d+) epochs are \$10 \/ 0\.01 = (1\{,\}000)\$ steps/);
    expect(q).toBe((batch ?? 0) / (n ?? 1));
    expect(steps).toBe((epochs ?? 0) / (q ?? 1));
  });

  it('should scale a gradient of norm 5 down by 5 with C = 1 and leave norm 0.4 alone', () => {
    const clipFactor = (norm: number, c: number) => Math.max(1, norm / c);
    const [norm, c, factor, small] = numbersIn(/A gradient of norm (\d+) with \$C = (\d+)\$ is scaled down by a factor of (\d+); a gradient of norm (\d+(?:\.\d+)?) is left alone/);
    expect(factor).toBe(clipFactor(norm ?? 0, c ?? 1));
    expect(clipFactor(small ?? 0, c ?? 1)).toBe(1);
  });
});

describe('membership inference and the DP bound', () => {
  it('should cap TPR at 0.27% for ε = 1 and give a vacuous 2.98 for ε = 8 at FPR 0.1%', () => {
    const [eps1, fpr, tpr1] = numbersIn(/trained with \$\\varepsilon = (\d+)\$ and negligible δ, an attack run at FPR (\d+(?:\.\d+)?)% can reach a TPR of at most \$e\^\{1\} \\times 0\.001 = (\d+(?:\.\d+)?)\\%\$/);
    expect(tpr1).toBe(rounded(100 * Math.exp(eps1 ?? 0) * ((fpr ?? 0) / 100), 2));
    const [eps8, bound8] = numbersIn(/For \$\\varepsilon = (\d+)\$, a value that appears in published results on private deep learning, the same bound is \$e\^\{8\} \\times 0\.001 = (\d+(?:\.\d+)?)\$/);
    expect(bound8).toBe(rounded(Math.exp(eps8 ?? 0) * 0.001, 2));
    expect(bound8).toBeGreaterThan(1);
  });

  it('should bound the advantage by (e^ε − 1)/(e^ε + 1) = 0.46 at ε = 1, the best point of both inequalities', () => {
    const [advantage] = numbersIn(/\(e\^\{\\varepsilon\} - 1\)\/\(e\^\{\\varepsilon\} \+ 1\)\$, which is (\d+(?:\.\d+)?) at \$\\varepsilon = 1\$/);
    const e = Math.E;
    expect(advantage).toBe(rounded((e - 1) / (e + 1), 2));
    // The vertex where TPR = e^ε FPR meets 1 − FPR = e^ε (1 − TPR) attains it; no point of the region does better.
    const fpr = 1 / (e + 1);
    const tpr = e / (e + 1);
    expect(tpr).toBeCloseTo(e * fpr, 12);
    expect(1 - fpr).toBeCloseTo(e * (1 - tpr), 12);
    let best = 0;
    for (let f = 0; f <= 1; f += 0.001) best = Math.max(best, Math.min(e * f, 1 - (1 - f) / e, 1) - f);
    expect(best).toBeCloseTo((e - 1) / (e + 1), 3);
  });
});

describe('the Laplace-neighbours figure', () => {
  const density = (x: number, centre: number, b: number) => Math.exp(-Math.abs(x - centre) / b) / (2 * b);

  it('should print the two densities at a release of 15 and their ratio e^1 ≈ 2.72', () => {
    const [withBob] = numbersIn(/p_D\(15\) = (\d+(?:\.\d+)?) \(circle\)/, figure);
    const [withoutBob] = numbersIn(/p_D′\(15\) = (\d+(?:\.\d+)?) \(square\)/, figure);
    const [ratio] = numbersIn(/ratio = e\^1 ≈ (\d+(?:\.\d+)?)/, figure);
    expect(withBob).toBe(rounded(density(15, 13, 1), 3));
    expect(withoutBob).toBe(rounded(density(15, 12, 1), 3));
    expect(ratio).toBe(rounded(density(15, 13, 1) / density(15, 12, 1), 2));
    expect(chapter).toContain('a circle marks the solid density, 0.068, and a square the dashed density, 0.025; their ratio is e to the 1, about 2.72');
  });
});

describe('exercises', () => {
  it('exercise 1: suppressing records 5 to 7 leaves a 3-anonymous, 2-diverse table with 1 cancer in 7 records', () => {
    const kept = tableRows.filter((row) => row.record < 5 || row.record > 7);
    const classes = classesOf(kept.map((row) => ({ quasi: `${row.postcode}|${row.age}`, sensitive: row.diagnosis })));
    expect(numbersIn(/Two classes remain, of sizes (\d+) and (\d+), with (\d+) and (\d+) distinct diagnoses: the table is (\d+)-anonymous and (\d+)-diverse/)).toEqual([
      ...[...classes.values()].map((values) => values.length),
      ...[...classes.values()].map((values) => new Set(values).size),
      kOf(classes),
      distinctLOf(classes),
    ]);
    const [cancerKept, rowsKept, cancerAll, rowsAll] = numbersIn(/\((\d+) case in (\d+) records instead of (\d+) in (\d+)\)/);
    expect([cancerKept, rowsKept]).toEqual([kept.filter((row) => row.diagnosis === 'Cancer').length, kept.length]);
    expect([cancerAll, rowsAll]).toEqual([tableRows.filter((row) => row.diagnosis === 'Cancer').length, tableRows.length]);
  });

  it('exercise 2: entropy 0.950 and largest entropy l of 2.59 for A, A, A, B, C', () => {
    const entropy = -(0.6 * Math.log(0.6) + 2 * 0.2 * Math.log(0.2));
    const [printedEntropy, exponent, l] = numbersIn(/2 \\times 0\.2 \\ln 0\.2\) = (\d+(?:\.\d+)?)\$, and entropy l-diversity requires entropy \$\\ge \\ln l\$, so the largest \$l\$ is \$e\^\{(\d+(?:\.\d+)?)\} = (\d+(?:\.\d+)?)\$/);
    expect(printedEntropy).toBe(rounded(entropy, 3));
    expect(exponent).toBe(printedEntropy);
    expect(l).toBe(rounded(Math.exp(entropy), 2));
    expect(Math.exp(entropy)).toBeGreaterThan(2);
    expect(Math.exp(entropy)).toBeLessThan(3);
  });

  it('exercise 3: clipping at 50 with ε = 0.25 gives scale 200 and P(|Z| > 400) = 0.135', () => {
    const [bound, epsilon] = numbersIn(/clipped to at most (\d+) nights, and the release uses \$\\varepsilon = (\d+(?:\.\d+)?)\$/);
    const [sensitivity, scale, error, a, probability] = numbersIn(/so \$\\Delta f = (\d+)\$ and \$b = 50\/0\.25 = (\d+)\$ nights\. The expected absolute error is (\d+) nights\. By \{eq\}`eq-dp-tail`, \$\\Pr\[\|Z\| > (\d+)\] = e\^\{-400\/200\} = e\^\{-2\} = (\d+(?:\.\d+)?)\$/);
    expect(sensitivity).toBe(bound);
    expect(scale).toBe((bound ?? 0) / (epsilon ?? 1));
    expect(error).toBe(scale);
    expect(probability).toBe(rounded(Math.exp(-(a ?? 0) / (scale ?? 1)), 3));
  });

  it('exercise 4: a budget of 2 over 8 queries gives scale 4; disjoint bands give scale 0.5', () => {
    const [budget, queries] = numbersIn(/total budget of \$\\varepsilon = (\d+)\$ and needs (\d+) counting queries/);
    const [share, scale, error, parallelScale, parallelError] = numbersIn(/Each query gets \$2\/8 = (\d+(?:\.\d+)?)\$, so the scale is \$1\/0\.25 = (\d+)\$ and the expected absolute error is (\d+) per count\.[\s\S]*?scale \$1\/2 = (\d+(?:\.\d+)?)\$ and expected error (\d+(?:\.\d+)?), eight times more accurate/);
    expect(share).toBe((budget ?? 0) / (queries ?? 1));
    expect(scale).toBe(1 / (share ?? 1));
    expect(error).toBe(scale);
    expect(parallelScale).toBe(1 / (budget ?? 1));
    expect(parallelError).toBe(parallelScale);
    expect((scale ?? 0) / (parallelScale ?? 1)).toBe(8);
  });

  it('exercise 5: a 1% prior rises to at most 6.9% at ε = 2 and 1.1% at ε = 0.1', () => {
    const [odds, factor, posteriorOdds, probability, factorSmall, probabilitySmall] = numbersIn(
      /Prior odds are \$0\.01\/0\.99 = (\d+(?:\.\d+)?)\$\. With \$\\varepsilon = 2\$, by \{eq\}`eq-dp-odds` the odds can grow by at most \$e\^\{2\} = (\d+(?:\.\d+)?)\$, to (\d+(?:\.\d+)?), a probability of (\d+(?:\.\d+)?)%\. With \$\\varepsilon = 0\.1\$ the factor is \$e\^\{0\.1\} = (\d+(?:\.\d+)?)\$ and the probability at most (\d+(?:\.\d+)?)%/,
    );
    expect(odds).toBe(rounded(0.01 / 0.99, 4));
    expect(factor).toBe(rounded(Math.exp(2), 2));
    expect(posteriorOdds).toBe(rounded((0.01 / 0.99) * Math.exp(2), 4));
    expect(probability).toBe(rounded(100 * posteriorCeiling(0.01, 2), 1));
    expect(factorSmall).toBe(rounded(Math.exp(0.1), 3));
    expect(probabilitySmall).toBe(rounded(100 * posteriorCeiling(0.01, 0.1), 1));
  });

  it('exercise 6: a (2, 1e-5)-DP model allows TPR at most 0.74% at FPR 0.1%, so 5% refutes the claim', () => {
    const [bound, percent] = numbersIn(/\\mathrm\{TPR\} \\le e\^\{2\} \\times 0\.001 \+ 10\^\{-5\} = (\d+(?:\.\d+)?)\$, that is (\d+(?:\.\d+)?)%, at an FPR of 0\.1%/);
    const exact = Math.exp(2) * 0.001 + 1e-5;
    expect(bound).toBe(rounded(exact, 4));
    expect(percent).toBe(rounded(100 * exact, 2));
    expect(numbersIn(/reaches a TPR of (\d+)% at an FPR of (\d+(?:\.\d+)?)%/)).toEqual([5, 0.1]);
    expect(0.05).toBeGreaterThan(exact);
  });
});
