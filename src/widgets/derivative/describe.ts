/**
 * `<nn-derivative>` in words: the numbers as written (slider values, h, errors), the chart's
 * labels, the live summary, the numbers substituted into the formulas, the rows of the tables and
 * what the chain rule's slope means. Pure strings of the numbers in model.ts: no DOM, no Lit.
 */
import { formatNumber } from '../../math/format';
import type { RealFunction } from '../../math/functions';
import {
  CHECK_H,
  chainOf,
  chainTable,
  fnOf,
  hTable,
  rangeOf,
  secantPoints,
  slopesAt,
} from './model';
import type { ChainVariable, DerivativeParams, Slopes } from './model';
import { digitsOf, param, paren, signed } from '../shared/written';

// ——— numbers as written ———

// Slider values (param, signed, spoken, paren), as every widget writes them.
export { digitsOf, param, paren, signed, spoken } from '../shared/written';

/** h as written: "1", "0.5", "0.002", and 3 significant digits while it animates ("0.0347"). */
export function formatStep(h: number): string {
  const most = Math.max(0, Math.ceil(-Math.log10(h))) + 2;
  for (let d = 0; d < most; d++) {
    if (Math.abs(Number(h.toFixed(d)) - h) < 1e-12) return formatNumber(h, d);
  }
  return formatNumber(h, most);
}

/**
 * |error| with two significant digits, at least `min` decimals and at most 12. Below 1e-12 the
 * difference is floating-point rounding, not the method's error: it is shown as 0.
 */
export function formatError(error: number, min = 6): string {
  const e = Math.abs(error);
  if (!(e >= 1e-12)) return formatNumber(Number.isNaN(e) ? e : 0, min);
  return formatNumber(e, Math.min(12, Math.max(min, Math.ceil(-Math.log10(e)) + 1)));
}

/** The factor ∂z/∂v as written: "1" for the bias, else the number, negatives in parentheses. */
export function dzText(wrt: ChainVariable, dzdv: number): string {
  return wrt === 'b' ? '1' : paren(param(dzdv), dzdv);
}

/** The ends of the h slider as written: 1 (large) on the left, 0.001 (small) on the right. */
export function hScale(): { large: string; small: string } {
  const { min, max } = rangeOf('h');
  return { large: formatStep(max), small: formatStep(min) };
}

// ——— the chart ———

/** How each chain-mode variable is named on the x-axis and to screen readers. */
export const VARIABLE_NAMES: Record<ChainVariable, string> = {
  x: 'the input x',
  w: 'the weight w',
  b: 'the bias b',
};

/** The labels drawn on the chart: the curve and the two axes. */
export function chartLabels(p: DerivativeParams): {
  curveLabel: string;
  xLabel: string;
  yLabel: string;
} {
  return p.mode === 'slope'
    ? { curveLabel: `f(x) = ${fnOf(p.fn).label}`, xLabel: 'x', yLabel: 'f(x)' }
    : { curveLabel: 'a = σ(w·x + b)', xLabel: VARIABLE_NAMES[p.wrt], yLabel: 'output a' };
}

/** The chart's accessible name. */
export function chartLabel(p: DerivativeParams): string {
  if (p.mode === 'chain') {
    return (
      `Graph of the output a = σ(w·x + b) against ${VARIABLE_NAMES[p.wrt]}, with the ` +
      `current point marked and the tangent line there`
    );
  }
  const fn = fnOf(p.fn);
  return (
    `Graph of f(x) = ${fn.spoken} from x = −3 to 3, with the point x₀ = ${param(p.x0)} ` +
    `marked, the tangent line there, and the dashed secant line through x₀ and x₀ + h`
  );
}

/** The live summary under the chart. */
export function summary(p: DerivativeParams, animating: boolean): string {
  if (p.mode === 'chain') {
    const { weight: w, bias: b, x0: x, wrt } = p;
    const { z, a, dadz, dzdv, slope } = chainOf(p);
    return (
      `With w = ${param(w)}, b = ${param(b)} and x = ${param(x)}: z = ${formatNumber(z, 2)} ` +
      `and a = σ(z) = ${formatNumber(a, 4)}. The slope of a with respect to ${wrt} ` +
      `is da/dz · ∂z/∂${wrt} = ${formatNumber(dadz, 4)} · ${dzText(wrt, dzdv)} = ` +
      `${formatNumber(slope, 4)}.`
    );
  }
  if (animating) return 'Shrinking h towards 0.001…';
  const fn = fnOf(p.fn);
  const { x0, h } = p;
  const { exact, secant } = slopesAt(fn, x0, h);
  const off = Math.abs(secant - exact);
  const closeness =
    off < 0.001
      ? 'The secant and the tangent now look like one line.'
      : 'Shrink h and the secant turns onto the tangent.';
  return (
    `f(x) = ${fn.label} at x₀ = ${param(x0)}: the tangent has slope ${formatNumber(exact, 4)}; ` +
    `the secant with h = ${formatStep(h)} has slope ${formatNumber(secant, 4)}, ` +
    `${formatError(off, 4)} away. ${closeness}`
  );
}

