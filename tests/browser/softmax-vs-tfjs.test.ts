/**
 * The k-class maths of src/math/softmax.ts against TensorFlow.js on its CPU backend: softmax,
 * log-softmax, the cross-entropy −log p_y (tf.losses.softmaxCrossEntropy) and its gradient
 * softmax(z / T) − onehot(y) (tf.grad of that loss), for 2 … 10 classes and several temperatures.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { softmax } from '../../src/math/activations';
import { createRng } from '../../src/math/rng';
import {
  crossEntropy,
  crossEntropyGradient,
  logSoftmax,
  softmaxWithTemperature,
} from '../../src/math/softmax';
import { FLOAT32_TOLERANCE, maxAbsDiff, onTfjsCpuDisposingEveryTensor } from './tfjs-cpu';

onTfjsCpuDisposingEveryTensor();

/** Seeded score vectors of k = 2 … 10 classes with a right class each. */
const rng = createRng(15);
const cases = Array.from({ length: 90 }, (_, n) => {
  const k = 2 + (n % 9);
  const spread = n % 10 === 0 ? 30 : 4;
  const z = Array.from({ length: k }, () => rng.uniform(-spread, spread));
  return { z, y: Math.min(k - 1, Math.floor(rng.uniform(0, k))) };
});

describe('k-class softmax maths agrees with tfjs (cpu backend)', () => {
  it('softmax and log-softmax', () => {
    for (const { z } of cases) {
      const [p, lp] = tf.tidy(() => {
        const t = tf.tensor1d(z);
        return [tf.softmax(t).dataSync(), tf.logSoftmax(t).dataSync()];
      });
      expect(maxAbsDiff(softmax(z), p!), `softmax of ${z.join(', ')}`).toBeLessThan(
        FLOAT32_TOLERANCE,
      );
      expect(maxAbsDiff(logSoftmax(z), lp!), `log-softmax of ${z.join(', ')}`).toBeLessThan(
        FLOAT32_TOLERANCE,
      );
    }
  });

  for (const T of [1, 0.5, 2.5]) {
    it(`cross-entropy −log p_y and its gradient at temperature ${T}`, () => {
      for (const { z, y } of cases) {
        const k = z.length;
        const [loss, grad, probs] = tf.tidy(() => {
          const labels = tf.oneHot(tf.tensor1d([y], 'int32'), k);
          const lossOf = (logits: tf.Tensor): tf.Scalar =>
            tf.losses.softmaxCrossEntropy(
              labels,
              logits.reshape([1, k]).div(T),
              undefined,
              0,
              tf.Reduction.SUM,
            ) as tf.Scalar;
          const t = tf.tensor1d(z);
          return [
            lossOf(t).dataSync(),
            tf.grad(lossOf)(t).dataSync(),
            tf.softmax(t.div(T)).dataSync(),
          ];
        });
        const what = `z = ${z.join(', ')}, y = ${y}, T = ${T}`;
        expect(Math.abs(crossEntropy(z, y, T) - loss![0]!), what).toBeLessThan(FLOAT32_TOLERANCE);
        expect(maxAbsDiff(crossEntropyGradient(z, y, T), grad!), what).toBeLessThan(
          FLOAT32_TOLERANCE,
        );
        expect(maxAbsDiff(softmaxWithTemperature(z, T), probs!), what).toBeLessThan(
          FLOAT32_TOLERANCE,
        );
      }
    });
  }
});
