import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/math/activations';
import { chainFactors, outputAlong, withValue } from '../../src/math/chain-rule';
import { centralDifference } from '../../src/math/derivative';
import { functionById } from '../../src/math/functions';
import {
  changeDetail,
  chainOf,
  chainTable,
  fnOf,
  hTable,
  nearestStop,
  rangeOf,
  shrinkDuration,
  shrinkH,
  shrinkStart,
  slopesAt,
  subjectOf,
} from '../../src/widgets/derivative/model';
import { DERIVATIVE_DEFAULTS as DEFAULTS, derivativeAt as at } from './fixtures/widget-setups';

const square = functionById('square')!;

describe('the chain rule on σ(w·x + b), in src/math', () => {
  const point = { w: 2, x: 1, b: -1 };
  const s = sigmoid(1);

  it('multiplies da/dz = σ(z)(1 − σ(z)) by ∂z/∂v: w for x, x for w, 1 for b', () => {
    const byX = chainFactors(point, 'x');
    expect(byX.z).toBe(1);
    expect(byX.a).toBeCloseTo(0.731059, 6);
    expect(byX.dadz).toBeCloseTo(s * (1 - s), 12);
    expect(byX.dzdv).toBe(2);
    expect(byX.slope).toBeCloseTo(0.393224, 6);
    expect(chainFactors(point, 'w').dzdv).toBe(1);
    expect(chainFactors({ ...point, x: -0.5 }, 'w').slope).toBeCloseTo(
      -0.5 * sigmoid(-2) * sigmoid(2),
      12,
    );
    expect(chainFactors(point, 'b').slope).toBe(chainFactors(point, 'b').dadz);
  });

  it('gives the output along one variable, its exact slope agreeing with the numeric one', () => {
    for (const v of ['x', 'w', 'b'] as const) {
      const { f, df } = outputAlong(point, v);
      expect(f(point[v])).toBe(sigmoid(1));
      for (const u of [-3, -0.4, 0, 0.7, 2.5]) {
        expect(df(u)).toBeCloseTo(centralDifference(f, u, 1e-5), 8);
      }
    }
    expect(withValue(point, 'b', 3)).toEqual({ w: 2, x: 1, b: 3 });
  });
});

