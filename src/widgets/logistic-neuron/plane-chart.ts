/**
 * The plane of `<nn-logistic-neuron>`: the two classes of points, and for each neuron its decision
 * line w₁x₁ + w₂x₂ + b = 0 (where σ = 0.5), with the first neuron's "yes" side (σ > 0.5) tinted.
 *
 * A pure drawing function like those in src/charts: it reads only its arguments, owns everything
 * inside the `<svg>` and updates in place. Classes differ by shape (circle / square) as well as
 * colour; the lines by dash pattern as well as colour, matching the loss chart beside it.
 */
import { axisBottom, axisLeft, scaleLinear } from 'd3';
import { axisGroup, drawAxisTitles, ensure, formatTick, prepareRoot } from '../../charts/common';
import { lineSegment, yesRegion } from '../../math/half-plane';
import type { PlanePoint } from './model';

export type { PlanePoint };

export interface PlaneLine {
  key: string;
  w1: number;
  w2: number;
  b: number;
  /** CSS colour of the line (a custom property, so it follows the theme). */
  stroke: string;
  /** SVG dash pattern; '' is solid. */
  dash: string;
}

export interface PlaneData {
  points: readonly PlanePoint[];
  /** The first line's "yes" side is tinted. */
  lines: readonly PlaneLine[];
  /** Index of a point to ring (the one the formulas use), or −1. */
  highlight: number;
  /** The square shown: [−extent, extent]². */
  extent: number;
}

const MARGIN = { top: 12, right: 12, bottom: 42, left: 46 } as const;

/** Each neuron's line as drawn: its own colour, the twin's dashed as on the loss chart. */
export function planeLines(
  keys: readonly string[],
  params: readonly { w1: number; w2: number; b: number }[],
): PlaneLine[] {
  return params.map((p, k) => ({
    key: keys[k] ?? String(k),
    ...p,
    stroke: `var(--_line-${k})`,
    dash: k === 0 ? '' : '8 4',
  }));
}

/** Draw (or redraw) the plane into `svg`, `size` pixels wide (the plot is square). */
export function drawPlane(svg: SVGSVGElement, data: PlaneData, size: number): void {
  const width = Math.max(200, Math.round(size));
  const side = width - MARGIN.left - MARGIN.right;
  const height = side + MARGIN.top + MARGIN.bottom;
  const e = data.extent;
  const x = scaleLinear()
    .domain([-e, e])
    .range([MARGIN.left, MARGIN.left + side]);
  const y = scaleLinear()
    .domain([-e, e])
    .range([MARGIN.top + side, MARGIN.top]);

  const root = prepareRoot(svg, width, height, { overflow: false });

  ensure(root, 'rect', 'frame')
    .attr('x', MARGIN.left)
    .attr('y', MARGIN.top)
    .attr('width', side)
    .attr('height', side)
    .style('fill', 'none')
    .style('stroke', 'var(--_border)');

  const first = data.lines[0];
  const region = first ? yesRegion(first.w1, first.w2, first.b, e) : [];
  ensure(root, 'path', 'yes-region')
    .attr('d', region.length ? `M${region.map(([p, q]) => `${x(p)},${y(q)}`).join('L')}Z` : null)
    .style('fill', 'var(--_class-1)')
    .style('opacity', '0.12');

  const ticks = side < 260 ? 4 : 5;
  axisGroup(root, 'x', 0, MARGIN.top + side).call(
    axisBottom(x).ticks(ticks).tickFormat(formatTick),
  );
  axisGroup(root, 'y', MARGIN.left, 0).call(axisLeft(y).ticks(ticks).tickFormat(formatTick));
  drawAxisTitles(
    root,
    { text: 'input x₁', x: MARGIN.left + side / 2, y: height - 6 },
    { text: 'input x₂', x: 13, y: MARGIN.top + side / 2 },
  );

  // Points: class 1 a filled circle, class 0 a filled square.
  const r = side < 260 ? 4 : 5;
  const pts = ensure(root, 'g', 'points');
  pts
    .selectAll<SVGPathElement, PlanePoint>('path.point')
    .data(data.points)
    .join('path')
    .attr('class', (p) => `point class-${p.label}`)
    .attr('d', (p) => {
      const cx = x(p.x1);
      const cy = y(p.x2);
      return p.label === 1
        ? `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`
        : `M${cx - r * 0.9},${cy - r * 0.9}h${1.8 * r}v${1.8 * r}h${-1.8 * r}Z`;
    })
    .style('fill', (p) => `var(--_class-${p.label})`)
    .style('stroke', 'var(--_bg)')
    .style('stroke-width', '1');

  const h = data.points[data.highlight];
  ensure(root, 'circle', 'highlight')
    .attr('display', h ? null : 'none')
    .attr('cx', h ? x(h.x1) : 0)
    .attr('cy', h ? y(h.x2) : 0)
    .attr('r', r + 5)
    .style('fill', 'none')
    .style('stroke', 'var(--_fg)')
    .style('stroke-width', '2');

  const segments = data.lines.map((l) => ({ ...l, seg: lineSegment(l.w1, l.w2, l.b, e) }));
  ensure(root, 'g', 'lines')
    .selectAll<SVGLineElement, (typeof segments)[number]>('line.decision')
    .data(segments, (l) => l.key)
    .join('line')
    .attr('class', 'decision')
    .attr('data-line', (l) => l.key)
    .attr('display', (l) => (l.seg ? null : 'none'))
    .attr('x1', (l) => (l.seg ? x(l.seg[0][0]) : 0))
    .attr('y1', (l) => (l.seg ? y(l.seg[0][1]) : 0))
    .attr('x2', (l) => (l.seg ? x(l.seg[1][0]) : 0))
    .attr('y2', (l) => (l.seg ? y(l.seg[1][1]) : 0))
    .style('stroke', (l) => l.stroke)
    .style('stroke-width', '3')
    .style('stroke-linecap', 'round')
    .style('stroke-dasharray', (l) => l.dash || null);
}
