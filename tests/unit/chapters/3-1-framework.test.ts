/**
 * Recomputes every number of the worked example and exercises of chapter 3-1-framework
 * (content/3-privacy/3-1-framework.mdx): equivalence classes, uniqueness, k and average risk of the clinic table
 * (read from the chapter), the uniform-model uniqueness estimates, the sparse-data expectation, and the
 * linkage-attack figure's match.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const chapter = readFileSync(new URL('../../../content/3-privacy/3-1-framework.mdx', import.meta.url), 'utf8');
const linkageFigure = readFileSync(new URL('../../../public/figures/3-1-framework/linkage-attack.svg', import.meta.url), 'utf8');

interface ClinicRecord {
  readonly id: number;
  readonly postcode: string;
  readonly birth: string;
  readonly sex: string;
  readonly diagnosis: string;
}

/** The ten records of the clinic table, read from the chapter. */
const records: ClinicRecord[] = [...chapter.matchAll(/^\| (\d+) \| (\d{5}) \| (\d{4}-\d{2}-\d{2}) \| ([MF]) \| ([a-zA-Z ]+) \|$/gm)].map((m) => ({
  id: Number(m[1]),
  postcode: m[2] ?? '',
  birth: m[3] ?? '',
  sex: m[4] ?? '',
  diagnosis: m[5] ?? '',
}));

/** Groups records into equivalence classes on a quasi-identifier key. */
function equivalenceClasses(rows: readonly ClinicRecord[], key: (r: ClinicRecord) => string): Map<string, ClinicRecord[]> {
  const classes = new Map<string, ClinicRecord[]>();
  for (const r of rows) classes.set(key(r), [...(classes.get(key(r)) ?? []), r]);
  return classes;
}

interface ClassStats {
  classes: number;
  unique: number;
  k: number;
  averageRisk: number;
}

function stats(rows: readonly ClinicRecord[], key: (r: ClinicRecord) => string): ClassStats {
  const sizes = [...equivalenceClasses(rows, key).values()].map((c) => c.length);
  // Average over records of 1/|E|, computed record by record to check the identity m/n of the chapter.
  const averageRisk = sizes.reduce((sum, size) => sum + size * (1 / size), 0) / rows.length;
  return { classes: sizes.length, unique: sizes.filter((s) => s === 1).length, k: Math.min(...sizes), averageRisk };
}

const full = (r: ClinicRecord): string => `${r.postcode}|${r.birth}|${r.sex}`;
const year = (r: ClinicRecord): string => `${r.postcode}|${r.birth.slice(0, 4)}|${r.sex}`;
const decade = (r: ClinicRecord): string => `${r.birth.slice(0, 3)}0s`;
const generalised = (r: ClinicRecord): string => `${r.postcode.slice(0, 4)}*|${decade(r)}|${r.sex}`;

/** Probability that a resident is unique among n residents with d equally likely combinations. */
function uniqueProbability(n: number, d: number): number {
  return (1 - 1 / d) ** (n - 1);
}

