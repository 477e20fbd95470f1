/**
 * The from-scratch MLP (src/math/mlp.ts) against TensorFlow.js: the same weights, the same loss,
 * and the gradients from our matrix-form backpropagation next to those of `tf.grads`.
 * (Tests may import tfjs; src outside src/train may not.)
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Mlp } from '../../src/math/mlp';
import type { HiddenActivation, LossName } from '../../src/math/mlp';
import { createRng } from '../../src/math/rng';
import { FLOAT32_TOLERANCE, onTfjsCpuDisposingEveryTensor } from './tfjs-cpu';

onTfjsCpuDisposingEveryTensor();

/**
 * tfjs's gradients of the mean loss with respect to every weight matrix and bias vector, for the
 * network's current parameters (our W is rows = neurons, so tfjs computes a·Wᵀ).
 */
function tfjsGradients(net: Mlp, xs: Float32Array, ys: Float32Array) {
  const n = xs.length / net.inputs;
  return tf.tidy(() => {
    const X = tf.tensor2d(xs, [n, net.inputs]);
    const Y = tf.tensor2d(ys, [n, net.outputs]);
    const params = net.weights.flatMap((w, l) => [
      tf.tensor2d(w, [net.sizes[l + 1]!, net.sizes[l]!]),
      tf.tensor1d(net.biases[l]!),
    ]);
    const hidden = (z: tf.Tensor) =>
      net.activation === 'sigmoid'
        ? tf.sigmoid(z)
        : net.activation === 'tanh'
          ? tf.tanh(z)
          : tf.relu(z);
    const lossOf = (...p: tf.Tensor[]): tf.Scalar => {
      let a: tf.Tensor = X;
      const layers = p.length / 2;
      for (let l = 0; l < layers; l++) {
        const z = tf.add(tf.matMul(a, p[2 * l] as tf.Tensor2D, false, true), p[2 * l + 1]!);
        a = l === layers - 1 ? tf.sigmoid(z) : hidden(z);
      }
      const loss =
        net.loss === 'squared-error'
          ? tf.square(tf.sub(a, Y))
          : tf.neg(tf.add(tf.mul(Y, tf.log(a)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, a)))));
      return tf.mean(loss) as tf.Scalar;
    };
    const grads = tf.grads(lossOf)(params);
    const loss = lossOf(...params).dataSync()[0]!;
    return { loss, grads: grads.map((g) => Array.from(g.dataSync())) };
  });
}

describe('the from-scratch MLP agrees with tfjs (cpu backend)', () => {
  const cases: [number[], HiddenActivation, LossName][] = [
    [[2, 3, 1], 'sigmoid', 'squared-error'],
    [[2, 4, 3, 1], 'tanh', 'cross-entropy'],
    [[2, 5, 1], 'relu', 'cross-entropy'],
    [[2, 8, 8, 1], 'sigmoid', 'cross-entropy'],
  ];

  it.each(cases)(
    'gradients of %j (%s hidden, %s) match tf.grads to 1e-5',
    (sizes, activation, loss) => {
      const net = new Mlp({ sizes, activation, loss, seed: 12 });
      const rng = createRng(30);
      for (const b of net.biases) for (let j = 0; j < b.length; j++) b[j] = rng.uniform(-0.3, 0.3);
      const n = 16;
      const xs = new Float32Array(Array.from({ length: 2 * n }, () => rng.uniform(-1, 1)));
      const ys = new Float32Array(
        Array.from({ length: n }, (_, i) => (xs[2 * i]! * xs[2 * i + 1]! > 0 ? 1 : 0)),
      );

      const ours = net.computeGradients(xs, ys);
      const theirs = tfjsGradients(net, xs, ys);

      expect(Math.abs(ours - theirs.loss)).toBeLessThan(FLOAT32_TOLERANCE);
      net.weights.forEach((_, l) => {
        const gw = theirs.grads[2 * l]!;
        const gb = theirs.grads[2 * l + 1]!;
        net.weightGrads[l]!.forEach((v, k) =>
          expect(Math.abs(v - gw[k]!), `∂L/∂W${l + 1}[${k}]`).toBeLessThan(FLOAT32_TOLERANCE),
        );
        net.biasGrads[l]!.forEach((v, j) =>
          expect(Math.abs(v - gb[j]!), `∂L/∂b${l + 1}[${j}]`).toBeLessThan(FLOAT32_TOLERANCE),
        );
      });
      // The comparison is not vacuous: the gradients are not all ~0.
      expect(Math.max(...net.weightGrads.flatMap((g) => [...g].map(Math.abs)))).toBeGreaterThan(
        1e-3,
      );
    },
  );
});
