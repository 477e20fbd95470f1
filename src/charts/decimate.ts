/**
 * Decimation for display: which of n points to draw so that a line through them looks the same as
 * a line through all n, at a given width in pixels.
 *
 * A line chart `columns` pixels wide cannot show more than a handful of distinct things per pixel
 * column: where the line enters the column, where it leaves, and how far up and down it reaches
 * inside it. So per column we keep the first, the last, the minimum and the maximum point (the
 * "M4" aggregation of Jugel et al., 2014). The result draws the same pixels as the full data —
 * in particular a single spike (a loss that blows up for one step) stays visible, which an
 * average or every-k-th-point sampling would hide — and its size is bounded by the width, not by
 * n: at most 4 points per column, plus at most 2 gap markers per column when values are missing.
 *
 * Points whose value cannot be drawn (NaN, ±Infinity, or ≤ 0 on a log scale) are never returned;
 * instead a gap marker (−1) is placed where the line must break, so a line never bridges across a
 * missing value. Cost: one pass over the data, O(n + columns).
 */

/** In the returned index list: the line breaks here. */
export const GAP = -1;

export interface DecimateOptions {
  /** Number of pixel columns (≥ 1): the output holds at most 4 points per column. */
  columns: number;
  /** The x range mapped onto the columns; x outside it is clamped to the first or last column. */
  x0: number;
  x1: number;
  /** Whether a value can be drawn. Default: it is finite. Others become gaps. */
  defined?: (y: number) => boolean;
}

const isFiniteNumber = (y: number): boolean => Number.isFinite(y);

/**
 * Decimate the first `length` points of (xs, ys) for a line `columns` pixels wide.
 *
 * Returns indices into xs/ys, in drawing order (by column, then by index inside a column), with
 * {@link GAP} (−1) where the line breaks. Never starts or ends with a gap and never has two gaps
 * in a row. The first and the last drawable point are always included, and so is the minimum and
 * the maximum of each column. With x increasing (steps of a training run), drawing order is index
 * order.
 */
export function decimateMinMax(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  length: number,
  options: DecimateOptions,
): number[] {
  const n = Math.max(0, Math.min(length, xs.length, ys.length));
  const columns = Math.max(1, Math.floor(options.columns));
  const defined = options.defined ?? isFiniteNumber;
  const span = options.x1 - options.x0;
  const scale = span > 0 && Number.isFinite(span) ? columns / span : 0;

  // Per column: first/last/min/max index of a drawable point, and the first/last gap. −1 = none.
  const first = new Int32Array(columns).fill(-1);
  const last = new Int32Array(columns).fill(-1);
  const min = new Int32Array(columns).fill(-1);
  const max = new Int32Array(columns).fill(-1);
  const gapFirst = new Int32Array(columns).fill(-1);
  const gapLast = new Int32Array(columns).fill(-1);

  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    let c = Math.floor((x - options.x0) * scale);
    if (!(c >= 0))
      c = 0; // also NaN
    else if (c >= columns) c = columns - 1;
    const y = ys[i]!;
    if (!defined(y)) {
      if (gapFirst[c] === -1) gapFirst[c] = i;
      gapLast[c] = i;
      continue;
    }
    if (first[c] === -1) {
      first[c] = i;
      min[c] = i;
      max[c] = i;
    } else {
      if (y < ys[min[c]!]!) min[c] = i;
      if (y > ys[max[c]!]!) max[c] = i;
    }
    last[c] = i;
  }

  const out: number[] = [];
  const candidates: number[] = [];
  for (let c = 0; c < columns; c++) {
    if (first[c] === -1 && gapFirst[c] === -1) continue;
    candidates.length = 0;
    // A gap is stored as −(index + 2), so it sorts into place among the points by its index.
    for (const i of [first[c]!, min[c]!, max[c]!, last[c]!]) if (i !== -1) candidates.push(i);
    if (gapFirst[c] !== -1) candidates.push(-(gapFirst[c]! + 2));
    if (gapLast[c] !== -1 && gapLast[c] !== gapFirst[c]) candidates.push(-(gapLast[c]! + 2));
    candidates.sort((a, b) => position(a) - position(b));
    let previous = Number.NaN;
    for (const candidate of candidates) {
      if (candidate === previous) continue; // first = min, etc.
      previous = candidate;
      if (candidate < 0) {
        if (out.length > 0 && out[out.length - 1] !== GAP) out.push(GAP);
      } else {
        out.push(candidate);
      }
    }
  }
  if (out[out.length - 1] === GAP) out.pop();
  return out;
}

/** The data index a candidate stands for (gaps are stored as −(index + 2)). */
function position(candidate: number): number {
  return candidate >= 0 ? candidate : -candidate - 2;
}
