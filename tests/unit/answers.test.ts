import { describe, expect, it } from 'vitest';
import {
  hintsToShow,
  isNumericCorrect,
  parseNumber,
  solutionShown,
} from '../../src/lesson/answers';

describe('parseNumber', () => {
  it.each([
    ['0.5', 0.5],
    [' .5 ', 0.5],
    ['-0.25', -0.25],
    ['\u22120.25', -0.25],
    ['1e-3', 0.001],
    ['1/4', 0.25],
    ['-3/4', -0.75],
    ['73%', 0.73],
    ['+2', 2],
  ])('reads %s as %d', (text, value) => {
    const parsed = parseNumber(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value).toBeCloseTo(value, 12);
  });

  it('asks for a number when the answer is empty', () => {
    expect(parseNumber('   ')).toEqual({
      ok: false,
      message: 'Type a number first, for example 0.25.',
    });
  });

  it('explains a decimal comma instead of calling it wrong', () => {
    const parsed = parseNumber('1,5');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('write 1.5 instead of 1,5');
  });

  it.each(['abc', '0.5.1', '1/0', 'e5', '--1', '1e999'])('rejects %s with a message', (text) => {
    const parsed = parseNumber(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
  });

  it('quotes what the student typed', () => {
    const parsed = parseNumber('abc');
    expect(!parsed.ok && parsed.message).toContain('“abc” is not a number');
  });
});

describe('isNumericCorrect', () => {
  const spec = { answer: 0.731, tolerance: 0.001 };
  it('accepts answers within the tolerance, on both sides', () => {
    expect(isNumericCorrect(spec, 0.731)).toBe(true);
    expect(isNumericCorrect(spec, 0.7315)).toBe(true);
    expect(isNumericCorrect(spec, 0.73)).toBe(true);
    expect(isNumericCorrect(spec, 0.732)).toBe(true);
  });
  it('rejects answers outside it', () => {
    expect(isNumericCorrect(spec, 0.7321)).toBe(false);
    expect(isNumericCorrect(spec, 0.7299)).toBe(false);
    expect(isNumericCorrect(spec, -0.731)).toBe(false);
  });
  it('with zero tolerance, needs the exact value (up to float rounding)', () => {
    expect(isNumericCorrect({ answer: 0.3, tolerance: 0 }, 0.1 + 0.2)).toBe(true);
    expect(isNumericCorrect({ answer: 0.3, tolerance: 0 }, 0.31)).toBe(false);
  });
});

describe('hints and the worked answer', () => {
  it('reveals one more hint per wrong attempt, up to the number of hints', () => {
    expect([0, 1, 2, 5].map((n) => hintsToShow(n, 2))).toEqual([0, 1, 2, 2]);
  });
  it('shows the worked answer after the allowed wrong attempts, or once solved', () => {
    expect(solutionShown(2, 3, false)).toBe(false);
    expect(solutionShown(3, 3, false)).toBe(true);
    expect(solutionShown(0, 3, true)).toBe(true);
  });
});
