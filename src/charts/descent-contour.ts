/**
 * Gradient descent on a surface of two parameters, seen from above: a contour map of the loss
 * (d3-contour: each line joins points of equal loss, like the height lines of a hiking map), the
 * minima, the path of the iterates, the ball at the current point with the next step −η·∇L as an
 * arrow, and the start point (a ring the widget lets you drag).
 *
 * A pure drawing function, called again every animation frame to update in place. The contours
 * depend only on the surface and the size, so they are computed once per (surface, size) and kept
 * with the `<svg>` (a WeakMap, not module state anyone else can see): moving the ball redraws
 * only the path, the arrow and the ball.
 */
import { contours, geoPath, geoTransform, scaleLinear } from 'd3';
import type { Surface } from '../math/surfaces';
import {
  MARGIN,
  drawArrow,
  drawAxes,
  drawBall,
  drawLegendAbove,
  drawTrail,
  drawStart,
  ensure,
  plotArea,
  prepareRoot,
} from './descent-1d';
import type { ChartSize } from './common';
import type { ChartLayout } from './descent-1d';

export interface DescentContourData {
  surface: Surface;
  /** The iterates so far, start first. All finite. */
  trail: readonly (readonly number[])[];
  /** Where to draw the ball (tweened while animating). */
  ball: readonly number[];
  /** Where the next step would land, or null when the run has stopped. */
  next: readonly number[] | null;
  /** The start point (the ring, the drag handle). */
  start: readonly number[];
}

/** Grid cells per side for the contours: smooth at 600px, and cheap (4,096 evaluations). */
const GRID = 64;
/** Number of contour levels. */
const LEVELS = 14;

/** The plot's height for its width: the domain's aspect ratio (so a round bowl looks round). */
export function contourPlotHeight(surface: Surface, plotWidth: number): number {
  const [[x0, x1] = [0, 1], [y0, y1] = [0, 1]] = surface.domain;
  return Math.round(Math.min(400, Math.max(150, (plotWidth * (y1 - y0)) / (x1 - x0))));
}

const drawnContours = new WeakMap<SVGSVGElement, string>();

/**
 * Contour levels between the lowest and highest loss on the grid, spaced quadratically: on a bowl
 * L ∝ r², so the lines come out evenly spaced in distance, and they are dense near the minimum,
 * where the interesting part of the descent happens.
 */
function levels(values: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Array.from({ length: LEVELS }, (_, i) => lo + (hi - lo) * ((i + 0.5) / LEVELS) ** 2);
}

/** Draw (or redraw) gradient descent on a 2D surface into `svg`. */
export function drawDescentContour(
  svg: SVGSVGElement,
  data: DescentContourData,
  size: ChartSize,
): ChartLayout {
  const { surface } = data;
  const width = Math.max(200, Math.round(size.width));
  const [[x0, x1] = [0, 1], [y0, y1] = [0, 1]] = surface.domain;
  const [vx = 'w₁', vy = 'w₂'] = surface.variables;
  const pw = width - MARGIN.left - MARGIN.right;

  const root = prepareRoot(svg, width, size.height);
  const top = drawLegendAbove(
    root,
    [
      { key: 'ball', label: 'now', symbol: 'ball' },
      { key: 'start', label: 'start', symbol: 'ring' },
      { key: 'step', label: 'next step', symbol: 'arrow' },
      { key: 'min', label: 'minimum', symbol: 'cross' },
    ],
    width,
  );
  const ph = contourPlotHeight(surface, pw);
  const height = top + ph + MARGIN.bottom;
  root.attr('viewBox', `0 0 ${width} ${height}`);

  const x = scaleLinear().domain([x0, x1]).range([0, pw]);
  const y = scaleLinear().domain([y0, y1]).range([ph, 0]);
  drawAxes(
    root,
    x,
    y,
    { x: `parameter ${vx}`, y: `parameter ${vy}` },
    { width, height, top, pw, ph },
  );
  const plot = plotArea(root, top, pw, ph);

  // The contour map, recomputed only when the surface or the size changed.
  const key = `${surface.id}|${pw}|${ph}`;
  const map = ensure(plot, 'g', 'contours');
  if (drawnContours.get(svg) !== key) {
    drawnContours.set(svg, key);
    // f sampled at the centre of each grid cell; row j = 0 is the bottom (y0) of the domain.
    const values = new Array<number>(GRID * GRID);
    for (let j = 0; j < GRID; j++) {
      for (let i = 0; i < GRID; i++) {
        const u = x0 + ((x1 - x0) * (i + 0.5)) / GRID;
        const v = y0 + ((y1 - y0) * (j + 0.5)) / GRID;
        values[i + j * GRID] = surface.f([u, v]);
      }
    }
    const thresholds = levels(values);
    const bands = contours().size([GRID, GRID]).thresholds(thresholds)(values);
    // Grid coordinates (0…GRID, y up) to plot pixels (y down).
    const toPixels = geoTransform({
      point(gx, gy) {
        this.stream.point((gx / GRID) * pw, ph - (gy / GRID) * ph);
      },
    });
    const path = geoPath(toPixels);
    // Each band covers everything at or above its threshold, lowest first, so later bands paint
    // over earlier ones. Opaque tints from deep (low loss) to faint (high loss): the valleys read as
    // the deepest colour of the map. The background rect is the region below the first level.
    const tint = (depth: number) =>
      `color-mix(in srgb, var(--_accent) ${Math.round(4 + 40 * depth)}%, var(--_bg))`;
    ensure(map, 'rect', 'floor').attr('width', pw).attr('height', ph).style('fill', tint(1));
    map
      .selectAll('path')
      .data(bands)
      .join('path')
      .attr('d', (d) => path(d) ?? '')
      .style('fill', (_, i) => tint(1 - (i + 1) / LEVELS))
      .style('stroke', 'var(--_muted)')
      .style('stroke-opacity', '0.6')
      .style('stroke-width', '1');
  }

  // The minima: a cross each (global and local alike; the summary says which is which).
  ensure(plot, 'g', 'minima')
    .selectAll('path')
    .data(surface.minima)
    .join('path')
    .attr('transform', (m) => `translate(${x(m.point[0] ?? 0)},${y(m.point[1] ?? 0)})`)
    .attr('d', 'M-6,-6L6,6M-6,6L6,-6')
    .style('stroke', 'var(--_fg)')
    .style('stroke-width', '2.5');

  const px = (p: readonly number[]): [number, number] => [x(p[0] ?? 0), y(p[1] ?? 0)];
  const trail = data.trail.map(px);
  drawTrail(plot, trail, { color: 'var(--_fg)', radius: 3, line: ['stroke-opacity', '0.8'] });

  const start = px(data.start);
  drawStart(plot, start[0], start[1]);
  const ball = px(data.ball);
  drawArrow(
    plot,
    'step',
    data.next ? ball : null,
    data.next ? px(data.next) : null,
    'var(--_accent-2)',
  );
  drawBall(plot, ball[0], ball[1], pw, ph);

  return {
    invert(sx: number, sy: number) {
      const u = x.invert(sx - MARGIN.left);
      const v = y.invert(sy - top);
      return [Math.min(x1, Math.max(x0, u)), Math.min(y1, Math.max(y0, v))];
    },
  };
}
