/**
 * The decision map: a classifier's probability p(class 1) over a square of the plane, drawn as a
 * shaded map (orange where p > 0.5, blue where p < 0.5, stronger the surer it is), the boundary
 * p = 0.5 as a line, labelled points over it (orange triangles for class 1, blue circles for
 * class 0: shape as well as colour) and a probe point the reader moves.
 *
 * A pure drawing function: it reads only its arguments, owns everything inside the `<svg>` it is
 * given, and can be called again with new data to update in place (no duplicated elements). The
 * caller owns the `<svg>` element itself and its accessible name (`role="img"`, `aria-label`).
 *
 * The shading is a small raster (GRID × GRID samples) painted on an offscreen `<canvas>` and shown
 * through an SVG `<image>`, which the browser scales up smoothly: 5,000 samples instead of 5,000
 * SVG rectangles. A canvas needs concrete colours, so the caller passes them resolved
 * (`getComputedStyle`); everything else uses the design tokens' custom properties directly
 * (`--_fg`, `--_class0`, `--_class1`, …) and follows light and dark mode by itself. The raster is
 * recomputed only when `mapKey` or the colours change, so moving the probe costs almost nothing.
 */
import { axisBottom, axisLeft, scaleLinear, symbol, symbolCircle, symbolTriangle } from 'd3';
import type { ScaleLinear } from 'd3';
import { axisGroup, drawSize, ensure, formatTick, prepareRoot } from './common';
import type { ChartSize } from './common';

export interface DecisionMapPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

/** The exact line w₁x + w₂y + b = 0, for a single neuron (no need to trace it from samples). */
export interface BoundaryLine {
  w1: number;
  w2: number;
  b: number;
}

export interface DecisionMapData {
  /** The classifier: its probability of class 1 at (x, y), in [0, 1]. */
  probability: (x: number, y: number) => number;
  /**
   * Names the classifier: the shading is recomputed when this (or a colour) changes, and only
   * then. Change it whenever `probability` becomes a different function.
   */
  mapKey: string;
  /** The square shown: [min, max] on both axes. */
  domain: readonly [number, number];
  /** Labelled points drawn over the map. */
  points: readonly DecisionMapPoint[];
  /** The probe point, or null for none. */
  probe: { x: number; y: number } | null;
  /**
   * The boundary p = 0.5: traced from the samples ('contour'), the exact line of a single
   * neuron, or not drawn ('none').
   */
  boundary: 'contour' | 'none' | BoundaryLine;
  /** Resolved CSS colours of the two classes, for the canvas. */
  colors: { class0: string; class1: string };
  /** Axis titles. */
  labels: { x: string; y: string };
}

