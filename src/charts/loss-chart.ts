/**
 * The loss chart: one line per series (train, test, runs to compare) of loss against training
 * step, on a linear or a logarithmic y axis, with an optional cursor that marks one step.
 *
 * A pure drawing function in the style of `sigmoid-chart.ts`: it reads only its arguments, owns
 * everything inside the `<svg>` it is given and updates in place when called again. It is built
 * for streaming: the cost of a redraw is one pass over the data (to decimate it) plus DOM work
 * bounded by the width in pixels, never by the number of points — 100,000 steps draw as at most
 * 4 vertices per pixel column (see `decimate.ts`), and the full data stays with the caller.
 *
 * Series are told apart by colour AND dash pattern (`--_series-0` … `--_series-5` and
 * {@link SERIES_DASHES}), so they stay distinct in greyscale and for colour-blind readers.
 * Values that cannot be drawn (NaN, ±Infinity; ≤ 0 on a log scale) leave a gap in the line.
 */
import { axisBottom, axisLeft, scaleLinear, scaleLog, select } from 'd3';
import type { ScaleContinuousNumeric } from 'd3';
import { GAP, decimateMinMax } from './decimate';
import { axisGroup, drawAxisTitles, drawSize, ensure, prepareRoot } from './common';
import type { ChartSize, Sel } from './common';

/** Dash patterns of the series slots, in order; "" is a solid line. */
export const SERIES_DASHES = ['', '8 4', '2 3', '12 4 3 4', '5 5', '1 5'] as const;
/** Number of distinct series styles (colour + dash); slot k is drawn like slot k mod this. */
export const SERIES_STYLES = SERIES_DASHES.length;

export type LossScale = 'linear' | 'log';

/** One series as the chart reads it: the first `length` entries of `steps` and `losses`. */
export interface LossChartSeries {
  name: string;
  /** Style slot: colour `--_series-(slot mod 6)` and dash `SERIES_DASHES[slot mod 6]`. */
  slot: number;
  steps: ArrayLike<number>;
  losses: ArrayLike<number>;
  length: number;
}

export interface LossChartData {
  series: readonly LossChartSeries[];
  scale: LossScale;
  /** The smallest and largest step over all series. */
  steps: readonly [number, number] | null;
  /** The smallest and largest finite loss over all series. */
  losses: readonly [number, number] | null;
  /** The smallest loss > 0 over all series (the bottom of a log axis). */
  minPositive: number | null;
  /** The step the cursor marks, and the index of the point each series shows there. */
  cursor: { step: number; points: readonly (number | null)[] } | null;
  /**
   * Steps to mark with a labelled vertical rule (e.g. where early stopping stopped, and the step
   * whose weights it kept). Optional; none by default.
   */
  markers?: readonly LossChartMarker[];
  /** The y axis's title (default "loss"; e.g. "mean squared error" for a regression). */
  yLabel?: string;
}

/** A step marked on the chart: a vertical rule with a short label at the top of the plot. */
export interface LossChartMarker {
  /** Identifies the marker between redraws (and is its class: `marker-<key>`). */
  key: string;
  step: number;
  /** A few words, drawn beside the rule ("stopped", "kept weights"). */
  label: string;
  /** 'dashed' (default) or 'solid'. */
  line?: 'dashed' | 'solid';
}

/** What a caller needs after drawing: pointer mapping and what was drawn. */
export interface LossChartLayout {
  /** The step under an x coordinate in the svg's user units (clamped to the data). */
  stepAt(x: number): number;
  /** Vertices drawn per series, in the order of `data.series`. */
  vertices: number[];
  /** The y tick labels, top to bottom. */
  yTicks: string[];
}

const MARGIN = { top: 14, right: 18, bottom: 44, left: 60 } as const;

