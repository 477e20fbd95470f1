/**
 * Deep, narrow networks and what their layers do while they learn: how the first weights are
 * drawn (initialisation schemes), the activations of every layer as a histogram, and the size of
 * each layer's gradient ‖∂L/∂W⁽ℓ⁾‖. A small pure module over `DenseNet` (dense-net.ts), which does
 * the forward pass, backpropagation and the update.
 *
 * Why the size of the first weights matters. A unit of layer ℓ sums n inputs: z = Σᵢ wᵢ aᵢ + b.
 * With weights of mean 0 and variance s² and inputs of second moment E[a²], Var z ≈ n s² E[a²]. If
 * n s² is much below 1 the signal shrinks layer after layer (and so does the gradient flowing back,
 * which is multiplied by the same weights); much above 1 it grows. Glorot & Bengio (2010) choose
 * s² = 2 / (n_in + n_out) (≈ 1/n, for tanh and sigmoid); He et al. (2015) s² = 2 / n_in for ReLU,
 * which switches off half its inputs (E[a²] = Var z / 2). Backwards, ∂L/∂a⁽ℓ⁻¹⁾ = W⁽ℓ⁾ᵀ(∂L/∂a⁽ℓ⁾ ⊙
 * f′): every layer multiplies the gradient by its weights and by f′ — at most ¼ for a sigmoid
 * (σ′(0) = ¼), so ten sigmoid layers shrink it by up to 0.25¹⁰ ≈ 10⁻⁶ unless the weights make up
 * for it.
 *
 * Pure TypeScript: no DOM, no tensors.
 */
import { ACTIVATIONS } from './activations';
import type { ActivationName } from './activations';
import { denseSlotCount } from './dense-net';
import type { DenseNet, DenseOptimizer, DenseState } from './dense-net';
import { createRng } from './rng';

/** The ways to draw the first weights, from too small to too large. */
export const INIT_SCHEMES = ['small', 'xavier', 'he', 'large'] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

/** The spread of the weights too small and too large to learn with (a standard deviation). */
export const SMALL_STD = 0.05;
export const LARGE_STD = 2;

export interface InitDoc {
  /** Its name in words: "Xavier (Glorot)". */
  label: string;
  /** The standard deviation as text: "√(2 / (n_in + n_out))". */
  formula: string;
  /** The standard deviation of the weights into a layer of `nOut` units with `nIn` inputs. */
  std: (nIn: number, nOut: number) => number;
}

/** Each scheme: weights drawn from N(0, std²), biases 0. */
export const INITS: Readonly<Record<InitScheme, InitDoc>> = {
  small: { label: 'too small', formula: `${SMALL_STD}`, std: () => SMALL_STD },
  xavier: {
    label: 'Xavier (Glorot)',
    formula: '√(2 / (n_in + n_out))',
    std: (nIn, nOut) => Math.sqrt(2 / (nIn + nOut)),
  },
  he: { label: 'He', formula: '√(2 / n_in)', std: (nIn) => Math.sqrt(2 / nIn) },
  large: { label: 'too large', formula: `${LARGE_STD}`, std: () => LARGE_STD },
};

/** Whether `name` names an initialisation scheme. */
export function isInitScheme(name: string): name is InitScheme {
  return (INIT_SCHEMES as readonly string[]).includes(name);
}

/**
 * The packed starting state of a network with these layer sizes (DenseNet's layout: per layer the
 * kernel [inputs × units] row-major, then the bias): every weight drawn from N(0, std²) of the
 * scheme with a seeded stream, every bias 0, the optimizer's slots 0. The same seed gives the same
 * weights.
 */
export function initialState(
  sizes: readonly number[],
  scheme: InitScheme,
  seed: number,
  optimizer: DenseOptimizer = 'sgd',
): DenseState {
  const rng = createRng(seed);
  let parameters = 0;
  for (let l = 1; l < sizes.length; l++) parameters += (sizes[l - 1]! + 1) * sizes[l]!;
  const values = new Float32Array(parameters * (1 + denseSlotCount(optimizer)));
  let at = 0;
  for (let l = 1; l < sizes.length; l++) {
    const nIn = sizes[l - 1]!;
    const nOut = sizes[l]!;
    const std = INITS[scheme].std(nIn, nOut);
    for (let k = 0; k < nIn * nOut; k++) values[at++] = std * rng.normal();
    at += nOut; // the biases stay 0
  }
  return { values, adamStep: 0 };
}

/**
 * ‖∂L/∂W⁽ℓ⁾‖ for each layer ℓ = 1 … L (the Frobenius norm of the kernel's gradient, biases left
 * out) from a packed gradient in DenseNet's layout (`net.gradients` after a step), into `out`.
 */
