import { describe, expect, it } from 'vitest';
import {
  GRID,
  centreOf,
  checkSeed,
  checkUnits,
  matchingMaps,
  matchingWeights,
  moveCursor,
  pointsCsv,
  probabilityAt,
  propertyOf,
} from '../../src/widgets/network-trainer/model';

const square = { xDomain: [-1, 1] as const, yDomain: [-2, 2] as const };

describe('the trainer’s model: cursor, readings, CSV, typed values', () => {
  it('moves the cursor a 20th of the plot per arrow (4 with Shift), to the edges, and never out', () => {
    const c = centreOf(square);
    expect(c).toEqual({ x: 0, y: 0 });
    expect(moveCursor('ArrowRight', false, c, square.xDomain, square.yDomain)).toEqual({
      x: 0.1,
      y: 0,
    });
    expect(moveCursor('ArrowUp', true, c, square.xDomain, square.yDomain)).toEqual({
      x: 0,
      y: 0.8,
    });
    expect(moveCursor('Home', false, c, square.xDomain, square.yDomain)).toEqual({ x: -1, y: 0 });
    expect(moveCursor('PageDown', false, c, square.xDomain, square.yDomain)).toEqual({
      x: 0,
      y: -2,
    });
    expect(
      moveCursor('ArrowLeft', true, { x: -0.9, y: 0 }, square.xDomain, square.yDomain),
    ).toEqual({
      x: -1,
      y: 0,
    });
    expect(moveCursor('a', false, c, square.xDomain, square.yDomain)).toBeNull();
  });

  it('reads p(class 1) from the nearest grid cell, row 0 at the top', () => {
    const grid = new Float32Array(GRID * GRID);
    grid[0] = 0.9; // top-left cell
    grid[GRID * GRID - 1] = 0.2; // bottom-right cell
    expect(probabilityAt(grid, { x: -1, y: 2 }, square)).toBeCloseTo(0.9);
    expect(probabilityAt(grid, { x: 1, y: -2 }, square)).toBeCloseTo(0.2);
    expect(probabilityAt(null, { x: 0, y: 0 }, square)).toBeNull();
    grid[0] = Number.NaN;
    expect(probabilityAt(grid, { x: -1, y: 2 }, square)).toBeNull();
  });

  it('writes the points as CSV with the names as header, quoting what needs it', () => {
    const csv = pointsCsv(
      [
        { x: 0.5, y: -1.25, label: 1 },
        { x: 1 / 3, y: 2, label: 0 },
      ],
      { xLabel: 'hours', yLabel: 'sleep, h', labelName: 'passed', classNames: ['no', 'yes'] },
    );
    expect(csv).toBe('hours,"sleep, h",passed\n0.5,-1.25,yes\n0.333333,2,no\n');
  });

  it('checks typed neuron counts and seeds, saying what is kept', () => {
    expect(checkUnits('8', 0, 4)).toEqual({ units: 8 });
    expect(checkUnits('17', 1, 4)).toEqual({
      error: 'Layer 2 needs a whole number of neurons from 1 to 16; it keeps 4.',
    });
    expect(checkUnits('', 0, 3)).toHaveProperty('error');
    expect(checkSeed('42', 1)).toEqual({ seed: 42 });
    expect(checkSeed('1.5', 7)).toEqual({
      error: 'The seed is a whole number from 0 to 999999; it stays 7.',
    });
  });

  it('draws weights and maps only for the network they belong to', () => {
    const layer = (inputs: number, units: number) => ({
      inputs,
      units,
      kernel: new Float32Array(inputs * units),
      bias: new Float32Array(units),
    });
    const weights = [layer(2, 4), layer(4, 1)];
    expect(matchingWeights(weights, [2, 4, 1])).toHaveLength(2);
    expect(matchingWeights(weights, [2, 3, 1])).toBeNull();
    const maps = [[1, 2, 3, 4].map(() => new Float32Array(4)), [new Float32Array(4)]];
    expect(matchingMaps(maps, [2, 4, 1])).toHaveLength(2);
    expect(matchingMaps(maps, [2, 4, 4, 1])).toBeNull();
  });

  it('names the property of each attribute', () => {
    expect(propertyOf('dataset')).toBe('datasetName');
    expect(propertyOf('learning-rate')).toBe('learningRate');
    expect(propertyOf('x-label')).toBe('xLabel');
    expect(propertyOf('l2')).toBe('l2');
  });
});