/** Where the plot went: the scales from data to SVG user units, for pointer input. */
export interface DecisionMapLayout {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

/** Raster samples per side: smooth once scaled up, and 5,184 forward passes at most per redraw. */
export const GRID = 72;
/** Samples per side for tracing the boundary (vertices, including both edges of the square). */
const CONTOUR_GRID = 61;
/** The shading's opacity where the classifier is sure (p = 0 or 1); points stay readable on it. */
const MAX_ALPHA = 0.5;
const MARGIN = { top: 12, right: 12, bottom: 44, left: 44 } as const;

/** Draw (or redraw) the decision map into `svg`; returns the scales for pointer input. */
export function drawDecisionMap(
  svg: SVGSVGElement,
  data: DecisionMapData,
  size: ChartSize,
): DecisionMapLayout {
  const { width, height } = drawSize(size, 200, 200);
  const [lo, hi] = data.domain;
  // The largest square that fits inside the margins, centred horizontally.
  const side = Math.max(
    100,
    Math.min(width - MARGIN.left - MARGIN.right, height - MARGIN.top - MARGIN.bottom),
  );
  const left = MARGIN.left + Math.max(0, (width - MARGIN.left - MARGIN.right - side) / 2);
  const top = MARGIN.top;
  const x = scaleLinear()
    .domain([lo, hi])
    .range([left, left + side]);
  const y = scaleLinear()
    .domain([lo, hi])
    .range([top + side, top]);
  const narrow = side < 320;

  const root = prepareRoot(svg, width, top + side + MARGIN.bottom, { overflow: false });

  // The shading, recomputed only when the classifier or the palette changed.
  const image = ensure(root, 'image', 'heatmap')
    .attr('x', left)
    .attr('y', top)
    .attr('width', side)
    .attr('height', side)
    .attr('preserveAspectRatio', 'none')
    .attr('aria-hidden', 'true');
  const key = `${data.mapKey}|${data.colors.class0}|${data.colors.class1}|${lo}|${hi}`;
  if (image.attr('data-key') !== key) {
    const href = heatmapDataUrl(data);
    image.attr('href', href).attr('data-key', href ? key : null);
  }

  ensure(root, 'rect', 'frame')
    .attr('x', left)
    .attr('y', top)
    .attr('width', side)
    .attr('height', side)
    .style('fill', 'none')
    .style('stroke', 'var(--_border)')
    .style('stroke-width', '1');

  const xAxis = axisGroup(root, 'x', 0, top + side);
  xAxis.call(
    axisBottom(x)
      .ticks(narrow ? 4 : 8)
      .tickFormat(formatTick),
  );
  const yAxis = axisGroup(root, 'y', left, 0);
  yAxis.call(
    axisLeft(y)
      .ticks(narrow ? 4 : 8)
      .tickFormat(formatTick),
  );
  ensure(root, 'text', 'axis-label axis-label-x')
    .attr('x', left + side / 2)
    .attr('y', top + side + 38)
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--_fg)')
    .style('font-size', '13px')
    .style('font-style', 'italic')
    .text(data.labels.x);
  ensure(root, 'text', 'axis-label axis-label-y')
    .attr('x', left - 34)
    .attr('y', top + side / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--_fg)')
    .style('font-size', '13px')
    .style('font-style', 'italic')
    .text(data.labels.y);

  // The boundary: a halo in the background colour under a solid line, readable on both shades.
  const d = boundaryPath(data, x, y);
  for (const [className, stroke, strokeWidth] of [
    ['boundary-halo', 'var(--_bg)', '5'],
    ['boundary', 'var(--_fg)', '2'],
  ] as const) {
    ensure(root, 'path', className)
      .attr('d', d || null)
      .attr('display', d ? null : 'none')
      .style('fill', 'none')
      .style('stroke', stroke)
      .style('stroke-width', strokeWidth)
      .style('stroke-linejoin', 'round')
      .style('stroke-linecap', 'round')
      .style('opacity', className === 'boundary-halo' ? '0.7' : '0.85');
  }

  // The points: class 1 an orange triangle, class 0 a blue circle, each outlined in the text colour.
  const area = narrow ? 44 : 60;
  const shapes = {
    1: symbol(symbolTriangle, area * 1.15)() ?? '',
    0: symbol(symbolCircle, area)() ?? '',
  } as const;
  ensure(root, 'g', 'points')
    .selectAll<SVGPathElement, DecisionMapPoint>('path.point')
    .data(data.points)
    .join('path')
    .attr('class', (p) => `point class-${p.label}`)
    .attr('d', (p) => shapes[p.label])
    .attr('transform', (p) => `translate(${x(p.x)},${y(p.y)})`)
    .style('fill', (p) => `var(--_class${p.label})`)
    .style('stroke', 'var(--_fg)')
    .style('stroke-width', '1');

  // The probe: a ring with a dot, unlike any data point, with a halo so it shows on any shade.
  const probe = ensure(root, 'g', 'probe');
  if (data.probe) {
    const px = x(clampTo(data.probe.x, lo, hi));
    const py = y(clampTo(data.probe.y, lo, hi));
    probe.attr('display', null).attr('transform', `translate(${px},${py})`);
    ensure(probe, 'circle', 'probe-halo')
      .attr('r', 12)
      .style('fill', 'none')
      .style('stroke', 'var(--_bg)')
      .style('stroke-width', '6');
    ensure(probe, 'circle', 'probe-ring')
      .attr('r', 12)
      .style('fill', 'none')
      .style('stroke', 'var(--_fg)')
      .style('stroke-width', '3');
    ensure(probe, 'circle', 'probe-dot').attr('r', 3).style('fill', 'var(--_fg)');
  } else {
    probe.attr('display', 'none');
  }

