/**
 * The numbers of `<nn-loss-chart>` beyond the stored series (series-store.ts): the extents the
 * chart is drawn over, the series the cursor walks along, where a pointer or a key puts the
 * cursor, and which steps the data table shows. Pure: no DOM, no Lit. What the student reads
 * about these numbers is in describe.ts.
 */
import type { LossSeries } from './series-store';

/** At most this many evenly spaced rows in the data table (plus each series' lowest point). */
export const TABLE_ROWS = 40;
/** ←/→ move one point while a series has at most this many; beyond, 1/KEY_STEPS of the run. */
export const KEY_STEPS = 500;

/** The style slot of a new series: one past the highest in use (0 for the first). */
export function nextSlot(series: readonly LossSeries[]): number {
  return series.length === 0 ? 0 : Math.max(...series.map((s) => s.slot)) + 1;
}

/** The series that have points. */
export function filledSeries(series: readonly LossSeries[]): LossSeries[] {
  return series.filter((s) => s.length > 0);
}

/** What the axes span: steps, finite losses, the smallest loss > 0 (each null with no data). */
export interface Extents {
  steps: [number, number] | null;
  losses: [number, number] | null;
  minPositive: number | null;
}

export function extents(series: readonly LossSeries[]): Extents {
  const filled = filledSeries(series);
  const finite = filled.filter((s) => s.maxLoss >= s.minLoss);
  const positives = filled.filter((s) => s.minPositive < Infinity);
  return {
    steps: filled.length
      ? [Math.min(...filled.map((s) => s.minStep)), Math.max(...filled.map((s) => s.maxStep))]
      : null,
    losses: finite.length
      ? [Math.min(...finite.map((s) => s.minLoss)), Math.max(...finite.map((s) => s.maxLoss))]
      : null,
    minPositive: positives.length ? Math.min(...positives.map((s) => s.minPositive)) : null,
  };
}

/** The point of each series the cursor at `step` marks (null for an empty series). */
export function cursorPoints(series: readonly LossSeries[], step: number): (number | null)[] {
  return series.map((s) => {
    const i = s.indexAt(step);
    return i >= 0 ? i : null;
  });
}

/** The series the cursor walks along: the one with the most points (the first of equals). */
export function referenceSeries(series: readonly LossSeries[]): LossSeries | undefined {
  let best: LossSeries | undefined;
  for (const s of series) if (s.length > 0 && (!best || s.length > best.length)) best = s;
  return best;
}

/** The step of the reference series' point nearest `step` (where a pointer puts the cursor). */
export function snapStep(ref: LossSeries, step: number): number {
  const i = ref.indexAt(step);
  const next = Math.min(ref.length - 1, i + 1);
  const snapped = Math.abs(ref.steps[next]! - step) < Math.abs(ref.steps[i]! - step) ? next : i;
  return ref.steps[snapped]!;
}

/**
 * Where a key moves the cursor, as an index into a series of `n` points from `current`: one
 * point (or 1/500 of a long run) for the arrows, a tenth for Page Up/Down, the ends for Home and
 * End; undefined for other keys. Clamped to the series.
 */
export function keyTarget(key: string, n: number, current: number): number | undefined {
  const stride = n <= KEY_STEPS ? 1 : Math.ceil(n / KEY_STEPS);
  const page = Math.max(stride, Math.ceil(n / 10));
  const moves: Record<string, number> = {
    ArrowLeft: current - stride,
    ArrowDown: current - stride,
    ArrowRight: current + stride,
    ArrowUp: current + stride,
    PageDown: current - page,
    PageUp: current + page,
    Home: 0,
    End: n - 1,
  };
  const target = moves[key];
  return target === undefined ? undefined : Math.min(n - 1, Math.max(0, target));
}

/** A step marked on the chart (a rule and a label), with its words for a screen reader. */
export interface LossMarker {
  step: number;
  /** A few words drawn beside the rule: "stopped", "kept weights". */
  label: string;
  /** A sentence for the summary and the table ("Early stopping stopped at step 840."). */
  description?: string;
  /** 'dashed' (default) or 'solid'. */
  line?: 'dashed' | 'solid';
}

/** The steps the data table shows, and which series is lowest at which of them. */
export interface TableSteps {
  /** In order. */
  steps: number[];
  /** The names of the series whose lowest point is at a step. */
  lowest: Map<number, string[]>;
  /** How many distinct steps the series have in all. */
  total: number;
}

/**
 * Evenly spaced rows of the longest series (first and last included, at most 40), plus the step
 * where each series is lowest, so the table keeps the extremes the chart shows.
 */
export function tableSteps(
  series: readonly LossSeries[],
  ref: LossSeries,
  /** Steps that must have a row too (the chart's marked steps). */
  extra: readonly number[] = [],
): TableSteps {
  const filled = filledSeries(series);
  const n = ref.length;
  const stepSet = new Set<number>();
  const rows = Math.min(n, TABLE_ROWS);
  for (let k = 0; k < rows; k++) {
    stepSet.add(ref.steps[rows === 1 ? 0 : Math.round((k * (n - 1)) / (rows - 1))]!);
  }
  for (const step of extra) if (Number.isFinite(step)) stepSet.add(step);
  const lowest = new Map<number, string[]>();
  for (const s of filled) {
    if (s.lowest < 0) continue;
    const step = s.steps[s.lowest]!;
    stepSet.add(step);
    lowest.set(step, [...(lowest.get(step) ?? []), s.name]);
  }
  const union = new Set<number>();
  for (const s of filled) for (let i = 0; i < s.length; i++) union.add(s.steps[i]!);
  return { steps: [...stepSet].sort((a, b) => a - b), lowest, total: union.size };
}