// ——— slope mode: the formulas and the tables ———

/** The numbers substituted into slope mode's formulas. */
export function slopeFormulaText(fn: RealFunction, x0: number, h: number) {
  const { x1, y0, y1 } = secantPoints(fn, x0, h);
  const { secant, exact } = slopesAt(fn, x0, h);
  return {
    x0: param(x0),
    h: formatStep(h),
    x1: formatNumber(x1, digitsOf(x1)),
    y0: paren(formatNumber(y0, 4), y0),
    y1: formatNumber(y1, 4),
    secant: formatNumber(secant, 4),
    dfAt: fn.dfAt(param(x0)),
    exact: formatNumber(exact, 4),
  };
}

/** A row of slopes: each slope to 6 decimals and its distance from the exact one. */
export interface SlopeRow {
  h: string;
  secant: string;
  secantError: string;
  central: string;
  centralError: string;
  exact: string;
}

function slopeRow(s: Slopes): SlopeRow {
  return {
    h: formatStep(s.h),
    secant: formatNumber(s.secant, 6),
    secantError: formatError(s.secant - s.exact),
    central: formatNumber(s.central, 6),
    centralError: formatError(s.central - s.exact),
    exact: formatNumber(s.exact, 6),
  };
}

/** The table of slopes at the current h. */
export function slopesRow(fn: RealFunction, x0: number, h: number): SlopeRow {
  return slopeRow(slopesAt(fn, x0, h));
}

/** The data table of slope mode: a row per h, the current one marked. */
export function hTableRows(
  fn: RealFunction,
  x0: number,
  h: number,
): (SlopeRow & { current: boolean })[] {
  return hTable(fn, x0, h).map((s) => ({ ...slopeRow(s), current: s.current }));
}

// ——— chain mode: the formulas and the table ———

/** What the slope means for a student: how far the output moves for a nudge of 0.01. */
export function chainReading(wrt: ChainVariable, slope: number): string {
  const what = { x: 'input', w: 'weight', b: 'bias' }[wrt];
  const size = Math.abs(slope);
  const dir = slope > 0 ? 'rises' : 'falls';
  if (size < 0.005) {
    return `Nudging the ${what} barely moves the output here: the slope is almost 0.`;
  }
  return `Nudge the ${what} up by 0.01 and the output ${dir} by about ${formatNumber(size * 0.01, 4)}.`;
}

/** The numbers substituted into chain mode's formulas. */
export function chainFormulaText(p: DerivativeParams) {
  const { weight: w, bias: b, x0: x, wrt } = p;
  const c = chainOf(p);
  return {
    w: param(w),
    x: paren(param(x), x),
    b: signed(b),
    z: formatNumber(c.z, 2),
    a: formatNumber(c.a, 4),
    /** ∂z/∂v on its own: w or x as a number (1 for b). */
    dz: param(c.dzdv),
    /** ∂z/∂v as a factor of the product, negatives in parentheses. */
    dzFactor: dzText(wrt, c.dzdv),
    dadz: formatNumber(c.dadz, 4),
    product: formatNumber(c.slope, 4),
    check: formatStep(CHECK_H),
    numeric: formatNumber(c.numeric, 4),
    agree: c.agree,
    reading: chainReading(wrt, c.slope),
  };
}

/** The data table of chain mode: v, z, a and ∂a/∂v, the current row marked. */
export function chainTableRows(
  p: DerivativeParams,
): { v: string; z: string; a: string; slope: string; current: boolean }[] {
  return chainTable(p).map((r) => ({
    v: param(r.v),
    z: formatNumber(r.z, 2),
    a: formatNumber(r.a, 4),
    slope: formatNumber(r.slope, 4),
    current: r.current,
  }));
}
