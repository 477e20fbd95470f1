/**
 * Activation functions and their derivatives, as plain functions of a real number z.
 *
 * Each activation f comes with its derivative f′, because backpropagation needs f′(z) at every
 * neuron: dE/dz = dE/da · f′(z) where a = f(z). Sigmoid, tanh and ReLU are here with their
 * derivatives (and leaky ReLU and the identity, in the table `ACTIVATIONS` at the end), and softmax for turning a vector of scores into probabilities;
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

/**
 * The hyperbolic tangent tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1: a sigmoid
 * stretched to (−1, 1) and centred on 0, so a layer of tanh neurons outputs values of both signs.
 * `Math.tanh` is exact to rounding and saturates to ±1 without overflow for any finite z.
 */
export function tanh(z: number): number {
  return Math.tanh(z);
}

/**
 * The derivative tanh′(z) = 1 − tanh²(z). Its peak is tanh′(0) = 1, four times σ′(0) = ¼, which
 * is one reason tanh layers often learn faster than sigmoid ones; like σ′ it vanishes in the tails.
 */
export function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return 1 - t * t;
}

/** The rectified linear unit ReLU(z) = max(0, z): the input itself when positive, else 0. */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

/**
 * The derivative of ReLU: 1 for z > 0, 0 for z < 0. At z = 0 the function has a corner and no
 * derivative; we use 0 there, the same convention as TensorFlow (a "subgradient": any value in
 * [0, 1] would do). It never vanishes for positive z, which is why deep ReLU networks train well,
 * and it is exactly 0 for negative z, which is how a ReLU neuron can "die".
 */
export function reluPrime(z: number): number {
  return z > 0 ? 1 : 0;
}

/**
 * The softmax of a vector: softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ). It turns any real scores into
 * probabilities: every output is in [0, 1] and they sum to 1.
 *
 * Numerically stable for finite inputs: softmax does not change when the same number is
 * subtracted from every zᵢ (the factor e^(−c) cancels above and below), so we subtract the
 * largest, m = maxⱼ zⱼ. Then every exponent is ≤ 0, e^(zᵢ − m) ≤ 1 never overflows, and the
 * largest term is e^0 = 1, so the sum is at least 1 and never 0. Written naively, e^1000 = Infinity
 * and Infinity/Infinity = NaN.
 */
export function softmax(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  // A loop, not Math.max(...values): spreading a very long array overflows the call stack.
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  const exps = values.map((v) => Math.exp(v - m));
  const sum = exps.reduce((s, e) => s + e, 0);
  return exps.map((e) => e / sum);
}

/** The slope of leaky ReLU for z < 0: small, so a neuron that is switched off still learns. */
export const LEAKY_SLOPE = 0.01;

/**
 * Leaky ReLU(z) = z for z > 0, 0.01·z otherwise: ReLU with a small slope on the negative side, so
 * its derivative is never exactly 0 and a neuron whose z is negative for every input ("dead") can
 * still come back.
 */
export function leakyRelu(z: number): number {
  return z > 0 ? z : LEAKY_SLOPE * z;
}

/** The derivative of leaky ReLU: 1 for z > 0, 0.01 otherwise (z = 0 too, as ReLU′(0) = 0). */
export function leakyReluPrime(z: number): number {
  return z > 0 ? 1 : LEAKY_SLOPE;
}

/** No activation at all: a = z. */
export function linear(z: number): number {
  return z;
}

/** The derivative of the identity: 1 everywhere. */
export function linearPrime(_z: number): number {
  return 1;
}

/**
 * Every activation the course offers, by name: the one list that the maths (`tiny-network.ts`,
 * `mlp.ts`, `dense-net.ts`), the trainer's setup (`trainer-setup.ts`), the widgets and the lessons
 * read. A module that offers only some of them names its subset as `ActivationName`s.
 */
export const ACTIVATION_NAMES = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'] as const;

/** An activation's name, as attributes and layer specs write it ("leaky-relu"). */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

export interface Activation {
  /** The function f(z). */
  f: (z: number) => number;
  /** Its derivative f′(z). */
  df: (z: number) => number;
  /**
   * The same derivative written from the output a = f(z), as backpropagation uses it (σ′ = a(1 − a),
   * tanh′ = 1 − a², ReLU′ = [a > 0]): what a layer's outputs alone say about its slopes.
   */
  dfOut: (a: number) => number;
  /** Its name in words, for labels: "sigmoid". */
  label: string;
  /** Its symbol in formulas: σ, tanh, ReLU. */
  symbol: string;
  /** Its definition, in plain text: "σ(z) = 1 / (1 + e^(−z))". */
  formula: string;
  /** Its derivative, in plain text: "σ′(z) = σ(z)(1 − σ(z))". */
  derivative: string;
  /** The values f can take, in plain text: "(0, 1)". */
  range: string;
  /** The largest value of f′ (σ′(0) = ¼, tanh′(0) = 1, ReLU′ = 1 for z > 0). */
  peakSlope: number;
  /** Where f′ takes that largest value, in plain text: "at z = 0". */
  peakAt: string;
}

/** The activations with their derivatives and their facts in words, one record per name. */
export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
  sigmoid: {
    f: sigmoid,
    df: sigmoidPrime,
    dfOut: (a) => a * (1 - a),
    label: 'sigmoid',
    symbol: 'σ',
    formula: 'σ(z) = 1 / (1 + e^(−z))',
    derivative: 'σ′(z) = σ(z)(1 − σ(z))',
    range: '(0, 1)',
    peakSlope: 0.25,
    peakAt: 'at z = 0',
  },
  tanh: {
    f: tanh,
    df: tanhPrime,
    dfOut: (a) => 1 - a * a,
    label: 'tanh',
    symbol: 'tanh',
    formula: 'tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))',
    derivative: 'tanh′(z) = 1 − tanh²(z)',
    range: '(−1, 1)',
    peakSlope: 1,
    peakAt: 'at z = 0',
  },
  relu: {
    f: relu,
    df: reluPrime,
    dfOut: (a) => (a > 0 ? 1 : 0),
    label: 'ReLU',
    symbol: 'ReLU',
    formula: 'ReLU(z) = max(0, z)',
    derivative: 'ReLU′(z) = 1 for z > 0, 0 for z < 0',
    range: '[0, ∞)',
    peakSlope: 1,
    peakAt: 'for every z > 0',
  },
  'leaky-relu': {
    f: leakyRelu,
    df: leakyReluPrime,
    dfOut: (a) => (a > 0 ? 1 : LEAKY_SLOPE),
    label: 'leaky ReLU',
    symbol: 'LReLU',
    formula: `LReLU(z) = max(${LEAKY_SLOPE}·z, z)`,
    derivative: `LReLU′(z) = 1 for z > 0, ${LEAKY_SLOPE} for z < 0`,
    range: '(−∞, ∞)',
    peakSlope: 1,
    peakAt: 'for every z > 0',
  },
  linear: {
    f: linear,
    df: linearPrime,
    dfOut: () => 1,
    label: 'linear',
    symbol: 'id',
    formula: 'a = z',
    derivative: 'a′ = 1',
    range: '(−∞, ∞)',
    peakSlope: 1,
    peakAt: 'everywhere',
  },
};

/** Whether `name` is one of the activations (for readers of attributes and layer text). */
export function isActivationName(name: string): name is ActivationName {
  return (ACTIVATION_NAMES as readonly string[]).includes(name);
}
