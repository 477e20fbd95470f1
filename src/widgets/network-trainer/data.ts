/**
 * The trainer's data: a generated dataset plus the student's own points (or only their points),
 * split into a training and a test set, and mapped into the square the network sees.
 *
 * The network's inputs live in [−1, 1]² (the generated datasets' own square; sizes of that order
 * suit tanh and sigmoid units). Data of the student's own life is in its own units — hours of
 * sleep, thousands of steps — so each axis is mapped linearly onto [−1, 1]; the plot keeps
 * showing the data's units.
 */
import {
  CLASS_DATASET_NAMES,
  DATASET_CLASSES,
  DATASET_NAMES,
  REGRESSION_DATASET_NAMES,
  isRegressionDatasetName,
  makeClassDataset,
  makeRegressionDataset,
} from '../../math/datasets';
import type {
  ClassDatasetName,
  ClassPoint,
  DatasetName,
  RegressionDatasetName,
} from '../../math/datasets';
import type { Points, TaskName } from '../../train/types';

export type DataSource = DatasetName | ClassDatasetName | RegressionDatasetName | 'custom';

export const DATA_SOURCES: readonly DataSource[] = [
  ...DATASET_NAMES,
  ...CLASS_DATASET_NAMES,
  ...REGRESSION_DATASET_NAMES,
  'custom',
];

/** What the network learns from a data source: a class, or (plane, gaussian-hills) a number. */
export function taskOf(source: DataSource): TaskName {
  return isRegressionDatasetName(source) ? 'regression' : 'classification';
}

/** The most classes the trainer tells apart (a softmax of 10 units). */
export const MAX_CLASSES = 10;

/** Classes a point's label may name: a generated dataset's own, up to MAX_CLASSES for 'custom'. */
export function maxLabels(source: DataSource): number {
  if (isRegressionDatasetName(source)) return 0;
  return source === 'custom' ? MAX_CLASSES : DATASET_CLASSES[source];
}

/**
 * How many classes the network tells apart: a generated dataset's own number; for 'custom', the
 * most of 2, the classes named (`names`) and the largest label among the points plus one (≤ 10).
 */
export function classCount(
  source: DataSource,
  points: readonly { label: number }[],
  names: number,
): number {
  if (isRegressionDatasetName(source)) return 2;
  if (source !== 'custom') return DATASET_CLASSES[source];
  let k = Math.max(2, names);
  for (const p of points) k = Math.max(k, p.label + 1);
  return Math.min(MAX_CLASSES, k);
}

export interface DataSetup {
  dataset: DataSource;
  samples: number;
  noise: number;
  testFraction: number;
  seed: number;
  /** The student's points (added by clicking, or all the data for 'custom'), in data units. */
  points: readonly ClassPoint[];
  /**
   * Classes told apart with 'custom' (default: `classCount` of the points); a generated dataset
   * has its own. Points of a class beyond them are left out.
   */
  classes?: number;
}

/** A range of one axis, in data units. */
export type Domain = readonly [number, number];

export interface PlaneData {
  /** Every point in data units: the generated ones first, then the student's. */
  points: ClassPoint[];
  /**
   * Classes told apart: 2 (one sigmoid output) or 3 … 10 (a softmax). With `task` 'regression'
   * it is 2 (one output unit) and means nothing: each point's `label` is then a number in [−1, 1].
   */
  classes: number;
  /** 'classification', or 'regression' for the plane and gaussian-hills datasets. */
  task: TaskName;
  /** Whether each point is in the test set. */
  isTest: boolean[];
  /** How many of `points` were generated (the rest are the student's). */
  generated: number;
  xDomain: Domain;
  yDomain: Domain;
  /** The training and test sets in the network's coordinates ([−1, 1]²). */
  train: Points;
  test: Points;
}

/**
 * A uniform number in [0, 1) for (seed, i): a stateless hash, so that adding a point never moves
 * the earlier points between the training and the test set (a seeded shuffle of all n would).
 */
function hashUnit(seed: number, i: number): number {
  let h =
    (Math.imul(Math.floor(Math.abs(seed) * 1000) | 0, 0x9e3779b1) ^
      Math.imul(i + 1, 0x85ebca6b)) >>>
    0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * Which points are test points: the round(n·f) points with the smallest hash, at least one and
 * never all of them (with n ≥ 2), so that both sets exist.
 */
export function splitTest(n: number, testFraction: number, seed: number): boolean[] {
  const isTest = new Array<boolean>(n).fill(false);
  if (n < 2) return isTest;
  const count = Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => hashUnit(seed, a) - hashUnit(seed, b) || a - b,
  );
  for (let k = 0; k < count; k++) isTest[order[k]!] = true;
  return isTest;
}

