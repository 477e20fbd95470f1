import { describe, expect, it } from 'vitest';
import { diagramGeometry, diagramHeight } from '../../src/charts/network-diagram';
import { segmentDistance } from '../../src/widgets/network-trainer/weight-editor';

describe('the network diagram’s geometry', () => {
  it('keeps the height of a two-input network as it was (its screenshots do not move)', () => {
    // The formula before input features: 56 + (largest layer) × (neuron side + 10).
    for (const width of [343, 600, 900]) {
      for (const sizes of [
        [2, 4, 4, 1],
        [2, 1],
        [2, 8, 3],
      ]) {
        const side = diagramGeometry(sizes, { width, height: 300 }).side;
        const old = Math.round(Math.min(640, Math.max(150, 56 + Math.max(...sizes) * (side + 10))));
        expect(diagramHeight(sizes, width)).toBe(old);
      }
    }
  });

  it('gives seven input features room for a name under each square', () => {
    const sizes = [7, 8, 4, 1];
    const width = 600;
    const height = diagramHeight(sizes, width);
    const g = diagramGeometry(sizes, { width, height });
    for (let j = 0; j + 1 < 7; j++) {
      const gap = g.unitY(0, j + 1) - g.unitY(0, j);
      expect(gap - g.side).toBeGreaterThanOrEqual(14); // an 11px label fits between squares
    }
    expect(g.unitY(0, 6) + g.side / 2 + 14).toBeLessThanOrEqual(height);
  });

  it('puts columns left to right and a layer’s units top to bottom, inside the drawing', () => {
    const g = diagramGeometry([2, 4, 1], { width: 500, height: 250 });
    expect(g.colX(0)).toBeLessThan(g.colX(1));
    expect(g.colX(1)).toBeLessThan(g.colX(2));
    expect(g.colX(0) - g.side / 2).toBeGreaterThanOrEqual(0);
    expect(g.colX(2) + g.side / 2).toBeLessThanOrEqual(500);
    expect(g.unitY(1, 0)).toBeLessThan(g.unitY(1, 3));
  });
});

describe('segmentDistance (picking an edge)', () => {
  it('is the distance to the nearest point of the segment, ends included', () => {
    expect(segmentDistance(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(segmentDistance(-4, 3, 0, 0, 10, 0)).toBe(5);
    expect(segmentDistance(13, 4, 0, 0, 10, 0)).toBe(5);
    expect(segmentDistance(1, 1, 2, 2, 2, 2)).toBeCloseTo(Math.SQRT2, 12);
  });
});
