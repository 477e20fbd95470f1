import { describe, expect, it } from 'vitest';
import { PACE, Pace } from '../../src/train/host';

describe('the engine’s pace: training leaves the page the CPU it needs to draw', () => {
  it('trains all the time while the page’s frames come on time', () => {
    const pace = new Pace();
    // Frames drawn within a frame interval of arriving, however far apart the acknowledgements.
    for (let i = 0; i < 100; i++) pace.ack(4 + (i % 13), true);
    expect(pace.share).toBe(1);
    expect(pace.restAfter(12)).toBe(0);
  });

  it('rests between slices while frames come late, never below a third, and recovers', () => {
    const pace = new Pace();
    for (let i = 0; i < 20; i++) pace.ack(100, true); // each frame waited 100 ms to be drawn
    expect(pace.share).toBe(PACE.minShare);
    expect(pace.restAfter(12)).toBeCloseTo(24); // a third of the time training
    for (let i = 0; i < 200; i++) pace.ack(10, true);
    expect(pace.share).toBe(1);
  });

  it('a pause is not a late frame', () => {
    const pace = new Pace();
    pace.ack(10, true);
    pace.ack(5000, false); // paused: a frame that waited while nothing trained says nothing
    pace.ack(10, true);
    expect(pace.share).toBe(1);
  });
});
