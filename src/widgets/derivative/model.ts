/**
 * The numbers of `<nn-derivative>`: what is plotted and differentiated in each mode, the slopes
 * compared (secant, central difference, exact), the chain rule's factors for σ(w·x + b), the rows
 * of the data tables, the h slider's stops and the "Shrink h" animation, and the `nn-change`
 * detail. Pure: no DOM, no Lit. What the student reads about these numbers is in describe.ts.
 */
import { chainFactors, outputAlong, weightedSum, withValue } from '../../math/chain-rule';
import type { ChainFactors, NeuronPoint } from '../../math/chain-rule';
import { centralDifference, secantSlope } from '../../math/derivative';
import { FUNCTIONS, functionById } from '../../math/functions';
import type { FunctionId, RealFunction } from '../../math/functions';
import { derivativeDoc } from './meta';
import type { AttributeDoc } from '../catalog';

export type DerivativeMode = 'slope' | 'chain';
/** The variable of σ(w·x + b) that the chain-rule derivative is taken with respect to. */
export type ChainVariable = 'x' | 'w' | 'b';

/** Slider step for x₀, w and b. */
export const STEP = 0.1;
/** The h slider's stops, 1-2-5 on a log scale from 1 down to 0.001 (left to right). */
export const H_STOPS = [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001] as const;
export const H_MIN = 0.001;
/** The h values in the data table: each a tenth of the last, so the error's order shows. */
export const H_TABLE = [1, 0.1, 0.01, 0.001] as const;
/** The step of the numerical check in chain mode: small enough to agree to ~7 decimals. */
export const CHECK_H = 0.001;
/** How long "Shrink h" takes to go from h = 1 to h = 0.001. */
export const SHRINK_MS = 3000;
/** Slope mode plots x from −3 to 3: x₀ ∈ [−2, 2] and x₀ + h ≤ 3 always fit. */
export const SLOPE_WINDOW = [-3, 3] as const;
/** Rows in chain mode's data table. */
export const CHAIN_TABLE_POINTS = 9;
/** The numeric check agrees with the chain rule when they differ by less than this. */
export const AGREEMENT = 1e-4;

/** The attributes set by sliders. */
export type Slider = 'x0' | 'weight' | 'bias';

/** The slider of each chain-mode variable (x for anything unknown, as a property may be). */
export function sliderOf(wrt: ChainVariable): Slider {
  return wrt === 'w' ? 'weight' : wrt === 'b' ? 'bias' : 'x0';
}

/** An attribute's range, from meta.ts. */
export function rangeOf(name: Slider | 'h'): { min: number; max: number } {
  const doc: AttributeDoc | undefined = derivativeDoc.attributes.find((a) => a.name === name);
  return { min: doc?.min ?? -2, max: doc?.max ?? 2 };
}

/**
 * Everything the widget shows depends on these (its attributes). The element passes itself:
 * read the fields, never spread it (its properties are accessors, which a spread leaves out).
 */
export interface DerivativeParams {
  mode: DerivativeMode;
  /** An id of src/math/functions.ts; anything else is read as the first function. */
  fn: string;
  x0: number;
  h: number;
  weight: number;
  bias: number;
  wrt: ChainVariable;
}

/** The `detail` of the `nn-change` event. */
export interface DerivativeChangeDetail {
  mode: DerivativeMode;
  fn: FunctionId;
  x0: number;
  h: number;
  weight: number;
  bias: number;
  wrt: ChainVariable;
  /**
   * The exact slope at the point: f′(x₀) in slope mode; in chain mode the chain-rule product
   * da/dz · ∂z/∂v for the variable v named by `wrt`.
   */
  exact: number;
  /** The secant slope with step h (slope mode) of the function drawn. */
  secant: number;
  /** The central difference with step h (slope mode) or 0.001 (chain mode, the numeric check). */
  central: number;
}

/** The function of slope mode (`fn` is validated by its converter; a property may be anything). */
export function fnOf(id: string): RealFunction {
  return functionById(id) ?? FUNCTIONS[0]!;
}

/** The neuron's point (w, x, b) in chain mode. */
export function pointOf(p: DerivativeParams): NeuronPoint {
  return { w: p.weight, x: p.x0, b: p.bias };
}

/** What is plotted and differentiated: f(v) with its exact derivative, and how it is named. */
export interface Subject {
  f: (v: number) => number;
  df: (v: number) => number;
  /** The variable's current value and the plotted window. */
  v: number;
  vMin: number;
  vMax: number;
}

/** The plotted window of a chain-mode variable: its slider range, one unit wider each side. */
function windowOf(name: Slider): { vMin: number; vMax: number } {
  const { min, max } = rangeOf(name);
  return { vMin: min - 1, vMax: max + 1 };
}

