/**
 * The numbers of `<nn-sigmoid-explorer>`: the sliders' ranges, the weighted sum and the output,
 * where the curve crosses 0.5 and how narrow its rise is, the data tables, and the `nn-change`
 * detail. Pure: no DOM, no Lit. What the student reads about these numbers is in describe.ts.
 */
import { sigmoid, sigmoidPrime } from '../../math/activations';
import { sigmoidExplorerDoc } from './meta';
import type { AttributeDoc } from '../catalog';

/** Slider step for w, b and x: one decimal is as fine as a student can meaningfully steer. */
export const STEP = 0.1;
/** Points in the data table: x = −6, −5, …, 6 on the default range. */
export const TABLE_POINTS = 13;
/** Plane mode's table: σ at x₁, x₂ ∈ {−6, −3, 0, 3, 6}. */
export const PLANE_TABLE_POINTS = 5;
/**
 * σ goes from 0.05 to 0.95 while z goes from −ln 19 to ln 19, so while x moves 2·ln 19 / |w|.
 * From |w| = 5 on that is under 1.2 of the 12 units shown: the curve looks like a step.
 */
export const STEP_WEIGHT = 5;
export const RISE = 2 * Math.log(19);

/** A slider: the weights, the bias and the inputs. */
export type Param = 'weight' | 'bias' | 'input' | 'weight2' | 'input2';

/** The range of a numeric attribute, from meta.ts (the single source of truth). */
export function rangeOf(name: 'weight' | 'bias' | 'input'): { min: number; max: number } {
  const doc: AttributeDoc | undefined = sigmoidExplorerDoc.attributes.find((a) => a.name === name);
  return { min: doc?.min ?? -10, max: doc?.max ?? 10 };
}

/** The range of a slider: w₂ and x₂ share those of w and x. */
export function sliderRange(name: Param): { min: number; max: number } {
  return rangeOf(name === 'weight2' ? 'weight' : name === 'input2' ? 'input' : name);
}

/** The neuron's setup: what the sliders and the toggle hold. */
export interface SigmoidSetup {
  /** Two inputs (mode="plane") or one. */
  plane: boolean;
  weight: number;
  weight2: number;
  bias: number;
  input: number;
  input2: number;
  derivative: boolean;
}

/** The weighted sum z: w·x + b, or w₁x₁ + w₂x₂ + b in plane mode. */
export function weightedSum(s: SigmoidSetup): number {
  const z = s.weight * s.input + s.bias;
  return s.plane ? z + s.weight2 * s.input2 : z;
}

/** The `detail` of the `nn-change` event. */
export interface SigmoidChangeDetail {
  /** The weight w. */
  weight: number;
  /** The bias b. */
  bias: number;
  /** The input x. */
  input: number;
  /** The pre-activation z = w·x + b. */
  z: number;
  /** The neuron's output σ(z). */
  output: number;
  /** Whether the derivative is shown. */
  derivative: boolean;
  /** "curve" (one input) or "plane" (two inputs). */
  mode: 'curve' | 'plane';
  /** The second weight w₂ and input x₂ (used in plane mode: z = w·x + w₂·x₂ + b). */
  weight2: number;
  input2: number;
}

export function changeDetail(s: SigmoidSetup): SigmoidChangeDetail {
  const z = weightedSum(s);
  return {
    mode: s.plane ? 'plane' : 'curve',
    weight: s.weight,
    weight2: s.weight2,
    bias: s.bias,
    input: s.input,
    input2: s.input2,
    z,
    output: sigmoid(z),
    derivative: s.derivative,
  };
}

/** Whether the curve is almost a step: |w| ≥ 5. */
export function isStep(weight: number): boolean {
  return Math.abs(weight) >= STEP_WEIGHT;
}

/** How far the input moves while σ goes from 0.05 to 0.95: 5.89 / |w|. */
export function riseWidth(weight: number): number {
  return RISE / Math.abs(weight);
}

/** One row of the curve's table. */
export interface CurveRow {
  x: number;
  z: number;
  s: number;
  ds: number;
}

/** σ and σ′ at 13 inputs evenly spaced over [xMin, xMax]. */
export function curveRows(weight: number, bias: number, xMin: number, xMax: number): CurveRow[] {
  return Array.from({ length: TABLE_POINTS }, (_, i) => {
    const x = xMin + ((xMax - xMin) * i) / (TABLE_POINTS - 1);
    const z = weight * x + bias;
    return { x, z, s: sigmoid(z), ds: sigmoidPrime(z) };
  });
}

/** Plane mode's table: the 5 inputs along each axis, evenly spaced over [min, max]. */
export function planeTicks(min: number, max: number): number[] {
  return Array.from(
    { length: PLANE_TABLE_POINTS },
    (_, i) => min + ((max - min) * i) / (PLANE_TABLE_POINTS - 1),
  );
}
