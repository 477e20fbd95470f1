/**
 * Activation functions and their derivatives, as plain functions of a real number z.
 *
 * Each activation f comes with its derivative f′, because backpropagation needs f′(z) at every
 * neuron: dE/dz = dE/da · f′(z) where a = f(z). Later lessons add tanh, ReLU and softmax here;
 * keep each one pure (no DOM, no tensors) and numerically safe for any finite z.
 */

/**
 * The logistic sigmoid σ(z) = 1 / (1 + e^(−z)), which squashes any real z into (0, 1).
 *
 * Written naively, e^(−z) overflows to Infinity for z below about −709, and σ would still come out
 * as 0 — but the same trick in other formulas (σ′, log σ) turns into Infinity/Infinity = NaN. So we
 * only ever exponentiate a non-positive number:
 *   z ≥ 0:  σ(z) = 1 / (1 + e^(−z)),   with e^(−z) ∈ (0, 1]
 *   z < 0:  σ(z) = e^(z) / (1 + e^(z)), the same value multiplied top and bottom by e^(z) ∈ (0, 1)
 * Both branches agree at z = 0 (σ(0) = 1/2), and the symmetry σ(−z) = 1 − σ(z) holds by
 * construction up to rounding.
 */
export function sigmoid(z: number): number {
  if (z >= 0) {
    return 1 / (1 + Math.exp(-z));
  }
  const ez = Math.exp(z);
  return ez / (1 + ez);
}

/**
 * The derivative σ′(z) = σ(z)(1 − σ(z)).
 *
 * It follows from the quotient rule on 1 / (1 + e^(−z)): σ′(z) = e^(−z) / (1 + e^(−z))², and
 * e^(−z) / (1 + e^(−z)) = 1 − σ(z). It is largest at z = 0, where σ′(0) = ½ · ½ = ¼, and it
 * vanishes in both tails: this is why a saturated sigmoid neuron learns slowly (the "vanishing
 * gradient"). For large |z| it underflows gently to 0, never to NaN, because σ itself is stable.
 */
export function sigmoidPrime(z: number): number {
  const s = sigmoid(z);
  return s * (1 - s);
}