  return { x, y };
}

/**
 * The probability of the map as a PNG data URL: GRID × GRID pixels, pixel (i, j) sampled at its
 * centre, row 0 at the top (largest y). Transparent at p = 0.5, the class colour at opacity
 * MAX_ALPHA · |2p − 1| elsewhere. Empty when no 2D canvas is available.
 */
function heatmapDataUrl(data: DecisionMapData): string {
  if (typeof document === 'undefined') return '';
  const canvas = document.createElement('canvas');
  canvas.width = GRID;
  canvas.height = GRID;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  const [lo, hi] = data.domain;
  const step = (hi - lo) / GRID;
  for (let j = 0; j < GRID; j++) {
    const py = hi - (j + 0.5) * step;
    for (let i = 0; i < GRID; i++) {
      const p = data.probability(lo + (i + 0.5) * step, py);
      if (!Number.isFinite(p)) continue; // no value, no colour: never a NaN shade
      ctx.globalAlpha = MAX_ALPHA * Math.min(1, Math.abs(2 * p - 1));
      ctx.fillStyle = p >= 0.5 ? data.colors.class1 : data.colors.class0;
      ctx.fillRect(i, j, 1, 1);
    }
  }
  return canvas.toDataURL('image/png');
}

function boundaryPath(
  data: DecisionMapData,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
): string {
  const [lo, hi] = data.domain;
  if (data.boundary === 'none') return '';
  if (data.boundary === 'contour') {
    // Trace logit(p) = ln(p / (1 − p)) = 0 rather than p = 0.5: the same curve, but a sure network's
    // p is almost a step (0.01 → 0.99 within one cell), which linear interpolation turns into a
    // staircase, while its logit — the output neuron's weighted sum z — varies smoothly.
    const polylines = traceContour(
      (px, py) => logit(data.probability(px, py)),
      lo,
      hi,
      CONTOUR_GRID,
      0,
    );
    return polylines
      .map((line) => line.map(([px, py], k) => `${k ? 'L' : 'M'}${r(x(px))},${r(y(py))}`).join(''))
      .join('');
  }
  const ends = clipLine(data.boundary, lo, hi);
  if (!ends) return '';
  const [[x1, y1], [x2, y2]] = ends;
  return `M${r(x(x1))},${r(y(y1))}L${r(x(x2))},${r(y(y2))}`;
}

const r = (v: number): number => Math.round(v * 10) / 10;

/** ln(p / (1 − p)), the inverse of σ; kept within ±40 so p = 0 or 1 stays finite. */
function logit(p: number): number {
  const q = Math.min(1 - 1e-17, Math.max(1e-17, p));
  return Math.max(-40, Math.min(40, Math.log(q / (1 - q))));
}
const clampTo = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

type Pt = [number, number];

/**
 * The part of the line w₁x + w₂y + b = 0 inside the square [lo, hi]², as its two end points, or
 * null when the line misses the square (or w₁ = w₂ = 0: then there is no line at all).
 */
export function clipLine({ w1, w2, b }: BoundaryLine, lo: number, hi: number): [Pt, Pt] | null {
  const found: Pt[] = [];
  const add = (p: Pt) => {
    if (p.every((v) => v >= lo - 1e-9 && v <= hi + 1e-9) && !found.some((q) => near(p, q)))
      found.push(p);
  };
  if (w2 !== 0) {
    // y = −(w₁x + b)/w₂ at the left and right edges.
    for (const ex of [lo, hi]) add([ex, -(w1 * ex + b) / w2]);
  }
  if (w1 !== 0) {
    // x = −(w₂y + b)/w₁ at the bottom and top edges.
    for (const ey of [lo, hi]) add([-(w2 * ey + b) / w1, ey]);
  }
  return found.length >= 2 ? [found[0]!, found[1]!] : null;
}

