/**
 * Our hand-written maths against TensorFlow.js on its CPU backend: the same numbers from two
 * independent implementations. (Tests may import tfjs; src outside src/train may not.)
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { sigmoid, sigmoidPrime } from '../../src/math/activations';
import { Matrix } from '../../src/math/matrix';
import { createRng } from '../../src/math/rng';
import { FLOAT32_TOLERANCE, maxAbsDiff, onTfjsCpuDisposingEveryTensor } from './tfjs-cpu';

onTfjsCpuDisposingEveryTensor();

describe('src/math agrees with tfjs (cpu backend)', () => {
  it('runs on the cpu backend', () => {
    expect(tf.getBackend()).toBe('cpu');
  });

  it('matrix multiply, for seeded random shapes', () => {
    const rng = createRng(2024);
    const shapes: [number, number, number][] = [
      [1, 1, 1],
      [2, 3, 4],
      [4, 3, 2],
      [6, 6, 6],
      [1, 5, 1],
      [5, 1, 5],
    ];
    for (const [m, n, p] of shapes) {
      const A = Matrix.generate(m, n, () => rng.uniform(-1, 1));
      const B = Matrix.generate(n, p, () => rng.uniform(-1, 1));
      const ours = A.multiply(B);
      const theirs = tf.tidy(() =>
        tf.matMul(tf.tensor2d(A.toArray()), tf.tensor2d(B.toArray())).dataSync(),
      );
      expect(maxAbsDiff(Array.from(ours.data), theirs), `${m}×${n} · ${n}×${p}`).toBeLessThan(
        FLOAT32_TOLERANCE,
      );
    }
  });

  const rng = createRng(7);
  const zs = [
    0,
    -1,
    1,
    4.5,
    -6,
    12,
    -12,
    ...Array.from({ length: 60 }, () => rng.uniform(-10, 10)),
  ];

  it('sigmoid', () => {
    const theirs = tf.tidy(() => tf.sigmoid(tf.tensor1d(zs)).dataSync());
    expect(maxAbsDiff(zs.map(sigmoid), theirs)).toBeLessThan(FLOAT32_TOLERANCE);
  });

  it("sigmoid's gradient, tf.grad(x => tf.sigmoid(x)), against sigmoidPrime", () => {
    const theirs = tf.tidy(() => {
      const grad = tf.grad((x: tf.Tensor) => tf.sigmoid(x));
      return grad(tf.tensor1d(zs)).dataSync();
    });
    expect(maxAbsDiff(zs.map(sigmoidPrime), theirs)).toBeLessThan(FLOAT32_TOLERANCE);
  });
});
