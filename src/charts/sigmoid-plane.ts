/**
 * The two-input sigmoid neuron on its plane: the output σ(w₁x₁ + w₂x₂ + b) as a shaded map over
 * (x₁, x₂), the decision line w₁x₁ + w₂x₂ + b = 0 where the output is exactly ½, the input point
 * (x₁, x₂), and the weight vector w = (w₁, w₂) drawn as an arrow from the line.
 *
 * Why the arrow: z = w·x + b grows fastest in the direction of w, so w is perpendicular to the
 * decision line and points to the side where σ > ½ ("yes"). Its length |w| sets how sharp the edge
 * is: σ goes from 0.05 to 0.95 across a band 2·ln 19 / |w| ≈ 5.89 / |w| wide.
 *
 * A pure drawing function built on `drawDecisionMap` (same conventions: it owns the inside of the
 * `<svg>`, redraws in place, takes the class colours resolved for its canvas).
 */
import { select } from 'd3';
import { sigmoid } from '../math/activations';
import { clipLine, drawDecisionMap } from './decision-map';
import type { ChartSize } from './common';
import type { DecisionMapLayout } from './decision-map';

export interface SigmoidPlaneData {
  w1: number;
  w2: number;
  b: number;
  /** The input point. */
  x1: number;
  x2: number;
  /** The square shown, on both axes. */
  domain: readonly [number, number];
  /** Resolved CSS colours of "no" (σ < ½) and "yes" (σ > ½). */
  colors: { class0: string; class1: string };
}

/** Length of the drawn weight arrow, in plane units: a fixed length, only its direction is w's. */
const ARROW = 1.6;

/** Draw (or redraw) the neuron's plane into `svg`. */
export function drawSigmoidPlane(
  svg: SVGSVGElement,
  data: SigmoidPlaneData,
  size: ChartSize,
): DecisionMapLayout {
  const { w1, w2, b, domain } = data;
  const layout = drawDecisionMap(
    svg,
    {
      probability: (x1, x2) => sigmoid(w1 * x1 + w2 * x2 + b),
      mapKey: `σ(${w1}·x₁ + ${w2}·x₂ + ${b})`,
      domain,
      points: [],
      probe: { x: data.x1, y: data.x2 },
      boundary: { w1, w2, b },
      colors: data.colors,
      labels: { x: 'x₁', y: 'x₂' },
    },
    size,
  );

  // The arrow starts at the middle of the line's visible part and points along w, shortened if
  // needed to stay inside the square.
  const arrow = select(svg as SVGElement)
    .selectAll<SVGGElement, null>('g.weight-arrow')
    .data([null])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'weight-arrow');
      g.append('path').attr('class', 'shaft');
      g.append('path').attr('class', 'head');
      g.append('text').attr('class', 'arrow-label');
      return g;
    });
  const [lo, hi] = domain;
  const norm = Math.hypot(w1, w2);
  const ends = clipLine({ w1, w2, b }, lo, hi);
  const u = norm > 0 ? ([w1 / norm, w2 / norm] as const) : ([0, 0] as const);
  const p0 = ends
    ? ([(ends[0][0] + ends[1][0]) / 2, (ends[0][1] + ends[1][1]) / 2] as const)
    : ([0, 0] as const);
  /** How far from p₀ along u before leaving the square. */
  const room = Math.min(
    ...[0, 1].map((i) => {
      const ui = u[i]!;
      if (Math.abs(ui) < 1e-12) return Infinity;
      return ((ui > 0 ? hi : lo) - p0[i]!) / ui;
    }),
  );
  const length = Math.min(ARROW, room);
  if (!ends || norm === 0 || length < ARROW / 3) {
    arrow.attr('display', 'none');
    return layout;
  }
  const tip = [p0[0] + length * u[0], p0[1] + length * u[1]] as const;
  const { x, y } = layout;
  const [sx, sy, tx, ty] = [x(p0[0]), y(p0[1]), x(tip[0]), y(tip[1])];
  // The head: a triangle at the tip, 10 px long, along the arrow's screen direction.
  const len = Math.hypot(tx - sx, ty - sy) || 1;
  const [dx, dy] = [(tx - sx) / len, (ty - sy) / len];
  const head = `M${tx},${ty}L${tx - 10 * dx - 5 * dy},${ty - 10 * dy + 5 * dx}L${tx - 10 * dx + 5 * dy},${ty - 10 * dy - 5 * dx}Z`;
  arrow.attr('display', null);
  arrow
    .select('path.shaft')
    .attr('d', `M${sx},${sy}L${tx - 8 * dx},${ty - 8 * dy}`)
    .style('stroke', 'var(--_fg)')
    .style('stroke-width', '2.5')
    .style('fill', 'none');
  arrow.select('path.head').attr('d', head).style('fill', 'var(--_fg)');
  arrow
    .select('text.arrow-label')
    .attr('x', tx + 12 * dx)
    .attr('y', ty + 12 * dy)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .style('fill', 'var(--_fg)')
    .style('font-size', '13px')
    .style('font-style', 'italic')
    .style('paint-order', 'stroke')
    .style('stroke', 'var(--_bg)')
    .style('stroke-width', '4')
    .text('w');
  // Keep the input point on top of the arrow.
  const probe = svg.querySelector(':scope > g.probe');
  if (probe) svg.appendChild(probe);
  return layout;
}
