/** Answer checking for self-check questions: numbers as readers type them, tolerances, choices. */
import { describe, expect, it } from 'vitest';
import { isChoiceCorrect, isNumberCorrect } from '../../../src/markdown/self-check/check-answer.js';
import { parsePlainNumber, parseReaderNumber } from '../../../src/markdown/self-check/numbers.js';

describe('numbers as readers type them', () => {
  it('should read decimals with or without a leading zero, signs, exponents and a Unicode minus', () => {
    expect(parseReaderNumber('0.052')).toBe(0.052);
    expect(parseReaderNumber(' .052 ')).toBe(0.052);
    expect(parseReaderNumber('+3')).toBe(3);
    expect(parseReaderNumber('\u22120.3')).toBe(-0.3);
    expect(parseReaderNumber('5.2e-2')).toBe(0.052);
    expect(parseReaderNumber('7.')).toBe(7);
  });

  it('should read a percentage as a fraction of one', () => {
    expect(parseReaderNumber('5.2%')).toBeCloseTo(0.052, 12);
    expect(parseReaderNumber('25 %')).toBe(0.25);
  });

  it('should read a fraction', () => {
    expect(parseReaderNumber('13/250')).toBe(0.052);
    expect(parseReaderNumber('2 / 3')).toBeCloseTo(2 / 3, 12);
    expect(parseReaderNumber('1/0')).toBeUndefined();
  });

  it('should refuse what is not a number, and a decimal comma rather than guess', () => {
    for (const text of ['', 'abc', '0,052', '1,000', '1.2.3', '%', '1/2/3', 'Infinity', '0x10', '5%%']) expect(parseReaderNumber(text), text).toBeUndefined();
  });

  it('should accept only plain decimals from authors', () => {
    expect(parsePlainNumber('0.001')).toBe(0.001);
    expect(parsePlainNumber('-4')).toBe(-4);
    expect(parsePlainNumber('5%')).toBeUndefined();
    expect(parsePlainNumber('1/3')).toBeUndefined();
    expect(parsePlainNumber('about 3')).toBeUndefined();
  });
});

describe('numeric answers', () => {
  it('should accept exactly the answer when there is no tolerance, despite floating-point rounding', () => {
    expect(isNumberCorrect(0.052, 0.052)).toBe(true);
    expect(isNumberCorrect(parseReaderNumber('13/250') as number, 0.052)).toBe(true);
    expect(isNumberCorrect(0.1 + 0.2, 0.3)).toBe(true);
    expect(isNumberCorrect(0.053, 0.052)).toBe(false);
  });

  it('should accept answers within an absolute tolerance, and refuse those outside', () => {
    expect(isNumberCorrect(0.0525, 0.052, { absolute: 0.001 })).toBe(true);
    expect(isNumberCorrect(0.053, 0.052, { absolute: 0.001 })).toBe(true);
    expect(isNumberCorrect(0.0531, 0.052, { absolute: 0.001 })).toBe(false);
    expect(isNumberCorrect(0.0509, 0.052, { absolute: 0.001 })).toBe(false);
  });

  it('should accept answers within a relative tolerance, the larger tolerance winning', () => {
    expect(isNumberCorrect(1010, 1000, { relative: 0.01 })).toBe(true);
    expect(isNumberCorrect(1011, 1000, { relative: 0.01 })).toBe(false);
    expect(isNumberCorrect(1011, 1000, { relative: 0.01, absolute: 20 })).toBe(true);
    expect(isNumberCorrect(-990, -1000, { relative: 0.01 })).toBe(true);
  });

  it('should refuse a value that is not finite', () => {
    expect(isNumberCorrect(Number.NaN, 0, { absolute: 1 })).toBe(false);
  });
});

describe('multiple-choice answers', () => {
  it('should be right only when exactly the correct options are selected', () => {
    expect(isChoiceCorrect([1], [1])).toBe(true);
    expect(isChoiceCorrect([0], [1])).toBe(false);
    expect(isChoiceCorrect([0, 1], [0, 1])).toBe(true);
    expect(isChoiceCorrect([1, 0], [0, 1])).toBe(true);
    expect(isChoiceCorrect([0], [0, 1])).toBe(false);
    expect(isChoiceCorrect([0, 1, 2], [0, 1])).toBe(false);
    expect(isChoiceCorrect([], [0])).toBe(false);
  });
});