export function gradientNorms(
  sizes: readonly number[],
  gradients: ArrayLike<number>,
  out = new Float64Array(sizes.length - 1),
): Float64Array {
  let at = 0;
  for (let l = 1; l < sizes.length; l++) {
    const count = sizes[l - 1]! * sizes[l]!;
    let sum = 0;
    for (let k = at; k < at + count; k++) sum += gradients[k]! * gradients[k]!;
    out[l - 1] = Math.sqrt(sum);
    at += count + sizes[l]!;
  }
  return out;
}

/** What the outputs of one layer look like over a set of inputs. */
export interface LayerStats {
  /** Counts per bin of the outputs, `bins` bins evenly over [lo, hi]. */
  histogram: number[];
  lo: number;
  hi: number;
  mean: number;
  std: number;
  /** The mean of f′ at these outputs (from a = f(z): σ′ = a(1 − a), …): how much the layer passes back. */
  meanSlope: number;
  /**
   * The share of outputs whose slope f′ is below a tenth of its peak: saturated sigmoid or tanh
   * units, or switched-off ReLUs (f′ = 0).
   */
  flat: number;
  /** Units whose output is the same (to 10⁻⁶) at every input: dead ReLUs, stuck units. */
  stuckUnits: number;
}

/** The histogram's range for each activation; NaN ends mean "from the data". */
const RANGES: Readonly<Record<ActivationName, readonly [number, number]>> = {
  sigmoid: [0, 1],
  tanh: [-1, 1],
  relu: [0, NaN],
  'leaky-relu': [NaN, NaN],
  linear: [NaN, NaN],
};

/**
 * Statistics of one layer's outputs: `units[j][k]` is unit j's output at input k (as
 * `DenseNet.activationsInto` fills them). Non-finite outputs count in no bin and make the mean,
 * spread, slope and flat share NaN.
 */
export function layerStats(
  units: readonly ArrayLike<number>[],
  activation: ActivationName,
  bins = 20,
): LayerStats {
  const { dfOut, peakSlope } = ACTIVATIONS[activation];
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let slope = 0;
  let flat = 0;
  let min = Infinity;
  let max = -Infinity;
  let stuckUnits = 0;
  let nonFinite = 0;
  for (const unit of units) {
    let uMin = Infinity;
    let uMax = -Infinity;
    for (let k = 0; k < unit.length; k++) {
      const a = unit[k]!;
      n++;
      if (!Number.isFinite(a)) {
        nonFinite++;
        continue;
      }
      sum += a;
      sumSq += a * a;
      const d = dfOut(a);
      slope += d;
      if (d < peakSlope / 10) flat++;
      if (a < uMin) uMin = a;
      if (a > uMax) uMax = a;
    }
    if (unit.length > 0 && uMax - uMin <= 1e-6) stuckUnits++;
    if (uMin < min) min = uMin;
    if (uMax > max) max = uMax;
  }
  const [rLo, rHi] = RANGES[activation];
  let lo = Number.isNaN(rLo) ? Math.min(min, 0) : rLo;
  let hi = Number.isNaN(rHi) ? Math.max(max, 0) : rHi;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (hi - lo < 1e-9) hi = lo + 1;
  const histogram = new Array<number>(bins).fill(0);
  for (const unit of units) {
    for (let k = 0; k < unit.length; k++) {
      const a = unit[k]!;
      if (!Number.isFinite(a)) continue;
      const b = Math.min(bins - 1, Math.max(0, Math.floor(((a - lo) / (hi - lo)) * bins)));
      histogram[b]! += 1;
    }
  }
  // One output that is not a number makes every summary NaN: a broken run never looks fine.
  const ok = n > 0 && nonFinite === 0;
  const mean = ok ? sum / n : NaN;
  return {
    histogram,
    lo,
    hi,
    mean,
    std: ok ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : NaN,
    meanSlope: ok ? slope / n : NaN,
    flat: ok ? flat / n : NaN,
    stuckUnits,
  };
}

/**
 * Every hidden layer's outputs at the rows of `xy` (`out[ℓ][j][k]`: unit j of hidden layer ℓ + 1 at
 * point k), by a forward pass of `net`. The output unit is left out.
 */
export function hiddenActivations(net: DenseNet, xy: ArrayLike<number>): Float64Array[][] {
  const sizes = net.sizes;
  const n = xy.length / sizes[0]!;
  const out = sizes
    .slice(1)
    .map((units) => Array.from({ length: units }, () => new Float64Array(n)));
  net.activationsInto(xy, out);
  return out.slice(0, -1);
}
