import { describe, expect, it } from 'vitest';
import {
  chooseEngine,
  macsPerExample,
  reportEvery,
  reportSeconds,
  stepSeconds,
} from '../../src/train/cost';
import type { CostQuestion, DeviceFacts } from '../../src/train/cost';
import type { ModelSpec } from '../../src/train/types';

const spec = (widths: number[], batchSize = 10, optimizer: ModelSpec['optimizer'] = 'sgd') => ({
  hidden: widths.map((units) => ({ units, activation: 'tanh' as const })),
  loss: 'cross-entropy' as const,
  optimizer,
  learningRate: 0.03,
  batchSize,
  l2: 0,
  seed: 1,
});
const CPU_ONLY: DeviceFacts = { wasm: true, webgl: 'software' };
const question = (s: ModelSpec, rows: number, device = CPU_ONLY): CostQuestion => ({
  spec: s,
  rows,
  evalRows: rows,
  known: {},
  device,
});

describe("'auto': the engine cost model", () => {
  it('counts the multiply-adds of one forward pass', () => {
    expect(macsPerExample(spec([8, 8]))).toBe(2 * 8 + 8 * 8 + 8);
    expect(macsPerExample(spec([]))).toBe(2);
  });

  it('picks the from-scratch engine for every network the trainer offers at its batch sizes', () => {
    for (const widths of [[], [4], [8, 8], [16, 16, 16]]) {
      for (const rows of [1, 10, 30]) {
        expect(chooseEngine(question(spec(widths, rows, 'adam'), rows)).engine).toBe('js');
      }
    }
    // Playground's defaults, and the full batch of 400 points with Adam.
    expect(chooseEngine(question(spec([8, 8], 0, 'adam'), 400)).engine).toBe('js');
  });

  it('picks tfjs once the arithmetic dominates: 2-64-64-64-1 on 4,000 points, full batch', () => {
    const big = question(spec([64, 64, 64], 0), 4000);
    const choice = chooseEngine(big);
    expect(choice.engine).toBe('wasm');
    expect(choice.why).toMatch(/4000 rows × 8384 multiply-adds/);
    expect(stepSeconds('js', big)).toBeGreaterThan(3 * stepSeconds('wasm', big));
    // Without WebAssembly, tfjs's cpu backend (plain JS kernels) has nothing to win over plain JS.
    expect(
      chooseEngine(question(spec([64, 64, 64], 0), 4000, { wasm: false, webgl: 'none' })).engine,
    ).toBe('js');
  });

  it('offers WebGL only on a real GPU, never on an emulated one', () => {
    const huge = spec([256, 256, 256], 0);
    expect(chooseEngine(question(huge, 20000, { wasm: true, webgl: 'software' })).engine).toBe(
      'wasm',
    );
    expect(chooseEngine(question(huge, 20000, { wasm: true, webgl: 'hardware' })).engine).toBe(
      'webgl',
    );
  });

  it('a rate measured here before overrides the estimate, and says so', () => {
    const q = { ...question(spec([8, 8]), 10), known: { js: 1000, wasm: 50_000 } };
    const choice = chooseEngine(q);
    expect(choice.engine).toBe('wasm');
    expect(choice.why).toMatch(/measured here before/);
  });
});

describe("'auto' for images: 784-64-10 (the digits)", () => {
  const digits = (batchSize: number): ModelSpec => ({
    ...spec([64], batchSize, 'adam'),
    inputs: 784,
    classes: 10,
  });
  const on = (batchSize: number, evalRows: number): CostQuestion => ({
    ...question(digits(batchSize), batchSize),
    evalRows,
  });

  it('counts the wide input and the ten output units', () => {
    expect(macsPerExample(digits(32))).toBe(784 * 64 + 64 * 10);
  });

  it.each([32, 64, 128])(
    'picks the from-scratch engine at batches of %i (8,000 + 2,000 digits), as the widget measured',
    (batch) => {
      expect(chooseEngine(on(batch, 10_000)).engine).toBe('js');
    },
  );

  it("wasm's cost per multiply-add falls with the rows of a step: 4× plain JS at 32, below it at 4,000", () => {
    const perMac = (engine: 'js' | 'wasm', rows: number) =>
      stepSeconds(engine, on(rows, 0)) / (3 * rows * macsPerExample(digits(rows)));
    expect(perMac('wasm', 32) / perMac('js', 32)).toBeGreaterThan(3);
    expect(perMac('wasm', 32) / perMac('js', 32)).toBeLessThan(5);
    expect(perMac('wasm', 4000)).toBeLessThan(perMac('js', 4000) / 3);
  });

  it('measures the losses of a big data set only now and then, so reports take ≤ 20 % of the time', () => {
    // The plane's few hundred points: a report after every slice, as before.
    expect(reportEvery('js', question(spec([8, 8]), 10))).toBe(0);
    // 10,000 digits: a plain-JS report is about a second, so one every ~4 s of training…
    const js = reportSeconds('js', on(32, 10_000));
    expect(js).toBeGreaterThan(0.5);
    expect(reportEvery('js', on(32, 10_000))).toBeCloseTo(4 * js, 9);
    // …and wasm's are several times cheaper, so the student sees the accuracy move more often.
    expect(reportEvery('wasm', on(32, 10_000))).toBeLessThan(reportEvery('js', on(32, 10_000)) / 5);
  });
});
