/**
 * The numbers behind `<nn-network-trainer>`'s interactions, as pure functions: where the keyboard
 * cursor goes, what the network says at a place of the plot, the student's points as CSV, and the
 * checks of what a student types. No DOM, no Lit: tested in node (tests/unit/trainer-model.test.ts).
 */
import { compactNumber, parsePoints } from '../../math/trainer-setup';
import type { SetupValue } from '../../math/trainer-setup';
import type { ClassPoint } from '../../math/datasets';
import type { EngineName, LayerWeights, TrainReport } from '../../train/types';
import { classCount, maxLabels, toUnit } from './data';
import type { DataSource, PlaneData } from './data';

/** Cells per side of the heatmap grid: one batched prediction of 40 × 40 = 1,600 points a frame. */
export const GRID = 40;
/** Cells per side of each neuron's own small map in the diagram. */
export const MAP_GRID = 14;
/** Cursor steps across the plot with the arrow keys (Shift: 4 at a time). */
export const CURSOR_STEPS = 20;

type Domain = readonly [number, number];
export interface Place {
  x: number;
  y: number;
}

/** The middle of the plot, in data units. */
export function centreOf(data: Pick<PlaneData, 'xDomain' | 'yDomain'>): Place {
  return {
    x: (data.xDomain[0] + data.xDomain[1]) / 2,
    y: (data.yDomain[0] + data.yDomain[1]) / 2,
  };
}

/**
 * Where a key moves the plot's cursor (arrows: a 20th of the plot, with Shift 4 times that;
 * Home/End: the left/right edge; PageUp/PageDown: the top/bottom), kept inside the plot; null
 * for a key that does not move it.
 */
export function moveCursor(
  key: string,
  shift: boolean,
  cursor: Place,
  xDomain: Domain,
  yDomain: Domain,
): Place | null {
  const dx = (xDomain[1] - xDomain[0]) / CURSOR_STEPS;
  const dy = (yDomain[1] - yDomain[0]) / CURSOR_STEPS;
  const k = shift ? 4 : 1;
  const { x, y } = cursor;
  const moves = new Map<string, [number, number]>([
    ['ArrowLeft', [x - k * dx, y]],
    ['ArrowRight', [x + k * dx, y]],
    ['ArrowUp', [x, y + k * dy]],
    ['ArrowDown', [x, y - k * dy]],
    ['Home', [xDomain[0], y]],
    ['End', [xDomain[1], y]],
    ['PageUp', [x, yDomain[1]]],
    ['PageDown', [x, yDomain[0]]],
  ]);
  const to = moves.get(key);
  if (!to) return null;
  const clamp = (v: number, [lo, hi]: Domain) => Math.min(hi, Math.max(lo, v));
  return { x: clamp(to[0], xDomain), y: clamp(to[1], yDomain) };
}

/** The grid cell (row 0 at the top) nearest a place of the plane. */
function cellAt(at: Place, data: Pick<PlaneData, 'xDomain' | 'yDomain'>, size: number): number {
  const u = toUnit(at.x, data.xDomain);
  const v = toUnit(at.y, data.yDomain);
  const col = Math.min(size - 1, Math.max(0, Math.floor(((u + 1) / 2) * size)));
  const row = Math.min(size - 1, Math.max(0, Math.floor(((1 - v) / 2) * size)));
  return row * size + col;
}

/**
 * p(class 1) at a place of the plane, read from the heatmap grid of a two-class network (the
 * nearest cell; row 0 at the top); null when there is no grid yet or its value is not a number.
 */
export function probabilityAt(
  grid: Float32Array | null,
  at: Place,
  data: Pick<PlaneData, 'xDomain' | 'yDomain'>,
  size = GRID,
): number | null {
  if (!grid || grid.length < size * size) return null;
  const p = grid[cellAt(at, data, size)]!;
  return Number.isFinite(p) ? p : null;
}

/**
 * Every class's probability at a place of the plane, [p(0), …, p(k − 1)], from the heatmap grid:
 * p(class 1) per cell for two classes, the k probabilities of each cell in turn for k ≥ 3. Null
 * when there is no grid of that shape yet or a value is not a number.
 */