describe('chapter 3-1-framework worked example: the raw release', () => {
  it('should read ten records', () => {
    expect(records.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('should make every record unique on postcode, birth date and sex (u = 1, k = 1, average risk 1)', () => {
    expect(stats(records, full)).toEqual({ classes: 10, unique: 10, k: 1, averageRisk: 1 });
    expect(chapter).toContain('$u = 10/10 = 1$, the table is only 1-anonymous');
  });

  it('should leave all ten records unique on postcode, birth year and sex', () => {
    expect(stats(records, year).unique).toBe(10);
  });
});

describe('chapter 3-1-framework worked example: generalisation and suppression', () => {
  const classes = equivalenceClasses(records, generalised);

  it('should print the five generalised classes with their records, sizes and diagnoses', () => {
    const printed = [...chapter.matchAll(/^\| 1011\\\*, (\d{4}s), ([MF]) \| ([\d, ]+) \| (\d) \| ([a-zA-Z, ]+) \|$/gm)];
    expect(printed).toHaveLength(5);
    expect(classes.size).toBe(5);
    for (const m of printed) {
      const members = classes.get(`1011*|${m[1]}|${m[2]}`) ?? [];
      expect(members.map((r) => r.id).join(', ')).toBe(m[3]);
      expect(members.length).toBe(Number(m[4]));
      expect(members.map((r) => r.diagnosis).join(', ')).toBe(m[5]);
    }
  });

  it('should give m = 5, two unique records (1 and 8), u = 0.2, k = 1 and average risk 0.5', () => {
    const s = stats(records, generalised);
    expect(s).toEqual({ classes: 5, unique: 2, k: 1, averageRisk: 0.5 });
    const unique = [...classes.values()].filter((c) => c.length === 1).flat().map((r) => r.id);
    expect(unique).toEqual([1, 8]);
    expect(chapter).toContain('Two records (1 and 8) are still unique, so $u = 2/10 = 0.2$ and $k = 1$; the average risk has fallen to $5/10 = 0.5$');
  });

  it('should give 3 classes of sizes 3, 3 and 2, k = 2 and average risk 0.375 after suppressing records 1 and 8 (exercise 3)', () => {
    const kept = records.filter((r) => r.id !== 1 && r.id !== 8);
    const sizes = [...equivalenceClasses(kept, generalised).values()].map((c) => c.length);
    expect(kept).toHaveLength(8);
    expect(sizes).toEqual([3, 3, 2]);
    expect(stats(kept, generalised)).toEqual({ classes: 3, unique: 0, k: 2, averageRisk: 0.375 });
    expect(2 / 10).toBeCloseTo(0.2, 12);
    expect(chapter).toContain('so $k = 2$ by {eq}`eq-privacy-k-anonymity`, no record is unique, and the average risk is $3/8 = 0.375$');
    expect(chapter).toContain('a table with 20% fewer records');
    expect(chapter).toContain('so $\\bar{r} = 3/8 = 0.375$');
  });

  it('should find the class of men born in the 1970s homogeneous: all three have depression', () => {
    const men70s = classes.get('1011*|1970s|M') ?? [];
    expect(men70s).toHaveLength(3);
    expect(new Set(men70s.map((r) => r.diagnosis))).toEqual(new Set(['depression']));
  });

  it('should keep every record unique with full postcodes and birth decades (exercise 2)', () => {
    const key = (r: ClinicRecord): string => `${r.postcode}|${decade(r)}|${r.sex}`;
    expect(stats(records, key)).toMatchObject({ classes: 10, unique: 10, k: 1 });
    expect(chapter).toContain('All 10 classes have size 1, so $u = 1$ and $k = 1$');
  });
});

describe('chapter 3-1-framework uniqueness estimates', () => {
  const d = 2 * 365 * 80;

  it('should count d = 58,400 combinations of birth date and sex over 80 years', () => {
    expect(d).toBe(58400);
    expect(chapter).toContain('$d = 2 \\times 365 \\times 80 = 58{,}400$');
  });

  it('should give about 0.843 for 10,000 residents (exponent 0.171) and about 0.598 for 30,000', () => {
    expect(chapter).toContain('$\\Pr(\\text{unique}) = (1 - 1/58{,}400)^{9{,}999} \\approx e^{-0.171} \\approx 0.843$');
    expect(9999 / d).toBeCloseTo(0.171, 3);
    expect(uniqueProbability(10000, d)).toBeCloseTo(0.843, 3);
    expect(Math.exp(-9999 / d)).toBeCloseTo(0.843, 3);
    expect(chapter).toContain('For a postcode of $n = 30{,}000$ residents the same formula gives about 0.598');
    expect(uniqueProbability(30000, d)).toBeCloseTo(0.598, 3);
  });

  it('should give about 0.966 for 2,000 residents and 0.000004 with birth year only (exercise 4)', () => {
    expect(chapter).toContain('$e^{-1999/58400} \\approx e^{-0.0342} \\approx 0.966$');
    expect(1999 / d).toBeCloseTo(0.0342, 4);
    expect(Math.exp(-1999 / d)).toBeCloseTo(0.966, 3);
    expect(chapter).toContain('$e^{-29999/58400} \\approx e^{-0.514} \\approx 0.598$');
    expect(29999 / d).toBeCloseTo(0.514, 3);
    expect(chapter).toContain('$d = 2 \\times 80 = 160$, and $e^{-1999/160} \\approx e^{-12.5} \\approx 0.000004$');
    expect(1999 / 160).toBeCloseTo(12.5, 1);
    expect(Math.exp(-1999 / 160)).toBeCloseTo(0.000004, 6);
    expect(uniqueProbability(2000, 160)).toBeLessThan(0.00001);
  });

  it('should quote the 87% (216 of 248 million) and 63% estimates consistently', () => {
    expect(chapter).toContain('87% of the population of the United States (216 of 248 million people)');
    expect(Math.round((216 / 248) * 100)).toBe(87);
    expect(chapter).toContain('range from 63% to 87%');
  });
});

describe('chapter 3-1-framework sparse data (exercise 5)', () => {
  it('should expect 0.5 other users with three rare films and 0.005 with four', () => {
    expect(500000 * 0.01 ** 3).toBeCloseTo(0.5, 9);
    expect(500000 * 0.01 ** 4).toBeCloseTo(0.005, 9);
    expect(chapter).toContain('$500{,}000 \\times 0.01^3 = 0.5$');
    expect(chapter).toContain('$500{,}000 \\times 0.01^4 = 0.005$');
  });
});

describe('chapter 3-1-framework linkage figure', () => {
  /** Rows of the figure's two tables: runs of four cell texts drawn at font-size 16. */
  const cells = [...linkageFigure.matchAll(/font-size="16" fill="currentColor"(?: font-weight="bold")?>([^<]+)<\/text>/g)].map((m) => m[1] ?? '');
  const hospital = [0, 1, 2].map((i) => cells.slice(4 * i, 4 * i + 4));
  const register = [0, 1, 2, 3].map((i) => cells.slice(12 + 4 * i, 12 + 4 * i + 4));

  it('should join exactly one hospital record with exactly one register entry on ZIP, birth date and sex', () => {
    expect(hospital.every((r) => r.length === 4)).toBe(true);
    expect(register.every((r) => r.length === 4)).toBe(true);
    const matches = hospital.flatMap((h) => register.filter((p) => p[0] === h[0] && p[1] === h[1] && p[2] === h[2]).map((p) => [p[3], h[3]]));
    expect(matches).toEqual([['B. Lindqvist', 'HIV']]);
    expect(linkageFigure).toContain('B. Lindqvist has the diagnosis HIV');
  });

  it('should take the released hospital rows from the clinic table of the chapter', () => {
    for (const [zip, birth, sex, diagnosis] of hospital) {
      expect(records.some((r) => r.postcode === zip && r.birth === birth && r.sex === sex && r.diagnosis === diagnosis)).toBe(true);
    }
  });

  it('should include a register entry that shares ZIP, sex and birth year but not the birth date', () => {
    const target = register.find((p) => p[3] === 'B. Lindqvist');
    const nearMiss = register.find((p) => p[3] === 'D. Okafor');
    expect(nearMiss?.[0]).toBe(target?.[0]);
    expect(nearMiss?.[2]).toBe(target?.[2]);
    expect(nearMiss?.[1]?.slice(0, 4)).toBe(target?.[1]?.slice(0, 4));
    expect(nearMiss?.[1]).not.toBe(target?.[1]);
  });
});
