/**
 * Early stopping's two parts, shared by both engines (src/train/early-stop.ts): the validation rows
 * held out of the training rows, and the rule that says when to stop and which weights to keep.
 */
import { describe, expect, it } from 'vitest';
import { xorSpec } from './fixtures/training';
import { EarlyStopper, holdOut } from '../../src/train/early-stop';
import type { NetworkState } from '../../src/train/state';
import type { ModelSpec, Rows } from '../../src/train/types';

/** One tanh layer of 4, with early stopping: patience 3, a fifth of the rows held out. */
const spec = (overrides: Partial<ModelSpec> = {}): ModelSpec =>
  xorSpec({
    hidden: [{ units: 4, activation: 'tanh' }],
    earlyStopping: { patience: 3, validationFraction: 0.2 },
    ...overrides,
  });

/** n rows of two inputs, row i = (i, −i) with label i % 2: every row is recognisable. */
function rows(n: number): Rows {
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = i;
    x[2 * i + 1] = -i;
    y[i] = i % 2;
  }
  return { x, y };
}

/** The row numbers of a part (read back from its first input). */
const ids = (part: Rows): number[] =>
  Array.from({ length: part.y.length }, (_, r) => part.x[2 * r]!);

describe('holdOut: the validation rows', () => {
  it('without early stopping, the training rows as they are and no validation rows', () => {
    const train = rows(10);
    const held = holdOut(spec({ earlyStopping: undefined }), train);
    expect(held.train).toBe(train);
    expect(held.validation).toBeNull();
  });

  it('holds out round(fraction · n) of the training rows, each row in exactly one part, both in order', () => {
    const train = rows(50);
    const held = holdOut(spec({ earlyStopping: { patience: 3, validationFraction: 0.3 } }), train);
    const kept = ids(held.train);
    const validation = ids(held.validation!);
    expect(validation).toHaveLength(15);
    expect(kept).toHaveLength(35);
    expect([...kept, ...validation].sort((a, b) => a - b)).toEqual(ids(train));
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(validation).toEqual([...validation].sort((a, b) => a - b));
    // Labels travel with their rows.
    validation.forEach((row, r) => expect(held.validation!.y[r]).toBe(row % 2));
    // Not simply the first or the last rows: a shuffled choice.
    expect(validation).not.toEqual(ids(train).slice(0, 15));
    expect(validation).not.toEqual(ids(train).slice(35));
  });

  it('is seeded: the same seed holds out the same rows, another seed others', () => {
    const train = rows(40);
    const a = ids(holdOut(spec(), train).validation!);
    expect(ids(holdOut(spec(), train).validation!)).toEqual(a);
    expect(ids(holdOut(spec({ seed: 8 }), train).validation!)).not.toEqual(a);
  });

  it('holds out at least one row and keeps at least one, and none of a single row', () => {
    const small = spec({ earlyStopping: { patience: 3, validationFraction: 0.05 } });
    expect(holdOut(small, rows(4)).validation!.y).toHaveLength(1);
    const large = spec({ earlyStopping: { patience: 3, validationFraction: 0.5 } });
    expect(holdOut(large, rows(2)).train.y).toHaveLength(1);
    const one = holdOut(large, rows(1));
    expect(one.train.y).toHaveLength(1);
    expect(one.validation!.y).toHaveLength(0);
  });

  it('keeps pixels as pixels (a Uint8Array stays one), never touching the rows given', () => {
    const n = 20;
    const pixels: Rows = {
      x: Uint8Array.from({ length: 2 * n }, (_, i) => i),
      y: Uint8Array.from({ length: n }, (_, i) => i % 2),
    };
    const copy = pixels.x.slice();
    const held = holdOut(spec(), pixels);
    expect(held.train.x).toBeInstanceOf(Uint8Array);
    expect(held.validation!.x).toBeInstanceOf(Uint8Array);
    expect(held.validation!.y).toBeInstanceOf(Uint8Array);
    expect(pixels.x).toEqual(copy);
    expect(held.train.y.length + held.validation!.y.length).toBe(n);
  });
});

/** A state whose one number says which moment it is. */
const moment = (k: number): NetworkState => ({ values: Float32Array.of(k), adamStep: k });

describe('EarlyStopper: when to stop, and which weights to keep', () => {
  it('keeps the best moment and stops after `patience` epochs without a better one', () => {
    const stopper = new EarlyStopper(3);
    const losses = [0.9, 0.7, 0.5, 0.6, 0.55, 0.52]; // best at epoch 2, then three worse
    const calls: number[] = [];
    let result = null;
    losses.forEach((loss, epoch) => {
      result = stopper.observe(loss, 10 * epoch, epoch, () => {
        calls.push(epoch);
        return moment(epoch);
      });
      if (epoch < losses.length - 1) expect(result).toBeNull();
    });
    // The state is copied only at a new best.
    expect(calls).toEqual([0, 1, 2]);
    expect(result).toEqual({
      loss: 0.5,
      step: 20,
      epoch: 2,
      state: moment(2),
      stop: { step: 50, epoch: 5, bestStep: 20, bestEpoch: 2 },
    });
  });

  it('keeps a copy of the best weights, not the live array', () => {
    const stopper = new EarlyStopper(1);
    const live = moment(1);
    stopper.observe(0.5, 1, 1, () => live);
    live.values[0] = 99; // training goes on in place
    const stop = stopper.observe(0.6, 2, 2, () => moment(2));
    expect(stop!.state.values[0]).toBe(1);
    // Each stop hands out its own copy.
    stop!.state.values[0] = 42;
    expect(stopper.observe(0.7, 3, 3, () => moment(3))!.state.values[0]).toBe(1);
  });

  it('counts epochs (fractions too), not reports', () => {
    const stopper = new EarlyStopper(2);
    stopper.observe(0.5, 0, 0, () => moment(0));
    for (let k = 1; k < 8; k++)
      expect(stopper.observe(0.6, k, k * 0.25, () => moment(k))).toBeNull();
    expect(stopper.observe(0.6, 8, 2, () => moment(8))).not.toBeNull();
  });

  it('after a stop, counts `patience` epochs again from there; a new best starts over', () => {
    const stopper = new EarlyStopper(2);
    stopper.observe(0.5, 0, 0, () => moment(0));
    expect(stopper.observe(0.6, 2, 2, () => moment(2))!.stop.epoch).toBe(2);
    expect(stopper.observe(0.6, 3, 3, () => moment(3))).toBeNull(); // one epoch after the stop
    expect(stopper.observe(0.6, 4, 4, () => moment(4))!.stop).toEqual({
      step: 4,
      epoch: 4,
      bestStep: 0,
      bestEpoch: 0,
    });
    expect(stopper.observe(0.4, 5, 5, () => moment(5))).toBeNull(); // a new best
    expect(stopper.observe(0.45, 6, 6, () => moment(6))).toBeNull();
    expect(stopper.observe(0.45, 7, 7, () => moment(7))!.stop.bestStep).toBe(5);
  });

  it('forgets its best moment on reset', () => {
    const stopper = new EarlyStopper(1);
    stopper.observe(0.1, 0, 0, () => moment(0));
    stopper.reset();
    // 0.9 is worse than the forgotten 0.1, but it is the first of a new run: the new best.
    expect(stopper.observe(0.9, 0, 0, () => moment(1))).toBeNull();
    expect(stopper.observe(0.95, 1, 1, () => moment(2))!.state).toEqual(moment(1));
  });
});