/** Draw (or redraw) the loss chart into `svg`. */
export function drawLossChart(
  svg: SVGSVGElement,
  data: LossChartData,
  size: ChartSize,
): LossChartLayout {
  const { width, height } = drawSize(size, 200, 150);
  const narrow = width < 480;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;

  const root = prepareRoot(svg, width, height, { overflow: false });

  // x: the steps. A single step gets a little room on either side.
  const s0 = data.steps?.[0] ?? 0;
  // A single step: show it at the left, where the run will grow.
  const s1 = Math.max(data.steps?.[1] ?? 1, s0 + 1);
  const x = scaleLinear().domain([s0, s1]).range([left, right]);
  if (data.steps && data.steps[1] - data.steps[0] >= 10) x.nice(narrow ? 4 : 8);

  const y = yScale(data).range([bottom, top]);
  const log = data.scale === 'log';
  const drawable = log
    ? (v: number) => v > 0 && Number.isFinite(v)
    : (v: number) => Number.isFinite(v);

  // Horizontal grid lines under everything, at the y ticks.
  const yTickValues = yTicks(y, log, narrow);
  const grid = ensure(root, 'g', 'grid');
  grid
    .selectAll<SVGLineElement, number>('line')
    .data(yTickValues)
    .join('line')
    .attr('x1', left)
    .attr('x2', right)
    .attr('y1', (v) => y(v))
    .attr('y2', (v) => y(v))
    .style('stroke', 'var(--_border)')
    .style('stroke-width', '1')
    .style('opacity', '0.6');

  const xAxis = axisGroup(root, 'x', 0, bottom);
  xAxis.call(
    axisBottom(x)
      .ticks(narrow ? 4 : 8)
      .tickFormat((v) => tickLabel(Number(v))),
  );
  const yAxis = axisGroup(root, 'y', left, 0);
  const yLabel = log ? logTickLabel : tickLabel;
  yAxis.call(
    axisLeft(y)
      .tickValues(yTickValues)
      .tickFormat((v) => yLabel(Number(v))),
  );

  drawAxisTitles(
    root,
    { text: 'training step', x: (left + right) / 2, y: height - 6 },
    { text: `${data.yLabel ?? 'loss'}${log ? ' (log scale)' : ''}`, x: 14, y: (top + bottom) / 2 },
  );

  // The lines, decimated to the plot's width in pixels.
  const columns = Math.max(1, Math.round(right - left));
  const vertices: number[] = [];
  const paths = data.series.map((s) => {
    const indices = decimateMinMax(s.steps, s.losses, s.length, {
      columns,
      x0: x.domain()[0]!,
      x1: x.domain()[1]!,
      defined: drawable,
    });
    let d = '';
    let run = 0; // vertices in the current piece of line
    let count = 0;
    for (const i of indices) {
      if (i === GAP) {
        if (run === 1) d += 'h0'; // a lone point: a zero-length segment draws a round dot
        run = 0;
        continue;
      }
      d += `${run > 0 ? 'L' : 'M'}${round1(x(s.steps[i]!))},${round1(y(s.losses[i]!))}`;
      run++;
      count++;
    }
    if (run === 1) d += 'h0';
    vertices.push(count);
    return { key: s.name, slot: s.slot, d };
  });
  const lines = ensure(root, 'g', 'lines');
  lines
    .selectAll<SVGPathElement, (typeof paths)[number]>('path.series')
    .data(paths, (p) => p.key)
    .join('path')
    .attr('class', (p) => `series series-${p.slot % SERIES_STYLES}`)
    .attr('data-series', (p) => p.key)
    .attr('d', (p) => p.d || null)
    .style('fill', 'none')
    .style('stroke', (p) => `var(--_series-${p.slot % SERIES_STYLES})`)
    .style('stroke-width', '2.5')
    .style('stroke-linejoin', 'round')
    .style('stroke-linecap', 'round')
    .style('stroke-dasharray', (p) => SERIES_DASHES[p.slot % SERIES_STYLES] || null);

  // The cursor: a vertical rule at the step and a marker on each series that has a value there.
  const cursor = data.cursor;
  const rule = ensure(root, 'line', 'cursor');
  if (cursor) {
    const cx = x(cursor.step);
    rule
      .attr('display', null)
      .attr('x1', cx)
      .attr('x2', cx)
      .attr('y1', top)
      .attr('y2', bottom)
      .style('stroke', 'var(--_fg)')
      .style('stroke-width', '1')
      .style('stroke-dasharray', '3 3');
  } else {
    rule.attr('display', 'none');
  }
  const markers = (cursor ? data.series : []).flatMap((s, k) => {
    const i = cursor?.points[k];
    if (i === null || i === undefined || !drawable(s.losses[i]!)) return [];
    return [{ key: s.name, slot: s.slot, cx: x(s.steps[i]!), cy: y(s.losses[i]!) }];
  });
  ensure(root, 'g', 'cursor-points')
    .selectAll<SVGCircleElement, (typeof markers)[number]>('circle')
    .data(markers, (m) => m.key)
    .join('circle')
    .attr('cx', (m) => m.cx)
    .attr('cy', (m) => m.cy)
    .attr('r', 5)
    .style('fill', (m) => `var(--_series-${m.slot % SERIES_STYLES})`)
    .style('stroke', 'var(--_bg)')
    .style('stroke-width', '2');

  drawMarkers(root, data.markers ?? [], x, { left, right, top, bottom });

  ensure(root, 'text', 'empty')
    .attr('x', (left + right) / 2)
    .attr('y', (top + bottom) / 2)
    .attr('text-anchor', 'middle')
    .attr('display', data.steps ? 'none' : null)
    .style('fill', 'var(--_muted)')
    .style('font-size', '14px')
    .text('No data yet');

  const [d0, d1] = x.domain() as [number, number];
  const [lo, hi] = data.steps ?? [d0, d1];
  return {
    stepAt: (px: number) => Math.min(hi, Math.max(lo, x.invert(px))),
    vertices,
    yTicks: [...yTickValues].sort((a, b) => b - a).map(yLabel),
  };
}

/**
 * The marked steps: a rule across the plot and a label at its top, beside the rule on the side
 * with room (left of it in the right half). The group exists only while there are markers, so a
 * chart without them is drawn exactly as before.
 */
