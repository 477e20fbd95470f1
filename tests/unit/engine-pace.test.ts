import { describe, expect, it } from 'vitest';
import { PACE, Pace } from '../../src/train/host';

describe('the engine’s pace: training leaves the page the CPU it needs to draw', () => {
  it('trains all the time while the page’s frames come on time', () => {
    const pace = new Pace();
    for (let t = 0; t < 2000; t += 16) pace.ack(t, true);
    expect(pace.share).toBe(1);
    expect(pace.restAfter(12)).toBe(0);
  });

  it('rests between slices while frames come late, never below a third, and recovers', () => {
    const pace = new Pace();
    for (let t = 0; t < 2000; t += 100) pace.ack(t, true); // 10 frames a second
    expect(pace.share).toBe(PACE.minShare);
    expect(pace.restAfter(12)).toBeCloseTo(24); // a third of the time training
    let t = 2000;
    for (let i = 0; i < 200; i++) pace.ack((t += 16), true);
    expect(pace.share).toBe(1);
  });

  it('a pause is not a late frame', () => {
    const pace = new Pace();
    pace.ack(0, true);
    pace.ack(16, false); // paused: the next acknowledgement starts afresh
    pace.ack(5000, true);
    pace.ack(5016, true);
    expect(pace.share).toBe(1);
  });
});
