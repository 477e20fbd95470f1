/**
 * Gradient descent on a curve: the loss L(w) of one parameter, the ball at the current w, the
 * tangent whose slope is L′(w), the next step −η·slope drawn as an arrow along the w axis, the
 * trail of earlier iterates, and the start point (a ring the widget lets you drag).
 *
 * A pure drawing function: it reads only its arguments, owns everything inside the `<svg>` it is
 * given, and can be called again (every animation frame) to update in place. The caller owns the
 * `<svg>` element and its accessible name. Colours come from the design tokens (`--_accent`, …).
 *
 * The plot area is a nested `<svg>`, whose viewport clips what falls outside it: a diverging run
 * leaves the chart without drawing over the axes. A ball outside the plot is drawn at the edge,
 * hollow, with a pointer showing which way it went.
 */
import { axisBottom, axisLeft, line, scaleLinear, select } from 'd3';
import type { ScaleLinear } from 'd3';
import type { Surface } from '../math/surfaces';
import {
  axisGroup,
  drawAxisTitles,
  drawLegendRows,
  drawSize,
  ensure,
  formatTick,
  legendLabelWidth,
  prepareRoot,
} from './common';
import type { ChartSize, LegendItem, Sel } from './common';

export interface Descent1dData {
  surface: Surface;
  /** The iterates so far, start first: w₀, w₁, …, w_k. All finite. */
  trail: readonly number[];
  /** Where to draw the ball: w_k, or between w_(k−1) and w_k while animating. */
  ball: number;
  /** Where the next step would land, or null when the run has stopped. */
  next: number | null;
  /** The start point w₀ (drawn as a ring, the drag handle). */
  start: number;
}

/** Maps points of the svg's viewBox back to parameters, for clicks and drags. */
export interface ChartLayout {
  /** The parameters under the viewBox point (x, y), clamped to the surface's domain. */
  invert(x: number, y: number): number[];
}

export const MARGIN = { top: 34, right: 16, bottom: 46, left: 56 } as const;

/** Samples of the curve: enough for a smooth quartic at any width. */
const SAMPLES = 400;

export { ensure, formatTick, prepareRoot, type Sel };

/** Both axes and their titles, around a plot of `pw × ph` whose top-left is (MARGIN.left, top). */
export function drawAxes(
  root: Sel<SVGElement>,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  labels: { x: string; y: string },
  size: { width: number; height: number; top: number; pw: number; ph: number },
): void {
  const narrow = size.width < 480;
  axisGroup(root, 'x', MARGIN.left, size.top + size.ph).call(
    axisBottom(x)
      .ticks(narrow ? 5 : 10)
      .tickFormat(formatTick),
  );
  axisGroup(root, 'y', MARGIN.left, size.top).call(
    axisLeft(y)
      .ticks(size.ph < 240 ? 4 : 6)
      .tickFormat(formatTick),
  );
  drawAxisTitles(
    root,
    { text: labels.x, x: MARGIN.left + size.pw / 2, y: size.height - 8 },
    { text: labels.y, x: 14, y: size.top + size.ph / 2 },
  );
}

/** The clipping plot area: a nested `<svg>` whose viewport hides what falls outside it. */
export function plotArea(
  root: Sel<SVGElement>,
  top: number,
  pw: number,
  ph: number,
): Sel<SVGElement> {
  const plot = ensure(root, 'svg', 'plot')
    .attr('x', MARGIN.left)
    .attr('y', top)
    .attr('width', pw)
    .attr('height', ph)
    .attr('viewBox', `0 0 ${pw} ${ph}`)
    .style('overflow', 'hidden');
  return plot as unknown as Sel<SVGElement>;
}

/**
 * An arrow from (x1, y1) to (x2, y2) in plot pixels, as a shaft and a filled head (no SVG
 * markers: `url(#id)` references are fragile inside shadow roots). Hidden when `show` is false or
 * the arrow is shorter than a pixel.
 */
