import { describe, expect, it } from 'vitest';
import { badgeTitle, speedText } from '../../src/widgets/network-trainer/describe';

describe('the trainer’s engine badge and speed, in words', () => {
  it('says which engine trains, where, and why auto chose it', () => {
    const base = {
      started: true,
      backend: 'js' as const,
      thread: 'worker' as const,
      threadReason: null,
    };
    expect(badgeTitle({ ...base, started: false, why: null })).toMatch(
      /starts when you press Train/,
    );
    expect(badgeTitle({ ...base, why: 'a small network' })).toBe(
      'Training runs on from-scratch JS in a background worker: chosen for a small network.',
    );
    expect(
      badgeTitle({
        ...base,
        backend: 'wasm' as never,
        thread: 'main-thread',
        threadReason: 'this browser has no Web Workers',
        why: null,
      }),
    ).toBe(
      "Training runs on tfjs · wasm on the page's own thread, because this browser has no Web Workers.",
    );
  });

  it('gives the speed in epochs per second, and nothing before it is measured', () => {
    expect(speedText(0, 200)).toBe('');
    expect(speedText(Number.NaN, 200)).toBe('');
    expect(speedText(620_000, 200)).toBe('3,100 epochs/s');
    expect(speedText(1_000, 400)).toBe('2.5 epochs/s');
  });
});
