/**
 * The derivative chart: a function f on a fixed window, the point (x₀, f(x₀)), the tangent line
 * there (slope f′(x₀)) and, optionally, the secant through (x₀, f(x₀)) and (x₀ + h, f(x₀ + h))
 * with its run h and rise drawn as a small triangle. As h → 0 the secant turns onto the tangent.
 *
 * A pure drawing function: it reads only its arguments, owns everything inside the `<svg>` it is
 * given, and can be called again with new data to update in place (no duplicated elements). The
 * caller owns the `<svg>` element and its accessible name. Colours come from the design tokens;
 * the curve, the tangent and the secant differ by line style and width as well as by colour, and
 * the two points by shape (circle, square).
 */
import { line, scaleLinear } from 'd3';
import { drawCurrentPoint, drawSize, ensure, prepareRoot, showSquareMarker } from './common';
import { drawLineLegend, drawPlotAxes } from './common';
import type { ChartSize, Sel } from './common';

export interface DerivativeChartData {
  /** The function drawn. */
  f: (x: number) => number;
  /** The x window. */
  xMin: number;
  xMax: number;
  /** The y window; by default the range of f over the x window, padded. */
  yDomain?: readonly [number, number];
  /** The point where the slope is taken. */
  x0: number;
  /** The slope of the tangent at x₀. */
  slope: number;
  /** The secant's step h; null draws no secant. */
  h: number | null;
  /** Legend and axis text. */
  curveLabel: string;
  xLabel: string;
  yLabel: string;
}

const MARGIN = { top: 34, right: 16, bottom: 46, left: 52 } as const;
/** Samples of f across the window: plenty for a smooth x³ or eˣ at any width. */
const SAMPLES = 400;

