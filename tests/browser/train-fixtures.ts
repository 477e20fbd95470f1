/**
 * Shared data and specs for the training-engine browser tests (train-*.test.ts): the node tests'
 * XOR problem (tests/unit/fixtures/training.ts), and its training and test sets.
 */
import { xorPoints } from '../unit/fixtures/training';

export { netFor, xorPoints, xorSpec } from '../unit/fixtures/training';

export const XOR_TRAIN = xorPoints(200, 1);
export const XOR_TEST = xorPoints(100, 2);
