import { describe, expect, it } from 'vitest';
import { centralDifference, secantSlope } from '../../src/math/derivative';
import { FUNCTIONS, FUNCTION_IDS, functionById } from '../../src/math/functions';
import { createRng } from '../../src/math/rng';
import { derivativeDoc } from '../../src/widgets/derivative/meta';

/** 200 seeded points in [−3, 3], the range the derivative widget plots. */
function points(seed: number, n = 200): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.uniform(-3, 3));
}

const cases = FUNCTIONS.map((fn) => [fn.id, fn] as const);

describe('the function catalogue', () => {
  it('offers x², x³, sin x, σ(x) and eˣ, each once, under the ids the widget accepts', () => {
    expect(FUNCTIONS.map((fn) => fn.id)).toEqual([...FUNCTION_IDS]);
    expect(FUNCTIONS.map((fn) => fn.label)).toEqual(['x²', 'x³', 'sin x', 'σ(x)', 'eˣ']);
    const fnAttribute = derivativeDoc.attributes.find((a) => a.name === 'fn');
    expect(fnAttribute?.values).toEqual([...FUNCTION_IDS]);
    expect(functionById('cube')?.f(2)).toBe(8);
    expect(functionById('cosh')).toBeUndefined();
  });

  it.each(cases)('%s: the exact df agrees with the central difference to 1e-6', (_id, fn) => {
    for (const x of points(7)) {
      const numeric = centralDifference(fn.f, x);
      expect(Math.abs(fn.df(x) - numeric), `x = ${x}`).toBeLessThan(1e-6);
    }
  });

  it('knows a few derivatives by heart', () => {
    const at = (id: string, x: number) => functionById(id)!.df(x);
    expect(at('square', 1.5)).toBe(3);
    expect(at('cube', -2)).toBe(12);
    expect(at('sin', 0)).toBe(1);
    expect(at('sigmoid', 0)).toBe(0.25);
    expect(at('exp', 0)).toBe(1);
  });

  it('writes the derivative with a number substituted, negatives in parentheses', () => {
    expect(functionById('square')!.dfAt('−1.5')).toBe('2 · (−1.5)');
    expect(functionById('cube')!.dfAt('2.0')).toBe('3 · 2.0²');
    expect(functionById('cube')!.dfAt('−2.0')).toBe('3 · (−2.0)²');
    expect(functionById('sin')!.dfAt('1.0')).toBe('cos(1.0)');
  });
});

/**
 * Taylor: f(x + h) = f(x) + h f′(x) + h²/2 f″(x) + h³/6 f‴(x) + …, so
 *   secant slope  − f′(x) ≈ h/2 · f″(x)   (first order: halve h, halve the error), and
 *   central diff. − f′(x) ≈ h²/6 · f‴(x)  (second order: halve h, quarter the error).
 * Where f″ (or f‴) is nearly 0 the leading term vanishes and the ratio is not 2 (or 4), so those
 * points are skipped. f″ and f‴ are estimated from the exact df.
 */
describe('secant and central differences as h → 0', () => {
  const second = (fn: (typeof FUNCTIONS)[number], x: number) => centralDifference(fn.df, x, 1e-4);
  const third = (fn: (typeof FUNCTIONS)[number], x: number) => {
    const k = 1e-3;
    return (fn.df(x + k) - 2 * fn.df(x) + fn.df(x - k)) / (k * k);
  };

  /** At each x, halving h from `h` divides `error(x, h)` by `ratio`, to 2.5%. */
  const expectOrder = (
    xs: number[],
    error: (x: number, h: number) => number,
    h: number,
    ratio: number,
  ) => {
    for (const x of xs) {
      const r = error(x, h) / error(x, h / 2);
      expect(r, `x = ${x}`).toBeGreaterThan(ratio * 0.975);
      expect(r, `x = ${x}`).toBeLessThan(ratio * 1.025);
    }
  };

  it.each(cases)('%s: halving h halves the secant error (first order in h)', (_id, fn) => {
    const xs = points(11).filter((x) => Math.abs(second(fn, x)) >= 0.05);
    expect(xs.length).toBeGreaterThan(100);
    const error = (x: number, h: number) => Math.abs(secantSlope(fn.f, x, h) - fn.df(x));
    expectOrder(xs, error, 1e-4, 2);
    // And the error itself is the predicted h/2 · f″(x), to 2%.
    for (const x of xs) {
      const predicted = (1e-4 / 2) * Math.abs(second(fn, x));
      expect(Math.abs(error(x, 1e-4) / predicted - 1), `x = ${x}`).toBeLessThan(0.02);
    }
  });

  it.each(cases.filter(([id]) => id !== 'square'))(
    '%s: halving h quarters the central-difference error (second order in h)',
    (_id, fn) => {
      const xs = points(13).filter((x) => Math.abs(third(fn, x)) >= 0.02);
      expect(xs.length).toBeGreaterThan(100);
      expectOrder(xs, (x, h) => Math.abs(centralDifference(fn.f, x, h) - fn.df(x)), 1e-2, 4);
    },
  );

  it('for the same small h, the central difference beats the secant wherever f″ is not tiny', () => {
    for (const fn of FUNCTIONS) {
      for (const x of points(17, 50)) {
        if (Math.abs(second(fn, x)) < 0.05) continue;
        for (const h of [0.01, 0.001]) {
          const secant = Math.abs(secantSlope(fn.f, x, h) - fn.df(x));
          const central = Math.abs(centralDifference(fn.f, x, h) - fn.df(x));
          expect(central, `${fn.id} at x = ${x}, h = ${h}`).toBeLessThan(secant);
        }
      }
    }
  });

  it('for x² the central difference is exact at any h (f‴ = 0), the secant is off by exactly h', () => {
    const square = functionById('square')!;
    for (const x of points(19, 50)) {
      for (const h of [1, 0.5, 0.1, 0.001]) {
        expect(centralDifference(square.f, x, h)).toBeCloseTo(2 * x, 9);
        expect(secantSlope(square.f, x, h) - 2 * x).toBeCloseTo(h, 9);
      }
    }
  });
});