export function drawArrow<P extends SVGElement>(
  parent: Sel<P>,
  className: string,
  from: [number, number] | null,
  to: [number, number] | null,
  color: string,
): void {
  const g = ensure(parent, 'g', className);
  const shaft = ensure(g, 'line', 'shaft');
  const head = ensure(g, 'path', 'head');
  const length = from && to ? Math.hypot(to[0] - from[0], to[1] - from[1]) : 0;
  if (!from || !to || !(length >= 1)) {
    g.attr('display', 'none');
    return;
  }
  g.attr('display', null);
  const [ux, uy] = [(to[0] - from[0]) / length, (to[1] - from[1]) / length];
  // The head is 10px long, or 60% of a short arrow, so a tiny step still reads as an arrow.
  const h = Math.min(10, length * 0.6);
  const w = h * 0.6;
  const base: [number, number] = [to[0] - ux * h, to[1] - uy * h];
  shaft
    .attr('x1', from[0])
    .attr('y1', from[1])
    .attr('x2', base[0])
    .attr('y2', base[1])
    .style('stroke', color)
    .style('stroke-width', '3')
    .style('stroke-linecap', 'round');
  head
    .attr(
      'd',
      `M${to[0]},${to[1]}L${base[0] - uy * w},${base[1] + ux * w}L${base[0] + uy * w},${base[1] - ux * w}Z`,
    )
    .style('fill', color);
}

/**
 * The ball at plot pixel (px, py). Inside the plot: a filled circle. Outside: a hollow circle at
 * the nearest edge with a pointer towards where the ball really is.
 */
export function drawBall(
  plot: Sel<SVGElement>,
  px: number,
  py: number,
  pw: number,
  ph: number,
): void {
  const inset = 9;
  const cx = Math.min(pw - inset, Math.max(inset, px));
  const cy = Math.min(ph - inset, Math.max(inset, py));
  const outside = cx !== px || cy !== py;
  ensure(plot, 'circle', 'ball')
    .attr('cx', cx)
    .attr('cy', cy)
    .attr('r', 8)
    .attr('data-outside', outside ? 'true' : null)
    .style('fill', outside ? 'var(--_bg)' : 'var(--_accent-2)')
    .style('stroke', outside ? 'var(--_accent-2)' : 'var(--_bg)')
    .style('stroke-width', outside ? '3' : '2.5');
  const pointer = ensure(plot, 'path', 'ball-pointer');
  if (!outside) {
    pointer.attr('display', 'none');
    return;
  }
  const d = Math.hypot(px - cx, py - cy);
  const [ux, uy] = [(px - cx) / d, (py - cy) / d];
  const tip: [number, number] = [cx + ux * 8, cy + uy * 8];
  const back: [number, number] = [cx + ux * 2, cy + uy * 2];
  pointer
    .attr('display', null)
    .attr(
      'd',
      `M${tip[0]},${tip[1]}L${back[0] - uy * 5},${back[1] + ux * 5}L${back[0] + uy * 5},${back[1] - ux * 5}Z`,
    )
    .style('fill', 'var(--_accent-2)');
}

/** How a trail is drawn: its colour, the dots' radius, and one more style of its line. */
export interface TrailLook {
  color: string;
  radius: number;
  /** A dash pattern or an opacity, e.g. ['stroke-dasharray', '4 3']. */
  line: readonly [string, string];
}

/**
 * Where the ball has been, in plot pixels: the points joined in order (so overshooting shows as a
 * zigzag), and a dot on each but the last (the ball is drawn there).
 */
export function drawTrail(
  plot: Sel<SVGElement>,
  trail: readonly [number, number][],
  look: TrailLook,
): void {
  ensure(plot, 'path', 'trail')
    .attr('d', trail.length > 1 ? (line()(trail) ?? '') : '')
    .style('fill', 'none')
    .style('stroke', look.color)
    .style('stroke-width', '1.5')
    .style(look.line[0], look.line[1]);
  ensure(plot, 'g', 'trail-points')
    .selectAll('circle')
    .data(trail.slice(0, -1))
    .join('circle')
    .attr('cx', (d) => d[0])
    .attr('cy', (d) => d[1])
    .attr('r', look.radius)
    .style('fill', look.color);
}

