import { describe, expect, it } from 'vitest';
import { Value } from '../../src/math/autodiff';
import { centralDifference } from '../../src/math/derivative';
import { createRng } from '../../src/math/rng';
import type { Rng } from '../../src/math/rng';

/** ∂f/∂leaf by central differences, moving only that leaf and recomputing the graph. */
function numerical(output: Value, leaf: Value): number {
  const original = leaf.data;
  const f = (v: number) => {
    leaf.data = v;
    return output.recompute();
  };
  const slope = centralDifference(f, original, 1e-5);
  leaf.data = original;
  output.recompute();
  return slope;
}

type Unary = (v: Value) => Value;
type Binary = (a: Value, b: Value) => Value;

/**
 * Operations whose inputs stay in a well-behaved range, so that a random tree never divides by
 * ~0, takes the log of a non-positive number or sits on ReLU's corner: there the derivative does
 * not exist and central differences would rightly disagree.
 */
const UNARY: Unary[] = [
  (v) => v.tanh(),
  (v) => v.sigmoid(),
  (v) => v.neg(),
  (v) => v.tanh().exp(),
  (v) => v.pow(2).add(1).log(),
  (v) => v.pow(3),
  (v) => v.relu(),
  (v) => v.mul(v), // the same node used twice
];
const BINARY: Binary[] = [
  (a, b) => a.add(b),
  (a, b) => a.sub(b),
  (a, b) => a.mul(b),
  (a, b) => a.div(b.pow(2).add(1)),
  (a, b) => a.mul(2).sub(b.div(3)),
];

/** A random expression tree over `leaves` (leaves may be used several times). */
function randomTree(rng: Rng, leaves: Value[], depth: number): Value {
  if (depth === 0 || rng.next() < 0.2) return leaves[rng.int(leaves.length)]!;
  if (rng.next() < 0.4) return UNARY[rng.int(UNARY.length)]!(randomTree(rng, leaves, depth - 1));
  return BINARY[rng.int(BINARY.length)]!(
    randomTree(rng, leaves, depth - 1),
    randomTree(rng, leaves, depth - 1),
  );
}

describe('Value: the local derivatives of each operation', () => {
  it.each([
    ['add', (a: Value, b: Value) => a.add(b), [1, 1]],
    ['sub', (a: Value, b: Value) => a.sub(b), [1, -1]],
    ['mul', (a: Value, b: Value) => a.mul(b), [-2, 3]],
    ['div', (a: Value, b: Value) => a.div(b), [1 / -2, -3 / 4]],
  ] as const)('%s at a = 3, b = −2', (_, op, expected) => {
    const a = new Value(3, 'a');
    const b = new Value(-2, 'b');
    const y = op(a, b);
    y.backward();
    expect(a.grad).toBeCloseTo(expected[0], 12);
    expect(b.grad).toBeCloseTo(expected[1], 12);
    expect(y.inputs).toEqual([a, b]);
  });

  it('pow, exp, log, tanh, sigmoid and relu agree with their textbook derivatives', () => {
    const x = 0.7;
    const cases: [Unary, number, number][] = [
      [(v) => v.pow(3), x ** 3, 3 * x ** 2],
      [(v) => v.pow(-1), 1 / x, -1 / x ** 2],
      [(v) => v.neg(), -x, -1],
      [(v) => v.exp(), Math.exp(x), Math.exp(x)],
      [(v) => v.log(), Math.log(x), 1 / x],
      [(v) => v.tanh(), Math.tanh(x), 1 - Math.tanh(x) ** 2],
      [(v) => v.sigmoid(), 1 / (1 + Math.exp(-x)), Math.exp(-x) / (1 + Math.exp(-x)) ** 2],
      [(v) => v.relu(), x, 1],
    ];
    for (const [op, value, slope] of cases) {
      const leaf = new Value(x);
      const y = op(leaf);
      y.backward();
      expect(y.data).toBeCloseTo(value, 12);
      expect(leaf.grad).toBeCloseTo(slope, 12);
    }
    const negative = new Value(-0.5);
    const r = negative.relu();
    r.backward();
    expect([r.data, negative.grad]).toEqual([0, 0]);
  });

  it('sigmoid stays finite far in the tails, where 1/(1 + e^(−z)) written naively overflows', () => {
    const z = new Value(-800);
    const s = z.sigmoid();
    s.backward();
    expect(s.data).toBe(0);
    expect(z.grad).toBe(0);
    expect(new Value(800).sigmoid().data).toBe(1);
  });

  it('numbers are accepted as operands and become constant leaves', () => {
    const x = new Value(2, 'x');
    const y = x.mul(3).add(1).div(7).sub(0.5);
    expect(y.data).toBeCloseTo((2 * 3 + 1) / 7 - 0.5, 12);
    y.backward();
    expect(x.grad).toBeCloseTo(3 / 7, 12);
    const three = y.topologicalOrder().find((n) => n.constant && n.data === 3);
    expect(three?.label).toBe('3');
  });
});

