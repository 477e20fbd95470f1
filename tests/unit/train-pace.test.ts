/**
 * The engine host's slices (src/train/pace.ts, `SliceMeter`): how many steps the next slice takes,
 * and the examples-per-second figure a frame carries; and the page's stored rates
 * (src/train/rates.ts) that 'auto' reads back. (`Pace`, the share of time spent training, is in
 * tests/unit/engine-pace.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { xorSpec } from './fixtures/training';
import { SliceMeter } from '../../src/train/pace';
import { knownRates, rateKey, rememberRate } from '../../src/train/rates';

describe('SliceMeter: steps per slice', () => {
  it('fills a slice from the time per step of the last one, at most doubling', () => {
    const meter = new SliceMeter(12);
    expect(meter.steps).toBe(1);
    meter.slice(0.5, 1, 10, true); // 0.5 ms a step: 24 would fit, but at most twice 1
    expect(meter.steps).toBe(2);
    meter.slice(1, 2, 20, true);
    expect(meter.steps).toBe(4);
    for (let i = 0; i < 10; i++) meter.slice(meter.steps * 0.5, meter.steps, 0, true);
    expect(meter.steps).toBe(24); // 12 ms ÷ 0.5 ms
    meter.slice(24 * 2, 24, 0, true); // steps got four times slower: at once down to 6
    expect(meter.steps).toBe(6);
  });

  it('takes at least one step and at most 100,000; a slice without steps changes nothing', () => {
    const meter = new SliceMeter(12);
    meter.slice(500, 1, 10, true);
    expect(meter.steps).toBe(1);
    for (let i = 0; i < 40; i++) meter.slice(0, meter.steps, 0, true); // 0 ms counts as 0.01
    expect(meter.steps).toBe(100_000);
    meter.slice(30, 0, 0, false);
    expect(meter.steps).toBe(100_000);
  });
});

describe('SliceMeter: examples per second', () => {
  it('renews the figure after 250 ms of measured training, from all the examples counted', () => {
    const meter = new SliceMeter(12);
    meter.slice(100, 10, 1000, true);
    meter.slice(100, 10, 1000, false); // unmeasured slices count, but renew nothing
    expect(meter.rate).toBe(0);
    meter.slice(100, 10, 1000, true); // 3000 examples in 300 ms
    expect(meter.rate).toBeCloseTo(10_000, 6);
    meter.slice(100, 10, 500, true); // a new stretch of counting: not yet 250 ms
    expect(meter.rate).toBeCloseTo(10_000, 6);
  });

  it('restart (play or pause) counts afresh and keeps the last figure', () => {
    const meter = new SliceMeter(12);
    meter.slice(300, 10, 3000, true);
    expect(meter.rate).toBeCloseTo(10_000, 6);
    meter.slice(200, 10, 9000, true);
    meter.restart(); // those 200 ms are forgotten
    meter.slice(250, 10, 500, true);
    expect(meter.rate).toBeCloseTo(2000, 6);
  });
});

describe('stored rates', () => {
  const spec = xorSpec({
    hidden: [
      { units: 8, activation: 'tanh' },
      { units: 4, activation: 'relu' },
    ],
    batchSize: 10,
  });

  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keys a model by its widths, optimizer and rows per step', () => {
    expect(rateKey(spec, 280)).toBe('8-4|adam|10');
    expect(rateKey({ ...spec, batchSize: 0 }, 280)).toBe('8-4|adam|280');
    expect(rateKey(spec, 6)).toBe('8-4|adam|6');
    expect(rateKey({ ...spec, inputs: 7 }, 280)).toBe('7-8-4-1|adam|10');
    expect(rateKey({ ...spec, inputs: 784, classes: 10 }, 280)).toBe('784-8-4-10|adam|10');
  });

  it('remembers each engine’s rate per key, rounded, and reads it back', () => {
    expect(knownRates('8-4|adam|10')).toEqual({});
    rememberRate('8-4|adam|10', 'js', 312_345.6);
    rememberRate('8-4|adam|10', 'wasm', 15_000);
    rememberRate('2-2|sgd|10', 'js', 1);
    expect(knownRates('8-4|adam|10')).toEqual({ js: 312_346, wasm: 15_000 });
  });

  it('reads damaged or blocked storage as nothing known, and never throws', () => {
    localStorage.setItem('gradient-trail:engine-rates:v1', '{not json');
    expect(knownRates('8-4|adam|10')).toEqual({});
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    });
    expect(knownRates('8-4|adam|10')).toEqual({});
    expect(() => rememberRate('8-4|adam|10', 'js', 1)).not.toThrow();
  });
});