/** The start point: a ring, and a larger invisible circle that is easy to grab with a finger. */
export function drawStart(plot: Sel<SVGElement>, px: number, py: number): void {
  ensure(plot, 'circle', 'start')
    .attr('cx', px)
    .attr('cy', py)
    .attr('r', 9)
    .style('fill', 'none')
    .style('stroke', 'var(--_fg)')
    .style('stroke-width', '2')
    .style('stroke-dasharray', '3 2');
  ensure(plot, 'circle', 'start-handle')
    .attr('cx', px)
    .attr('cy', py)
    .attr('r', 22)
    .style('fill', 'transparent')
    .style('cursor', 'grab')
    // Dragging the handle must not scroll the page on a touch screen; the rest of the chart
    // still scrolls normally.
    .style('touch-action', 'none');
}

export interface LegendEntry extends LegendItem {
  symbol: 'line' | 'ball' | 'ring' | 'arrow' | 'cross';
}

/**
 * The key above the plot (from the left margin, or the left edge on a phone), wrapping within the
 * chart's `width`; returns the top of the plot below it.
 */
export function drawLegendAbove(
  root: Sel<SVGElement>,
  entries: readonly LegendEntry[],
  width: number,
): number {
  const legendHeight = drawLegend(
    ensure(root, 'g', 'legend'),
    entries,
    width < 480 ? 4 : MARGIN.left,
    10,
    width - 8,
  );
  return Math.max(MARGIN.top, 10 + legendHeight + 6);
}

/** A small key above the plot; entries wrap to a second row on a narrow phone. */
export function drawLegend(
  g: Sel<SVGGElement>,
  entries: readonly LegendEntry[],
  left: number,
  top: number,
  maxWidth: number,
): number {
  const rows = drawLegendRows(g, entries, left, top, 22, (row) => {
    row.append('g').attr('class', 'symbol');
  });
  rows.select<SVGGElement>('g.symbol').each(function (d) {
    const s = select(this);
    s.selectAll('*').remove();
    if (d.symbol === 'line') {
      s.append('line')
        .attr('x1', 0)
        .attr('x2', 16)
        .style('stroke', 'var(--_accent)')
        .style('stroke-width', '3');
    } else if (d.symbol === 'ball') {
      s.append('circle').attr('cx', 8).attr('r', 6).style('fill', 'var(--_accent-2)');
    } else if (d.symbol === 'ring') {
      s.append('circle')
        .attr('cx', 8)
        .attr('r', 6)
        .style('fill', 'none')
        .style('stroke', 'var(--_fg)')
        .style('stroke-width', '2')
        .style('stroke-dasharray', '3 2');
    } else if (d.symbol === 'arrow') {
      s.append('line')
        .attr('x1', 0)
        .attr('x2', 10)
        .style('stroke', 'var(--_accent-2)')
        .style('stroke-width', '3');
      s.append('path').attr('d', 'M17,0L9,-5L9,5Z').style('fill', 'var(--_accent-2)');
    } else {
      s.append('path')
        .attr('d', 'M3,-5L13,5M3,5L13,-5')
        .style('stroke', 'var(--_fg)')
        .style('stroke-width', '2.5');
    }
  });
  let x = 0;
  let y = 0;
  rows.each(function () {
    const width = 22 + legendLabelWidth(this) + 16;
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      y += 18;
    }
    select(this).attr('transform', `translate(${x},${y})`);
    x += width;
  });
  return y + 18;
}

