/**
 * The feedback-loop explorer's arithmetic (src/interactive/feedback-loop/), checked against the lending
 * example of chapter 0.2 as the chapter prints it: its directive's options, its table of the expected
 * path, the bound, the standard error and Exercise 4's tie, all read from the chapter source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartY, lineLabelYs } from '../../../src/interactive/feedback-loop/chart.js';
import { readFeedbackLoopOptions } from '../../../src/interactive/feedback-loop/options.js';
import { crossingBound, firstApprovedRound, formatCount, formatFixed, type LendingSettings, pooledPath, pooledStandardError } from '../../../src/interactive/feedback-loop/pooled-estimate.js';
import { crossingText } from '../../../src/interactive/feedback-loop/wording.js';

const chapter = readFileSync(new URL('../../../content/0-overview/0-2-framework.mdx', import.meta.url), 'utf8');

/** The options of the chapter's `{interactive} feedback-loop` directive. */
function chapterOptions(): Record<string, string> {
  const start = chapter.indexOf('```{interactive} feedback-loop');
  const block = chapter.slice(start, chapter.indexOf('```', start + 3));
  return Object.fromEntries([...block.matchAll(/^:([a-z-]+): (.*)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']).filter(([name]) => name !== 'name' && name !== 'alt'));
}

/** The rows of the chapter's table of the expected path: round, loans, repaid, estimate, approve. */
function chapterTable(): string[][] {
  const start = chapter.indexOf('| Round $k$ | Loans observed |');
  return chapter
    .slice(start)
    .split('\n')
    .slice(2)
    .filter((line, index, lines) => line.startsWith('|') && lines.slice(0, index).every((previous) => previous.startsWith('|')))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

const { settings, problems } = readFeedbackLoopOptions(chapterOptions());

describe('the chapter’s example in the feedback-loop explorer', () => {
  it('should read the chapter’s directive without problems', () => {
    expect(problems).toEqual([]);
    expect(settings).toEqual({ trueRate: 0.85, loansPerRound: 40, oldLoans: 100, oldRepaid: 75, threshold: 0.8, rounds: 10 });
  });

  it('should reproduce every row of the chapter’s table', () => {
    const rows = chapterTable();
    expect(rows.length).toBe(6);
    const path = pooledPath(settings);
    for (const [round, loans, repaid, estimate, approve] of rows) {
      const state = path[Number(round)];
      expect([formatCount(state?.loans ?? Number.NaN), formatCount(state?.repaid ?? Number.NaN), formatFixed(state?.estimate ?? Number.NaN), state?.approved ? 'yes' : 'no']).toEqual([loans, repaid, estimate, approve]);
    }
  });

  it('should approve first in round 3, as the chapter says, within the bound of 2.5 rounds', () => {
    const path = pooledPath(settings);
    expect(firstApprovedRound(path)).toBe(3);
    expect(chapter).toContain('The estimate crosses the threshold in round 3.');
    const [, bound] = chapter.match(/\(0\.80 \\times 100 - 75\) \/ \(40 \\times 0\.05\) = ([\d.]+)\$/) ?? [];
    expect(crossingBound(settings)).toBeCloseTo(Number(bound), 12);
    expect(crossingText(settings, path)).toBe('Approved from round 3: estimate 0.805 ≥ 0.80.');
  });

  it('should give the standard error of the pooled estimate that the chapter quotes for round 3', () => {
    const [, quoted] = chapter.match(/\\sqrt\{120 \\times 0\.85 \\times 0\.15\} \/ 220 \\approx ([\d.]+)\$/) ?? [];
    expect(formatFixed(pooledStandardError(settings, 3))).toBe(quoted);
  });

  it('should approve at the tie of Exercise 4 (20 loans per round: exactly 0.80 in round 5)', () => {
    const slow = pooledPath({ ...settings, loansPerRound: 20 });
    const [, round] = chapter.match(/gives \$k = (\d+)\$: \$\\hat p_5 = 160 \/ 200 = 0\.80\$ exactly/) ?? [];
    expect(firstApprovedRound(slow)).toBe(Number(round));
    expect(slow[5]).toMatchObject({ loans: 200, estimate: expect.closeTo(0.8, 12), approved: true });
    expect(slow[4]?.approved).toBe(false);
  });
});

describe('the explorer’s arithmetic beyond the example', () => {
  const base: LendingSettings = { trueRate: 0.85, loansPerRound: 40, oldLoans: 100, oldRepaid: 75, threshold: 0.8, rounds: 10 };

  it('should never approve without exploration, and say why', () => {
    const flat = pooledPath({ ...base, loansPerRound: 0 });
    expect(flat.every((state) => state.estimate === 0.75 && !state.approved)).toBe(true);
    expect(firstApprovedRound(flat)).toBeUndefined();
    expect(crossingBound({ ...base, loansPerRound: 0 })).toBeUndefined();
    expect(crossingText({ ...base, loansPerRound: 0 }, flat)).toMatch(/^Never approved: without exploration/);
  });

  it('should never approve when the true rate is below the threshold', () => {
    const below = { ...base, trueRate: 0.7 };
    expect(firstApprovedRound(pooledPath(below))).toBeUndefined();
    expect(crossingBound(below)).toBeUndefined();
    expect(crossingText(below, pooledPath(below))).toMatch(/below the threshold/);
  });

  it('should approve from round 0 when the old data already reach the threshold', () => {
    const good = { ...base, oldRepaid: 80 };
    expect(firstApprovedRound(pooledPath(good))).toBe(0);
    expect(crossingBound(good)).toBe(0);
  });

  it('should match the bound for other settings: the first approved round is its ceiling', () => {
    for (const loansPerRound of [5, 10, 25, 40, 60, 100]) {
      for (const trueRate of [0.82, 0.85, 0.9, 0.95]) {
        const s = { ...base, loansPerRound, trueRate, rounds: 20 };
        const bound = crossingBound(s) ?? Number.NaN;
        const expected = Math.ceil(bound - 1e-9);
        expect(firstApprovedRound(pooledPath(s))).toBe(expected <= 20 ? expected : undefined);
      }
    }
  });

  it('should round halves up, as the chapter does by hand', () => {
    expect(formatFixed(126 / 160)).toBe('0.788');
    expect(formatFixed(0.805, 2)).toBe('0.81');
    expect(formatFixed(0.8)).toBe('0.800');
  });

  it('should keep the two line labels apart when the true rate nears the threshold', () => {
    for (const trueRate of [0.79, 0.8, 0.81, 0.82, 0.85]) {
      const ys = lineLabelYs(0.8, trueRate);
      expect(Math.abs(ys.threshold - ys.trueRate)).toBeGreaterThanOrEqual(13 - 1e-9);
      if (trueRate > 0.8) expect(ys.trueRate).toBeLessThan(ys.threshold);
    }
    expect(lineLabelYs(0.8, 0.95)).toEqual({ threshold: chartY(0.8) + 4, trueRate: chartY(0.95) + 4 });
  });
});

describe('the explorer’s directive options', () => {
  it('should name each missing or malformed option', () => {
    const { problems: missing } = readFeedbackLoopOptions({});
    expect(missing.map((problem) => problem.option)).toEqual(['true-rate', 'loans-per-round', 'old-loans', 'old-repaid', 'threshold']);
    const { problems: malformed } = readFeedbackLoopOptions({ ...chapterOptions(), 'true-rate': '1.5', rounds: '2.5' });
    expect(malformed).toEqual([
      { option: 'true-rate', reason: 'is `1.5`; give the true repayment rate, a number from 0 to 1' },
      { option: 'rounds', reason: 'is `2.5`; give how many rounds to show, a whole number from 1 to 20 (default 10)' },
    ]);
  });

  it('should refuse more repaid old loans than old loans', () => {
    const { problems: tooMany } = readFeedbackLoopOptions({ ...chapterOptions(), 'old-repaid': '120' });
    expect(tooMany).toEqual([{ option: 'old-repaid', reason: 'is 120, more than the 100 old loans' }]);
  });
});
