/**
 * The numbers of `<nn-network-teaser>`: which dataset and network, the points and how many the
 * network gets right, the probe and its probability, where the arrow keys and the sliders move
 * the probe, the rows of the data table, and the `nn-change` detail. Pure: no DOM, no Lit. What
 * the student reads about these numbers is in describe.ts.
 */
import { BOUND, isDatasetName, makeDataset } from '../../math/datasets';
import type { DatasetName, LabelledPoint } from '../../math/datasets';
import { countCorrect, probability } from '../../math/tiny-network';
import type { TinyNetwork } from '../../math/tiny-network';
import { TEASER_NETWORKS } from './networks';

/** Probe step for the arrow keys and the sliders, in plane units (the plane is −1 … 1). */
export const STEP = 0.05;
/** Rows in the data table: a sample of the (already shuffled) points. */
export const TABLE_ROWS = 20;

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The dataset as a known name (a property set from script may hold anything): else the circle. */
export function datasetOf(name: string): DatasetName {
  return isDatasetName(name) ? name : 'circle';
}

/** The pre-set network for a dataset. */
export function networkFor(name: DatasetName): TinyNetwork {
  return TEASER_NETWORKS[name].network;
}

/** The network's probability that (x, y) is orange (class 1). */
export function probabilityAt(name: DatasetName, x: number, y: number): number {
  return probability(networkFor(name), x, y);
}

/** What the points are drawn from: the attributes, made safe. */
export interface PointsSetup {
  name: DatasetName;
  /** 10 to 500, rounded. */
  n: number;
  /** 0 to 0.5 (0.05 if not a number). */
  noise: number;
  /** 1 if not a number. */
  seed: number;
  /** Equal setups, equal keys: the points need drawing again only when it changes. */
  key: string;
}

export function pointsSetup(
  name: DatasetName,
  points: number,
  noise: number,
  seed: number,
): PointsSetup {
  const n = Math.round(clamp(points, 10, 500));
  const safeNoise = Number.isFinite(noise) ? clamp(noise, 0, 0.5) : 0.05;
  const safeSeed = Number.isFinite(seed) ? seed : 1;
  return {
    name,
    n,
    noise: safeNoise,
    seed: safeSeed,
    key: `${name}|${safeSeed}|${n}|${safeNoise}`,
  };
}

/** The points and how many of them the network classifies right (p ≥ 0.5 is orange). */
export function teaserData(setup: PointsSetup): { points: LabelledPoint[]; correct: number } {
  const points = makeDataset(setup.name, setup.n, setup.noise, setup.seed);
  return { points, correct: countCorrect(networkFor(setup.name), points) };
}

/** The probe inside the plane (a coordinate that is not a number is 0). */
export function safeProbe(x: number, y: number): { x: number; y: number } {
  const safe = (v: number) => (Number.isFinite(v) ? clamp(v, -BOUND, BOUND) : 0);
  return { x: safe(x), y: safe(y) };
}

/**
 * A probe coordinate as stored: inside the plane, two decimals (attributes stay readable,
 * probe-x="0.35", and steps do not drift, 0.1 + 0.2).
 */
export function roundProbe(v: number): number {
  return Math.round(clamp(v, -BOUND, BOUND) * 100) / 100;
}

/** How an arrow key moves the probe (four steps with Shift); undefined for other keys. */
export function arrowMove(key: string, shift: boolean): [number, number] | undefined {
  const step = shift ? 4 * STEP : STEP;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, step],
    ArrowDown: [0, -step],
  };
  return moves[key];
}

/** "New points": the next seed (wrapping after 1,000,000). */
export function nextSeed(seed: number): number {
  return (Math.round(Number.isFinite(seed) ? seed : 0) + 1) % 1000001;
}

/** One row of the data table: a point, the network's p(orange), what it says, right or not. */
export interface PointRow extends LabelledPoint {
  p: number;
  says: 0 | 1;
  right: boolean;
}

/** The first 20 points (already shuffled), with what the network says about each. */
export function tableRows(name: DatasetName, points: readonly LabelledPoint[]): PointRow[] {
  return points.slice(0, TABLE_ROWS).map((pt) => {
    const p = probabilityAt(name, pt.x, pt.y);
    const says: 0 | 1 = p >= 0.5 ? 1 : 0;
    return { ...pt, p, says, right: says === pt.label };
  });
}

/** The `detail` of the `nn-change` event. */
export interface NetworkTeaserChangeDetail {
  /** The dataset shown. */
  dataset: DatasetName;
  /** The seed of its points. */
  seed: number;
  /** The probe point. */
  probeX: number;
  probeY: number;
  /** The network's probability that the probe point is orange (class 1). */
  probability: number;
  /** How many of the points the network classifies right, and how many there are. */
  correct: number;
  total: number;
}
