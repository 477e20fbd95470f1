/**
 * The sigmoid chart: σ(w·x + b) as a function of the input x, the current point on it, and
 * optionally the derivative σ′(w·x + b) on the same 0…1 axis.
 *
 * A pure drawing function: it reads only its arguments, owns everything inside the `<svg>` it is
 * given, and can be called again with new data to update in place (no duplicated elements). The
 * caller owns the `<svg>` element itself and its accessible name (`role="img"`, `aria-label`).
 * Colours come from the CSS custom properties of the design tokens (`--_accent`, …), so the chart
 * follows light and dark mode; the derivative differs from the curve by colour *and* dash pattern.
 */
import { line, scaleLinear } from 'd3';
import { sigmoid, sigmoidPrime } from '../math/activations';
import { drawCurrentPoint, drawSize, ensure, prepareRoot, showSquareMarker } from './common';
import { drawLineLegend, drawPlotAxes } from './common';
import type { ChartSize, Sel } from './common';

export interface SigmoidChartData {
  /** The weight w. */
  weight: number;
  /** The bias b. */
  bias: number;
  /** The input x of the marked point. */
  input: number;
  /** Whether to draw the derivative σ′(w·x + b). */
  derivative: boolean;
  /** The x range shown. */
  xMin: number;
  xMax: number;
}

/** Inner margins, in px, leaving room for tick labels and axis titles. */
const MARGIN = { top: 34, right: 16, bottom: 46, left: 52 } as const;

/**
 * Samples per curve. With |w| = 10 the sigmoid goes from 0.1 to 0.9 over Δx ≈ 0.44; 600 samples
 * over a 12-wide range put ~22 points inside that rise, enough for a smooth path at any width.
 */
const SAMPLES = 600;

/** Draw (or redraw) the sigmoid chart into `svg`. */
export function drawSigmoidChart(
  svg: SVGSVGElement,
  data: SigmoidChartData,
  size: ChartSize,
): void {
  const { width, height } = drawSize(size, 160, 140);
  const { weight: w, bias: b, xMin, xMax } = data;
  const input = Math.min(xMax, Math.max(xMin, data.input));

  const root = prepareRoot(svg, width, height);

  const x = scaleLinear()
    .domain([xMin, xMax])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const narrow = width < 480;

  drawPlotAxes(root, {
    x,
    y,
    ticks: narrow ? [6, 4] : [12, 5],
    xLabel: 'input x',
    yLabel: 'output σ(w·x + b)',
    height,
  });

  // σ = 0.5 is the decision threshold: above it the neuron leans "yes".
  ensure(root, 'line', 'half')
    .attr('x1', x(xMin))
    .attr('x2', x(xMax))
    .attr('y1', y(0.5))
    .attr('y2', y(0.5))
    .style('stroke', 'var(--_muted)')
    .style('stroke-width', '1')
    .style('stroke-dasharray', '4 4');

  const xs = Array.from({ length: SAMPLES + 1 }, (_, i) => xMin + ((xMax - xMin) * i) / SAMPLES);
  /** The path of f(w·x + b) over the sampled xs, for f = σ or σ′. */
  const pathOf = (f: (z: number) => number): string =>
    line<number>()
      .x((v) => x(v))
      .y((v) => y(f(w * v + b)))(xs) ?? '';

  // The derivative goes under the curve so the curve stays readable where they cross.
  const derivativePath = ensure(root, 'path', 'derivative');
  if (data.derivative) {
    derivativePath
      .attr('d', pathOf(sigmoidPrime))
      .attr('display', null)
      .style('fill', 'none')
      .style('stroke', 'var(--_accent-2)')
      .style('stroke-width', '2.5')
      .style('stroke-dasharray', '7 4');
  } else {
    derivativePath.attr('d', null).attr('display', 'none');
  }

  ensure(root, 'path', 'curve')
    .attr('d', pathOf(sigmoid))
    .style('fill', 'none')
    .style('stroke', 'var(--_accent)')
    .style('stroke-width', '3')
    .style('stroke-linejoin', 'round');

  // The current point, with guides down to x and across to σ so both values can be read off.
  const z = w * input + b;
  const out = sigmoid(z);
  ensure(root, 'path', 'guide')
    .attr('d', `M${x(input)},${y(0)}V${y(out)}H${x(xMin)}`)
    .style('fill', 'none')
    .style('stroke', 'var(--_muted)')
    .style('stroke-width', '1')
    .style('stroke-dasharray', '2 3');

  const derivativePoint = ensure(root, 'rect', 'derivative-point');
  if (data.derivative) {
    // A square, not a circle: the derivative's marker differs from the curve's by shape too.
    showSquareMarker(derivativePoint, x(input), y(sigmoidPrime(z)), 9);
  } else {
    derivativePoint.attr('display', 'none');
  }

  drawCurrentPoint(root, x(input), y(out));

  // Above the plot, not inside it: the curve can pass through any corner of the plot area.
  drawLegend(ensure(root, 'g', 'legend'), data.derivative, narrow ? 4 : x(xMin), 10);
}

/** A small key, so curve and derivative are told apart by their line style, not colour alone. */
function drawLegend(g: Sel<SVGGElement>, derivative: boolean, left: number, top: number): void {
  const entries = [
    { key: 'curve', label: 'σ(w·x + b)', stroke: 'var(--_accent)', dash: null, width: 3 },
    ...(derivative
      ? [
          {
            key: 'derivative',
            label: 'σ′(w·x + b)',
            stroke: 'var(--_accent-2)',
            dash: '7 4',
            width: 2.5,
          },
        ]
      : []),
  ];
  drawLineLegend(g, entries, left, top);
}
