/**
 * The tfjs engine (TfTrainer) on the engine tests' XOR problem (train-fixtures.ts), each trainer
 * disposed after its test: call `xorTrainers()` once at the top of a file and build trainers with
 * the function it returns.
 */
import { afterEach } from 'vitest';
import { createTrainer } from '../../src/train/index';
import type { BackendName, ModelSpec, Trainer, TrainProblem } from '../../src/train/index';
import { XOR_TEST, XOR_TRAIN, xorSpec } from './train-fixtures';

export function xorTrainers(): (
  spec?: ModelSpec,
  backend?: BackendName | 'auto',
  onProblem?: (p: TrainProblem) => void,
) => Promise<Trainer> {
  const live: Trainer[] = [];
  afterEach(() => {
    for (const t of live.splice(0)) t.dispose();
  });
  return async (spec = xorSpec(), backend = 'auto', onProblem) => {
    const t = await createTrainer({ spec, train: XOR_TRAIN, test: XOR_TEST, backend, onProblem });
    live.push(t);
    return t;
  };
}
