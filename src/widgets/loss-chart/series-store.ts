/**
 * The full data behind `<nn-loss-chart>`: every point ever appended, in growable typed arrays,
 * with the running extents the chart needs kept up to date on each append (O(1) per point), so a
 * redraw never has to scan for them. Display decimation happens in the chart; nothing is thrown
 * away here.
 */

/** One point of a loss curve. */
export interface LossPoint {
  /** The training step (or epoch). Steps are expected to increase along a series. */
  step: number;
  /** The loss at that step. NaN or ±Infinity is kept, counted and never drawn. */
  loss: number;
}

/** A read-only view of one series (see `NnLossChart.series`). */
export interface LossSeriesSnapshot {
  /** The series name, as given to `append` (also its label in the legend and the readout). */
  readonly name: string;
  /** Number of points appended since the series was created or last cleared. */
  readonly length: number;
  /** The steps, `length` of them. A view into the chart's storage: do not write to it. */
  readonly steps: Float64Array;
  /** The losses, `length` of them, non-finite ones included. Do not write to it. */
  readonly losses: Float64Array;
  /** How many of the losses are NaN or ±Infinity (never drawn). */
  readonly nonFinite: number;
}

const INITIAL_CAPACITY = 256;

export class LossSeries {
  readonly name: string;
  /** Style slot (colour + dash), fixed when the series is created. */
  readonly slot: number;
  steps = new Float64Array(INITIAL_CAPACITY);
  losses = new Float64Array(INITIAL_CAPACITY);
  length = 0;
  /** Losses that are NaN or ±Infinity. */
  nonFinite = 0;
  /** Finite losses ≤ 0 (cannot be drawn on a log axis). */
  nonPositive = 0;
  minStep = Infinity;
  maxStep = -Infinity;
  /** Extremes of the finite losses (Infinity/−Infinity while there are none). */
  minLoss = Infinity;
  maxLoss = -Infinity;
  /** The smallest loss > 0. */
  minPositive = Infinity;
  /** Index of the lowest finite loss (−1 while there is none). */
  lowest = -1;

  constructor(name: string, slot: number) {
    this.name = name;
    this.slot = slot;
  }

  push(step: number, loss: number): void {
    if (this.length === this.steps.length) this.grow();
    const i = this.length++;
    this.steps[i] = step;
    this.losses[i] = loss;
    if (step < this.minStep) this.minStep = step;
    if (step > this.maxStep) this.maxStep = step;
    if (!Number.isFinite(loss)) {
      this.nonFinite++;
      return;
    }
    if (loss <= 0) this.nonPositive++;
    else if (loss < this.minPositive) this.minPositive = loss;
    if (loss > this.maxLoss) this.maxLoss = loss;
    if (loss < this.minLoss) {
      this.minLoss = loss;
      this.lowest = i;
    }
  }

  /** Doubling keeps appends amortised O(1). A new buffer, so earlier snapshots stay valid. */
  private grow(): void {
    const steps = new Float64Array(this.steps.length * 2);
    const losses = new Float64Array(this.losses.length * 2);
    steps.set(this.steps);
    losses.set(this.losses);
    this.steps = steps;
    this.losses = losses;
  }

  /**
   * The index of the point shown for `step`: the last point at or before it, or the first point
   * if `step` comes before every point. −1 for an empty series. Binary search: steps increase.
   */
  indexAt(step: number): number {
    if (this.length === 0) return -1;
    let lo = 0;
    let hi = this.length - 1;
    if (step < this.steps[0]!) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.steps[mid]! <= step) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The index of the point exactly at `step`, or −1. */
  exactIndex(step: number): number {
    const i = this.indexAt(step);
    return i >= 0 && this.steps[i] === step ? i : -1;
  }

  snapshot(): LossSeriesSnapshot {
    return {
      name: this.name,
      length: this.length,
      steps: this.steps.subarray(0, this.length),
      losses: this.losses.subarray(0, this.length),
      nonFinite: this.nonFinite,
    };
  }
}
