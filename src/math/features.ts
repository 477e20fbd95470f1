/**
 * Input features for the trainer, as in TensorFlow Playground: besides a point's two coordinates
 * x₁ and x₂, the network may be fed x₁², x₂², x₁·x₂, sin x₁ and sin x₂ — transforms a person
 * chooses, so that a network with no hidden layer can draw a circle (x₁² and x₂²) or a spiral
 * becomes learnable with sines.
 *
 * The coordinates are those the network sees, [−1, 1]² for the generated datasets. Playground's
 * plane is [−6, 6]², six times ours, with the same shapes drawn on it; so that the sines make the
 * same waves over the same data, sin x₁ here is sin(6·x₁) (`SIN_SCALE`), as Playground's sin x₁ is
 * on its own plane. Every feature stays in [−1, 1] for points of the square.
 *
 * Pure functions, no DOM: tested in node (tests/unit/features.test.ts).
 */

/** The sines' frequency: Playground's plane is six times ours (see the module comment). */
export const SIN_SCALE = 6;

/** Every feature, in the order the widget lists them (and the network's inputs are ordered). */
export const FEATURE_NAMES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface Feature {
  /** How the feature is written for a reader: "x₁²". */
  label: string;
  /** The same in words, for a screen reader: "x₁ squared". */
  spoken: string;
  /** The feature's value at a point of the network's plane. */
  f: (x1: number, x2: number) => number;
}

/** The features by name. */
export const FEATURES: Readonly<Record<FeatureName, Feature>> = {
  x1: { label: 'x₁', spoken: 'x₁', f: (x1) => x1 },
  x2: { label: 'x₂', spoken: 'x₂', f: (_, x2) => x2 },
  x1sq: { label: 'x₁²', spoken: 'x₁ squared', f: (x1) => x1 * x1 },
  x2sq: { label: 'x₂²', spoken: 'x₂ squared', f: (_, x2) => x2 * x2 },
  x1x2: { label: 'x₁x₂', spoken: 'x₁ times x₂', f: (x1, x2) => x1 * x2 },
  sinx1: { label: 'sin x₁', spoken: 'sine of x₁', f: (x1) => Math.sin(SIN_SCALE * x1) },
  sinx2: { label: 'sin x₂', spoken: 'sine of x₂', f: (_, x2) => Math.sin(SIN_SCALE * x2) },
};

/** The default features: the point itself. */
export const DEFAULT_FEATURES: readonly FeatureName[] = ['x1', 'x2'];

export function isFeatureName(name: string): name is FeatureName {
  return (FEATURE_NAMES as readonly string[]).includes(name);
}

/**
 * Read a comma list of features ("x1,x2,x1sq"): the features named, in the canonical order
 * (FEATURE_NAMES), each once. `error` says why the text cannot be used (an unknown name, or none
 * at all); then `features` is the default.
 */
export function parseFeatures(text: string): { features: FeatureName[]; error?: string } {
  const names = text
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !isFeatureName(n));
  if (unknown.length > 0) {
    return {
      features: [...DEFAULT_FEATURES],
      error: `${unknown.map((u) => `“${u}”`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a feature; use ${FEATURE_NAMES.join(', ')}`,
    };
  }
  if (names.length === 0) {
    return { features: [...DEFAULT_FEATURES], error: 'the network needs at least one feature' };
  }
  return { features: FEATURE_NAMES.filter((n) => names.includes(n)) };
}

/** The canonical text of a feature list: "x1,x2,x1sq". */
export function formatFeatures(features: readonly FeatureName[]): string {
  return FEATURE_NAMES.filter((n) => features.includes(n)).join(',');
}

/** Whether the features are exactly x₁, x₂ (rows are then the points themselves). */
export function isPlain(features: readonly FeatureName[]): boolean {
  return features.length === 2 && features[0] === 'x1' && features[1] === 'x2';
}

/**
 * Points [x₁, y₁, x₂, y₂, …] (two numbers a point) as rows of the chosen features, one number per
 * feature a row, in the order given. The plain features give a copy of the points.
 */
export function expandRows(xy: ArrayLike<number>, features: readonly FeatureName[]): Float32Array {
  const n = Math.floor(xy.length / 2);
  const w = features.length;
  const fs = features.map((name) => FEATURES[name].f);
  const rows = new Float32Array(n * w);
  for (let i = 0; i < n; i++) {
    const x1 = xy[2 * i]!;
    const x2 = xy[2 * i + 1]!;
    for (let j = 0; j < w; j++) rows[i * w + j] = fs[j]!(x1, x2);
  }
  return rows;
}

/**
 * Each feature's value at every point, one array per feature (the input neurons' own maps, as the
 * network diagram draws them).
 */
export function featureMaps(
  xy: ArrayLike<number>,
  features: readonly FeatureName[],
): Float32Array[] {
  const n = Math.floor(xy.length / 2);
  return features.map((name) => {
    const f = FEATURES[name].f;
    const map = new Float32Array(n);
    for (let i = 0; i < n; i++) map[i] = f(xy[2 * i]!, xy[2 * i + 1]!);
    return map;
  });
}
