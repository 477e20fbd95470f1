/**
 * Loss surfaces for the gradient-descent lesson, as plain data: each is a function L of one or two
 * parameters with its EXACT gradient, the region worth drawing, where its minima are, and a start
 * point and learning rate that show it well.
 *
 * Pure data and functions: no DOM. Positions are arrays of parameters, `[w]` in 1D and `[w₁, w₂]`
 * (or `[w, b]`) in 2D, so the same descent code runs on every surface.
 */
import { sigmoid } from './activations';
import { createRng } from './rng';

/** A point in parameter space: `[w]` or `[w₁, w₂]`. */
export type Vector = readonly number[];

/** A closed interval [min, max]. */
export type Range = readonly [number, number];

export interface Minimum {
  /** Where the minimum is. */
  point: Vector;
  /** The loss there. */
  value: number;
  /** `global`: the lowest point of the surface; `local`: lowest only among its neighbours. */
  kind: 'global' | 'local';
}

/** The surfaces the course offers, by id (also the values of `<nn-gradient-descent surface="…">`). */
export const SURFACE_IDS = [
  'parabola',
  'double-dip',
  'bowl',
  'valley',
  'two-minima',
  'neuron',
] as const;
export type SurfaceId = (typeof SURFACE_IDS)[number];

export interface Surface {
  id: SurfaceId;
  /** A short name: "Parabola". */
  label: string;
  /** The loss written out in plain Unicode: "L(w) = w²". */
  formula: string;
  /** The number of parameters: 1 (a curve) or 2 (a surface seen as a contour map). */
  dims: 1 | 2;
  /** The parameters' names, one per dimension: ["w"], ["w₁", "w₂"], ["w", "b"]. */
  variables: readonly string[];
  /** The loss L at a point. */
  f: (p: Vector) => number;
  /** The exact gradient ∇L at a point (the slope L′ in 1D), one partial derivative per parameter. */
  grad: (p: Vector) => number[];
  /** The region to draw: one [min, max] range per parameter. */
  domain: readonly Range[];
  /** Every minimum inside the domain, global first. */
  minima: readonly Minimum[];
  /** A start point that shows the surface well. */
  suggestedStart: Vector;
  /** A learning rate η that converges at a pace worth watching. */
  suggestedRate: number;
}

const at = (p: Vector, i: number): number => p[i] ?? 0;

/**
 * The 1D parabola L(w) = a·w², with slope L′(w) = 2a·w and its minimum L(0) = 0.
 *
 * Gradient descent on it is a geometric sequence: w ← w − η·2a·w = (1 − 2aη)·w, so
 * w_k = (1 − 2aη)^k · w₀. It converges exactly when |1 − 2aη| < 1, i.e. 0 < η < 1/a.
 */
export function parabola(a: number): Surface {
  return {
    id: 'parabola',
    label: 'Parabola',
    formula: a === 1 ? 'L(w) = w²' : `L(w) = ${a}·w²`,
    dims: 1,
    variables: ['w'],
    f: (p) => a * at(p, 0) ** 2,
    grad: (p) => [2 * a * at(p, 0)],
    domain: [[-3, 3]],
    minima: [{ point: [0], value: 0, kind: 'global' }],
    suggestedStart: [2.5],
    suggestedRate: 0.1,
  };
}

/**
 * The 2D bowl L(w₁, w₂) = a·w₁² + c·w₂², gradient (2a·w₁, 2c·w₂).
 *
 * Each coordinate evolves on its own, like the 1D parabola: w₁ ← (1 − 2aη)·w₁ and
 * w₂ ← (1 − 2cη)·w₂. With a = c the contours are circles; with c ≫ a they are long ellipses
 * (an ill-conditioned valley): the steep direction caps the learning rate at η < 1/c, and at
 * such a rate the shallow direction crawls.
 */
export function quadraticBowl(a: number, c: number): Surface {
  const round = a === c;
  const coef = (k: number) => (k === 1 ? '' : String(k));
  const xRange: Range = [-3, 3];
  const yRange: Range = round ? [-3, 3] : [-1.5, 1.5];
  return {
    id: round ? 'bowl' : 'valley',
    label: round ? 'Round bowl' : 'Long narrow valley',
    formula: `L(w₁, w₂) = ${coef(a)}w₁² + ${coef(c)}w₂²`,
    dims: 2,
    variables: ['w₁', 'w₂'],
    f: (p) => a * at(p, 0) ** 2 + c * at(p, 1) ** 2,
    grad: (p) => [2 * a * at(p, 0), 2 * c * at(p, 1)],
    domain: [xRange, yRange],
    minima: [{ point: [0, 0], value: 0, kind: 'global' }],
    suggestedStart: round ? [-2.2, 1.6] : [-2.6, 1],
    // Below the limit 1/max(a, c), with room to spare.
    suggestedRate: round ? 0.1 : 0.035,
  };
}

