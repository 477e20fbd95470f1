import { describe, expect, it } from 'vitest';
import {
  changeDetail,
  curveRows,
  isStep,
  planeTicks,
  rangeOf,
  riseWidth,
  sliderRange,
  weightedSum,
} from '../../src/widgets/sigmoid-explorer/model';
import { sigmoidSetup as setup } from './fixtures/widget-setups';

describe('the sigmoid explorer’s numbers', () => {
  it('takes the sliders’ ranges from the documented attributes', () => {
    expect(rangeOf('weight')).toEqual({ min: -10, max: 10 });
    expect(rangeOf('input')).toEqual({ min: -6, max: 6 });
    expect(sliderRange('weight2')).toEqual({ min: -10, max: 10 });
    expect(sliderRange('input2')).toEqual({ min: -6, max: 6 });
    expect(sliderRange('bias')).toEqual({ min: -10, max: 10 });
  });

  it('sums w·x + b with one input, and adds w₂·x₂ only in plane mode', () => {
    const s = { weight: 2, input: 1.5, bias: -1, weight2: 3, input2: 0.5 };
    expect(weightedSum(setup(s))).toBe(2);
    expect(weightedSum(setup({ ...s, plane: true }))).toBe(3.5);
  });

  it('reports the setup, z and σ(z) in the nn-change detail', () => {
    const detail = changeDetail(
      setup({ plane: true, weight: 2, input: 1, bias: -1, weight2: 3, input2: 0.5 }),
    );
    expect(detail).toMatchObject({ mode: 'plane', weight: 2, weight2: 3, bias: -1, z: 2.5 });
    expect(detail.output).toBeCloseTo(1 / (1 + Math.exp(-2.5)), 12);
    expect(changeDetail(setup({ derivative: true }))).toMatchObject({
      mode: 'curve',
      z: 0,
      output: 0.5,
      derivative: true,
    });
  });

  it('calls the curve a step from |w| = 5, where σ rises from 0.05 to 0.95 within 1.18', () => {
    expect(isStep(5)).toBe(true);
    expect(isStep(-5)).toBe(true);
    expect(isStep(4.9)).toBe(false);
    expect(riseWidth(5)).toBeCloseTo(1.178, 3);
    expect(riseWidth(-1)).toBeCloseTo(2 * Math.log(19), 12);
  });

  it('tabulates 13 inputs from −6 to 6 and a 5 × 5 grid for the plane', () => {
    const rows = curveRows(2, -1, -6, 6);
    expect(rows.map((r) => r.x)).toEqual([-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6]);
    expect(rows[6]).toMatchObject({ x: 0, z: -1 });
    expect(rows[6]!.s).toBeCloseTo(0.2689, 4);
    expect(rows[6]!.ds).toBeCloseTo(0.1966, 4);
    expect(planeTicks(-6, 6)).toEqual([-6, -3, 0, 3, 6]);
  });
});
