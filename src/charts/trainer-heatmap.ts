/**
 * The trainer's plot: the network's decision map as a heatmap — p(class 1) on a grid, blue where
 * the network says class 0, orange where it says class 1, fading to the background where it
 * cannot decide — with the data points on top and, for keyboard users, a cursor.
 *
 * A pure drawing function on a `<canvas>`: it reads only its arguments and repaints everything on
 * each call (a frame is one image of a small grid, scaled up, plus the points), so calling it
 * again simply updates it. Canvas cannot read CSS custom properties, so the caller passes the
 * theme's colours (resolved from the design tokens); `parseColor` turns any CSS colour into RGB.
 *
 * With k ≥ 3 classes the grid holds each cell's k probabilities in turn, and the cell's colour
 * is the classes' colours mixed by probability (Σ_j p_j·colour_j), tinted as strongly as the
 * network is sure: (max p − 1/k)/(1 − 1/k) of MAX_TINT. Classes 2 and up take the colour-blind-safe
 * Okabe–Ito colours after the theme's blue and orange (`CLASS_COLORS`, readable on the light and
 * the dark background alike).
 *
 * The classes differ by shape as well as colour, as in the course's other decision maps: class 1
 * is an orange triangle, class 0 a blue circle (then a square, a diamond, a downward triangle, and
 * round again). Test points are hollow (the background inside a thick outline) so they read apart from training
 * points without colour; `showTest: false` leaves them out.
 *
 * Regression (`task: 'regression'`): the grid holds the network's number ŷ per cell, and the map is
 * a diverging scale — the background at 0, blue (class 0's colour) towards −1, orange towards +1
 * (colour-blind safe, and read against the background in the dark theme too) — as are the points,
 * filled with the colour of their own value and outlined. `discretize` draws flat colours instead
 * of shades: each cell in the colour of its likeliest class (for regression, of its sign).
 */
import { scaleLinear } from 'd3';
import { drawSize, paintContext, paintPixels } from './common';

export interface PlanePoint {
  x: number;
  y: number;
  /** The class, 0 … classes − 1 (for regression: the number to predict, −1 … 1). */
  label: number;
}

/**
 * Colours of classes 2 … 9 (Okabe & Ito's colour-blind-safe palette after its blue and orange,
 * which the theme's class0/class1 already are): bluish green, reddish purple, vermillion, sky
 * blue, yellow, then a grey, a brown and a dark teal for the last three.
 */
export const CLASS_COLORS = [
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#f0e442',
  '#999999',
  '#a6761d',
  '#1b7c7c',
] as const;

/** The colour of class c: the theme's class0/class1, then CLASS_COLORS. */
export function classColor(c: number, colors: Pick<ThemeColors, 'class0' | 'class1'>): string {
  return c === 0 ? colors.class0 : c === 1 ? colors.class1 : CLASS_COLORS[(c - 2) % 8]!;
}

export interface ThemeColors {
  /** Class 0 (blue by convention). */
  class0: string;
  /** Class 1 (orange by convention). */
  class1: string;
  background: string;
  foreground: string;
  muted: string;
}

export interface HeatmapData {
  /**
   * p(class 1) at the centres of a size × size grid, row by row from the top — or, with
   * `classes` ≥ 3, the k probabilities of each cell in turn; null: none yet.
   */
  grid: Float32Array | null;
  gridSize: number;
  /** Classes told apart (default 2). */
  classes?: number;
  /** 'regression': the grid holds ŷ per cell and the points' labels are numbers (default classes). */
  task?: 'classification' | 'regression';
  /** Flat colours: the likeliest class (regression: the sign) instead of shades (default false). */
  discretize?: boolean;
  /** Whether the test points are drawn (default true). */
  showTest?: boolean;
  points: readonly PlanePoint[];
  /** Whether each point is a test point (drawn hollow). */
  isTest: readonly boolean[];
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  xLabel: string;
  yLabel: string;
  /** The keyboard cursor, in data units; null: not shown. */
  cursor: { x: number; y: number } | null;
  colors: ThemeColors;
}

export interface HeatmapSize {
  /** CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel (window.devicePixelRatio). */
  dpr: number;
}

/** Where the plot area is, so that a caller can turn a click into data coordinates. */
export interface HeatmapLayout {
  /** The plot area in CSS pixels, relative to the canvas. */
  plot: { left: number; top: number; width: number; height: number };
  /** Data coordinates of a point given in CSS pixels relative to the canvas; null outside. */
  toData(px: number, py: number): { x: number; y: number } | null;
}

