/**
 * Seeded datasets on the plane, for classifiers to separate: four of two classes, and
 * `three-blobs` and `three-spirals`, of three (for a softmax output).
 *
 * Every dataset lives in the square [−1, 1] × [−1, 1] (inputs of that size suit sigmoid and tanh
 * neurons without any rescaling) and is built the same way:
 *
 *   1. half of the points get label 1 and half label 0 (for odd n, label 1 gets the extra one), and
 *      each is placed on its class's *clean* shape — a disc, a quadrant, a blob, a spiral arm;
 *   2. each coordinate is jittered by Gaussian noise N(0, noise²), then clamped into the square;
 *   3. the points are shuffled, so that any prefix (the first 20, a mini-batch) holds both classes.
 *
 * The label is decided in step 1, before the noise: with noise a point can drift across the ideal
 * boundary and keep its class, which is exactly the overlap a real dataset has and the reason no
 * classifier gets 100% on noisy data. Everything random comes from `createRng(seed)`, so the same
 * (n, noise, seed) gives the same points on every machine.
 *
 * By convention label 1 is drawn orange and label 0 blue (and label 2 green, …).
 *
 * `three-blobs` follows the same steps with three classes: a third of the points each (the first
 * classes get the extra ones), around three centres on a circle of radius 0.55 (at 90°, 210° and
 * 330°), each with standard deviation 0.2 before the noise. `three-spirals` winds three arms like
 * the spiral's, each turned a third of a turn from the last.
 */
import { createRng } from './rng';
import type { Rng } from './rng';

/** A labelled point of the plane, of one of two classes. */
export interface LabelledPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

/** A point of the plane of one of k classes: label 0 … k − 1. */
export interface ClassPoint {
  x: number;
  y: number;
  label: number;
}

/** A dataset generator: `n` points, Gaussian jitter of standard deviation `noise`, a seed. */
export type DatasetGenerator = (n: number, noise: number, seed: number) => LabelledPoint[];

/** Every coordinate lies in [−BOUND, BOUND]. */
export const BOUND = 1;

/** The datasets, by name, in the order a menu lists them. */
export const DATASET_NAMES = ['circle', 'xor', 'gaussians', 'spiral'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** The datasets of more than two classes. */
export const CLASS_DATASET_NAMES = ['three-blobs', 'three-spirals'] as const;
export type ClassDatasetName = (typeof CLASS_DATASET_NAMES)[number];

/** How many classes each dataset has. */
export const DATASET_CLASSES: Readonly<Record<DatasetName | ClassDatasetName, number>> = {
  circle: 2,
  xor: 2,
  gaussians: 2,
  spiral: 2,
  'three-blobs': 3,
  'three-spirals': 3,
};

/** Radii of the circle dataset: label 1 inside INNER, label 0 in the ring from RING_MIN to RING_MAX. */
const CIRCLE = { inner: 0.45, ringMin: 0.6, ringMax: 0.9 } as const;
/** XOR keeps its clean points this far from the axes, so that noise 0 leaves a visible gap. */
const XOR_GAP = 0.05;
/** The two blobs: centres (±CENTRE, ±CENTRE) and standard deviation SPREAD before any noise. */
const BLOBS = { centre: 0.45, spread: 0.18 } as const;
/** Spiral arms: radius grows from MIN_R·RADIUS to RADIUS while the angle sweeps TURNS turns. */
const SPIRAL = { radius: 0.9, minR: 0.08, turns: 1.75 } as const;
/** Three blobs: centres at RADIUS from the origin, at 90°, 210° and 330°; standard deviation SPREAD. */
const THREE_BLOBS = { radius: 0.55, spread: 0.2 } as const;

function checkArguments(n: number, noise: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`a dataset needs a whole number of points ≥ 0, got n = ${n}`);
  }
  if (!Number.isFinite(noise) || noise < 0) {
    throw new RangeError(`noise is a standard deviation: a finite number ≥ 0, got ${noise}`);
  }
}

const clamp = (v: number): number => Math.min(BOUND, Math.max(-BOUND, v));

/**
 * The common recipe: `place(label, rng)` gives a clean point of a class; this labels half the
 * points 1 and half 0, jitters, clamps and shuffles.
 */
