/** <nn-gradient-flow>'s numbers (model.ts) and words (describe.ts), in node. */
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../src/math/activations';
import { DATASET_NAMES } from '../../src/math/datasets';
import { INIT_SCHEMES } from '../../src/math/deep-net';
import { gradientFlowDoc } from '../../src/widgets/gradient-flow/meta';
import type { AttributeDoc } from '../../src/widgets/catalog';
import {
  FLOW_ACTIVATIONS,
  FlowRun,
  logPosition,
  verdictOf,
} from '../../src/widgets/gradient-flow/model';
import type { FlowSetup } from '../../src/widgets/gradient-flow/model';
import { sci, sciSpoken, summary, tableRows } from '../../src/widgets/gradient-flow/describe';

const SETUP: FlowSetup = {
  depth: 8,
  width: 8,
  activation: 'sigmoid',
  init: 'small',
  learningRate: 0.1,
  dataset: 'circle',
  seed: 1,
};

const attributes: readonly AttributeDoc[] = gradientFlowDoc.attributes;
const values = (name: string) => attributes.find((a) => a.name === name)?.values;

describe('the attributes name the facts of src/math', () => {
  it('activation, init and dataset list the names of the tables they come from', () => {
    expect(values('activation')).toEqual([...FLOW_ACTIVATIONS]);
    for (const name of FLOW_ACTIVATIONS) expect(ACTIVATION_NAMES).toContain(name);
    expect(values('init')).toEqual([...INIT_SCHEMES]);
    expect(values('dataset')).toEqual([...DATASET_NAMES]);
  });
});

describe('FlowRun', () => {
  it('sigmoid with too small weights: the first layer gets a vanishing share of the gradient', () => {
    const s = new FlowRun(SETUP).snapshot();
    expect(s.step).toBe(0);
    expect(s.gradients).toHaveLength(9);
    expect(s.layers).toHaveLength(8);
    expect(s.ratio).toBeLessThan(1e-6);
    expect(s.verdict).toBe('vanishing');
    // Every sigmoid sits near σ(0) = ½, where its slope is ¼.
    for (const layer of s.layers.slice(1)) expect(layer.meanSlope).toBeCloseTo(0.25, 2);
  });

  it('ReLU with He weights: every layer within a factor of 100 of the output, and it learns', () => {
    const run = new FlowRun({ ...SETUP, activation: 'relu', init: 'he' });
    const before = run.snapshot();
    expect(before.verdict).toBe('flowing');
    expect(before.ratio).toBeGreaterThan(1e-2);
    expect(before.ratio).toBeLessThan(1e2);
    run.train(1500);
    const after = run.snapshot();
    expect(after.step).toBe(1500);
    expect(after.loss).toBeLessThan(before.loss * 0.6);
    expect(after.accuracy).toBeGreaterThan(0.85);
  });

  it('ReLU with too large weights: the gradient explodes', () => {
    const s = new FlowRun({ ...SETUP, activation: 'relu', init: 'large' }).snapshot();
    expect(s.verdict).toBe('exploding');
    expect(Math.max(...s.gradients)).toBeGreaterThan(100);
  });

  /** 300 steps of size 1 from too large weights. */
  function afterLargeSteps(activation: 'relu' | 'leaky-relu') {
    const setup = { ...SETUP, activation, init: 'large' as const, learningRate: 1 };
    const run = new FlowRun(setup);
    run.train(300);
    return { setup, s: run.snapshot() };
  }

  it('ReLU with too large weights and a large step: the units die, and the words say so', () => {
    const { setup, s } = afterLargeSteps('relu');
    expect(s.verdict).toBe('dead');
    expect(Math.max(...s.gradients)).toBe(0);
    expect(summary(setup, s)).toContain('No gradient reaches any layer (the largest is 0)');
    expect(summary(setup, s)).not.toMatch(/undefined|NaN/);
  });

  it('leaky ReLU with too large weights breaks, and says so in words, not NaN', () => {
    const { setup, s } = afterLargeSteps('leaky-relu');
    expect(s.verdict).toBe('broken');
    const text = summary(setup, s);
    expect(text).toContain('The weights are no longer numbers');
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(tableRows(s)[0]!.slope).toBe('undefined');
  });

  it('tanh with too small weights vanishes everywhere; with too large weights it saturates', () => {
    const small = new FlowRun({ ...SETUP, activation: 'tanh', init: 'small' }).snapshot();
    expect(small.verdict).toBe('vanishing');
    expect(small.gradients[0]).toBeLessThan(1e-6);
    const largeSetup = { ...SETUP, activation: 'tanh' as const, init: 'large' as const };
    const large = new FlowRun(largeSetup).snapshot();
    expect(large.verdict).toBe('saturated');
    expect(summary(largeSetup, large)).toMatch(
      /The units of layer \d+ are saturated: \d+% of its outputs/,
    );
  });

  it('the same setup gives the same numbers', () => {
    const a = new FlowRun({ ...SETUP, activation: 'tanh', init: 'xavier' });
    const b = new FlowRun({ ...SETUP, activation: 'tanh', init: 'xavier' });
    a.train(50);
    b.train(50);
    expect(a.snapshot()).toEqual(b.snapshot());
  });
});

