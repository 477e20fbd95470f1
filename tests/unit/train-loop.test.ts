/**
 * The training loop with a stand-in trainer and a stand-in clock: how many steps it takes per
 * frame, when it stops on its own, and that it never runs two training calls at once. (No tfjs:
 * the loop drives any Trainer.)
 */
import { describe, expect, it } from 'vitest';
import { TrainingLoop } from '../../src/train/loop';
import type { TrainProblem, TrainReport, Trainer } from '../../src/train/types';

/** A trainer whose steps cost `msPerStep` on a fake clock, answered when `answer()` is called. */
function fakeTrainer(msPerStep: number, clock: { t: number }) {
  const calls: number[] = [];
  const pending: (() => void)[] = [];
  let step = 0;
  let problemAt: { step: number; problem: TrainProblem } | null = null;
  const report = (problem?: TrainProblem): TrainReport => ({
    step,
    epoch: step,
    trainLoss: 0.5,
    testLoss: 0.5,
    trainAccuracy: 0.5,
    testAccuracy: 0.5,
    backend: 'cpu',
    ...(problem ? { problem } : {}),
  });
  const trainer: Trainer = {
    backend: 'cpu',
    spec: {} as Trainer['spec'],
    train(steps) {
      calls.push(steps);
      clock.t += steps * msPerStep; // the steps run synchronously
      step += steps;
      const problem = problemAt && step >= problemAt.step ? problemAt.problem : undefined;
      return new Promise((resolve) => pending.push(() => resolve(report(problem))));
    },
    predict: async () => new Float32Array(),
    activations: async () => [],
    weights: async () => [],
    setWeight: () => undefined,
    setData: () => undefined,
    reset: () => undefined,
    exportState: () => null,
    dispose: () => undefined,
  };
  return {
    trainer,
    calls,
    /** Resolve the oldest pending call (its read-back arrives `latency` ms later). */
    async answer(latency = 0) {
      clock.t += latency;
      pending.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    failAt(at: number, problem: TrainProblem) {
      problemAt = { step: at, problem };
    },
  };
}

function harness(msPerStep: number, options: ConstructorParameters<typeof TrainingLoop>[1] = {}) {
  const clock = { t: 0 };
  const fake = fakeTrainer(msPerStep, clock);
  const frames: (() => void)[] = [];
  const reports: TrainReport[] = [];
  const loop = new TrainingLoop(fake.trainer, {
    schedule: (callback) => frames.push(callback),
    now: () => clock.t,
    onReport: (r) => reports.push(r),
    ...options,
  });
  /** One animation frame: run what was scheduled, then let its read-back arrive. */
  const frame = async (latency = 0): Promise<void> => {
    for (const callback of frames.splice(0)) callback();
    await fake.answer(latency);
  };
  return { loop, fake, frames, reports, frame };
}

describe('TrainingLoop', () => {
  it('grows the steps per frame until they fill the time budget, no faster than doubling', async () => {
    const { loop, fake, frame } = harness(0.1, { frameBudgetMs: 8 });
    loop.start();
    for (let i = 0; i < 12; i++) await frame();
    expect(fake.calls.slice(0, 8)).toEqual([1, 2, 4, 8, 16, 32, 64, 80]);
    expect(fake.calls.at(-1)).toBe(80); // 8 ms / 0.1 ms per step
  });

  it('shrinks at once when steps get slower', async () => {
    const { loop, fake, frame } = harness(1, { frameBudgetMs: 8, initialStepsPerFrame: 80 });
    loop.start();
    await frame();
    expect(fake.calls).toEqual([80]);
    expect(loop.stepsPerFrame).toBe(8); // 8 ms / 1 ms per step
  });

  it('also shrinks when the whole round trip (a slow GPU read-back) is too long', async () => {
    const { loop, frame } = harness(0.01, {
      frameBudgetMs: 8,
      maxRoundTripMs: 60,
      initialStepsPerFrame: 100,
    });
    loop.start();
    await frame(200); // 1 ms of dispatch, 200 ms until the numbers came back
    expect(loop.stepsPerFrame).toBe(Math.floor((100 * 60) / 201));
  });

  it('never starts a call while one is in flight, and reports once per call', async () => {
    const { loop, fake, frames, reports } = harness(0.1);
    loop.start();
    for (const callback of frames.splice(0)) callback(); // frame 1: a call goes out
    for (let i = 0; i < 3; i++) for (const callback of frames.splice(0)) callback(); // no answer yet
    expect(fake.calls).toHaveLength(1);
    await fake.answer();
    expect(reports).toHaveLength(1);
  });

  it('pauses itself when training diverges, and says so', async () => {
    const running: boolean[] = [];
    const { loop, fake, frame, reports } = harness(0.1, {
      onRunningChange: (r) => running.push(r),
    });
    fake.failAt(5, { kind: 'diverged', message: 'too high' });
    loop.start();
    for (let i = 0; i < 6; i++) await frame();
    expect(loop.isRunning()).toBe(false);
    expect(running).toEqual([true, false]);
    expect(reports.at(-1)!.problem?.kind).toBe('diverged');
    expect(fake.calls).toEqual([1, 2, 4]); // 1 + 2 + 4 = 7 ≥ 5: stopped there
  });

  it('keeps going after a lost context (the trainer moved), measuring again from 1 step', async () => {
    const { loop, fake, frame } = harness(0.1);
    fake.failAt(3, { kind: 'context-lost', message: 'moved', recoveredOn: 'wasm' });
    loop.start();
    await frame(); // 1
    await frame(); // 2 → step 3: the notice
    expect(loop.isRunning()).toBe(true);
    expect(loop.stepsPerFrame).toBe(1);
  });

  it('single-steps: pauses, takes exactly one step and reports it', async () => {
    const { loop, fake, frame, reports } = harness(0.1);
    loop.start();
    await frame();
    await frame();
    const single = loop.singleStep();
    expect(loop.isRunning()).toBe(false);
    await fake.answer();
    const report = await single;
    expect(fake.calls.at(-1)).toBe(1);
    expect(report.step).toBe(4);
    expect(reports.at(-1)).toBe(report);
  });

  it('pauses and reports an error when a training call fails', async () => {
    const errors: unknown[] = [];
    const clock = { t: 0 };
    const frames: (() => void)[] = [];
    const broken = {
      ...fakeTrainer(0.1, clock).trainer,
      train: () => Promise.reject(new Error('boom')),
    };
    const loop = new TrainingLoop(broken, {
      schedule: (c) => frames.push(c),
      onError: (e) => errors.push(e),
    });
    loop.start();
    for (const callback of frames.splice(0)) callback();
    await new Promise((r) => setTimeout(r, 0));
    expect(loop.isRunning()).toBe(false);
    expect(errors).toEqual([new Error('boom')]);
  });
});