/** f itself in slope mode; in chain mode a = σ(w·x + b) as a function of the variable `wrt`. */
export function subjectOf(p: DerivativeParams): Subject {
  if (p.mode === 'chain') return chainSubject(p);
  const fn = fnOf(p.fn);
  return { f: fn.f, df: fn.df, v: p.x0, vMin: SLOPE_WINDOW[0], vMax: SLOPE_WINDOW[1] };
}

/** a = σ(w·x + b) as a function of the variable `wrt`, the other two held (whatever the mode). */
function chainSubject(p: DerivativeParams): Subject {
  const slider = sliderOf(p.wrt);
  return { ...outputAlong(pointOf(p), p.wrt), v: p[slider], ...windowOf(slider) };
}

// ——— slope mode ———

/** The three slopes of f at x₀ compared: the secant's, the central difference's and the exact one. */
export interface Slopes {
  h: number;
  secant: number;
  central: number;
  exact: number;
}

export function slopesAt(fn: RealFunction, x0: number, h: number): Slopes {
  return {
    h,
    secant: secantSlope(fn.f, x0, h),
    central: centralDifference(fn.f, x0, h),
    exact: fn.df(x0),
  };
}

/** The secant's two points, (x₀, f(x₀)) and (x₀ + h, f(x₀ + h)). */
export function secantPoints(fn: RealFunction, x0: number, h: number) {
  const x1 = x0 + h;
  return { x0, y0: fn.f(x0), x1, y1: fn.f(x1) };
}

/** The data table of slope mode: the slopes for h = 1, 0.1, 0.01, 0.001 and the current h. */
export function hTable(fn: RealFunction, x0: number, h: number): (Slopes & { current: boolean })[] {
  const hs = [...new Set<number>([...H_TABLE, h])].sort((p, q) => q - p);
  return hs.map((step) => ({ ...slopesAt(fn, x0, step), current: step === h }));
}

// ——— chain mode ———

export interface Chain extends ChainFactors {
  /** The central difference of a along the variable with h = 0.001. */
  numeric: number;
  /** Whether the numeric check agrees with the chain rule. */
  agree: boolean;
}

/** The chain rule's factors at the point, and the numeric check of their product. */
export function chainOf(p: DerivativeParams): Chain {
  const factors = chainFactors(pointOf(p), p.wrt);
  const s = chainSubject(p);
  const numeric = centralDifference(s.f, s.v, CHECK_H);
  return { ...factors, numeric, agree: Math.abs(numeric - factors.slope) < AGREEMENT };
}

export interface ChainRow {
  /** The variable's value. */
  v: number;
  z: number;
  a: number;
  /** ∂a/∂v there. */
  slope: number;
  /** Whether this is the current value. */
  current: boolean;
}

/** The data table of chain mode: a and its slope at 9 values across the variable's range. */
export function chainTable(p: DerivativeParams): ChainRow[] {
  const s = chainSubject(p);
  const { min, max } = rangeOf(sliderOf(p.wrt));
  return Array.from({ length: CHAIN_TABLE_POINTS }, (_, i) => {
    const v = min + ((max - min) * i) / (CHAIN_TABLE_POINTS - 1);
    const z = weightedSum(withValue(pointOf(p), p.wrt, v));
    return { v, z, a: s.f(v), slope: s.df(v), current: Math.abs(v - s.v) < 1e-9 };
  });
}

// ——— the h slider and "Shrink h" ———

/** The index of the h stop nearest to h on the log scale. */
export function nearestStop(h: number): number {
  let best = 0;
  for (let i = 1; i < H_STOPS.length; i++) {
    if (Math.abs(Math.log(H_STOPS[i]! / h)) < Math.abs(Math.log(H_STOPS[best]! / h))) best = i;
  }
  return best;
}

/** Where "Shrink h" starts: from h, or from 1 when h is already the smallest. */
export function shrinkStart(h: number): number {
  return h <= H_MIN * 1.0001 ? 1 : h;
}

/** How long shrinking from `from` to 0.001 takes: each decade of h takes as long. */
export function shrinkDuration(from: number): number {
  return (SHRINK_MS * Math.log10(from / H_MIN)) / 3;
}

/**
 * h at the fraction t ∈ [0, 1] of the way: log-linear, h = from · (0.001 / from)^t, rounded to 4
 * significant digits so that the attribute stays readable while it moves; 0.001 at the end.
 */
export function shrinkH(from: number, t: number): number {
  return t >= 1 ? H_MIN : Number((from * Math.pow(H_MIN / from, t)).toPrecision(4));
}

// ——— the event ———

export function changeDetail(p: DerivativeParams): DerivativeChangeDetail {
  const s = subjectOf(p);
  const slope = p.mode === 'slope';
  return {
    mode: p.mode,
    fn: fnOf(p.fn).id,
    x0: p.x0,
    h: p.h,
    weight: p.weight,
    bias: p.bias,
    wrt: p.wrt,
    exact: s.df(s.v),
    secant: secantSlope(s.f, s.v, slope ? p.h : CHECK_H),
    central: centralDifference(s.f, s.v, slope ? p.h : CHECK_H),
  };
}