/**
 * A quartic with two dips: L(w) = (w² − 1)² + 0.3·w + 0.4, slope L′(w) = 4w(w² − 1) + 0.3.
 *
 * Without the 0.3·w tilt the two dips at w = ±1 would be equally deep; the tilt makes the left
 * one (w ≈ −1.04) the global minimum and the right one (w ≈ 0.96) a local minimum, with a hump
 * in between near w ≈ 0.08. Which dip gradient descent ends in depends on where it starts.
 * The + 0.4 keeps the loss positive, as a loss usually is.
 */
function dip(w: number): number {
  return (w * w - 1) ** 2 + 0.3 * w + 0.4;
}
function dipSlope(w: number): number {
  return 4 * w * (w * w - 1) + 0.3;
}
function dipCurvature(w: number): number {
  return 12 * w * w - 4;
}

/** Newton's method on the slope, from a guess in the basin of the minimum. */
function dipMinimum(guess: number): number {
  let w = guess;
  for (let i = 0; i < 50; i++) w -= dipSlope(w) / dipCurvature(w);
  return w;
}

const DIP_GLOBAL = dipMinimum(-1);
const DIP_LOCAL = dipMinimum(1);

const doubleDip: Surface = {
  id: 'double-dip',
  label: 'Curve with two dips',
  formula: 'L(w) = (w² − 1)² + 0.3w + 0.4',
  dims: 1,
  variables: ['w'],
  f: (p) => dip(at(p, 0)),
  grad: (p) => [dipSlope(at(p, 0))],
  domain: [[-1.8, 1.8]],
  minima: [
    { point: [DIP_GLOBAL], value: dip(DIP_GLOBAL), kind: 'global' },
    { point: [DIP_LOCAL], value: dip(DIP_LOCAL), kind: 'local' },
  ],
  suggestedStart: [1.6],
  suggestedRate: 0.02,
};

/**
 * The same two dips along w₁, and a plain parabola along w₂:
 * L(w₁, w₂) = (w₁² − 1)² + 0.3·w₁ + w₂² + 0.4. The minima are at (≈ −1.04, 0) (global) and
 * (≈ 0.96, 0) (local), with a saddle between them.
 */
const twoMinima: Surface = {
  id: 'two-minima',
  label: 'Surface with two minima',
  formula: 'L(w₁, w₂) = (w₁² − 1)² + 0.3w₁ + w₂² + 0.4',
  dims: 2,
  variables: ['w₁', 'w₂'],
  f: (p) => dip(at(p, 0)) + at(p, 1) ** 2,
  grad: (p) => [dipSlope(at(p, 0)), 2 * at(p, 1)],
  domain: [
    [-1.8, 1.8],
    [-1.5, 1.5],
  ],
  minima: [
    { point: [DIP_GLOBAL, 0], value: dip(DIP_GLOBAL), kind: 'global' },
    { point: [DIP_LOCAL, 0], value: dip(DIP_LOCAL), kind: 'local' },
  ],
  suggestedStart: [1.4, 1.2],
  suggestedRate: 0.05,
};

/** A labelled 1D example for the neuron: input x, class y ∈ {0, 1}. */
export interface LabelledPoint {
  x: number;
  y: 0 | 1;
}

/** The seed of the neuron's dataset: change it and the data (and the surface) change. */
export const NEURON_DATA_SEED = 2;

/**
 * Ten points of a 1D two-class problem: class 1 around x = +1, class 0 around x = −1, with
 * normal noise (σ = 0.8) from a seeded generator, rounded to one decimal so they read well in a
 * table. The classes overlap (x = −0.6 is a 1, x = 0.0 a 0), which matters: on data that a
 * threshold separates perfectly the loss keeps falling as w → ∞ and has no minimum at all.
 */
function neuronData(seed: number): LabelledPoint[] {
  const rng = createRng(seed);
  return Array.from({ length: 10 }, (_, i) => {
    const y = (i % 2) as 0 | 1;
    const x = (y === 1 ? 1 : -1) + 0.8 * rng.normal();
    return { x: Math.round(x * 10) / 10, y };
  });
}

