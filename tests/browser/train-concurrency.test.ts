import { describe, expect, it } from 'vitest';
import { TrainingLoop, createTrainer, type TrainReport } from '../../src/train/index';
import { XOR_TEST, XOR_TRAIN, xorSpec } from './train-fixtures';

describe('two trainers on one page', () => {
  it('a trainer keeps training while another one starts a backend that was not started yet', async () => {
    const first = await createTrainer({
      spec: xorSpec(),
      train: XOR_TRAIN,
      test: XOR_TEST,
      backend: 'cpu',
    });
    const errors: unknown[] = [];
    const reports: TrainReport[] = [];
    const loop = new TrainingLoop(first, {
      onReport: (r) => reports.push(r),
      onError: (e) => errors.push(e),
    });
    loop.start();
    await new Promise((r) => setTimeout(r, 200));
    // Starting the wasm backend is asynchronous; tfjs refuses every op meanwhile.
    const second = await createTrainer({
      spec: xorSpec({ seed: 8 }),
      train: XOR_TRAIN,
      test: XOR_TEST,
      backend: 'wasm',
    });
    const before = reports.length;
    await new Promise((r) => setTimeout(r, 300));
    const secondReport = await second.train(20);
    loop.pause();
    await new Promise((r) => setTimeout(r, 50));

    expect(errors).toEqual([]);
    expect(loop.isRunning()).toBe(false);
    expect(reports.length).toBeGreaterThan(before);
    expect(reports.at(-1)!.backend).toBe('cpu');
    expect(Number.isFinite(reports.at(-1)!.trainLoss)).toBe(true);
    expect(second.backend).toBe('wasm');
    expect(secondReport.step).toBe(20);
    loop.dispose();
    first.dispose();
    second.dispose();
  }, 60_000);
});
