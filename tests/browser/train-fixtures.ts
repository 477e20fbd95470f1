/**
 * Shared data and specs for the training-engine browser tests (train-*.test.ts): the node tests'
 * XOR problem (tests/unit/fixtures/training.ts), and its training and test sets; and a training
 * loop that records what it tells its caller.
 */
import { TrainingLoop } from '../../src/train/index';
import type { Trainer, TrainingLoopOptions, TrainReport } from '../../src/train/index';
import { xorPoints } from '../unit/fixtures/training';

export { netFor, xorPoints, xorSpec } from '../unit/fixtures/training';

export const XOR_TRAIN = xorPoints(200, 1);
export const XOR_TEST = xorPoints(100, 2);

/**
 * Start a `TrainingLoop` over `trainer` (with `options`) that records, in order, what it tells its
 * caller: every report, every start and stop (`running`) and every error.
 */
export function startLoop(trainer: Trainer, options: TrainingLoopOptions = {}) {
  const reports: TrainReport[] = [];
  const running: boolean[] = [];
  const errors: unknown[] = [];
  const loop = new TrainingLoop(trainer, {
    ...options,
    onReport: (r) => reports.push(r),
    onRunningChange: (r) => running.push(r),
    onError: (e) => errors.push(e),
  });
  loop.start();
  return { loop, reports, running, errors };
}