export function probabilitiesAt(
  grid: Float32Array | null,
  at: Place,
  data: Pick<PlaneData, 'xDomain' | 'yDomain'>,
  classes: number,
  size = GRID,
): number[] | null {
  if (classes <= 2) {
    const p = probabilityAt(grid, at, data, size);
    return p === null ? null : [1 - p, p];
  }
  if (!grid || grid.length !== size * size * classes) return null;
  const cell = cellAt(at, data, size);
  const ps = Array.from(grid.subarray(cell * classes, cell * classes + classes));
  return ps.every(Number.isFinite) ? ps : null;
}

/** The class with the largest probability (the first of a tie). */
export function likeliest(ps: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < ps.length; j++) if (ps[j]! > ps[best]!) best = j;
  return best;
}

/**
 * The names of k classes from the `classes` attribute ("cat, dog, bird"): the names given when
 * there are k of them; otherwise the classes' numbers "0" … "k − 1", with `ok` false (the page is
 * told) unless the text was the default "0,1".
 */
export function classNamesFor(text: string, k: number): { names: string[]; ok: boolean } {
  const given = text.split(',').map((s) => s.trim());
  if (given.length === k && given.every((n) => n !== '')) return { names: given, ok: true };
  return {
    names: Array.from({ length: k }, (_, i) => String(i)),
    ok: text.replace(/\s/g, '') === '0,1',
  };
}

/** How many names the `classes` attribute gives (empty names count too: they are a mistake). */
export function namedClasses(text: string): number {
  return text.trim() === '' ? 0 : text.split(',').length;
}