/** Room for tick labels and axis titles, in CSS pixels. */
const MARGIN = { top: 10, right: 12, bottom: 44, left: 52 } as const;
/** How strongly a fully confident prediction tints the background (1 = the class colour itself). */
const MAX_TINT = 0.55;

export type Rgb = readonly [number, number, number];

const colorCache = new Map<string, Rgb>();
let probe: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour as [r, g, b] (0–255), via a 1×1 canvas; black if it cannot be read. */
export function parseColor(color: string): Rgb {
  const cached = colorCache.get(color);
  if (cached) return cached;
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  let rgb: Rgb = [0, 0, 0];
  if (probe) {
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = '#000';
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data;
    rgb = [r, g, b];
  }
  colorCache.set(color, rgb);
  return rgb;
}

/** `bg` moved towards `target` by the share `a` (0 … 1), each channel rounded. */
function mix(bg: Rgb, target: readonly number[], a: number): Rgb {
  return [
    Math.round(bg[0] + (target[0]! - bg[0]) * a),
    Math.round(bg[1] + (target[1]! - bg[1]) * a),
    Math.round(bg[2] + (target[2]! - bg[2]) * a),
  ];
}

/**
 * The colour of a regression value v (−1 … 1, clamped): the background at 0, class 0's colour
 * towards −1 and class 1's towards +1, mixed by |v| of `strength`.
 */
export function valueColor(v: number, c0: Rgb, c1: Rgb, bg: Rgb, strength = MAX_TINT): Rgb {
  if (!Number.isFinite(v)) return bg;
  const t = Math.max(-1, Math.min(1, v));
  const target = t >= 0 ? c1 : c0;
  return mix(bg, target, Math.abs(t) * strength);
}

/** The cell colour, flat (discretized): the class said (regression: the sign), or the background. */
export function flatFor(v: number, threshold: number, c0: Rgb, c1: Rgb, bg: Rgb): Rgb {
  if (!Number.isFinite(v) || v === threshold) return bg;
  return valueColor(v > threshold ? 1 : -1, c0, c1, bg);
}

/** The heatmap colour of p(class 1): the background tinted towards the class it leans to. */
export function tintFor(p: number, c0: Rgb, c1: Rgb, bg: Rgb): Rgb {
  if (!Number.isFinite(p)) return bg;
  return valueColor(2 * p - 1, c0, c1, bg);
}

/**
 * The heatmap colour of a cell of k ≥ 3 classes from its k probabilities, `probs[at]` …
 * `probs[at + k − 1]`, in the classes' `colors`; the background `bg` where one is not a number.
 */
type ClassesCell = (
  probs: ArrayLike<number>,
  at: number,
  k: number,
  colors: readonly Rgb[],
  bg: Rgb,
) => Rgb;

/**
 * The heatmap colour of a cell of k ≥ 3 classes: the classes' colours mixed by probability, as
 * strongly as the network is sure (see the module comment).
 */
export const blendFor: ClassesCell = (probs, at, k, colors, bg) => {
  let r = 0;
  let g = 0;
  let b = 0;
  let max = 0;
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const p = probs[at + j]!;
    if (!Number.isFinite(p)) return bg;
    r += p * colors[j]![0];
    g += p * colors[j]![1];
    b += p * colors[j]![2];
    sum += p;
    if (p > max) max = p;
  }
  if (!(sum > 0)) return bg;
  const sure = Math.max(0, Math.min(1, (max / sum - 1 / k) / (1 - 1 / k)));
  return mix(bg, [r / sum, g / sum, b / sum], sure * MAX_TINT);
};

/** A cell of k ≥ 3 classes, flat: the likeliest class's colour at full tint (background if unread). */
const flatClass: ClassesCell = (probs, at, k, colors, bg) => {
  let best = 0;
  for (let j = 0; j < k; j++) {
    const p = probs[at + j]!;
    if (!Number.isFinite(p)) return bg;
    if (p > probs[at + best]!) best = j;
  }
  return mix(bg, colors[best]!, MAX_TINT);
};

/** The grid as an image, one pixel per cell; reused between frames. */
let gridCanvas: HTMLCanvasElement | undefined;