function generate<P extends ClassPoint = LabelledPoint>(
  n: number,
  noise: number,
  seed: number,
  place: (label: P['label'], rng: Rng) => [number, number],
  classes = 2,
): P[] {
  checkArguments(n, noise);
  const rng = createRng(seed);
  const points: P[] = [];
  const ones = Math.ceil(n / 2);
  const share = Math.ceil(n / classes);
  for (let i = 0; i < n; i++) {
    // Two classes: label 1 first (it gets the extra point), as always; more: 0, 1, 2, … in turn.
    const label = (classes === 2 ? (i < ones ? 1 : 0) : Math.floor(i / share)) as P['label'];
    const [x, y] = place(label, rng);
    // noise = 0 must give the clean shape exactly: skip the draw rather than add 0 · N(0, 1).
    const jitterX = noise > 0 ? noise * rng.normal() : 0;
    const jitterY = noise > 0 ? noise * rng.normal() : 0;
    points.push({ x: clamp(x + jitterX), y: clamp(y + jitterY), label } as P);
  }
  // Fisher–Yates: every order equally likely, driven by the same seeded stream.
  for (let i = points.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [points[i], points[j]] = [points[j]!, points[i]!];
  }
  return points;
}

/** A point at radius r and angle θ: (r cos θ, r sin θ). */
const polar = (r: number, theta: number): [number, number] => [
  r * Math.cos(theta),
  r * Math.sin(theta),
];

/**
 * A disc inside a ring. Label 1: uniform in the disc of radius 0.45 around the origin. Label 0:
 * uniform in the ring 0.6 ≤ r ≤ 0.9. No straight line separates them; a closed curve does.
 *
 * "Uniform" means uniform in area: a radius r = R·√u (u uniform in [0, 1]) puts as many points
 * in the outer half of the disc as its area deserves, where r = R·u would crowd the centre.
 */
export const circle: DatasetGenerator = (n, noise, seed) =>
  generate(n, noise, seed, (label, rng) => {
    const theta = rng.uniform(0, 2 * Math.PI);
    if (label === 1) return polar(CIRCLE.inner * Math.sqrt(rng.next()), theta);
    const { ringMin: a, ringMax: b } = CIRCLE;
    return polar(Math.sqrt(a * a + (b * b - a * a) * rng.next()), theta);
  });

/**
 * The four quadrants in a checkerboard. Label 1 where x and y have the same sign (x·y > 0, the
 * top-right and bottom-left quadrants), label 0 where the signs differ. It is the plane's version
 * of "exclusive or": no single line separates it, two lines do.
 */
export const xor: DatasetGenerator = (n, noise, seed) =>
  generate(n, noise, seed, (label, rng) => {
    const sx = rng.next() < 0.5 ? -1 : 1;
    // Same sign for label 1, opposite sign for label 0.
    const sy = label === 1 ? sx : -sx;
    return [sx * rng.uniform(XOR_GAP, BOUND), sy * rng.uniform(XOR_GAP, BOUND)];
  });

/**
 * Two round Gaussian blobs: label 1 around (0.45, 0.45), label 0 around (−0.45, −0.45), each with
 * standard deviation 0.18 before the noise is added. A single straight line separates them well:
 * the easiest dataset, the one a lone neuron can learn.
 */
export const gaussians: DatasetGenerator = (n, noise, seed) =>
  generate(n, noise, seed, (label, rng) => {
    const c = label === 1 ? BLOBS.centre : -BLOBS.centre;
    return [c + BLOBS.spread * rng.normal(), c + BLOBS.spread * rng.normal()];
  });

/**
 * Two interleaved spiral arms, the hardest of the four. A point at position t ∈ [0, 1] along an
 * arm has radius r = 0.9·(0.08 + 0.92·t) and angle θ = 2π · 1.75 · t; label 0's arm is label 1's
 * turned by half a turn (θ + π). Separating them needs a boundary that winds with the arms.
 */
export const spiral: DatasetGenerator = (n, noise, seed) =>
  generate(n, noise, seed, (label, rng) => {
    const t = rng.next();
    const r = SPIRAL.radius * (SPIRAL.minR + (1 - SPIRAL.minR) * t);
    const theta = 2 * Math.PI * SPIRAL.turns * t + (label === 1 ? 0 : Math.PI);
    return polar(r, theta);
  });

/** The generators by name. */
/** Three blobs of three classes (see the module comment). */
export const threeBlobs = (n: number, noise: number, seed: number): ClassPoint[] =>
  generate<ClassPoint>(
    n,
    noise,
    seed,
    (label, rng) => {
      const angle = Math.PI / 2 + (label * 2 * Math.PI) / 3;
      const [cx, cy] = polar(THREE_BLOBS.radius, angle);
      return [cx + THREE_BLOBS.spread * rng.normal(), cy + THREE_BLOBS.spread * rng.normal()];
    },
    3,
  );

/**
 * Three spiral arms of three classes: the spiral's arm (radius 0.9·(0.08 + 0.92·t), angle
 * 2π · 1.75 · t for t ∈ [0, 1]), turned by a third of a turn per class.
 */