/** A "nice" step for about `count` ticks over `span`: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit >= 5 ? 10 : unit >= 2 ? 5 : unit >= 1 ? 2 : 1) * power;
}

/** The plotted range of one axis: the values with 5% room each side, rounded outwards. */
export function niceDomain(values: readonly number[]): Domain {
  if (values.length === 0) return [-1, 1];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const domain = niceRange(min, max);
  if (Number.isFinite(domain[0]) && Number.isFinite(domain[1])) return domain;
  // Values near the largest double (±1e308): their span, or the room around it, overflows. Work
  // at a smaller scale (a power of two, so exactly) and keep the ends within the doubles.
  const [lo, hi] = niceRange(min / HUGE, max / HUGE);
  return [Math.max(-Number.MAX_VALUE, lo * HUGE), Math.min(Number.MAX_VALUE, hi * HUGE)];
}

const HUGE = 2 ** 600;

function niceRange(min: number, max: number): Domain {
  if (max - min < 1e-9) return [min - 1, max + 1];
  const pad = (max - min) * 0.05;
  const step = niceStep(max - min + 2 * pad, 10);
  const lo = Math.floor((min - pad) / step) * step;
  // Counts and durations start at 0: no room below it for values that cannot be negative.
  return [min >= 0 && lo < 0 ? 0 : lo, Math.ceil((max + pad) / step) * step];
}

/**
 * Map a value from a domain onto [−1, 1] (the network's coordinates). Halves are subtracted, not
 * the values: the same result for ordinary numbers, and no overflow for a domain as wide as the
 * doubles themselves (−1e308 to 1e308).
 */
export function toUnit(v: number, [lo, hi]: Domain): number {
  return ((v / 2 - lo / 2) / (hi / 2 - lo / 2)) * 2 - 1;
}

/** Map a value from [−1, 1] back into a domain (by halves where the span would overflow). */
export function fromUnit(u: number, [lo, hi]: Domain): number {
  const value = lo + ((u + 1) / 2) * (hi - lo);
  return Number.isFinite(value) ? value : (lo / 2) * (1 - u) + (hi / 2) * (1 + u);
}

function pack(points: readonly ClassPoint[], xDomain: Domain, yDomain: Domain): Points {
  const x = new Float32Array(points.length * 2);
  const y = new Float32Array(points.length);
  points.forEach((p, i) => {
    x[2 * i] = toUnit(p.x, xDomain);
    x[2 * i + 1] = toUnit(p.y, yDomain);
    y[i] = p.label;
  });
  return { x, y };
}

/** Build the data for a setup: generate, append the student's points, split, map. */
export function buildData(setup: DataSetup): PlaneData {
  const task = taskOf(setup.dataset);
  const n = Math.round(setup.samples);
  const base =
    setup.dataset === 'custom'
      ? []
      : isRegressionDatasetName(setup.dataset)
        ? makeRegressionDataset(setup.dataset, n, setup.noise, setup.seed)
        : makeClassDataset(setup.dataset, n, setup.noise, setup.seed);
  const classes =
    setup.dataset === 'custom'
      ? Math.max(
          2,
          Math.min(MAX_CLASSES, Math.round(setup.classes ?? classCount('custom', setup.points, 0))),
        )
      : isRegressionDatasetName(setup.dataset)
        ? 2
        : DATASET_CLASSES[setup.dataset];
  // A regression dataset takes no points of the student's (a click gives no number to learn).
  const own = task === 'regression' ? [] : setup.points.filter((p) => p.label < classes);
  const points = [...base, ...own];
  // Generated datasets keep their own square, so that the picture does not move when a point is
  // added; the student's own data gets the range it needs.
  const xDomain =
    setup.dataset === 'custom' ? niceDomain(points.map((p) => p.x)) : widen([-1, 1], own, 'x');
  const yDomain =
    setup.dataset === 'custom' ? niceDomain(points.map((p) => p.y)) : widen([-1, 1], own, 'y');
  const isTest = splitTest(points.length, setup.testFraction, setup.seed);
  const train = points.filter((_, i) => !isTest[i]);
  const test = points.filter((_, i) => isTest[i]);
  return {
    points,
    isTest,
    classes,
    task,
    generated: base.length,
    xDomain,
    yDomain,
    train: pack(train, xDomain, yDomain),
    test: pack(test, xDomain, yDomain),
  };
}

/** [−1, 1], grown to take in any of the student's points that lie outside it. */
function widen(domain: Domain, points: readonly ClassPoint[], axis: 'x' | 'y'): Domain {
  const [lo, hi] = domain;
  for (const p of points) {
    if (p[axis] < lo || p[axis] > hi) return niceDomain([lo, hi, ...points.map((q) => q[axis])]);
  }
  return [lo, hi];
}

/**
 * The centres of a size × size grid over [−1, 1]², as a flat [x0, y0, x1, y1, …] array in the
 * network's coordinates, row by row from the TOP (largest y), the order of an image's pixels.
 */
export function gridPoints(size: number): Float32Array {
  const xy = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    const v = 1 - ((row + 0.5) / size) * 2;
    for (let col = 0; col < size; col++) {
      const u = ((col + 0.5) / size) * 2 - 1;
      const k = 2 * (row * size + col);
      xy[k] = u;
      xy[k + 1] = v;
    }
  }
  return xy;
}