function gridImage(data: HeatmapData): HTMLCanvasElement | undefined {
  const { grid, gridSize: n } = data;
  const k = Math.max(2, data.classes ?? 2);
  const perCell = k > 2 ? k : 1;
  if (!grid || grid.length < n * n * perCell) return undefined;
  gridCanvas ??= document.createElement('canvas');
  const c0 = parseColor(data.colors.class0);
  const c1 = parseColor(data.colors.class1);
  const bg = parseColor(data.colors.background);
  const palette = Array.from({ length: k }, (_, c) => parseColor(classColor(c, data.colors)));
  const regression = data.task === 'regression';
  const cell = (i: number): Rgb => {
    if (data.discretize) {
      if (k > 2) return flatClass(grid, i * k, k, palette, bg);
      return flatFor(grid[i]!, regression ? 0 : 0.5, c0, c1, bg);
    }
    if (regression) return valueColor(grid[i]!, c0, c1, bg);
    return k > 2 ? blendFor(grid, i * k, k, palette, bg) : tintFor(grid[i]!, c0, c1, bg);
  };
  const painted = paintPixels(gridCanvas, n, n, (image) => {
    for (let i = 0; i < n * n; i++) {
      const [r, g, b] = cell(i);
      image.data[4 * i] = r;
      image.data[4 * i + 1] = g;
      image.data[4 * i + 2] = b;
      image.data[4 * i + 3] = 255;
    }
  });
  return painted ? gridCanvas : undefined;
}

/** Tick labels with a real minus sign. */
function tickText(v: number, format: (n: number) => string): string {
  return format(v).replace(/^-/, '\u2212');
}