/** The range of f over [xMin, xMax], padded by 8% so the curve does not touch the frame. */
export function yExtent(f: (x: number) => number, xMin: number, xMax: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i <= SAMPLES; i++) {
    const y = f(xMin + ((xMax - xMin) * i) / SAMPLES);
    if (!Number.isFinite(y)) continue;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  if (!(hi > lo)) return [lo - 1 || -1, hi + 1 || 1];
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/**
 * The part of the line y = y₁ + m (x − x₁) inside the box, as two end points; null if it misses.
 * Lines are clipped by arithmetic rather than an SVG clipPath, whose url(#id) would have to be
 * unique across every widget on the page.
 */
export function clipLine(
  x1: number,
  y1: number,
  m: number,
  box: { xMin: number; xMax: number; yMin: number; yMax: number },
): [[number, number], [number, number]] | null {
  if (!Number.isFinite(m) || !Number.isFinite(y1)) return null;
  let a = box.xMin;
  let b = box.xMax;
  if (m !== 0) {
    // x where the line crosses y = yMin and y = yMax.
    const xa = x1 + (box.yMin - y1) / m;
    const xb = x1 + (box.yMax - y1) / m;
    a = Math.max(a, Math.min(xa, xb));
    b = Math.min(b, Math.max(xa, xb));
  } else if (y1 < box.yMin || y1 > box.yMax) {
    return null;
  }
  if (!(b > a)) return null;
  return [
    [a, y1 + m * (a - x1)],
    [b, y1 + m * (b - x1)],
  ];
}

/** Draw (or redraw) the derivative chart into `svg`. */
export function drawDerivativeChart(
  svg: SVGSVGElement,
  data: DerivativeChartData,
  size: ChartSize,
): void {
  const { width, height } = drawSize(size, 160, 140);
  const { f, xMin, xMax, slope } = data;
  const [yMin, yMax] = data.yDomain ?? yExtent(f, xMin, xMax);
  const box = { xMin, xMax, yMin, yMax };
  const x0 = Math.min(xMax, Math.max(xMin, data.x0));
  const y0 = f(x0);

  const root = prepareRoot(svg, width, height);

  const x = scaleLinear()
    .domain([xMin, xMax])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([yMin, yMax])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const narrow = width < 480;

  drawPlotAxes(root, {
    x,
    y,
    ticks: narrow ? [6, 4] : [12, 6],
    xLabel: data.xLabel,
    yLabel: data.yLabel,
    height,
  });

  // The x-axis line y = 0, where it is inside the window: it helps to see a slope's sign.
  const zero = ensure(root, 'line', 'zero');
  if (yMin < 0 && yMax > 0) {
    zero
      .attr('display', null)
      .attr('x1', x(xMin))
      .attr('x2', x(xMax))
      .attr('y1', y(0))
      .attr('y2', y(0))
      .style('stroke', 'var(--_border)')
      .style('stroke-width', '1');
  } else {
    zero.attr('display', 'none');
  }

  const xs = Array.from({ length: SAMPLES + 1 }, (_, i) => xMin + ((xMax - xMin) * i) / SAMPLES);
  ensure(root, 'path', 'curve')
    .attr(
      'd',
      line<number>()
        .defined((v) => Number.isFinite(f(v)))
        .x((v) => x(v))
        .y((v) => y(f(v)))(xs) ?? '',
    )
    .style('fill', 'none')
    .style('stroke', 'var(--_fg)')
    .style('stroke-width', '3')
    .style('stroke-linejoin', 'round');

  const segment = (s: ReturnType<typeof clipLine>): string | null =>
    s ? `M${x(s[0][0])},${y(s[0][1])}L${x(s[1][0])},${y(s[1][1])}` : null;

  // The secant (dashed) under the tangent (solid): when they coincide, the tangent shows.
  const h = data.h;
  const x1 = h === null ? x0 : x0 + h;
  const y1 = f(x1);
  const secantSlope = h === null ? NaN : (y1 - y0) / h;
  const showSecant = h !== null && Number.isFinite(secantSlope);
  const secant = ensure(root, 'path', 'secant');
  const run = ensure(root, 'path', 'run');
  const runLabel = ensure(root, 'text', 'run-label');
  const point1 = ensure(root, 'rect', 'point-h');
  if (showSecant) {
    secant
      .attr('display', null)
      .attr('d', segment(clipLine(x0, y0, secantSlope, box)))
      .style('fill', 'none')
      .style('stroke', 'var(--_accent-2)')
      .style('stroke-width', '2.5')
      .style('stroke-dasharray', '8 5');
    // The run h along, then the rise f(x₀ + h) − f(x₀) up: the secant's slope is rise / run.
    run
      .attr('display', null)
      .attr('d', `M${x(x0)},${y(y0)}H${x(x1)}V${y(y1)}`)
      .style('fill', 'none')
      .style('stroke', 'var(--_muted)')
      .style('stroke-width', '1.5')
      .style('stroke-dasharray', '2 3');
    const runPx = Math.abs(x(x1) - x(x0));
    // Below the run when the secant rises (the triangle is above it), above when it falls.
    const below = y1 >= y0;
    runLabel
      .attr('display', runPx >= 16 ? null : 'none')
      .attr('x', (x(x0) + x(x1)) / 2)
      .attr('y', y(y0) + (below ? 16 : -7))
      .attr('text-anchor', 'middle')
      .style('fill', 'var(--_fg)')
      .style('font-size', '13px')
      .style('font-style', 'italic')
      .text('h');
    showSquareMarker(point1, x(x1), y(y1), 10);
  } else {
    for (const el of [secant, run, runLabel, point1]) el.attr('display', 'none');
  }

  ensure(root, 'path', 'tangent')
    .attr('d', segment(clipLine(x0, y0, slope, box)))
    .style('fill', 'none')
    .style('stroke', 'var(--_accent)')
    .style('stroke-width', '2.5');

  drawCurrentPoint(root, x(x0), y(y0));

  drawLegend(ensure(root, 'g', 'legend'), data.curveLabel, showSecant, narrow ? 4 : x(xMin), 10);
}

/** A key, so curve, tangent and secant are told apart by line style and width, not colour alone. */
function drawLegend(
  g: Sel<SVGGElement>,
  curveLabel: string,
  secant: boolean,
  left: number,
  top: number,
): void {
  const entries = [
    { key: 'curve', label: curveLabel, stroke: 'var(--_fg)', dash: null, width: 3 },
    { key: 'tangent', label: 'tangent', stroke: 'var(--_accent)', dash: null, width: 2.5 },
    ...(secant
      ? [{ key: 'secant', label: 'secant', stroke: 'var(--_accent-2)', dash: '8 5', width: 2.5 }]
      : []),
  ];
  drawLineLegend(g, entries, left, top, 16);
}
