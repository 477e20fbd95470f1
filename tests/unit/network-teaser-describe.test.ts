import { describe, expect, it } from 'vitest';
import {
  chartLabel,
  networkFacts,
  spoken,
  sureness,
  verdict,
} from '../../src/widgets/network-teaser/describe';
import { probabilityAt } from '../../src/widgets/network-teaser/model';

describe('the teaser’s readout', () => {
  it('says how sure the network is, and of which colour', () => {
    expect(sureness(0.731)).toEqual({ amount: '73%', colour: 'orange' });
    expect(sureness(0.2)).toEqual({ amount: '80%', colour: 'blue' });
  });

  it('never claims 100%, cannot decide near 50%, and has no answer for NaN', () => {
    expect(sureness(0.9999)).toEqual({ amount: 'more than 99%', colour: 'orange' });
    expect(sureness(0.0001)).toEqual({ amount: 'more than 99%', colour: 'blue' });
    expect(sureness(0.503)).toBe('undecided');
    expect(sureness(probabilityAt('gaussians', 0, 0))).toBe('undecided');
    expect(sureness(Number.NaN)).toBeNull();
  });
});

describe('the teaser in words', () => {
  it('names the map with the data, what it looks like and the probe', () => {
    expect(chartLabel('xor', 100, { x: 0.3, y: -0.2 })).toBe(
      "Map of the plane, x and y from −1 to 1, shaded by the network's probability that a point " +
        'is orange: orange where it says orange, blue where it says blue, with a line where it ' +
        'is 50% sure. Over it, 100 points of the XOR data, four quadrants, orange where x and y ' +
        'have the same sign and blue where they differ: orange triangles and blue circles. The ' +
        'probe is at (0.30, −0.20); the arrow keys move it.',
    );
  });

  it('describes each network: its layers, its parameters and where they came from', () => {
    expect(networkFacts('circle')).toEqual({ hidden: '4', parameters: 17, origin: 'set by hand' });
    expect(networkFacts('gaussians')).toEqual({
      hidden: '2',
      parameters: 9,
      origin: 'set by hand',
    });
    expect(networkFacts('spiral')).toEqual({
      hidden: '8 → 8',
      parameters: 105,
      origin: 'found by training',
    });
  });

  it('speaks negative slider values with the word "minus"', () => {
    expect(spoken(-0.35)).toBe('minus 0.35');
    expect(spoken(0.3)).toBe('0.30');
    expect(spoken(-0.001)).toBe('0.00');
  });

  it('says what the network got wrong', () => {
    const row = { x: 0, y: 0, label: 1 as const, p: 0.3, says: 0 as const, right: false };
    expect(verdict(row)).toBe('no: it says blue');
    expect(verdict({ ...row, p: 0.7, says: 1, right: true })).toBe('yes');
  });
});