export const threeSpirals = (n: number, noise: number, seed: number): ClassPoint[] =>
  generate<ClassPoint>(
    n,
    noise,
    seed,
    (label, rng) => {
      const t = rng.next();
      const r = SPIRAL.radius * (SPIRAL.minR + (1 - SPIRAL.minR) * t);
      return polar(r, 2 * Math.PI * SPIRAL.turns * t + (label * 2 * Math.PI) / 3);
    },
    3,
  );

export const DATASETS: Readonly<Record<DatasetName, DatasetGenerator>> = {
  circle,
  xor,
  gaussians,
  spiral,
};

/** Whether `name` names one of the datasets. */
export function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name);
}

/** `n` points of the dataset `name`, jittered by `noise`, reproducible from `seed`. */
export function makeDataset(
  name: DatasetName,
  n: number,
  noise: number,
  seed: number,
): LabelledPoint[] {
  return DATASETS[name](n, noise, seed);
}

export function isClassDatasetName(name: string): name is ClassDatasetName {
  return (CLASS_DATASET_NAMES as readonly string[]).includes(name);
}

/** Any dataset, two classes or more, as points with a class 0 … k − 1. */
export function makeClassDataset(
  name: DatasetName | ClassDatasetName,
  n: number,
  noise: number,
  seed: number,
): ClassPoint[] {
  if (name === 'three-blobs') return threeBlobs(n, noise, seed);
  if (name === 'three-spirals') return threeSpirals(n, noise, seed);
  return makeDataset(name, n, noise, seed);
}

/**
 * Regression datasets, as TensorFlow Playground's "plane" and "multi gaussian": points spread
 * uniformly over the square, each with a NUMBER to predict in [−1, 1] instead of a class. The
 * noise jitters the place at which that number is read (a point keeps its place and gets the value
 * of a place nearby, N(0, noise²) away in each coordinate), as Playground does; the value is then
 * clamped into [−1, 1].
 *
 * - `plane`: the value rises evenly from one corner to the other, (x + y)/2: a single linear neuron
 *   learns it exactly.
 * - `gaussian-hills`: six round hills and dips (Playground's multi gaussian scaled to our square):
 *   centres at x = −2/3, 0, 2/3 and y = ±5/12, alternately +1 and −1, each falling linearly to 0 at
 *   distance 1/3; where two overlap, the one larger in size wins.
 */
export const REGRESSION_DATASET_NAMES = ['plane', 'gaussian-hills'] as const;
export type RegressionDatasetName = (typeof REGRESSION_DATASET_NAMES)[number];

/** A point of the plane with a number to predict (`label`, in [−1, 1]). */
export type ValuePoint = ClassPoint;

/** The hills of `gaussian-hills`: centre x, centre y, sign. */
const HILLS: readonly (readonly [number, number, number])[] = [
  [-2 / 3, 5 / 12, 1],
  [0, 5 / 12, -1],
  [2 / 3, 5 / 12, 1],
  [-2 / 3, -5 / 12, -1],
  [0, -5 / 12, 1],
  [2 / 3, -5 / 12, -1],
];
/** A hill falls to 0 at this distance from its centre. */
const HILL_RADIUS = 1 / 3;

/** The noise-free value of a regression dataset at (x, y), in [−1, 1]. */
export function regressionValue(name: RegressionDatasetName, x: number, y: number): number {
  if (name === 'plane') return Math.min(1, Math.max(-1, (x + y) / 2));
  let value = 0;
  for (const [cx, cy, sign] of HILLS) {
    const v = sign * Math.max(0, 1 - Math.hypot(x - cx, y - cy) / HILL_RADIUS);
    if (Math.abs(v) > Math.abs(value)) value = v;
  }
  return value;
}

export function isRegressionDatasetName(name: string): name is RegressionDatasetName {
  return (REGRESSION_DATASET_NAMES as readonly string[]).includes(name);
}

/** `n` points of a regression dataset, reproducible from `seed` (see REGRESSION_DATASET_NAMES). */
export function makeRegressionDataset(
  name: RegressionDatasetName,
  n: number,
  noise: number,
  seed: number,
): ValuePoint[] {
  checkArguments(n, noise);
  const rng = createRng(seed);
  const points: ValuePoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-BOUND, BOUND);
    const y = rng.uniform(-BOUND, BOUND);
    const jx = noise > 0 ? noise * rng.normal() : 0;
    const jy = noise > 0 ? noise * rng.normal() : 0;
    points.push({ x, y, label: regressionValue(name, x + jx, y + jy) });
  }
  return points;
}
