/**
 * The parameter update of `DenseNet` (dense-net.ts): the regularisation penalties' gradients added
 * to a kernel weight's, and each optimizer's step on the packed state. Pure loops over typed
 * arrays; no DOM, no tensors.
 *
 *   L2   λ·Σw²   ⇒  +2λw
 *   L1   λ₁·Σ|w| ⇒  +λ₁·sign(w)   (the subgradient; 0 at w = 0, as tfjs's sign)
 *
 * on the kernels only (biases are not regularised), and then with g = ∂L/∂θ:
 *
 *   sgd        θ ← θ − η g
 *   momentum   v ← μ v + η g,  θ ← θ − v                      (μ = 0.9; η folded into v)
 *   adam       t ← t + 1,  m ← m + (1 − β₁)(g − m),  v ← v + (1 − β₂)(g² − v),
 *              θ ← θ − η·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε·√(1 − β₂ᵗ))
 *                                                           (β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁷)
 *
 * — Adam's bias corrections folded into the step size and ε, exactly as tfjs (and network.ts) do.
 */

export type DenseOptimizer = 'sgd' | 'momentum' | 'adam';

/** Adam's constants, as in Kingma & Ba (2015) and tfjs. */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;
/** Momentum's decay μ in v ← μ·v + η·g. */
export const MOMENTUM = 0.9;

/** Optimizer slots per parameter: momentum keeps a velocity, Adam two moment estimates. */
export function denseSlotCount(optimizer: DenseOptimizer): number {
  return optimizer === 'adam' ? 2 : optimizer === 'momentum' ? 1 : 0;
}

/** The penalties' gradient at weight w: 2λw + λ₁·sign(w) (0 for w = 0). */
export function penaltyGradient(w: number, twoL2: number, l1: number): number {
  return twoL2 * w + (w > 0 ? l1 : w < 0 ? -l1 : 0);
}

/**
 * Move the first `count` parameters of the packed state `v` (slots after them, see dense-net.ts)
 * with their gradients `g`. Returns Adam's new step counter (t + 1 for Adam, t otherwise).
 */
export function optimizerStep(
  optimizer: DenseOptimizer,
  v: Float32Array,
  g: Float64Array,
  count: number,
  lr: number,
  t: number,
): number {
  const P = count;
  if (optimizer === 'sgd') {
    for (let k = 0; k < P; k++) v[k]! -= lr * g[k]!;
    return t;
  }
  if (optimizer === 'momentum') {
    for (let k = 0; k < P; k++) {
      // The velocity as stored (Float32), as tfjs subtracts the stored velocity.
      const velocity = Math.fround(MOMENTUM * v[P + k]! + lr * g[k]!);
      v[P + k] = velocity;
      v[k]! -= velocity;
    }
    return t;
  }
  const step = t + 1;
  const c2 = Math.sqrt(1 - ADAM.beta2 ** step);
  const stepSize = (lr * c2) / (1 - ADAM.beta1 ** step);
  const epsilon = ADAM.epsilon * c2;
  const b1 = 1 - ADAM.beta1;
  const b2 = 1 - ADAM.beta2;
  const M = P;
  const V = 2 * P;
  for (let k = 0; k < P; k++) {
    const gk = g[k]!;
    const m = Math.fround(v[M + k]! + b1 * (gk - v[M + k]!));
    const s = Math.fround(v[V + k]! + b2 * (gk * gk - v[V + k]!));
    v[M + k] = m;
    v[V + k] = s;
    v[k]! -= (m / (Math.sqrt(s) + epsilon)) * stepSize;
  }
  return step;
}
