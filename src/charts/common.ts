/** Small drawing pieces several charts share. Pure d3; no Lit, no app state. */
import { axisBottom, axisLeft, select, type ScaleLinear, type Selection } from 'd3';

/** A d3 selection of one element, as every chart here uses them. */
export type Sel<E extends Element> = Selection<E, unknown, null, undefined>;

/**
 * Select the single child `<tag class="className">` of `parent`, creating it the first time: this
 * is what makes a second call of a draw function update the chart instead of drawing it twice.
 */
export function ensure<K extends keyof SVGElementTagNameMap, P extends SVGElement>(
  parent: Sel<P>,
  tag: K,
  className: string,
): Sel<SVGElementTagNameMap[K]> {
  const existing = parent.select<SVGElementTagNameMap[K]>(
    `:scope > ${tag}.${className.trim().split(/\s+/).join('.')}`,
  );
  if (!existing.empty()) return existing as unknown as Sel<SVGElementTagNameMap[K]>;
  return parent.append(tag).attr('class', className) as unknown as Sel<SVGElementTagNameMap[K]>;
}

/**
 * Set several inline styles on `sel`, in the order given (`{ fill: 'var(--_fg)', 'font-size':
 * '12px' }`), and return it for more of d3's chain.
 */
export function styled<S extends { style(name: string, value: string): unknown }>(
  sel: S,
  styles: Readonly<Record<string, string>>,
): S {
  for (const [name, value] of Object.entries(styles)) sel.style(name, value);
  return sel;
}

/** The size a chart is asked to draw at, in CSS pixels (the widget measures it). */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * The size a chart draws at: whole pixels, and never smaller than the least it stays readable at
 * (`minWidth` × `minHeight`), whatever its box measures.
 */
export function drawSize(size: ChartSize, minWidth: number, minHeight: number): ChartSize {
  return {
    width: Math.max(minWidth, Math.round(size.width)),
    height: Math.max(minHeight, Math.round(size.height)),
  };
}

/** Tick labels with a real minus sign ("−2", not "-2"). */
export function formatTick(value: number | { valueOf(): number }): string {
  const v = Number(value);
  return v < 0 ? `\u2212${Math.abs(v)}` : String(v);
}

/** `<g>`s bound to data of type D, as `keyedGroups` joins them. */
export type Groups<D> = Selection<SVGGElement, D, SVGGElement, unknown>;

/**
 * One `<g class="className">` per item of `data` inside `parent`, matched to the groups already
 * there by `key`, so that a redraw updates them in place (and removes those of items gone);
 * `build` fills a new group with its parts.
 */
export function keyedGroups<D>(
  parent: Sel<SVGGElement>,
  className: string,
  data: readonly D[],
  key: (d: D) => string,
  build: (g: Groups<D>) => void,
): Groups<D> {
  return parent
    .selectAll<SVGGElement, D>(`g.${className}`)
    .data(data, key)
    .join((enter) => {
      const g = enter.append('g').attr('class', className);
      build(g);
      return g;
    });
}

/** What every legend entry has: a key (for d3's join) and a label. */
export interface LegendItem {
  key: string;
  label: string;
}

const byKey = (d: LegendItem) => d.key;

/**
 * A legend drawn into `g` at (left, top), updated in place when called again: one
 * `g.legend-entry` an entry, holding the symbol `addSymbol` appends when the entry is new and the
 * label (12px, foreground colour) at x = `labelX`. The caller styles the symbols and lays the
 * rows out (`legendLabelWidth`).
 */
export function drawLegendRows<D extends LegendItem>(
  g: Sel<SVGGElement>,
  entries: readonly D[],
  left: number,
  top: number,
  labelX: number,
  addSymbol: (row: Groups<D>) => void,
): Groups<D> {
  g.attr('transform', `translate(${left},${top})`);
  const rows = keyedGroups(g, 'legend-entry', entries, byKey, (row) => {
    addSymbol(row);
    row.append('text').attr('x', labelX).attr('dy', '0.35em').style('font-size', '12px');
  });
  rows
    .select('text')
    .style('fill', 'var(--_fg)')
    .text((d) => d.label);
  return rows;
}

/** The width of a legend row's label, in px. */
export function legendLabelWidth(row: SVGGElement): number {
  const label = row.querySelector('text');
  // getComputedTextLength is 0 when not rendered (display: none): estimate from the length.
  const measured = label?.getComputedTextLength?.() ?? 0;
  return measured > 0 ? measured : (label?.textContent?.length ?? 0) * 7;
}

/** One line style in a legend: told apart by dash and width as well as colour. */
export interface LineLegendEntry extends LegendItem {
  stroke: string;
  dash: string | null;
  width: number;
}

/**
 * A key of line styles laid side by side by their measured width (so it fits a 320px phone),
 * drawn into `g` at (left, top); calling it again updates it in place.
 */
export function drawLineLegend(
  g: Sel<SVGGElement>,
  entries: readonly LineLegendEntry[],
  left: number,
  top: number,
  gap = 20,
): void {
  const rows = drawLegendRows(g, entries, left, top, 32, (row) => {
    row.append('line').attr('x1', 0).attr('x2', 26);
  });
  rows
    .select('line')
    .style('stroke', (d) => d.stroke)
    .style('stroke-width', (d) => String(d.width))
    .style('stroke-dasharray', (d) => d.dash);
  let offset = 0;
  rows.each(function () {
    select(this).attr('transform', `translate(${offset},0)`);
    offset += 32 + legendLabelWidth(this) + gap;
  });
}