/** Draw (or redraw) gradient descent on a curve into `svg`. */
export function drawDescent1d(
  svg: SVGSVGElement,
  data: Descent1dData,
  size: ChartSize,
): ChartLayout {
  const { surface } = data;
  const { width, height } = drawSize(size, 200, 180);
  const root = prepareRoot(svg, width, height);

  const [w0, w1] = surface.domain[0] ?? [-1, 1];
  const f = (w: number) => surface.f([w]);
  const slope = (w: number) => surface.grad([w])[0] ?? 0;
  const ws = Array.from({ length: SAMPLES + 1 }, (_, i) => w0 + ((w1 - w0) * i) / SAMPLES);
  const ls = ws.map(f);
  const lo = Math.min(...ls);
  const hi = Math.max(...ls);
  const pad = (hi - lo) * 0.06;

  // The legend may take two rows on a phone: the plot starts below it.
  const top = drawLegendAbove(
    root,
    [
      { key: 'curve', label: `L(${surface.variables[0] ?? 'w'})`, symbol: 'line' },
      { key: 'ball', label: 'now', symbol: 'ball' },
      { key: 'start', label: 'start', symbol: 'ring' },
      { key: 'step', label: 'next step', symbol: 'arrow' },
    ],
    width,
  );
  const pw = width - MARGIN.left - MARGIN.right;
  const ph = height - top - MARGIN.bottom;

  const x = scaleLinear().domain([w0, w1]).range([0, pw]);
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([ph, 0]);
  drawAxes(
    root,
    x,
    y,
    { x: `parameter ${surface.variables[0] ?? 'w'}`, y: 'loss L' },
    { width, height, top, pw, ph },
  );
  const plot = plotArea(root, top, pw, ph);

  ensure(plot, 'path', 'curve')
    .attr(
      'd',
      line<number>()
        .x((w) => x(w))
        .y((_, i) => y(ls[i] ?? 0))(ws) ?? '',
    )
    .style('fill', 'none')
    .style('stroke', 'var(--_accent)')
    .style('stroke-width', '3')
    .style('stroke-linejoin', 'round');

  const trail = data.trail.map((w) => [x(w), y(f(w))] as [number, number]);
  drawTrail(plot, trail, {
    color: 'var(--_muted)',
    radius: 3.5,
    line: ['stroke-dasharray', '4 3'],
  });

  drawStart(plot, x(data.start), y(f(data.start)));

  // The tangent at the ball: its slope is L′(w), the number in the update rule. ±45px along it.
  const wb = data.ball;
  const [bx, by] = [x(wb), y(f(wb))];
  const dx = x(1) - x(0);
  const dy = y(slope(wb)) - y(0);
  const len = Math.hypot(dx, dy) || 1;
  ensure(plot, 'line', 'tangent')
    .attr('x1', bx - (dx / len) * 45)
    .attr('y1', by - (dy / len) * 45)
    .attr('x2', bx + (dx / len) * 45)
    .attr('y2', by + (dy / len) * 45)
    .style('stroke', 'var(--_fg)')
    .style('stroke-width', '2')
    .style('stroke-dasharray', '6 4');

  // The next step: along the w axis, at the ball's height, then a dotted drop to the curve.
  const next = data.next;
  const landing = next === null ? null : ([x(next), y(f(next))] as [number, number]);
  drawArrow(
    plot,
    'step',
    next === null ? null : [bx, by],
    next === null ? null : [x(next), by],
    'var(--_accent-2)',
  );
  ensure(plot, 'line', 'drop')
    .attr('display', landing ? null : 'none')
    .attr('x1', landing?.[0] ?? 0)
    .attr('x2', landing?.[0] ?? 0)
    .attr('y1', by)
    .attr('y2', landing?.[1] ?? 0)
    .style('stroke', 'var(--_accent-2)')
    .style('stroke-width', '1.5')
    .style('stroke-dasharray', '2 3');

  drawBall(plot, bx, by, pw, ph);

  return {
    invert(px: number) {
      const w = x.invert(px - MARGIN.left);
      return [Math.min(w1, Math.max(w0, w))];
    },
  };
}