export const NEURON_DATA: readonly LabelledPoint[] = neuronData(NEURON_DATA_SEED);

/**
 * log(1 + e^z) without overflow: for z > 0 it is z + log(1 + e^(−z)), so we only ever
 * exponentiate a non-positive number.
 */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * The mean cross-entropy of one sigmoid neuron p = σ(w·x + b) on the data:
 *   L(w, b) = −(1/n) Σ [ y·log p + (1 − y)·log(1 − p) ].
 * With z = w·x + b, −log σ(z) = softplus(−z) and −log(1 − σ(z)) = softplus(z), so each term is
 * softplus(z) − y·z: finite for every finite z, where the naive log(σ(z)) would give log(0).
 */
function neuronLoss(data: readonly LabelledPoint[], w: number, b: number): number {
  let sum = 0;
  for (const { x, y } of data) {
    const z = w * x + b;
    sum += softplus(z) - y * z;
  }
  return sum / data.length;
}

/**
 * The gradient of the mean cross-entropy. The chain rule through σ gives the famous tidy form
 * dL/dz = σ(z) − y (prediction minus label) for each point, then dz/dw = x and dz/db = 1:
 *   dL/dw = (1/n) Σ (σ(w·x + b) − y)·x,   dL/db = (1/n) Σ (σ(w·x + b) − y).
 */
function neuronGrad(data: readonly LabelledPoint[], w: number, b: number): number[] {
  let gw = 0;
  let gb = 0;
  for (const { x, y } of data) {
    const r = sigmoid(w * x + b) - y;
    gw += r * x;
    gb += r;
  }
  return [gw / data.length, gb / data.length];
}

/**
 * Newton's method for the neuron's minimum. The cross-entropy of a sigmoid is convex, with Hessian
 * (1/n) Σ σ′(z)·[x², x; x, 1]; on overlapping data it is positive definite, so Newton converges to
 * the single minimum in a handful of steps from (0, 0).
 */
function neuronMinimum(data: readonly LabelledPoint[]): [number, number] {
  let w = 0;
  let b = 0;
  for (let i = 0; i < 50; i++) {
    const [gw = 0, gb = 0] = neuronGrad(data, w, b);
    let hww = 0;
    let hwb = 0;
    let hbb = 0;
    for (const { x } of data) {
      const s = sigmoid(w * x + b);
      const q = (s * (1 - s)) / data.length;
      hww += q * x * x;
      hwb += q * x;
      hbb += q;
    }
    const det = hww * hbb - hwb * hwb;
    w -= (hbb * gw - hwb * gb) / det;
    b -= (hww * gb - hwb * gw) / det;
  }
  return [w, b];
}

const NEURON_MIN = neuronMinimum(NEURON_DATA);

const neuron: Surface = {
  id: 'neuron',
  label: 'Loss of a sigmoid neuron',
  formula: 'L(w, b) = mean cross-entropy of σ(w·x + b) on 10 labelled points',
  dims: 2,
  variables: ['w', 'b'],
  f: (p) => neuronLoss(NEURON_DATA, at(p, 0), at(p, 1)),
  grad: (p) => neuronGrad(NEURON_DATA, at(p, 0), at(p, 1)),
  domain: [
    [-3, 7],
    [-4, 4],
  ],
  minima: [
    {
      point: NEURON_MIN,
      value: neuronLoss(NEURON_DATA, NEURON_MIN[0], NEURON_MIN[1]),
      kind: 'global',
    },
  ],
  suggestedStart: [-2, 3],
  suggestedRate: 3,
};

/** Every surface, in the order a picker lists them. */
export const SURFACES: readonly Surface[] = [
  parabola(1),
  doubleDip,
  quadraticBowl(1, 1),
  quadraticBowl(1, 25),
  twoMinima,
  neuron,
];

export function surfaceById(id: string): Surface | undefined {
  return SURFACES.find((s) => s.id === id);
}

/** Whether `p` lies inside the surface's domain. */
export function inDomain(surface: Surface, p: Vector): boolean {
  return surface.domain.every(([lo, hi], i) => at(p, i) >= lo && at(p, i) <= hi);
}

/** `p` moved to the nearest point of the domain. */
export function clampToDomain(surface: Surface, p: Vector): number[] {
  return surface.domain.map(([lo, hi], i) => Math.min(hi, Math.max(lo, at(p, i))));
}
