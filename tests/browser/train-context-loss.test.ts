/**
 * A lost WebGL context (a GPU reset, a driver update, too many contexts on the page), simulated
 * with the WEBGL_lose_context extension: training pauses, goes back to the last snapshot kept in
 * ordinary memory, and continues on a backend without a GPU — never on garbage weights.
 * (In its own file: it breaks WebGL for the rest of the page.)
 */
import { describe, expect, it } from 'vitest';
import type { Trainer, TrainProblem, TrainReport } from '../../src/train/index';
import { webglContext } from '../../src/train/backend';
import { startLoop, xorSpec } from './train-fixtures';
import { xorTrainers } from './xor-trainers';

const trainer = xorTrainers();

async function onWebgl(problems: TrainProblem[]): Promise<Trainer> {
  const t = await trainer(xorSpec(), 'webgl', (p) => problems.push(p));
  expect(t.backend).toBe('webgl');
  return t;
}

function loseContext(): void {
  const gl = webglContext();
  expect(gl).not.toBeNull();
  const extension = gl!.getExtension('WEBGL_lose_context');
  expect(extension).not.toBeNull();
  extension!.loseContext();
}

const PROBE = new Float32Array([0.5, 0.5, -0.5, 0.5, 0.5, -0.5, -0.5, -0.5, 0.1, 0.9]);

describe('a lost WebGL context', () => {
  it('between frames: restores the snapshot and continues on wasm or cpu, with a notice', async () => {
    const problems: TrainProblem[] = [];
    const t = await onWebgl(problems);
    await t.train(0);
    let before: TrainReport = await t.train(20);
    for (let i = 0; i < 2; i++) before = await t.train(20);
    expect(before.step).toBe(60);
    const predictedBefore = await t.predict(PROBE);

    loseContext();
    const after = await t.train(10);

    expect(problems).toHaveLength(1);
    const problem = problems[0]!;
    expect(problem.kind).toBe('context-lost');
    if (problem.kind !== 'context-lost') return;
    expect(['wasm', 'cpu']).toContain(problem.recoveredOn);
    expect(problem.message).toMatch(/WebGL.*step 60.*continues on the (wasm|cpu) backend/);
    expect(after.problem).toEqual(problem);
    expect(t.backend).toBe(problem.recoveredOn);
    expect(after.backend).toBe(problem.recoveredOn);
    // The snapshot, not a fresh start and not whatever the dead context returns.
    expect(after.step).toBe(60);
    expect(after.trainLoss).toBeCloseTo(before.trainLoss, 5);
    const predictedAfter = await t.predict(PROBE);
    predictedAfter.forEach((p, i) => expect(p).toBeCloseTo(predictedBefore[i]!, 4));

    // …and it goes on learning from there.
    let later = after;
    for (let i = 0; i < 5; i++) later = await t.train(50);
    expect(later.step).toBe(310);
    expect(later.backend).toBe(problem.recoveredOn);
    expect(later.trainLoss).toBeLessThan(before.trainLoss);
    expect(later.testAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(problems).toHaveLength(1);
  }, 60_000);

  it('asking for WebGL again gets a fresh context', async () => {
    const problems: TrainProblem[] = [];
    const t = await onWebgl(problems);
    let report = await t.train(0);
    for (let i = 0; i < 3; i++) report = await t.train(20);
    expect(report.backend).toBe('webgl');
    expect(report.step).toBe(60);
    expect(problems).toEqual([]);
  }, 60_000);

  it('while the loop runs (a read in flight): the loop keeps going on the new backend', async () => {
    const problems: TrainProblem[] = [];
    const t = await onWebgl(problems);
    const { loop, reports } = startLoop(t);
    await expect.poll(() => reports.length, { timeout: 20_000 }).toBeGreaterThan(5);
    loseContext();
    await expect
      .poll(() => reports.filter((r) => r.backend !== 'webgl').length, { timeout: 20_000 })
      .toBeGreaterThan(5);
    expect(loop.isRunning()).toBe(true);
    loop.pause();

    expect(problems.map((p) => p.kind)).toEqual(['context-lost']);
    for (const r of reports) {
      for (const v of [r.trainLoss, r.testLoss, r.trainAccuracy, r.testAccuracy]) {
        expect(Number.isFinite(v)).toBe(true);
      }
    }
    // The first report after the loss is the last good one, moved: same step, same loss.
    const k = reports.findIndex((r) => r.problem);
    const lastGood = reports[k - 1]!;
    expect(reports[k]!.step).toBe(lastGood.step);
    expect(reports[k]!.trainLoss).toBeCloseTo(lastGood.trainLoss, 5);
    const steps = reports.map((r) => r.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  }, 60_000);
});
