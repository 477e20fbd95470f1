/**
 * The training rows of `DenseNet` (dense-net.ts) and the order it takes them in: rows of inputs
 * (any ArrayLike, kept not copied; a Uint8Array is pixels read as fround(v/255)) and their labels,
 * and the mini-batches — at each new epoch a seeded Fisher–Yates shuffle of the rows, cut into
 * consecutive batches (the last one shorter); the shuffling stream goes on across epochs.
 */
import type { DenseInputs } from './dense-net-types';
import { createRng } from './rng';
import type { Rng } from './rng';

/** fround(v/255) for each byte v: how a Uint8Array input is read. */
const PIXEL = Float64Array.from({ length: 256 }, (_, v) => Math.fround(v / 255));

/** Is `x` a Uint8Array of pixels (read as fround(v/255)) rather than numbers? */
function isPixels(x: ArrayLike<number>): boolean {
  return x instanceof Uint8Array || x instanceof Uint8ClampedArray;
}

/** Rows `start … start + count − 1` of `xy` (`inputs` numbers a row) into `to`, as numbers. */
export function loadRows(
  xy: DenseInputs,
  start: number,
  count: number,
  inputs: number,
  to: Float64Array,
): void {
  const from = start * inputs;
  if (isPixels(xy)) {
    for (let k = 0; k < count * inputs; k++) to[k] = PIXEL[xy[from + k]!]!;
  } else {
    for (let k = 0; k < count * inputs; k++) to[k] = xy[from + k]!;
  }
}

export class TrainingRows {
  private x: ArrayLike<number> = new Float64Array(0);
  private pixels = false;
  private y = new Float64Array(0);
  /** Rows held. */
  n = 0;
  /** This epoch's order of the rows, and where the next batch starts (n: none left). */
  private order = new Int32Array(0);
  private cursor = 0;
  private rng: Rng;

  constructor(
    private readonly inputs: number,
    private readonly seed: number,
  ) {
    this.rng = createRng(seed);
  }

  /** New rows (`x` kept, `y` copied); the next batch starts a new epoch. */
  set(x: DenseInputs, y: ArrayLike<number>): void {
    this.x = ArrayBuffer.isView(x) ? x : Float64Array.from(x);
    this.pixels = isPixels(x);
    this.y = Float64Array.from(y);
    this.n = y.length;
    if (this.order.length !== this.n) this.order = new Int32Array(this.n);
    this.cursor = this.n;
  }

  /** The next batch starts a new epoch (the shuffling stream goes on). */
  newEpoch(): void {
    this.cursor = this.n;
  }

  /** Start the shuffling stream over from its seed. */
  reseed(): void {
    this.rng = createRng(this.seed);
  }

  /**
   * The next batch of up to `rows` rows into `a0` (inputs) and `yb` (labels); returns its rows.
   * All rows in order when `rows` ≥ n (full batch).
   */
  next(rows: number, a0: Float64Array, yb: Float64Array): number {
    const n = this.n;
    if (rows === 0 || n === 0) return 0;
    const inputs = this.inputs;
    const x = this.x;
    const y = this.y;
    if (rows >= n) {
      loadRows(x, 0, n, inputs, a0);
      yb.set(y);
      return n;
    }
    const order = this.order;
    if (this.cursor >= n) {
      for (let i = 0; i < n; i++) order[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = this.rng.int(i + 1);
        const swap = order[i]!;
        order[i] = order[j]!;
        order[j] = swap;
      }
      this.cursor = 0;
    }
    const start = this.cursor;
    const count = Math.min(rows, n - start);
    const pixels = this.pixels;
    for (let r = 0; r < count; r++) {
      const row = order[start + r]!;
      const to = r * inputs;
      const from = row * inputs;
      if (pixels) {
        for (let i = 0; i < inputs; i++) a0[to + i] = PIXEL[x[from + i]!]!;
      } else {
        for (let i = 0; i < inputs; i++) a0[to + i] = x[from + i]!;
      }
      yb[r] = y[row]!;
    }
    this.cursor = start + count;
    return count;
  }
}