describe('Value.backward()', () => {
  it('matches central differences to 1e-6 on 200 seeded random expressions', () => {
    const rng = createRng(7);
    let checked = 0;
    for (let trial = 0; trial < 200; trial++) {
      const leaves = Array.from(
        { length: 3 },
        (_, i) => new Value(rng.uniform(-1.5, 1.5), `v${i}`),
      );
      const out = randomTree(rng, leaves, 4);
      out.zeroGrad();
      out.backward();
      for (const leaf of leaves) {
        // ReLU has a corner at 0: skip the rare tree that sits within h of one.
        const corner = out
          .topologicalOrder()
          .some((n) => n.op === 'relu' && Math.abs(n.inputs[0]!.data) < 1e-3);
        if (corner) continue;
        const expected = numerical(out, leaf);
        expect(Math.abs(leaf.grad - expected), `trial ${trial}, ${leaf.label}`).toBeLessThan(
          1e-6 * Math.max(1, Math.abs(expected)),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('sums the gradient over every path when a node is used more than once', () => {
    // f = x·x + 3x: df/dx = 2x + 3 = 7 at x = 2, through three uses of x.
    const x = new Value(2, 'x');
    const f = x.mul(x).add(x.mul(3));
    f.backward();
    expect(x.grad).toBe(7);
  });

  it('accumulates like PyTorch: twice called, twice the gradient — exact for inner nodes too', () => {
    // h = tanh(w·x) is used twice: f = h·h + h. df/dh = 2h + 1, df/dw = (2h + 1)(1 − h²)·x.
    const w = new Value(0.3, 'w');
    const x = new Value(1.5, 'x');
    const h = w.mul(x).tanh();
    const f = h.mul(h).add(h);
    const t = h.data;
    const dfdh = 2 * t + 1;
    const dfdw = dfdh * (1 - t * t) * 1.5;

    f.backward();
    expect(h.grad).toBeCloseTo(dfdh, 12);
    expect(w.grad).toBeCloseTo(dfdw, 12);
    expect(f.grad).toBe(1);

    f.backward();
    expect(f.grad).toBe(2);
    expect(h.grad).toBeCloseTo(2 * dfdh, 12);
    expect(w.grad).toBeCloseTo(2 * dfdw, 12);

    f.zeroGrad();
    expect([f.grad, h.grad, w.grad, x.grad]).toEqual([0, 0, 0, 0]);
    f.backward();
    expect(w.grad).toBeCloseTo(dfdw, 12);
  });

  it('accumulates the gradients of two outputs that share a leaf', () => {
    const x = new Value(3, 'x');
    const y1 = x.pow(2); // dy1/dx = 6
    const y2 = x.mul(-4); // dy2/dx = −4
    y1.backward();
    y2.backward();
    expect(x.grad).toBe(2);
  });

  it('handles a deep chain without overflowing the call stack', () => {
    const x = new Value(0.5, 'x');
    let y = x;
    for (let i = 0; i < 20_000; i++) y = y.add(1e-4);
    y.backward();
    expect(x.grad).toBe(1);
    expect(y.topologicalOrder()).toHaveLength(40_001);
  });
});

describe('Value: the graph for drawing and checking', () => {
  it('keeps each node’s operation, inputs and label, in a topological order', () => {
    const w = new Value(0.5, 'w');
    const x = new Value(2, 'x');
    const z = w.mul(x).named('z');
    const a = z.sigmoid().named('a');
    expect(a.op).toBe('sigmoid');
    expect(a.inputs).toEqual([z]);
    expect(z.op).toBe('mul');
    expect(z.label).toBe('z');
    const order = a.topologicalOrder();
    expect(order.map((n) => n.label)).toEqual(['w', 'x', 'z', 'a']);
    expect(order.every((n, i) => n.inputs.every((input) => order.indexOf(input) < i))).toBe(true);
  });

  it('recompute() propagates a changed leaf; evaluateWith() nudges any node without changing it', () => {
    const w = new Value(0.5, 'w');
    const x = new Value(2, 'x');
    const z = w.mul(x);
    const L = z.sub(3).pow(2);
    expect(L.data).toBe(4);
    w.data = 1;
    expect(L.recompute()).toBe(1);
    expect(z.data).toBe(2);

    // Moving the inner node z alone: L = (z − 3)², so L(z = 2.5) = 0.25.
    expect(L.evaluateWith(new Map([[z, 2.5]]))).toBe(0.25);
    expect(z.data).toBe(2);
    expect(L.data).toBe(1);
  });
});
