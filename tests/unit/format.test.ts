import { describe, expect, it } from 'vitest';
import {
  MINUS,
  TOO_LARGE_WORD,
  UNDEFINED_WORD,
  formatNumber,
  formatPercent,
  fromSuperscript,
  superscript,
} from '../../src/math/format';

describe('formatNumber', () => {
  it('prints a fixed number of decimals', () => {
    expect(formatNumber(0.7310585786, 3)).toBe('0.731');
    expect(formatNumber(1, 2)).toBe('1.00');
    expect(formatNumber(2, 1)).toBe('2.0');
    expect(formatNumber(12.5, 0)).toBe('13');
    expect(formatNumber(Math.PI)).toBe('3.14');
  });

  it('uses a real minus sign, not a hyphen', () => {
    expect(formatNumber(-1.5, 1)).toBe('\u22121.5');
    expect(formatNumber(-0.25, 2)).toBe(`${MINUS}0.25`);
    expect(formatNumber(-3, 2)).not.toContain('-');
  });

  it('never prints a negative zero', () => {
    expect(formatNumber(-0, 2)).toBe('0.00');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(-0.4, 0)).toBe('0');
    expect(formatNumber(-1e-12, 3)).toBe('0.000');
  });

  it('prints words, never NaN or Infinity', () => {
    expect(formatNumber(NaN, 2)).toBe(UNDEFINED_WORD);
    expect(formatNumber(Infinity, 2)).toBe(TOO_LARGE_WORD);
    expect(formatNumber(-Infinity, 2)).toBe(`${MINUS}${TOO_LARGE_WORD}`);
    for (const x of [NaN, Infinity, -Infinity, 1e300, -1e300]) {
      expect(formatNumber(x, 2)).not.toMatch(/NaN|Infinity/);
    }
  });

  it('switches to exponent notation for huge magnitudes, still with a real minus', () => {
    expect(formatNumber(1e21, 2)).toBe('1.00e+21');
    expect(formatNumber(-2.5e30, 1)).toBe(`${MINUS}2.5e+30`);
    expect(formatNumber(123456789, 0)).toBe('123456789');
  });

  it('clamps the number of digits to what toFixed accepts', () => {
    expect(formatNumber(1.5, -3)).toBe('2');
    expect(formatNumber(1, 50)).toBe(`1.${'0'.repeat(20)}`);
  });
});

describe('formatPercent', () => {
  it('reads a probability as a whole percentage', () => {
    expect(formatPercent(0.731)).toBe('73%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.0123, 1)).toBe('1.2%');
    expect(formatPercent(NaN)).toBe(UNDEFINED_WORD);
  });
});

describe('superscript', () => {
  it('writes a whole number as an exponent, minus sign included, and reads it back', () => {
    expect(superscript(2)).toBe('²');
    expect(superscript(-7)).toBe('⁻⁷');
    expect(superscript(1024)).toBe('¹⁰²⁴');
    expect(fromSuperscript('⁻⁷')).toBe(-7);
    for (const n of [0, 3, -12, 43]) expect(fromSuperscript(superscript(n))).toBe(n);
    expect(fromSuperscript('x')).toBeNaN();
  });
});
