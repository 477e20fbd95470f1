import { describe, expect, it } from 'vitest';
import { Value } from '../../src/math/autodiff';
import { Mlp, pointsToArrays } from '../../src/math/mlp';
import type { HiddenActivation, LossName } from '../../src/math/mlp';
import { createRng } from '../../src/math/rng';

/** The four XOR corners: label 1 where the inputs differ in sign. */
const XOR = {
  xs: new Float32Array([-1, -1, -1, 1, 1, -1, 1, 1]),
  ys: new Float32Array([0, 1, 1, 0]),
};

/**
 * The same network and loss, built node by node with autodiff from the MLP's own weights: the
 * reference its matrix-form backpropagation must agree with.
 */
function autodiffReference(net: Mlp, xs: Float32Array, ys: Float32Array) {
  const W = net.weights.map((w) => [...w].map((v) => new Value(v)));
  const B = net.biases.map((b) => [...b].map((v) => new Value(v)));
  const n = xs.length / net.inputs;
  const f = (z: Value, act: HiddenActivation) =>
    act === 'sigmoid' ? z.sigmoid() : act === 'tanh' ? z.tanh() : z.relu();
  let total: Value | undefined;
  for (let r = 0; r < n; r++) {
    let a: Value[] = Array.from(
      { length: net.inputs },
      (_, i) => new Value(xs[r * net.inputs + i]!),
    );
    for (let l = 0; l < W.length; l++) {
      const nOut = net.sizes[l + 1]!;
      const next: Value[] = [];
      for (let j = 0; j < nOut; j++) {
        let z = B[l]![j]!;
        a.forEach((ai, i) => (z = z.add(W[l]![j * a.length + i]!.mul(ai))));
        next.push(l === W.length - 1 ? z.sigmoid() : f(z, net.activation));
      }
      a = next;
    }
    a.forEach((yHat, j) => {
      const y = ys[r * net.outputs + j]!;
      const loss =
        net.loss === 'squared-error'
          ? yHat.sub(y).pow(2)
          : yHat
              .log()
              .mul(-y)
              .sub(
                yHat
                  .neg()
                  .add(1)
                  .log()
                  .mul(1 - y),
              );
      total = total ? total.add(loss) : loss;
    });
  }
  const loss = total!.div(n);
  loss.backward();
  return { loss: loss.data, W, B };
}

describe('Mlp: backpropagation in matrix form', () => {
  const combos: [HiddenActivation, LossName][] = [
    ['sigmoid', 'squared-error'],
    ['sigmoid', 'cross-entropy'],
    ['tanh', 'squared-error'],
    ['tanh', 'cross-entropy'],
    ['relu', 'squared-error'],
    ['relu', 'cross-entropy'],
  ];

  it.each(combos)(
    'agrees with autodiff on a 2-3-2-1 network (%s hidden, %s)',
    (activation, loss) => {
      const net = new Mlp({ sizes: [2, 3, 2, 1], activation, loss, seed: 3 });
      // Non-zero biases, so that their gradients and the ReLU pattern are not trivial.
      const rng = createRng(11);
      for (const b of net.biases) for (let j = 0; j < b.length; j++) b[j] = rng.uniform(-0.5, 0.5);
      const xs = new Float32Array(Array.from({ length: 10 }, () => rng.uniform(-1, 1)));
      const ys = new Float32Array([0, 1, 1, 0, 1]);

      const batchLoss = net.computeGradients(xs, ys);
      const ref = autodiffReference(net, xs, ys);

      expect(batchLoss).toBeCloseTo(ref.loss, 6);
      expect(net.lossOf(xs, ys)).toBeCloseTo(ref.loss, 6);
      let nonZero = 0;
      net.weightGrads.forEach((g, l) =>
        g.forEach((v, k) => {
          expect(v).toBeCloseTo(ref.W[l]![k]!.grad, 6);
          if (Math.abs(v) > 1e-4) nonZero++;
        }),
      );
      net.biasGrads.forEach((g, l) =>
        g.forEach((v, j) => expect(v).toBeCloseTo(ref.B[l]![j]!.grad, 6)),
      );
      expect(nonZero).toBeGreaterThan(5);
    },
  );

  it('one step moves every parameter by −η × its gradient, and lowers the loss', () => {
    const net = new Mlp({ sizes: [2, 4, 1], activation: 'tanh', learningRate: 0.1, seed: 5 });
    net.setData(XOR.xs, XOR.ys);
    const before = net.weights.map((w) => Float32Array.from(w));
    const lossBefore = net.lossOf(XOR.xs, XOR.ys);
    const returned = net.train(1);
    expect(returned).toBeCloseTo(lossBefore, 6);
    net.weights.forEach((w, l) =>
      w.forEach((v, k) => expect(v).toBeCloseTo(before[l]![k]! - 0.1 * net.weightGrads[l]![k]!, 6)),
    );
    expect(net.lossOf(XOR.xs, XOR.ys)).toBeLessThan(lossBefore);
    expect(net.steps).toBe(1);
  });
});

