/**
 * Recomputes every number of the worked examples and exercises of chapter 4-3-robustness
 * (content/4-special-topics/4-3-robustness.mdx) and checks that the chapter prints them: the minimal
 * perturbations of a linear classifier, FGSM steps, the high-dimensional argument, the flip counts of
 * the interactive figure, randomized-smoothing radii (with its figure), the label-shift example,
 * the shortcut example and the prompt-sensitivity summary. Each expected sentence is built from the
 * computed value, so a wrong number in the chapter fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const chapter = readFileSync(new URL('../../../content/4-special-topics/4-3-robustness.mdx', import.meta.url), 'utf8');
const smoothingFigure = readFileSync(new URL('../../../public/figures/4-3-robustness/smoothing-radius.svg', import.meta.url), 'utf8');

/** A number with `digits` decimals, as the chapter prints it. */
const fixed = (value: number, digits: number) => value.toFixed(digits);

/** The chapter contains this exact text. */
function printed(text: string): void {
  expect(chapter, `the chapter should print: ${text}`).toContain(text);
}

/** The complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** The standard normal distribution function Φ. */
const normalCdf = (x: number) => 0.5 * erfc(-x / Math.SQRT2);

/** Φ⁻¹ by bisection on Φ (monotone), to far better than the chapter's four decimals. */
function normalQuantile(p: number): number {
  let low = -10;
  let high = 10;
  for (let step = 0; step < 200; step++) {
    const middle = (low + high) / 2;
    if (normalCdf(middle) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** The certified radius of randomized smoothing, σ/2 (Φ⁻¹(pA) − Φ⁻¹(pB)). */
const smoothingRadius = (sigma: number, pA: number, pB: number) => (sigma / 2) * (normalQuantile(pA) - normalQuantile(pB));

/** A linear score w·x + b in any dimension. */
const score = (w: number[], b: number, x: number[]) => w.reduce((sum, weight, index) => sum + weight * (x[index] ?? 0), b);
const l1 = (w: number[]) => w.reduce((sum, weight) => sum + Math.abs(weight), 0);
const l2 = (w: number[]) => Math.sqrt(w.reduce((sum, weight) => sum + weight * weight, 0));

describe('the normal quantile used below', () => {
  it('should reproduce known quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 6);
    expect(normalQuantile(0.1)).toBeCloseTo(-normalQuantile(0.9), 6);
  });
});

describe('threat models', () => {
  it('should print the common L∞ budget 8/255', () => {
    printed(`$\\varepsilon = 8/255 \\approx ${fixed(8 / 255, 3)}$`);
  });
});

describe('the linear worked example: w = (3, 4), b = −6, x = (2, 1)', () => {
  const w = [3, 4];
  const b = -6;
  const x = [2, 1];
  const f = score(w, b, x);

  it('should print the norms and the score', () => {
    printed(`$\\lVert w \\rVert_2 = ${l2(w)}$ and $\\lVert w \\rVert_1 = ${l1(w)}$`);
    printed(`$f(x) = 6 + 4 - 6 = ${f}$`);
  });

  it('should print the smallest L2 flip, its perturbation and where it lands', () => {
    const size = Math.abs(f) / l2(w);
    printed(`$\\varepsilon^*_2 = 4/5 = ${fixed(size, 1)}$`);
    const delta = w.map((weight) => (-f * weight) / l2(w) ** 2);
    printed(`$-f(x)\\, w / \\lVert w \\rVert_2^2 = -4 \\cdot (3, 4)/25 = (${fixed(delta[0] ?? 0, 2)}, ${fixed(delta[1] ?? 0, 2)})$`);
    const target = x.map((value, index) => value + (delta[index] ?? 0));
    printed(`lands on the boundary at $(${fixed(target[0] ?? 0, 2)}, ${fixed(target[1] ?? 0, 2)})$`);
    expect(score(w, b, target)).toBeCloseTo(0, 12);
  });

  it('should print the smallest L∞ flip and where it lands', () => {
    const size = Math.abs(f) / l1(w);
    printed(`$\\varepsilon^*_\\infty = 4/7 \\approx ${fixed(size, 3)}$`);
    printed(`Both coordinates drop by $${fixed(size, 3)}$, landing at $(${fixed(2 - size, 2)}, ${fixed(1 - size, 2)})$`);
    printed(`$3 \\times ${fixed(2 - size, 4)} + 4 \\times ${fixed(1 - size, 4)} - 6 = 0$`);
    expect(score(w, b, [2 - size, 1 - size])).toBeCloseTo(0, 12);
  });

  it('should print the best attacks at budgets 0.5 and 0.6, and the L2 norm of the second', () => {
    const attack = (epsilon: number) => x.map((value, index) => value - epsilon * Math.sign(w[index] ?? 0));
    const half = attack(0.5);
    printed(`$x' = (${half.join(', ')})$, with score $f(x') = ${score(w, b, half)}$: still positive`);
    const more = attack(0.6);
    printed(`$x' = (${more.map((value) => fixed(value, 1)).join(', ')})$ and $f(x') = ${fixed(score(w, b, more), 1)}$: flipped`);
    printed(`L2 norm $0.6\\sqrt{2} \\approx ${fixed(0.6 * Math.SQRT2, 3)}$, more than the L2 minimum of ${fixed(4 / 5, 1)}`);
  });
});

describe('the high-dimensional argument', () => {
  const d = 3072;
  const magnitude = 0.05;
  const epsilon = 8 / 255;

  it('should print ‖w‖₁, the adversarial change, the random change and their ratio √d', () => {
    expect(d).toBe(32 * 32 * 3);
    printed(`$\\lVert w \\rVert_1 = 3072 \\times 0.05 = ${fixed(d * magnitude, 1)}$`);
    printed(`$\\varepsilon \\lVert w \\rVert_1 \\approx ${fixed(epsilon * d * magnitude, 2)}$`);
    const norm2 = magnitude * Math.sqrt(d);
    printed(`$\\lVert w \\rVert_2 = 0.05\\sqrt{3072} \\approx ${fixed(norm2, 2)}$ and the standard deviation is only about $${fixed(epsilon * norm2, 3)}$`);
    printed(`$\\sqrt{d} \\approx ${fixed(Math.sqrt(d), 1)}$ times larger`);
    expect((epsilon * d * magnitude) / (epsilon * norm2)).toBeCloseTo(Math.sqrt(d), 10);
  });
});

describe('the interactive figure’s flip counts', () => {
  const points = [
    [0.5, 0.5], [1, 0.5], [0.5, 1], [-0.5, 0.5], [3, -0.5], [1, 1],
    [2.5, 0.25], [1.5, 1.5], [3, 2], [0, 2.5], [-0.5, 2], [1.5, -0.75],
  ];
  // A point can be flipped within ε when its L∞ margin |f|/‖w‖₁ is at most ε.
  const flipped = (epsilon: number) => points.filter((point) => Math.abs(score([3, 4], -6, point)) / 7 <= epsilon).length;

  it('should be the points of the directive', () => {
    const option = /^:points: (.*)$/m.exec(chapter)?.[1] ?? '';
    expect(option.split(',').map((pair) => pair.trim().split(/\s+/).map(Number))).toEqual(points);
  });

  it('should print 7 of 12 at ε = 0.5, 2 of 12 at ε = 0.1, and the robust accuracy 5/12', () => {
    printed(`at $\\varepsilon = 0.5$, ${flipped(0.5)} of the ${points.length} points can be flipped, and at $\\varepsilon = 0.1$ only ${flipped(0.1)} of the ${points.length}`);
    printed(`robust accuracy at $\\varepsilon = 0.5$ would be $${points.length - flipped(0.5)}/${points.length} \\approx ${fixed((points.length - flipped(0.5)) / points.length, 2)}$`);
  });
});

describe('randomized smoothing', () => {
  it('should print the worked example: σ = 0.5, pA = 0.9', () => {
    printed(`$\\Phi^{-1}(0.9) \\approx ${fixed(normalQuantile(0.9), 4)}$`);
    printed(`gives $R = 0.5 \\times ${fixed(normalQuantile(0.9), 4)} \\approx ${fixed(0.5 * normalQuantile(0.9), 2)}$`);
    // The simple form is the two-class bound with pB = 1 − pA.
    expect(smoothingRadius(0.5, 0.9, 0.1)).toBeCloseTo(0.5 * normalQuantile(0.9), 12);
    printed(`gives $R = 0.25 \\times (${fixed(normalQuantile(0.9), 4)} + ${fixed(-normalQuantile(0.05), 4)}) \\approx ${fixed(smoothingRadius(0.5, 0.9, 0.05), 2)}$`);
    printed(`halves the radius to $${fixed(0.25 * normalQuantile(0.9), 2)}$`);
  });

  it('should print the cap set by the number of samples', () => {
    const bound = 0.001 ** (1 / 10_000);
    printed(`is about $${fixed(bound, 5)}$ and limits the radius to about $${fixed(normalQuantile(bound), 2)}\\,\\sigma$, that is ${fixed(0.5 * normalQuantile(bound), 2)} for $\\sigma = 0.5$`);
  });

  it('should draw the figure’s curves on R = σ Φ⁻¹(pA), with the worked example marked', () => {
    // Plot: pA from 0.5 (x = 90) to 1 (x = 660); R from 0 (y = 400) to 2 (y = 40).
    const x = (p: number) => 90 + ((p - 0.5) / 0.5) * 570;
    const y = (r: number) => 400 - (r / 2) * 360;
    const marker = /<circle id="robust-smoothing-example" cx="([\d.]+)" cy="([\d.]+)"/.exec(smoothingFigure);
    expect(Number(marker?.[1])).toBeCloseTo(x(0.9), 1);
    expect(Number(marker?.[2])).toBeCloseTo(y(0.5 * normalQuantile(0.9)), 1);
    expect(smoothingFigure).toContain(`R ≈ ${fixed(0.5 * normalQuantile(0.9), 2)}`);
    for (const [sigma, id] of [[0.25, '025'], [0.5, '05'], [1, '10']] as const) {
      const points = new RegExp(`id="robust-smoothing-sigma-${id}" points="([^"]+)"`).exec(smoothingFigure)?.[1] ?? '';
      const pairs = points.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);
      expect(pairs.length).toBeGreaterThan(100);
      for (const [px, py] of pairs.filter((_, index) => index % 37 === 0)) {
        const p = 0.5 + ((px - 90) / 570) * 0.5;
        expect(py).toBeCloseTo(y(sigma * normalQuantile(p)), 0);
      }
    }
  });
});

describe('the label-shift example: TPR 0.9, FPR 0.1', () => {
  const confusion = (cases: number, prevalence: number) => {
    const positives = cases * prevalence;
    const negatives = cases - positives;
    return { tp: Math.round(0.9 * positives), fp: Math.round(0.1 * negatives), tn: Math.round(0.9 * negatives) };
  };

  it('should print PPV 0.9 at prevalence 0.5 and 0.5 at prevalence 0.1, with accuracy 0.9 in both', () => {
    const before = confusion(1000, 0.5);
    printed(`${before.tp} are true positives and ${before.fp} false positives, so the positive predictive value is $${before.tp}/${before.tp + before.fp} = ${before.tp / (before.tp + before.fp)}$`);
    expect((before.tp + before.tn) / 1000).toBe(0.9);
    const after = confusion(1000, 0.1);
    printed(`the 100 positives give ${after.tp} true positives and the 900 negatives give ${after.fp} false positives: the PPV halves to $${after.tp}/${after.tp + after.fp} = ${after.tp / (after.tp + after.fp)}$`);
    printed(`accuracy is still $(${after.tp} + ${after.tn})/1{,}000 = ${(after.tp + after.tn) / 1000}$`);
  });

  it('should print exercise 5 at prevalence 0.02', () => {
    const c = confusion(1000, 0.02);
    printed(`20 positives give ${c.tp} true positives; 980 negatives give ${c.fp} false positives. PPV $= ${c.tp}/(${c.tp} + ${c.fp}) = ${c.tp}/${c.tp + c.fp} \\approx ${fixed(c.tp / (c.tp + c.fp), 3)}$`);
    printed(`Accuracy is $(${c.tp} + ${c.tn})/1{,}000 = ${(c.tp + c.tn) / 1000}$`);
  });
});

describe('the shortcut example', () => {
  it('should prefer the background in training (95% > 85%) and lose with it at test (50% < 85%)', () => {
    const train = { background: 0.95, shape: 0.85 };
    const test = { background: 0.5, shape: 0.85 };
    expect(train.background).toBeGreaterThan(train.shape);
    expect(test.background).toBeLessThan(test.shape);
    printed('A learner that minimizes training error prefers the background (95% against 85%)');
    printed('the background rule falls to 50%, while the shape rule would have kept its 85%');
  });
});

describe('prompt sensitivity (section and exercise 7)', () => {
  const accuracies = [0.82, 0.75, 0.88, 0.79, 0.71];
  const mean = accuracies.reduce((sum, value) => sum + value, 0) / accuracies.length;
  const range = Math.max(...accuracies) - Math.min(...accuracies);

  it('should print the mean 0.79 and the range 0.17', () => {
    printed(`the honest summary is a mean of ${fixed(mean, 2)} with a range of ${fixed(range, 2)}`);
    printed(`$(0.82 + 0.75 + 0.88 + 0.79 + 0.71)/5 = ${fixed(mean, 2)}$`);
    printed(`range $0.88 - 0.71 = ${fixed(range, 2)}$`);
    printed(`by only ${fixed(0.85 - 0.82, 2)}, far less than the variation across wordings`);
  });
});

describe('exercises', () => {
  it('exercise 1: w = (1, −2, 2), b = 1, x = (2, 0, 1)', () => {
    const w = [1, -2, 2];
    const x = [2, 0, 1];
    const f = score(w, 1, x);
    printed(`$f(x) = 2 - 0 + 2 + 1 = ${f}$`);
    printed(`$\\lVert w \\rVert_2 = \\sqrt{1 + 4 + 4} = ${l2(w)}$ and $\\lVert w \\rVert_1 = ${l1(w)}$`);
    printed(`the smallest L2 flip is $5/3 \\approx ${fixed(f / l2(w), 3)}$ and the smallest L∞ flip is $5/5 = ${f / l1(w)}$`);
    const attacked = x.map((value, index) => value - Math.sign(w[index] ?? 0));
    printed(`$x' = (2 - 1, 0 + 1, 1 - 1) = (${attacked.join(', ')})$, with score $1 - 2 + 0 + 1 = ${score(w, 1, attacked)}$`);
  });

  it('exercise 2: comparing certificates', () => {
    printed(`$R = 0.25 \\times \\Phi^{-1}(0.99) = 0.25 \\times ${fixed(normalQuantile(0.99), 4)} \\approx ${fixed(0.25 * normalQuantile(0.99), 3)}$`);
    printed(`$R = 0.5 \\times \\Phi^{-1}(0.8) = 0.5 \\times ${fixed(normalQuantile(0.8), 4)} \\approx ${fixed(0.5 * normalQuantile(0.8), 3)}$`);
    expect(0.25 * normalQuantile(0.99)).toBeGreaterThan(0.5 * normalQuantile(0.8));
  });

  it('exercise 3: the cap on the radius from n samples', () => {
    const small = 0.001 ** (1 / 1000);
    const large = 0.001 ** (1 / 100_000);
    printed(`$p_A = 0.001^{1/1000} \\approx ${fixed(small, 5)}$, $\\Phi^{-1}(p_A) \\approx ${fixed(normalQuantile(small), 3)}$, so $R \\approx ${fixed(0.5 * normalQuantile(small), 2)}$`);
    printed(`$p_A \\approx ${fixed(large, 6)}$, $\\Phi^{-1}(p_A) \\approx ${fixed(normalQuantile(large), 3)}$, so $R \\approx ${fixed(0.5 * normalQuantile(large), 2)}$`);
    printed(`buys only about ${Math.round((normalQuantile(large) / normalQuantile(small) - 1) * 100)}% more radius`);
  });
});

describe('summary', () => {
  it('should repeat the worked examples’ numbers', () => {
    printed(`$4/5 = ${fixed(4 / 5, 1)}$ in L2 and $4/7 \\approx ${fixed(4 / 7, 3)}$ in L∞`);
    printed(`for $\\sigma = 0.5$ and $p_A = 0.9$ it is about ${fixed(0.5 * normalQuantile(0.9), 2)}`);
    printed('accuracy can stay at 0.9 while PPV halves');
  });
});