describe('verdictOf and logPosition', () => {
  it('reads the norms', () => {
    expect(verdictOf([1e-9, 1e-3, 0.1])).toBe('vanishing');
    expect(verdictOf([0.05, 0.1, 0.1])).toBe('flowing');
    expect(verdictOf([40, 2, 0.5])).toBe('exploding');
    expect(verdictOf([NaN, 1])).toBe('broken');
    expect(verdictOf([0, 0])).toBe('dead');
    expect(verdictOf([0, 1e-3])).toBe('vanishing');
    // All tiny: the first layer does not move, even if the ratio is 1.
    expect(verdictOf([1e-9, 1e-9])).toBe('vanishing');
    // Mostly flat sigmoid or tanh outputs: saturated; ReLU's zeros are not saturation.
    expect(verdictOf([0.05, 0.1], [{ flat: 0.1 }, { flat: 0.8 }], 'tanh')).toBe('saturated');
    expect(verdictOf([0.05, 0.1], [{ flat: 0.1 }, { flat: 0.8 }], 'relu')).toBe('flowing');
  });

  it('places sizes on the log scale 10⁻¹⁶ … 10⁴', () => {
    expect(logPosition(1e-16)).toBe(0);
    expect(logPosition(1)).toBeCloseTo(0.8, 12);
    expect(logPosition(1e9)).toBe(1);
    expect(logPosition(0)).toBe(0);
    expect(logPosition(NaN)).toBeNaN();
  });
});

describe('describe', () => {
  it('writes sizes in scientific notation, words for non-numbers', () => {
    expect(sci(3.14e-7)).toBe('3.1 × 10⁻⁷');
    expect(sci(1900)).toBe('1.9 × 10³');
    expect(sci(0.034)).toBe('0.034');
    expect(sci(9.99e-5)).toBe('1 × 10⁻⁴');
    expect(sci(0)).toBe('0');
    expect(sci(NaN)).toBe('undefined');
    expect(sci(Infinity)).toBe('too large');
    expect(sciSpoken(3.14e-7)).toBe('3.1 times 10 to the minus 7');
    expect(sciSpoken(0.5)).toBe('0.5');
  });

  it('sums up a run in words, with the numbers a student can check', () => {
    const s = new FlowRun(SETUP).snapshot();
    const text = summary(SETUP, s);
    expect(text).toMatch(/^Sigmoid with too small weights, 8 layers of 8\. Step 0: loss 0\.69\d/);
    expect(text).toContain('The gradient vanishes');
    expect(text).toContain(sci(s.ratio));
    expect(text).not.toMatch(/NaN|Infinity/);
    const rows = tableRows(s);
    expect(rows).toHaveLength(9);
    expect(rows[8]!.layer).toBe('Output');
    expect(rows[8]!.mean).toBe('—');
    expect(rows[0]!.gradient).toBe(sci(s.gradients[0]!));
  });
});
