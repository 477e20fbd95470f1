import { describe, expect, it } from 'vitest';
import { centralDifference } from '../../src/math/derivative';
import {
  HUGE,
  RISING_LIMIT,
  initialState,
  nextStep,
  runDescent,
  step,
} from '../../src/math/descent';
import type { DescentState } from '../../src/math/descent';
import {
  NEURON_DATA,
  SURFACES,
  SURFACE_IDS,
  clampToDomain,
  inDomain,
  parabola,
  quadraticBowl,
  surfaceById,
} from '../../src/math/surfaces';
import type { Surface } from '../../src/math/surfaces';

const byId = (id: string): Surface => {
  const s = surfaceById(id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
};

/** Every number a state carries: what a caller could read. */
const numbersOf = (s: DescentState): number[] => [
  s.loss,
  s.startLoss,
  ...s.position,
  ...s.gradient,
  ...s.velocity,
];

const allFinite = (states: DescentState[]): boolean =>
  states.every((s) => numbersOf(s).every(Number.isFinite));

/** The first iteration at which the position is within `radius` of `target` (−1 if never). */
const firstWithin = (states: DescentState[], target: readonly number[], radius: number): number =>
  states.findIndex((s) => Math.hypot(...s.position.map((p, i) => p - (target[i] ?? 0))) < radius);

describe('gradient descent on a 1D bowl L(w) = a·w²', () => {
  it.each([
    [1, 0.1, 2.5],
    [1, 0.7, -1.5], // overshoots every step (1 − 2aη < 0) but converges
    [0.5, 0.3, 3],
    [3, 0.05, 1.2],
  ])('a = %s, η = %s: w_k = (1 − 2aη)^k · w₀ to 1e-12', (a, rate, w0) => {
    const surface = parabola(a);
    let state = initialState(surface, [w0]);
    for (let k = 1; k <= 40; k++) {
      state = step(state, surface, { rate });
      if (state.stopped) break;
      expect(state.iteration).toBe(k);
      expect(Math.abs(state.position[0]! - (1 - 2 * a * rate) ** k * w0)).toBeLessThan(1e-12);
      // The loss follows from the position: L_k = a·w_k².
      expect(state.loss).toBeCloseTo(a * state.position[0]! ** 2, 12);
    }
  });

  it('η = 1/(2a) lands on the minimum in one step', () => {
    const a = 2;
    const states = runDescent(parabola(a), [1.5], { rate: 1 / (2 * a) });
    expect(states[1]!.position[0]).toBe(0);
    expect(states).toHaveLength(2);
    expect(states[1]!.stopped?.kind).toBe('converged');
  });

  it('η slightly above 2/(2a) diverges: detected, stopped, and every number finite', () => {
    const a = 1;
    const rate = 1.05; // |1 − 2aη| = 1.1 > 1: each step overshoots further than the last
    const states = runDescent(parabola(a), [1], { rate });
    const last = states.at(-1)!;
    expect(last.stopped?.kind).toBe('diverged');
    expect(last.stopped?.message).toMatch(/loss grew for 5 steps in a row/);
    expect(last.stopped?.message).toMatch(/learning rate is too large/);
    // Detected as soon as the loss had grown RISING_LIMIT times in a row.
    expect(last.iteration).toBe(RISING_LIMIT);
    expect(last.rising).toBe(RISING_LIMIT);
    expect(allFinite(states)).toBe(true);
    // The iterates alternate in sign and grow in size: overshooting, not creeping.
    const ws = states.map((s) => s.position[0]!);
    for (let k = 1; k < ws.length; k++) {
      expect(Math.sign(ws[k]!)).toBe(-Math.sign(ws[k - 1]!));
      expect(Math.abs(ws[k]!)).toBeGreaterThan(Math.abs(ws[k - 1]!));
    }
    // Once stopped, stepping again changes nothing.
    expect(step(last, parabola(a), { rate })).toBe(last);
  });

  it('a far too large η stops BEFORE the numbers overflow, keeping the last finite state', () => {
    const surface = parabola(1);
    const rate = 1000; // w ← (1 − 2000)·w: past a million within two steps
    const states = runDescent(surface, [2], { rate });
    const last = states.at(-1)!;
    expect(last.stopped?.kind).toBe('overflow');
    expect(last.stopped?.message).toMatch(/before the numbers overflow/);
    expect(allFinite(states)).toBe(true);
    for (const s of states)
      for (const x of numbersOf(s)) expect(Math.abs(x)).toBeLessThanOrEqual(HUGE);
    // The refused step: the last state is the previous one, not a step further.
    const next = nextStep(last, { rate });
    const refused = [last.position[0]! + next[0]!];
    expect(Math.max(Math.abs(refused[0]!), surface.f(refused))).toBeGreaterThan(HUGE);
  });

  it('η = 1/a on L = a·w² bounces between ±w₀ for ever, and stops at the step limit', () => {
    const states = runDescent(parabola(1), [1.5], { rate: 1, maxSteps: 50 });
    const last = states.at(-1)!;
    expect(last.stopped?.kind).toBe('max-steps');
    expect(last.iteration).toBe(50);
    expect(new Set(states.map((s) => Math.abs(s.position[0]!)))).toEqual(new Set([1.5]));
  });

  it('a start where the slope is already 0 is converged at once', () => {
    expect(initialState(parabola(1), [0]).stopped?.kind).toBe('converged');
    expect(runDescent(parabola(1), [0], { rate: 0.1 })).toHaveLength(1);
  });

  it('step is pure: the state passed in is not changed', () => {
    const surface = parabola(1);
    const state = initialState(surface, [2]);
    const copy = structuredClone(state);
    const next = step(state, surface, { rate: 0.1, momentum: 0.5 });
    expect(state).toEqual(copy);
    expect(next.position[0]).toBeCloseTo(2 - 0.1 * 4, 12);
  });

  it('refuses a learning rate or momentum that is not a number in range', () => {
    const surface = parabola(1);
    const state = initialState(surface, [1]);
    expect(() => step(state, surface, { rate: 0 })).toThrow(RangeError);
    expect(() => step(state, surface, { rate: Number.NaN })).toThrow(RangeError);
    expect(() => step(state, surface, { rate: 0.1, momentum: 1 })).toThrow(RangeError);
    expect(() => initialState(surface, [Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('gradient descent on a 2D bowl L = a·w₁² + c·w₂²', () => {
  it('each coordinate follows its own closed form (1 − 2aη)^k and (1 − 2cη)^k', () => {
    const [a, c, rate] = [1, 4, 0.1];
    const surface = quadraticBowl(a, c);
    const start = [-2.2, 1.6];
    let state = initialState(surface, start);
    for (let k = 1; k <= 30; k++) {
      state = step(state, surface, { rate });
      expect(Math.abs(state.position[0]! - (1 - 2 * a * rate) ** k * start[0]!)).toBeLessThan(
        1e-12,
      );
      expect(Math.abs(state.position[1]! - (1 - 2 * c * rate) ** k * start[1]!)).toBeLessThan(
        1e-12,
      );
    }
  });

  it('in the valley, the steep direction sets the limit: η just above 1/c diverges', () => {
    const valley = byId('valley'); // L = w₁² + 25·w₂²: stable only for η < 1/25 = 0.04
    const ok = runDescent(valley, valley.suggestedStart, { rate: 0.039 });
    expect(ok.at(-1)!.stopped?.kind).toBe('converged');
    const bad = runDescent(valley, valley.suggestedStart, { rate: 0.042 });
    expect(bad.at(-1)!.stopped?.kind).toBe('diverged');
    expect(allFinite(bad)).toBe(true);
  });

  it('momentum reaches the valley floor in fewer steps than plain gradient descent', () => {
    const valley = byId('valley');
    const minimum = valley.minima[0]!.point;
    for (const rate of [0.01, 0.02, 0.035]) {
      const plain = runDescent(valley, valley.suggestedStart, { rate });
      const heavy = runDescent(valley, valley.suggestedStart, { rate, momentum: 0.8 });
      const plainSteps = firstWithin(plain, minimum, 0.01);
      const heavySteps = firstWithin(heavy, minimum, 0.01);
      expect(plainSteps).toBeGreaterThan(0);
      expect(heavySteps).toBeGreaterThan(0);
      expect(heavySteps).toBeLessThan(plainSteps / 1.5);
    }
  });

  it('with β = 0 the momentum form is exactly plain gradient descent', () => {
    const valley = byId('valley');
    const a = runDescent(valley, [-2, 1], { rate: 0.03 });
    const b = runDescent(valley, [-2, 1], { rate: 0.03, momentum: 0 });
    expect(b).toEqual(a);
  });

  it('momentum climbing the far side of the bowl (the loss rising a while) is not divergence', () => {
    const bowl = byId('bowl');
    const states = runDescent(bowl, bowl.suggestedStart, { rate: 0.01, momentum: 0.95 });
    // The loss does rise for more than RISING_LIMIT steps in a row on the way up the far side…
    expect(Math.max(...states.map((s) => s.rising))).toBeGreaterThan(RISING_LIMIT);
    // …but never above where it started, and the run converges.
    expect(states.at(-1)!.stopped?.kind).toBe('converged');
  });
});

describe('the surfaces', () => {
  it('lists every id once, with matching dims, variables, domain and start', () => {
    expect(SURFACES.map((s) => s.id)).toEqual([...SURFACE_IDS]);
    for (const s of SURFACES) {
      expect(s.variables).toHaveLength(s.dims);
      expect(s.domain).toHaveLength(s.dims);
      expect(s.suggestedStart).toHaveLength(s.dims);
      expect(inDomain(s, s.suggestedStart)).toBe(true);
      expect(s.suggestedRate).toBeGreaterThan(0);
    }
  });

  it.each(SURFACES.map((s) => [s.id, s] as const))(
    '%s: the exact gradient agrees with central differences to 1e-6',
    (_id, s) => {
      const [[x0, x1] = [0, 0], [y0, y1] = [0, 0]] = s.domain;
      for (const [u, v] of [
        [0.2, 0.3],
        [0.5, 0.5],
        [0.8, 0.15],
        [0.35, 0.9],
      ] as const) {
        const p = s.dims === 1 ? [x0 + u * (x1 - x0)] : [x0 + u * (x1 - x0), y0 + v * (y1 - y0)];
        const g = s.grad(p);
        for (let i = 0; i < s.dims; i++) {
          const along = (t: number) => s.f(p.map((q, j) => (j === i ? t : q)));
          expect(Math.abs(g[i]! - centralDifference(along, p[i]!))).toBeLessThan(1e-6);
        }
      }
    },
  );

  it.each(SURFACES.map((s) => [s.id, s] as const))(
    '%s: the slope is 0 at each minimum, which is lower than its surroundings; the global one is lowest',
    (_id, s) => {
      for (const m of s.minima) {
        expect(inDomain(s, m.point)).toBe(true);
        expect(Math.hypot(...s.grad(m.point))).toBeLessThan(1e-9);
        expect(s.f(m.point)).toBeCloseTo(m.value, 12);
        for (const d of [
          [0.05, 0],
          [-0.05, 0],
          [0, 0.05],
          [0, -0.05],
        ]) {
          if (s.dims === 1 && d[0] === 0) continue;
          const q = m.point.map((x, i) => x + d[i]!);
          expect(s.f(q)).toBeGreaterThan(m.value);
        }
      }
      const [global, ...others] = s.minima;
      expect(global?.kind).toBe('global');
      for (const m of others) {
        expect(m.kind).toBe('local');
        expect(m.value).toBeGreaterThan(global!.value);
      }
    },
  );

  it.each(SURFACES.map((s) => [s.id, s] as const))(
    '%s: from the suggested start at the suggested rate, descent converges to one of its minima',
    (_id, s) => {
      const states = runDescent(s, s.suggestedStart, { rate: s.suggestedRate });
      const last = states.at(-1)!;
      expect(last.stopped?.kind).toBe('converged');
      expect(allFinite(states)).toBe(true);
      expect(s.minima.some((m) => firstWithin([last], m.point, 0.05) === 0)).toBe(true);
    },
  );

  it('two minima: where it ends depends on where it starts', () => {
    const s = byId('two-minima');
    const [global, local] = s.minima;
    const right = runDescent(s, [1.4, 1.2], { rate: 0.05 }).at(-1)!;
    const left = runDescent(s, [-1.5, 1.2], { rate: 0.05 }).at(-1)!;
    expect(firstWithin([right], local!.point, 0.01)).toBe(0);
    expect(firstWithin([left], global!.point, 0.01)).toBe(0);
  });

  it('clampToDomain moves a point to the nearest point of the domain', () => {
    const s = byId('bowl');
    expect(clampToDomain(s, [5, -1])).toEqual([3, -1]);
    expect(inDomain(s, [5, -1])).toBe(false);
  });
});

describe('the sigmoid neuron surface', () => {
  const s = byId('neuron');
  const sigma = (z: number) => 1 / (1 + Math.exp(-z));

  it('is the mean cross-entropy on ten seeded, overlapping, labelled points', () => {
    expect(NEURON_DATA).toHaveLength(10);
    expect(NEURON_DATA.filter((p) => p.y === 1)).toHaveLength(5);
    // Overlap: some 1 lies left of some 0, so no threshold separates them and a minimum exists.
    const minOne = Math.min(...NEURON_DATA.filter((p) => p.y === 1).map((p) => p.x));
    const maxZero = Math.max(...NEURON_DATA.filter((p) => p.y === 0).map((p) => p.x));
    expect(minOne).toBeLessThan(maxZero);
    // The loss written out the textbook way, at a point where σ is far from 0 and 1.
    const [w, b] = [1.3, -0.4];
    const naive =
      -NEURON_DATA.reduce((sum, { x, y }) => {
        const p = sigma(w * x + b);
        return sum + y * Math.log(p) + (1 - y) * Math.log(1 - p);
      }, 0) / NEURON_DATA.length;
    expect(s.f([w, b])).toBeCloseTo(naive, 12);
    // At w = b = 0 every prediction is 1/2: the loss is log 2.
    expect(s.f([0, 0])).toBeCloseTo(Math.log(2), 12);
  });

  it('its gradient agrees with central differences to 1e-6 across the domain', () => {
    for (const [w, b] of [
      [-2, 3],
      [0, 0],
      [2.5, -1],
      [6.5, 3.5],
      [-3, -4],
    ] as const) {
      const [gw, gb] = s.grad([w, b]);
      expect(Math.abs(gw! - centralDifference((t) => s.f([t, b]), w))).toBeLessThan(1e-6);
      expect(Math.abs(gb! - centralDifference((t) => s.f([w, t]), b))).toBeLessThan(1e-6);
    }
  });

  it('stays finite where σ(z) rounds to 0 or 1 (no log 0)', () => {
    const states = runDescent(s, [-3, -4], { rate: 1000 });
    expect(allFinite(states)).toBe(true);
    expect(Number.isFinite(s.f([500, 400]))).toBe(true);
    expect(s.grad([500, 400]).every(Number.isFinite)).toBe(true);
  });
});

describe('the numbers lesson 6 quotes (lessons/06-gradient-descent.md)', () => {
  /** Steps until the run stops, with the widget's limit of 500 steps. */
  const stepsTo = (id: string, start: number[], rate: number, momentum = 0) => {
    const last = runDescent(byId(id), start, { rate, momentum, maxSteps: 500 }).at(-1)!;
    return `${last.stopped?.kind} after ${last.iteration}`;
  };

  it('the parabola: too small, right, zigzag, bouncing, diverging', () => {
    expect(stepsTo('parabola', [2.5], 0.1)).toBe('converged after 39');
    expect(stepsTo('parabola', [2.5], 0.01)).toBe('converged after 422');
    expect(stepsTo('parabola', [2.5], 0.003)).toBe('max-steps after 500');
    expect(stepsTo('parabola', [2.5], 0.5)).toBe('converged after 1');
    expect(stepsTo('parabola', [2.5], 1)).toBe('max-steps after 500');
    expect(stepsTo('parabola', [1], 1.1)).toBe('diverged after 5');
  });

  it('the valley, with and without momentum', () => {
    const start = [-2.6, 1];
    expect(stepsTo('valley', start, 0.035)).toBe('converged after 118');
    expect(stepsTo('valley', start, 0.035, 0.5)).toBe('converged after 46');
    expect(stepsTo('valley', start, 0.035, 0.8)).toBe('converged after 80');
    expect(stepsTo('valley', start, 0.035, 0.9)).toBe('converged after 148');
    expect(stepsTo('valley', start, 0.05)).toBe('diverged after 5');
  });

  it('local minima, and the neuron', () => {
    const [, local] = byId('double-dip').minima;
    const dip = runDescent(byId('double-dip'), [1.6], { rate: 0.02 }).at(-1)!;
    expect(firstWithin([dip], local!.point, 0.01)).toBe(0);
    const [global, local2] = byId('two-minima').minima;
    const plain = runDescent(byId('two-minima'), [1.7, 1.2], { rate: 0.05 });
    expect(firstWithin([plain.at(-1)!], local2!.point, 0.01)).toBe(0);
    const rolled = runDescent(byId('two-minima'), [1.7, 1.2], { rate: 0.05, momentum: 0.8 });
    expect(firstWithin([rolled.at(-1)!], global!.point, 0.01)).toBe(0);
    const neuron = byId('neuron');
    expect(neuron.minima[0]!.point.map((v) => v.toFixed(2))).toEqual(['2.98', '0.10']);
    expect(stepsTo('neuron', [-2, 3], 3)).toBe('converged after 41');
    expect(stepsTo('neuron', [-2, 3], 10)).toBe('converged after 8');
    expect(stepsTo('neuron', [-2, 3], 20)).toBe('max-steps after 500');
  });
});