const near = (p: Pt, q: Pt): boolean => Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) < 1e-9;

/**
 * The level curve f(x, y) = level over [lo, hi]², by marching squares: f is sampled on an n × n
 * grid of vertices; in every cell whose corners lie on both sides of the level, the curve crosses
 * the cell's edges where linear interpolation along each edge reaches the level. A saddle (two
 * opposite corners above, two below) is resolved by the value at the cell's centre. The segments
 * are then joined end to end into polylines, so the path is continuous (smooth joins).
 */
export function traceContour(
  f: (x: number, y: number) => number,
  lo: number,
  hi: number,
  n: number,
  level: number,
): Pt[][] {
  const step = (hi - lo) / (n - 1);
  const at = (i: number) => lo + i * step;
  const v: number[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) v.push(f(at(i), at(j)) - level);
  const value = (i: number, j: number) => v[j * n + i]!;

  const segments: [Pt, Pt][] = [];
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      // Corners counter-clockwise from bottom-left: (i, j), (i+1, j), (i+1, j+1), (i, j+1).
      const c = [value(i, j), value(i + 1, j), value(i + 1, j + 1), value(i, j + 1)] as const;
      if (!c.every(Number.isFinite)) continue;
      const corner: Pt[] = [
        [at(i), at(j)],
        [at(i + 1), at(j)],
        [at(i + 1), at(j + 1)],
        [at(i), at(j + 1)],
      ];
      // Edge k joins corner k and corner k + 1; where the sign changes, interpolate linearly.
      const crossings: { edge: number; p: Pt }[] = [];
      for (let k = 0; k < 4; k++) {
        const a = c[k]!;
        const b = c[(k + 1) % 4]!;
        if (a >= 0 === b >= 0) continue;
        const t = a / (a - b);
        const [ax, ay] = corner[k]!;
        const [bx, by] = corner[(k + 1) % 4]!;
        crossings.push({ edge: k, p: [ax + t * (bx - ax), ay + t * (by - ay)] });
      }
      if (crossings.length === 2) {
        segments.push([crossings[0]!.p, crossings[1]!.p]);
      } else if (crossings.length === 4) {
        // Saddle: if the centre is on corner 0's side, corner 0 and corner 2 are connected
        // through the middle, so the curve cuts off corners 1 and 3 (edges 0–1 and 2–3).
        const centre = f(at(i) + step / 2, at(j) + step / 2) - level;
        const joined = centre >= 0 === c[0] >= 0;
        const [e0, e1, e2, e3] = crossings.map((x) => x.p) as [Pt, Pt, Pt, Pt];
        if (joined) segments.push([e0, e1], [e2, e3]);
        else segments.push([e3, e0], [e1, e2]);
      }
    }
  }
  return joinSegments(segments);
}

/** Join segments that share end points into polylines (each segment used once). */
function joinSegments(segments: [Pt, Pt][]): Pt[][] {
  const key = ([px, py]: Pt) => `${px.toFixed(9)},${py.toFixed(9)}`;
  const byEnd = new Map<string, number[]>();
  segments.forEach(([a, b], s) => {
    for (const p of [a, b]) {
      const k = key(p);
      byEnd.set(k, [...(byEnd.get(k) ?? []), s]);
    }
  });
  const used = new Set<number>();
  const lines: Pt[][] = [];
  /** Extend `line` from its last point through unused segments. */
  const extend = (line: Pt[]) => {
    for (;;) {
      const end = line[line.length - 1]!;
      const next = (byEnd.get(key(end)) ?? []).find((s) => !used.has(s));
      if (next === undefined) return;
      used.add(next);
      const [a, b] = segments[next]!;
      line.push(key(a) === key(end) ? b : a);
    }
  };
  segments.forEach(([a, b], s) => {
    if (used.has(s)) return;
    used.add(s);
    const line: Pt[] = [a, b];
    extend(line);
    line.reverse();
    extend(line);
    lines.push(line);
  });
  return lines;
}