function drawMarkers(
  root: Sel<SVGElement>,
  markers: readonly LossChartMarker[],
  x: ScaleContinuousNumeric<number, number>,
  box: { left: number; right: number; top: number; bottom: number },
): void {
  const shown = markers.filter((m) => Number.isFinite(m.step));
  if (shown.length === 0) {
    root.select(':scope > g.markers').remove();
    return;
  }
  const [d0, d1] = x.domain() as [number, number];
  const groups = ensure(root, 'g', 'markers')
    .selectAll<SVGGElement, LossChartMarker>('g.marker')
    .data(shown, (m) => m.key)
    .join((enter) => {
      const g = enter.append('g');
      g.append('line');
      g.append('text');
      return g;
    })
    .attr('class', (m) => `marker marker-${m.key}`);
  groups.each(function (m, k) {
    const cx = x(Math.min(d1, Math.max(d0, m.step)));
    const g = select(this);
    g.select('line')
      .attr('x1', cx)
      .attr('x2', cx)
      .attr('y1', box.top)
      .attr('y2', box.bottom)
      .style('stroke', 'var(--_fg)')
      .style('stroke-width', '1.5')
      .style('stroke-dasharray', m.line === 'solid' ? 'none' : '6 3');
    const rightHalf = cx > (box.left + box.right) / 2;
    g.select('text')
      .attr('x', rightHalf ? cx - 4 : cx + 4)
      .attr('y', box.top + 12 + 15 * k)
      .attr('text-anchor', rightHalf ? 'end' : 'start')
      .style('fill', 'var(--_fg)')
      .style('font-size', '12px')
      .style('paint-order', 'stroke')
      .style('stroke', 'var(--_bg)')
      .style('stroke-width', '3')
      .text(m.label);
  });
}

/** The y scale: from 0 (or the lowest loss, if negative) on a linear axis; decades on a log axis. */
function yScale(data: LossChartData): ScaleContinuousNumeric<number, number> {
  if (data.scale === 'log') {
    const lo = data.minPositive;
    const hi = data.losses?.[1];
    if (lo === null || hi === undefined || !(hi > 0)) return scaleLog().domain([0.1, 1]);
    // At least one decade, so the axis has labelled ticks, then out to whole powers of ten.
    const bottom = Math.min(lo, hi / 10);
    return scaleLog().domain([
      10 ** Math.floor(Math.log10(bottom)),
      10 ** Math.ceil(Math.log10(Math.max(hi, lo * 1.0001))),
    ]);
  }
  const [lo, hi] = data.losses ?? [0, 1];
  const top = hi > Math.min(0, lo) ? hi : Math.min(0, lo) + 1;
  return scaleLinear()
    .domain([Math.min(0, lo), top])
    .nice(5);
}

/** Tick values: d3's on a linear axis; on a log axis the powers of ten (thinned if too many). */
function yTicks(
  y: ScaleContinuousNumeric<number, number>,
  log: boolean,
  narrow: boolean,
): number[] {
  if (!log) return y.ticks(narrow ? 4 : 6);
  const [d0, d1] = y.domain() as [number, number];
  const e0 = Math.round(Math.log10(d0));
  const e1 = Math.round(Math.log10(d1));
  const decades = e1 - e0;
  if (decades < 2) {
    // One decade: label its ends and a few values in between (0.2, 0.5 …).
    return y.ticks(5).filter((v) => {
      const m = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
      return [1, 2, 5].some((k) => Math.abs(m - k) < 1e-6);
    });
  }
  const every = Math.ceil((decades + 1) / (narrow ? 5 : 7));
  const ticks: number[] = [];
  for (let e = e0; e <= e1; e += every) ticks.push(10 ** e);
  return ticks;
}

/**
 * A tick label: short, with a real minus sign. Small and large powers of ten read as "10⁻⁴", the
 * way a log axis is written in textbooks.
 */
export function tickLabel(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) {
    const text = String(Number(v.toPrecision(6)));
    return text.replace('-', '\u2212');
  }
  const exponent = Math.floor(Math.log10(a) + 1e-9);
  const mantissa = Number((v / 10 ** exponent).toPrecision(3));
  const power = `10${superscript(exponent)}`;
  return Math.abs(mantissa) === 1
    ? `${mantissa < 0 ? '\u2212' : ''}${power}`
    : `${String(mantissa).replace('-', '\u2212')}×${power}`;
}

/** On a log axis, powers of ten beyond 0.001…1000 read as "10⁻⁴", "10⁵", like a textbook's. */
export function logTickLabel(v: number): string {
  const e = Math.round(Math.log10(v));
  if (v > 0 && Math.abs(v / 10 ** e - 1) < 1e-9 && Math.abs(e) > 3) return `10${superscript(e)}`;
  return tickLabel(v);
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(n: number): string {
  const digits = String(Math.abs(n))
    .split('')
    .map((d) => SUPERSCRIPTS[Number(d)])
    .join('');
  return (n < 0 ? '⁻' : '') + digits;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