/** The points as a CSV file: a header of the three names, then x, y and the class name. */
export function pointsCsv(
  points: readonly { x: number; y: number; label: number }[],
  names: { xLabel: string; yLabel: string; labelName: string; classNames: readonly string[] },
): string {
  const cell = (s: string) => (/[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    [names.xLabel, names.yLabel, names.labelName].map(cell).join(','),
    ...points.map(
      (p) =>
        `${compactNumber(p.x, 6)},${compactNumber(p.y, 6)},${cell(names.classNames[p.label] ?? String(p.label))}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/** A typed neuron count: the number, or why it cannot be used (the layer keeps `current`). */
export function checkUnits(
  value: string,
  layer: number,
  current: number,
): { units: number } | { error: string } {
  const units = value.trim() === '' ? NaN : Number(value);
  if (!Number.isInteger(units) || units < 1 || units > 16) {
    return {
      error: `Layer ${layer + 1} needs a whole number of neurons from 1 to 16; it keeps ${current}.`,
    };
  }
  return { units };
}

/** A typed seed: the number, or why it cannot be used (the seed stays `current`). */
export function checkSeed(value: string, current: number): { seed: number } | { error: string } {
  const seed = value.trim() === '' ? NaN : Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 999999) {
    return { error: `The seed is a whole number from 0 to 999999; it stays ${current}.` };
  }
  return { seed };
}

/** The weights, if they belong to a network of these layer sizes (else null: not drawn). */
export function matchingWeights(
  weights: readonly LayerWeights[] | null,
  sizes: readonly number[],
): LayerWeights[] | null {
  if (!weights || weights.length !== sizes.length - 1) return null;
  return weights.every((l, i) => l.inputs === sizes[i] && l.units === sizes[i + 1])
    ? [...weights]
    : null;
}

/** The neurons' maps, if they belong to a network of these layer sizes (else null). */
export function matchingMaps(
  maps: readonly Float32Array[][] | null,
  sizes: readonly number[],
): Float32Array[][] | null {
  if (!maps || maps.length !== sizes.length - 1) return null;
  return maps.every((layer, i) => layer.length === sizes[i + 1]) ? [...maps] : null;
}

export { propertyOf } from '../shared/attribute-name';

/**
 * Units per layer of the trainer's network: [inputs, …hidden, 1] for two classes (and for
 * regression), [inputs, …, k] for k ≥ 3; `inputs` is the number of features (default 2).
 */
export function networkSizes(
  hidden: readonly { units: number }[],
  classes: number,
  inputs = 2,
): number[] {
  return [inputs, ...hidden.map((l) => l.units), classes > 2 ? classes : 1];
}

/**
 * The classes of the data and their names: how many (`classCount`), their names from the
 * `classes` attribute (`classNamesFor`), and what to tell the page about a `classes` that does
 * not fit them.
 */
export function classSetup(
  text: string,
  source: DataSource,
  points: readonly { label: number }[],
): { names: string[]; warnings: string[] } {
  const k = classCount(source, points, namedClasses(text));
  const { names, ok } = classNamesFor(text, k);
  const warnings: string[] = [];
  if (!ok) {
    warnings.push(
      `classes="${text}" does not name the ${k} classes of this data, separated by commas; using "${names.join(',')}".`,
    );
  }
  return { names, warnings };
}

/** The `detail` of `nn-train-progress`. All numbers are finite. */
export interface TrainProgressDetail {
  /** Passes over the training set since the last reset (fractional with mini-batches). */
  epoch: number;
  /** Optimisation steps since the last reset. */
  step: number;
  trainLoss: number;
  /** The loss on the test set (0 when there are no test points). */
  testLoss: number;
  /** Share of training points classified right, 0…1. */
  trainAccuracy: number;
  /** Share of test points classified right, 0…1. */
  testAccuracy: number;
  /** The engine that computed them: 'js' (from scratch) or the tfjs backend. */
  backend: EngineName;
  /**
   * Per class c: the share of the training (test) points of class c classified right, null where
   * the set has none (index c: class c, as in `classes`).
   */
  trainClassAccuracy: (number | null)[];
  testClassAccuracy: (number | null)[];
}

/** The `detail` of `nn-change`: the whole setup, as attribute name → value. */
export interface TrainerChangeDetail {
  setup: Record<string, SetupValue>;
}

/** The `detail` of `nn-train-progress` for an engine's report. */
export function progressDetail(
  report: Omit<TrainReport, 'backend'>,
  backend: EngineName,
): TrainProgressDetail {
  return {
    epoch: report.epoch,
    step: report.step,
    trainLoss: report.trainLoss,
    testLoss: report.testLoss,
    trainAccuracy: report.trainAccuracy,
    testAccuracy: report.testAccuracy,
    backend,
    trainClassAccuracy: [...(report.trainClassAccuracy ?? [])],
    testClassAccuracy: [...(report.testClassAccuracy ?? [])],
  };
}

/**
 * The `points` attribute read for a data source: labels 0 … k − 1 of a generated dataset's k
 * classes, up to 9 for the student's own data; entries that cannot be used are left out, with a
 * warning for the page.
 */
export function readPoints(
  text: string,
  source: DataSource,
): { points: ClassPoint[]; warning: string | null } {
  const k = maxLabels(source);
  const { points, bad } = parsePoints(text, k);
  const warning =
    bad.length === 0
      ? null
      : `points: ${bad.length} entr${bad.length === 1 ? 'y' : 'ies'} not of the form ` +
        `"x,y,label" with label ${k === 2 ? '0 or 1' : `0 to ${k - 1}`} (e.g. "${bad[0]}") left out.`;
  return { points, warning };
}

/**
 * What the network says at a place of the plane, from the heatmap grid: each class's probability
 * (`probabilitiesAt`), or for regression [ŷ], the number it predicts there; null before there is a
 * grid (or where its value is not a number).
 */
export function answerAt(
  grid: Float32Array | null,
  at: Place,
  data: Pick<PlaneData, 'xDomain' | 'yDomain' | 'classes' | 'task'>,
): number[] | null {
  if (data.task !== 'regression') return probabilitiesAt(grid, at, data, data.classes);
  const value = probabilityAt(grid, at, data);
  return value === null ? null : [value];
}

/**
 * The attributes a share link carries: those that differ from their defaults (so the link stays
 * short and readable), never `autoplay`, and without `points` when `withPoints` is false.
 */
export function shareAttributes(
  attributes: readonly (readonly [string, string])[],
  defaults: ReadonlyMap<string, string>,
  withPoints = true,
): [string, string][] {
  return attributes
    .filter(
      ([name, value]) =>
        name !== 'autoplay' && defaults.get(name) !== value && (withPoints || name !== 'points'),
    )
    .map(([name, value]) => [name, value]);
}