/** Draw (or redraw) the plot into `canvas`; returns its layout for pointer input. */
export function drawTrainerHeatmap(
  canvas: HTMLCanvasElement,
  data: HeatmapData,
  size: HeatmapSize,
): HeatmapLayout {
  const { width, height } = drawSize(size, 160, 160);
  const dpr = Math.max(1, Math.min(3, size.dpr || 1));
  if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
  if (canvas.height !== Math.round(height * dpr)) canvas.height = Math.round(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;

  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: width - MARGIN.left - MARGIN.right,
    height: height - MARGIN.top - MARGIN.bottom,
  };
  const x = scaleLinear()
    .domain(data.xDomain)
    .range([plot.left, plot.left + plot.width]);
  const y = scaleLinear()
    .domain(data.yDomain)
    .range([plot.top + plot.height, plot.top]);
  const layout: HeatmapLayout = {
    plot,
    toData(px, py) {
      if (px < plot.left || px > plot.left + plot.width) return null;
      if (py < plot.top || py > plot.top + plot.height) return null;
      return { x: x.invert(px), y: y.invert(py) };
    },
  };

  const ctx = paintContext(canvas);
  if (!ctx) return layout;
  const { colors } = data;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);

  // The decision map: a small image scaled up with smoothing, which interpolates the grid.
  ctx.fillStyle = colors.background;
  ctx.fillRect(plot.left, plot.top, plot.width, plot.height);
  const image = gridImage(data);
  if (image) {
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(image, plot.left, plot.top, plot.width, plot.height);
  }
  ctx.strokeStyle = colors.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.left + 0.5, plot.top + 0.5, plot.width - 1, plot.height - 1);

  // Axes: ticks and their labels, then the axis titles.
  const narrow = width < 360;
  ctx.fillStyle = colors.muted;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xTickFormat = x.tickFormat(narrow ? 4 : 6);
  for (const t of x.ticks(narrow ? 4 : 6)) {
    const px = x(t);
    ctx.fillRect(px - 0.5, plot.top + plot.height, 1, 4);
    ctx.fillText(tickText(t, xTickFormat), px, plot.top + plot.height + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const yTickFormat = y.tickFormat(narrow ? 4 : 6);
  for (const t of y.ticks(narrow ? 4 : 6)) {
    const py = y(t);
    ctx.fillRect(plot.left - 4, py - 0.5, 4, 1);
    ctx.fillText(tickText(t, yTickFormat), plot.left - 6, py);
  }
  ctx.fillStyle = colors.foreground;
  ctx.font = '13px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(data.xLabel, plot.left + plot.width / 2, height - 4, plot.width);
  ctx.save();
  ctx.translate(14, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(data.yLabel, 0, 0, plot.height);
  ctx.restore();

  // The points, clipped to a little beyond the plot so that points on its edge stay whole.
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left - 6, plot.top - 6, plot.width + 12, plot.height + 12);
  ctx.clip();
  const r = plot.width < 260 ? 3.5 : 4.5;
  // Training points first, test points (hollow) on top of them.
  const passes = data.showTest === false ? [false] : [false, true];
  for (const pass of passes) {
    data.points.forEach((p, i) => {
      if ((data.isTest[i] ?? false) !== pass) return;
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
      if (data.task === 'regression') drawValuePoint(ctx, x(p.x), y(p.y), r, p.label, pass, colors);
      else drawPoint(ctx, x(p.x), y(p.y), r, p.label, pass, colors);
    });
  }
  ctx.restore();

  if (data.cursor) {
    const cx = x(data.cursor.x);
    const cy = y(data.cursor.y);
    ctx.strokeStyle = colors.background;
    ctx.lineWidth = 5;
    strokeCursor(ctx, cx, cy);
    ctx.strokeStyle = colors.foreground;
    ctx.lineWidth = 2;
    strokeCursor(ctx, cx, cy);
  }
  return layout;
}

function strokeCursor(ctx: CanvasRenderingContext2D, cx: number, cy: number): void {
  ctx.beginPath();
  ctx.arc(cx, cy, 10, 0, 2 * Math.PI);
  ctx.moveTo(cx - 16, cy);
  ctx.lineTo(cx - 5, cy);
  ctx.moveTo(cx + 5, cy);
  ctx.lineTo(cx + 16, cy);
  ctx.moveTo(cx, cy - 16);
  ctx.lineTo(cx, cy - 5);
  ctx.moveTo(cx, cy + 5);
  ctx.lineTo(cx, cy + 16);
  ctx.stroke();
}

/** Fill the current path with `fill` and outline it 1px in the text colour. */
function fillOutlined(ctx: CanvasRenderingContext2D, fill: string, colors: ThemeColors): void {
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = colors.foreground;
  ctx.lineWidth = 1;
  ctx.stroke();
}

/**
 * A point of a regression dataset: a circle filled with the colour of its value (at full
 * strength, so it reads against the map), outlined in the text colour; a test point is a ring in
 * that colour around the background.
 */
function drawValuePoint(
  ctx: CanvasRenderingContext2D,
  px: number,
  py: number,
  r: number,
  value: number,
  test: boolean,
  colors: ThemeColors,
): void {
  const bg = parseColor(colors.background);
  const [cr, cg, cb] = valueColor(
    value,
    parseColor(colors.class0),
    parseColor(colors.class1),
    bg,
    1,
  );
  const fill = `rgb(${cr},${cg},${cb})`;
  ctx.beginPath();
  ctx.arc(px, py, r, 0, 2 * Math.PI);
  if (test) {
    fillOutlined(ctx, colors.background, colors);
    ctx.beginPath();
    ctx.arc(px, py, r - 1.25, 0, 2 * Math.PI);
    ctx.strokeStyle = fill;
    ctx.lineWidth = 2.5;
    ctx.stroke();
  } else {
    fillOutlined(ctx, fill, colors);
  }
}

/**
 * A point: class 0 a circle, class 1 a triangle, class 2 a square, class 3 a diamond, class 4 a
 * downward triangle, and round again; test points hollow.
 */
function drawPoint(
  ctx: CanvasRenderingContext2D,
  px: number,
  py: number,
  r: number,
  label: number,
  test: boolean,
  colors: ThemeColors,
): void {
  const fill = classColor(label, colors);
  ctx.beginPath();
  const shape = label % 5;
  // Triangles with the same area as the circle of radius r: side ≈ 2.69 r; squares ≈ 1.77 r.
  const s = r * 1.35;
  const q = r * 0.89;
  if (shape === 1 || shape === 4) {
    const up = shape === 1 ? 1 : -1;
    ctx.moveTo(px, py - up * s * 1.15);
    ctx.lineTo(px + s, py + up * s * 0.58);
    ctx.lineTo(px - s, py + up * s * 0.58);
    ctx.closePath();
  } else if (shape === 2) {
    ctx.rect(px - q, py - q, 2 * q, 2 * q);
  } else if (shape === 3) {
    const d = q * 1.41;
    ctx.moveTo(px, py - d);
    ctx.lineTo(px + d, py);
    ctx.lineTo(px, py + d);
    ctx.lineTo(px - d, py);
    ctx.closePath();
  } else {
    ctx.arc(px, py, r, 0, 2 * Math.PI);
  }
  if (test) {
    ctx.fillStyle = colors.background;
    ctx.fill();
    ctx.strokeStyle = fill;
    ctx.lineWidth = 2.5;
    ctx.stroke();
  } else {
    fillOutlined(ctx, fill, colors);
  }
}
