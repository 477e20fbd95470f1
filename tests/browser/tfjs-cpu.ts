/**
 * What the tests of our maths against TensorFlow.js share: tfjs on its CPU backend, a check that
 * every tensor a file made was disposed, and the distance between two lists of numbers.
 * (Tests may import tfjs; src outside src/train may not.)
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect } from 'vitest';

/** tfjs computes in float32 (about 7 significant digits), so agreement is to ~1e-5, not 1e-15. */
export const FLOAT32_TOLERANCE = 1e-5;

/**
 * Run the file's tests on tfjs's CPU backend; after them all, the number of tensors is what it was
 * before (every tensor made inside `tf.tidy` was disposed).
 */
export function onTfjsCpuDisposingEveryTensor(): void {
  let tensorsBefore = 0;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
    tensorsBefore = tf.memory().numTensors;
  });
  afterAll(() => {
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
}

/** The largest difference between our numbers and tfjs's, which must be as many. */
export function maxAbsDiff(ours: readonly number[], theirs: ArrayLike<number>): number {
  expect(theirs.length).toBe(ours.length);
  return Math.max(...ours.map((v, k) => Math.abs(v - theirs[k]!)));
}