describe('derivative model: slope mode', () => {
  it('plots f from −3 to 3 around x₀', () => {
    const s = subjectOf(DEFAULTS);
    expect([s.v, s.vMin, s.vMax]).toEqual([1, -3, 3]);
    expect([s.f(3), s.df(3)]).toEqual([9, 6]);
    expect(fnOf('tan').id).toBe('square');
    expect(fnOf('sin').id).toBe('sin');
  });

  it('compares the secant, the central difference and the exact slope of x² at 1', () => {
    expect(slopesAt(square, 1, 1)).toEqual({ h: 1, secant: 3, central: 2, exact: 2 });
    const small = slopesAt(square, 1, 0.01);
    // x²: the secant slope is 2x + h, off by h; the central difference is exact.
    expect(small.secant).toBeCloseTo(2.01, 10);
    expect(small.central).toBeCloseTo(2, 10);
  });

  it('tabulates h = 1, 0.1, 0.01, 0.001 and the current h, largest first, the current marked', () => {
    const rows = hTable(square, 1, 0.5);
    expect(rows.map((r) => r.h)).toEqual([1, 0.5, 0.1, 0.01, 0.001]);
    expect(rows.map((r) => r.current)).toEqual([false, true, false, false, false]);
    expect(hTable(square, 1, 0.1).map((r) => r.h)).toEqual([1, 0.1, 0.01, 0.001]);
    const sin = hTable(functionById('sin')!, 0.5, 1);
    // The secant's error shrinks like h, the central difference's like h².
    const secantErrors = sin.map((r) => Math.abs(r.secant - r.exact));
    const centralErrors = sin.map((r) => Math.abs(r.central - r.exact));
    const ratio = (errors: number[]) => errors[2]! / errors[3]!;
    expect(ratio(secantErrors)).toBeGreaterThan(9.5);
    expect(ratio(secantErrors)).toBeLessThan(10.5);
    expect(ratio(centralErrors)).toBeGreaterThan(95);
    expect(ratio(centralErrors)).toBeLessThan(105);
  });

  it('puts h on the nearest 1-2-5 stop of the slider, on a log scale', () => {
    expect(nearestStop(1)).toBe(0);
    expect(nearestStop(0.001)).toBe(9);
    expect(nearestStop(0.03)).toBe(5); // 0.02
    expect(nearestStop(0.0347)).toBe(4); // 0.05
    expect(rangeOf('h')).toEqual({ min: 0.001, max: 1 });
    expect(rangeOf('weight')).toEqual({ min: -5, max: 5 });
  });

  it('shrinks h log-linearly over 3 s per 1000×, from 1 when already at the smallest', () => {
    expect(shrinkStart(0.001)).toBe(1);
    expect(shrinkStart(0.5)).toBe(0.5);
    expect(shrinkDuration(1)).toBeCloseTo(3000, 9);
    expect(shrinkDuration(0.1)).toBeCloseTo(2000, 9);
    expect(shrinkH(1, 0)).toBe(1);
    expect(shrinkH(1, 0.5)).toBe(0.03162);
    expect(shrinkH(0.1, 0.5)).toBe(0.01);
    expect(shrinkH(1, 1)).toBe(0.001);
  });

  it('reports h’s slopes in the change event', () => {
    expect(changeDetail(DEFAULTS)).toEqual({
      ...DEFAULTS,
      exact: 2,
      secant: 3,
      central: 2,
    });
  });
});

describe('derivative model: chain mode', () => {
  const chain = at({ mode: 'chain' });

  it('plots a against the chosen variable across its slider range, one unit wider each side', () => {
    const byX = subjectOf(chain);
    expect([byX.v, byX.vMin, byX.vMax]).toEqual([1, -3, 3]);
    const byW = subjectOf(at({ mode: 'chain', wrt: 'w' }));
    expect([byW.v, byW.vMin, byW.vMax]).toEqual([2, -6, 6]);
    expect(byW.f(2)).toBe(sigmoid(1));
    const byB = subjectOf(at({ mode: 'chain', wrt: 'b' }));
    expect([byB.v, byB.vMin, byB.vMax]).toEqual([-1, -6, 6]);
  });

  it('checks the chain rule’s product against a central difference with h = 0.001', () => {
    const c = chainOf(chain);
    expect(c.slope).toBeCloseTo(0.393224, 6);
    expect(c.numeric).toBeCloseTo(c.slope, 6);
    expect(c.agree).toBe(true);
    const detail = changeDetail(chain);
    expect(detail.exact).toBe(c.slope);
    expect(detail.central).toBe(c.numeric);
    expect(detail.secant).toBeCloseTo(c.slope, 3);
  });

  it('tabulates a and its slope at 9 evenly spaced values, marking the current one', () => {
    const rows = chainTable(chain);
    expect(rows.map((r) => r.v)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
    expect(rows.findIndex((r) => r.current)).toBe(6);
    expect(rows[6]).toMatchObject({ v: 1, z: 1, a: sigmoid(1) });
    expect(rows[4]!.z).toBe(-1);
    const byW = chainTable(at({ mode: 'chain', wrt: 'w' }));
    expect(byW[0]).toMatchObject({ v: -5, z: -6 });
    // The rows are w = −5, −3.75, …, 5: w = 2 lies between two of them, w = 2.5 is one.
    expect(byW.some((r) => r.current)).toBe(false);
    expect(
      chainTable(at({ mode: 'chain', wrt: 'w', weight: 2.5 })).findIndex((r) => r.current),
    ).toBe(6);
  });
});
