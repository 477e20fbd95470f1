/** Shared data and specs for the training-engine browser tests (train-*.test.ts). */
import { xor } from '../../src/math/datasets';
import type { ModelSpec, Points } from '../../src/train/index';

/** Seeded XOR points (label 1 where x and y share a sign) as the engine's flat arrays. */
export function xorPoints(n: number, seed: number, noise = 0): Points {
  const points = xor(n, noise, seed);
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    y[i] = p.label;
  });
  return { x, y };
}

/** A 2-8-8-1 tanh network with Adam, full batch: learns XOR reliably in a few hundred steps. */
export function xorSpec(overrides: Partial<ModelSpec> = {}): ModelSpec {
  return {
    hidden: [
      { units: 8, activation: 'tanh' },
      { units: 8, activation: 'tanh' },
    ],
    loss: 'cross-entropy',
    optimizer: 'adam',
    learningRate: 0.03,
    batchSize: 0,
    l2: 0,
    seed: 7,
    ...overrides,
  };
}

export const XOR_TRAIN = xorPoints(200, 1);
export const XOR_TEST = xorPoints(100, 2);