describe('Mlp: training', () => {
  it.each([
    ['tanh', 'cross-entropy', 0],
    ['sigmoid', 'squared-error', 0],
    ['relu', 'cross-entropy', 0],
    ['tanh', 'cross-entropy', 2], // mini-batches of 2
  ] as const)('learns XOR from a fixed seed (%s, %s, batch %d)', (activation, loss, batchSize) => {
    const net = new Mlp({
      sizes: [2, 4, 1],
      activation,
      loss,
      batchSize,
      learningRate: loss === 'squared-error' ? 2 : 0.5,
      seed: 1,
    });
    net.setData(XOR.xs, XOR.ys);
    const start = net.lossOf(XOR.xs, XOR.ys);
    net.train(3000);
    expect(net.accuracy(XOR.xs, XOR.ys)).toBe(1);
    expect(net.lossOf(XOR.xs, XOR.ys)).toBeLessThan(start / 5);
    expect(net.predict([-1, 1])).toBeGreaterThan(0.8);
    expect(net.predict([1, 1])).toBeLessThan(0.2);
  });

  it('is reproducible from its seed, and a different seed starts elsewhere', () => {
    const run = (seed: number) => {
      const net = new Mlp({ sizes: [2, 5, 1], batchSize: 3, seed });
      const rng = createRng(2);
      const xs = new Float32Array(Array.from({ length: 40 }, () => rng.uniform(-1, 1)));
      const ys = new Float32Array(Array.from({ length: 20 }, (_, i) => i % 2));
      net.setData(xs, ys);
      net.train(25);
      return [...net.weights[0]!];
    };
    expect(run(4)).toEqual(run(4));
    expect(run(4)).not.toEqual(run(5));
  });

  it('mini-batches visit every example once per epoch', () => {
    // With η = 0 nothing moves, so the summed batch losses of one epoch are the full-data loss.
    const net = new Mlp({ sizes: [2, 3, 1], batchSize: 3, learningRate: 0, seed: 9 });
    const rng = createRng(4);
    const xs = new Float32Array(Array.from({ length: 18 }, () => rng.uniform(-1, 1)));
    const ys = new Float32Array([1, 0, 0, 1, 1, 0, 1, 0, 1]);
    net.setData(xs, ys);
    let sum = 0;
    for (let s = 0; s < 3; s++) sum += 3 * net.train(1);
    expect(sum / 9).toBeCloseTo(net.lossOf(xs, ys), 6);
  });

  it('predictInto gives the same outputs as predict, for a whole grid at once', () => {
    const net = new Mlp({ sizes: [2, 3, 1], seed: 2 });
    const grid = new Float32Array([0, 0, 0.5, -0.5, -1, 1]);
    const out = net.predictInto(grid);
    expect(out).toHaveLength(3);
    expect(out[1]).toBeCloseTo(net.predict([0.5, -0.5]), 6);
    expect(out[2]).toBeCloseTo(net.predict([-1, 1]), 6);
  });

  it('turns labelled points into training arrays', () => {
    const { xs, ys } = pointsToArrays([
      { x: 0.5, y: -1, label: 1 },
      { x: 0.25, y: 0, label: 0 },
    ]);
    expect([...xs]).toEqual([0.5, -1, 0.25, 0]);
    expect([...ys]).toEqual([1, 0]);
  });

  it('refuses sizes and data that do not fit, saying why', () => {
    expect(() => new Mlp({ sizes: [2] })).toThrow(/at least two layer sizes/);
    expect(() => new Mlp({ sizes: [2, 0, 1] })).toThrow(/whole number ≥ 1/);
    const net = new Mlp({ sizes: [2, 3, 1] });
    expect(() => net.train(1)).toThrow(/setData/);
    expect(() => net.setData(new Float32Array(5), new Float32Array(2))).toThrow(
      /does not fit a 2-3-1 network: 5 input numbers \(2 per example\) and 2 targets/,
    );
  });
});