/**
 * The root `<svg>` of a chart that scales with its box: a viewBox of `width` × `height`, drawn at
 * the full width of its container, in the widget's font. `overflow` lets marks near the edge
 * (a ball, a label) spill over the viewBox instead of being clipped.
 */
export function prepareRoot(
  svg: SVGSVGElement,
  width: number,
  height: number,
  { overflow = true }: { overflow?: boolean } = {},
): Sel<SVGElement> {
  const root = select(svg as SVGElement)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('preserveAspectRatio', 'xMidYMid meet')
    .style('display', 'block')
    .style('width', '100%')
    .style('height', 'auto');
  if (overflow) root.style('overflow', 'visible');
  return root.style('font-family', 'var(--_font, sans-serif)');
}

export interface PlotAxes {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** Tick counts: [x, y]. */
  ticks: [number, number];
  xLabel: string;
  yLabel: string;
  /** The height of the whole chart: the x label sits 8px above its bottom edge. */
  height: number;
}

/**
 * The `<g>` of a plot's x or y axis, moved to (dx, dy), its ticks and numbers in the muted colour:
 * call a d3 axis on it.
 */
export function axisGroup(
  root: Sel<SVGElement>,
  which: 'x' | 'y',
  dx: number,
  dy: number,
): Sel<SVGGElement> {
  return ensure(root, 'g', `axis axis-${which}`)
    .attr('transform', `translate(${dx},${dy})`)
    .style('color', 'var(--_muted)')
    .style('font-size', '12px');
}

/** Where an axis title goes and what it says. */
export interface AxisTitle {
  text: string;
  x: number;
  y: number;
}

/**
 * A plot's axis titles: the x title centred at its (x, y), under the plot; the y title turned up
 * the left edge, centred at its (x, y).
 */
export function drawAxisTitles(root: Sel<SVGElement>, xTitle: AxisTitle, yTitle: AxisTitle): void {
  ensure(root, 'text', 'axis-label axis-label-x')
    .attr('x', xTitle.x)
    .attr('y', xTitle.y)
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--_fg)')
    .style('font-size', '13px')
    .text(xTitle.text);
  ensure(root, 'text', 'axis-label axis-label-y')
    .attr('transform', `translate(${yTitle.x},${yTitle.y}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--_fg)')
    .style('font-size', '13px')
    .text(yTitle.text);
}

/**
 * A plot's two axes, crossing at the bottom left of the domains, and their labels (the y label
 * turned up the left edge). d3 draws ticks in currentColor, so `color` themes ticks and labels.
 */
export function drawPlotAxes(root: Sel<SVGElement>, a: PlotAxes): void {
  const { x, y } = a;
  const [xMin, xMax] = x.domain() as [number, number];
  const [yMin, yMax] = y.domain() as [number, number];
  const xAxis = axisGroup(root, 'x', 0, y(yMin));
  xAxis.call(axisBottom(x).ticks(a.ticks[0]).tickFormat(formatTick));
  const yAxis = axisGroup(root, 'y', x(xMin), 0);
  yAxis.call(axisLeft(y).ticks(a.ticks[1]).tickFormat(formatTick));

  drawAxisTitles(
    root,
    { text: a.xLabel, x: (x(xMin) + x(xMax)) / 2, y: a.height - 8 },
    { text: a.yLabel, x: 14, y: (y(yMin) + y(yMax)) / 2 },
  );
}

/** The point a curve chart is about: a 7px dot in the accent colour, ringed in the background colour. */
export function drawCurrentPoint(root: Sel<SVGElement>, cx: number, cy: number): void {
  ensure(root, 'circle', 'point')
    .attr('cx', cx)
    .attr('cy', cy)
    .attr('r', 7)
    .style('fill', 'var(--_accent)')
    .style('stroke', 'var(--_bg)')
    .style('stroke-width', '2.5');
}

/**
 * Show `rect` as a second point at (cx, cy), told apart from the current point by its shape too:
 * a square of `side` px in the second accent colour, ringed in the background colour.
 */
export function showSquareMarker(
  rect: Sel<SVGRectElement>,
  cx: number,
  cy: number,
  side: number,
): void {
  rect
    .attr('display', null)
    .attr('x', cx - side / 2)
    .attr('y', cy - side / 2)
    .attr('width', side)
    .attr('height', side)
    .style('fill', 'var(--_accent-2)')
    .style('stroke', 'var(--_bg)')
    .style('stroke-width', '2');
}

/**
 * The 2D context of a canvas that is repainted often (every frame while a network trains), backed
 * by ordinary memory rather than the GPU (`willReadFrequently`). Painting an image into it and
 * handing it to the compositor costs less than a GPU-backed canvas's raster where the GPU is weak
 * or emulated (SwiftShader: 3–5 frames per second while training, against 40+ this way), and the
 * pictures here are small. The option counts only on a canvas's first `getContext` call.
 */
export function paintContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  return canvas.getContext('2d', { willReadFrequently: true });
}

/**
 * Paint `canvas` pixel by pixel at `width` × `height`: the canvas is resized only where its size
 * differs (a resize clears it), `paint` fills a fresh ImageData of that size and it is put at
 * (0, 0). False, with nothing painted, where the canvas gives no 2D context.
 */
export function paintPixels(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  paint: (image: ImageData) => void,
): boolean {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = paintContext(canvas);
  if (!ctx) return false;
  const image = ctx.createImageData(width, height);
  paint(image);
  ctx.putImageData(image, 0, 0);
  return true;
}
