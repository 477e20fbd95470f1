/**
 * The chart functions of `src/charts`, called directly with fixed data: what they draw (a structural
 * snapshot — elements, classes, visibility and text, not pixel positions, which depend on fonts)
 * and where (positions checked against the data they stand for). Each draws into an `<svg>` it is
 * given and must update in place when called again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/math/activations';
import { parabola } from '../../src/math/surfaces';
import { drawDerivativeChart } from '../../src/charts/derivative-chart';
import { drawDescent1d } from '../../src/charts/descent-1d';
import { drawGraph, type GraphNodeView } from '../../src/charts/graph-layout';
import { drawLossChart, type LossChartSeries } from '../../src/charts/loss-chart';
import { drawNeuronDiagram } from '../../src/charts/neuron-diagram';
import { drawSigmoidChart } from '../../src/charts/sigmoid-chart';

const SVG = 'http://www.w3.org/2000/svg';

function freshSvg(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  document.body.replaceChildren(svg);
  return svg;
}

afterEach(() => document.body.replaceChildren());

/** The tree as lines of `tag.class [hidden] "own text"`, indented by depth. */
function structure(node: Element, depth = 0): string {
  const cls = node.getAttribute('class');
  const hidden = node.getAttribute('display') === 'none' ? ' [hidden]' : '';
  const own = [...node.childNodes]
    .filter((c) => c.nodeType === Node.TEXT_NODE)
    .map((c) => c.textContent?.trim())
    .join('');
  const line = `${'  '.repeat(depth)}${node.tagName}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}${hidden}${own ? ` "${own}"` : ''}`;
  return [line, ...[...node.children].map((c) => structure(c, depth + 1))].join('\n');
}

const count = (svg: SVGSVGElement) => svg.querySelectorAll('*').length;
const num = (el: Element | null, name: string) => Number(el?.getAttribute(name));

/** The numbers of an SVG path's `d`, in order. */
const pathNumbers = (el: Element | null): number[] =>
  (el?.getAttribute('d')?.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);

describe('drawSigmoidChart', () => {
  const base = { weight: 2, bias: 1, input: 1, derivative: false, xMin: -6, xMax: 6 };

  it('puts the point at σ(w·x + b) on the axis from 0 to 1', () => {
    const svg = freshSvg();
    drawSigmoidChart(svg, base, { width: 480, height: 300 });
    // The guide runs from (x, y(0)) up to (x, y(σ)) and across to the y axis.
    const [gx, y0, yOut] = pathNumbers(svg.querySelector('path.guide'));
    const half = num(svg.querySelector('line.half'), 'y1');
    const point = svg.querySelector('circle.point');
    expect(num(point, 'cx')).toBeCloseTo(gx!, 6);
    expect(num(point, 'cy')).toBeCloseTo(yOut!, 6);
    // Pixel heights above y(0) are proportional to the value: σ(3) against 0.5.
    expect((y0! - yOut!) / (y0! - half)).toBeCloseTo(sigmoid(3) / 0.5, 3);
  });

  it('at w = 0, b = 0 the point sits on the 0.5 line; the derivative appears only when asked', () => {
    const svg = freshSvg();
    drawSigmoidChart(svg, { ...base, weight: 0, bias: 0 }, { width: 480, height: 300 });
    expect(num(svg.querySelector('circle.point'), 'cy')).toBeCloseTo(
      num(svg.querySelector('line.half'), 'y1'),
      6,
    );
    expect(svg.querySelector('path.derivative')?.getAttribute('display')).toBe('none');
    const before = count(svg);
    drawSigmoidChart(svg, { ...base, derivative: true }, { width: 480, height: 300 });
    expect(svg.querySelector('path.derivative')?.getAttribute('display')).not.toBe('none');
    expect(svg.querySelector('path.derivative')?.getAttribute('d')).toMatch(/^M/);
    // Updated in place: the legend gains the derivative's entry, nothing else is added.
    drawSigmoidChart(svg, { ...base, derivative: true }, { width: 480, height: 300 });
    const withDerivative = count(svg);
    expect(withDerivative).toBeGreaterThanOrEqual(before);
    drawSigmoidChart(svg, { ...base, derivative: true }, { width: 480, height: 300 });
    expect(count(svg)).toBe(withDerivative);
  });

  it('draws the same structure for the same data', () => {
    const svg = freshSvg();
    drawSigmoidChart(svg, { ...base, derivative: true }, { width: 480, height: 300 });
    expect(structure(svg)).toMatchSnapshot();
  });
});

describe('drawDerivativeChart', () => {
  const square = (x: number) => x * x;
  const data = {
    f: square,
    xMin: -3,
    xMax: 3,
    x0: 1,
    slope: 2,
    h: 1 as number | null,
    curveLabel: 'f(x) = x²',
    xLabel: 'x',
    yLabel: 'f(x)',
  };

  it('draws the tangent through the point, and the secant only with a step h', () => {
    const svg = freshSvg();
    drawDerivativeChart(svg, data, { width: 480, height: 320 });
    const point = svg.querySelector('circle.point');
    const [ax, ay, bx, by] = pathNumbers(svg.querySelector('path.tangent'));
    const [px, py] = [num(point, 'cx'), num(point, 'cy')];
    // The point lies on the tangent segment: the cross product of the two directions is 0.
    const cross = (bx! - ax!) * (py - ay!) - (by! - ay!) * (px - ax!);
    expect(Math.abs(cross) / Math.hypot(bx! - ax!, by! - ay!)).toBeLessThan(0.01);
    expect(svg.querySelector('path.secant')?.getAttribute('display')).not.toBe('none');

    drawDerivativeChart(svg, { ...data, h: null }, { width: 480, height: 320 });
    expect(svg.querySelector('path.secant')?.getAttribute('display')).toBe('none');
    expect(structure(svg)).toMatchSnapshot();
  });

  it('the tangent of x² at x₀ = 1 falls to the left: its left end is lower on screen', () => {
    const svg = freshSvg();
    drawDerivativeChart(svg, { ...data, h: null }, { width: 480, height: 320 });
    const [ax, ay, bx, by] = pathNumbers(svg.querySelector('path.tangent'));
    expect(bx!).toBeGreaterThan(ax!);
    // Screen y grows downwards: a rising line has its right end higher (smaller y).
    expect(by!).toBeLessThan(ay!);
  });
});

describe('drawLossChart', () => {
  const series = (name: string, slot: number, losses: number[]): LossChartSeries => ({
    name,
    slot,
    steps: losses.map((_, i) => i * 10),
    losses,
    length: losses.length,
  });

  it('draws one line per series with every point, and maps x back to the step', () => {
    const svg = freshSvg();
    const train = series('training', 0, [0.7, 0.5, 0.35, 0.3, 0.28]);
    const test = series('test', 1, [0.72, 0.55, 0.42, 0.4, 0.41]);
    const layout = drawLossChart(
      svg,
      {
        series: [train, test],
        scale: 'linear',
        steps: [0, 40],
        losses: [0.28, 0.72],
        minPositive: 0.28,
        cursor: null,
      },
      { width: 480, height: 260 },
    );
    expect(layout.vertices).toEqual([5, 5]);
    expect(layout.yTicks.length).toBeGreaterThan(2);
    // Ticks read top to bottom: the values fall.
    const ticks = layout.yTicks.map(Number);
    expect([...ticks].sort((a, b) => b - a)).toEqual(ticks);
    expect(layout.stepAt(0)).toBe(0);
    expect(layout.stepAt(10_000)).toBe(40);
    expect(svg.querySelector('text.empty')?.getAttribute('display')).toBe('none');
    expect(structure(svg)).toMatchSnapshot();
  });

  it('marks steps with labelled rules (early stopping) and titles the y axis as asked', () => {
    const svg = freshSvg();
    const train = series('training', 0, [0.7, 0.5, 0.35, 0.3, 0.28]);
    const validation = series('validation', 2, [0.72, 0.5, 0.4, 0.45, 0.5]);
    const data = {
      series: [train, validation],
      scale: 'linear' as const,
      steps: [0, 40] as const,
      losses: [0.28, 0.72] as const,
      minPositive: 0.28,
      cursor: null,
      yLabel: 'mean squared error',
    };
    drawLossChart(
      svg,
      {
        ...data,
        markers: [
          { key: 'best', step: 20, label: 'kept weights', line: 'solid' },
          { key: 'stop', step: 40, label: 'stopped' },
        ],
      },
      { width: 480, height: 260 },
    );
    const best = svg.querySelector('g.marker-best line');
    const stop = svg.querySelector('g.marker-stop line');
    // Each rule stands at its step: where the validation line has its point of that step.
    const xBest = num(best, 'x1');
    const xStop = num(stop, 'x1');
    expect(xStop).toBeGreaterThan(xBest);
    const path = pathNumbers(svg.querySelector('path.series-2'));
    expect(xBest).toBeCloseTo(path[4]!, 0); // the third vertex, step 20
    expect(xStop).toBeCloseTo(path[8]!, 0); // the last, step 40
    expect(structure(svg)).toMatchSnapshot();
    // Without markers the group goes: the chart is drawn as it always was.
    drawLossChart(svg, data, { width: 480, height: 260 });
    expect(svg.querySelector('g.markers')).toBeNull();
  });

  it('says there is no data yet instead of drawing empty axes', () => {
    const svg = freshSvg();
    drawLossChart(
      svg,
      { series: [], scale: 'linear', steps: null, losses: null, minPositive: null, cursor: null },
      { width: 480, height: 260 },
    );
    const empty = svg.querySelector('text.empty');
    expect(empty?.getAttribute('display')).not.toBe('none');
    expect(empty?.textContent).toMatch(/\w/);
  });
});

describe('drawNeuronDiagram', () => {
  const data = {
    inputs: [
      { x: 1, w: 0.5 },
      { x: -2, w: -1.5 },
      { x: 0.5, w: 2 },
    ],
    bias: 0.25,
    z: 0.5 * 1 + -1.5 * -2 + 2 * 0.5 + 0.25,
    output: sigmoid(4.75),
    activationSymbol: 'σ',
    outputDigits: 3,
  };

  it('draws one edge per input, thicker for a larger |w|, labelled with its weight', () => {
    const svg = freshSvg();
    drawNeuronDiagram(svg, data, { width: 420 });
    const edges = [...svg.querySelectorAll('g.edges line, g.edges path')];
    expect(edges).toHaveLength(3);
    const widths = edges.map((e) => parseFloat(getComputedStyle(e).strokeWidth));
    // |w| = 0.5, 1.5, 2: widths grow with |w|.
    expect(widths[0]!).toBeLessThan(widths[1]!);
    expect(widths[1]!).toBeLessThan(widths[2]!);
    const labels = [...svg.querySelectorAll('g.weight-labels text')].map((t) => t.textContent);
    expect(labels.join(' ')).toMatch(/0\.5.*1\.5.*2/);
    expect(svg.querySelector('g.neuron text.symbol')?.textContent).toContain('σ');
    expect(structure(svg)).toMatchSnapshot();
  });

  it('redraws in place when an input is removed', () => {
    const svg = freshSvg();
    drawNeuronDiagram(svg, data, { width: 420 });
    drawNeuronDiagram(svg, { ...data, inputs: data.inputs.slice(0, 2) }, { width: 420 });
    expect(svg.querySelectorAll('g.edges line, g.edges path')).toHaveLength(2);
  });
});

describe('drawDescent1d', () => {
  const surface = parabola(1);
  const data = { surface, trail: [2.5, 2, 1.6, 1.28], ball: 1.28, next: 1.024, start: 2.5 };

  it('marks every earlier iterate, and the ball (the latest) inside the plot', () => {
    const svg = freshSvg();
    const layout = drawDescent1d(svg, data, { width: 480, height: 300 });
    expect(svg.querySelectorAll('g.trail-points circle')).toHaveLength(3);
    const ball = svg.querySelector('circle.ball');
    expect(ball?.getAttribute('data-outside')).toBeNull();
    // The layout maps the ball's pixel back to its w (the plot is a nested <svg> at x, y).
    const plot = svg.querySelector('svg.plot');
    const [w] = layout.invert(num(ball, 'cx') + num(plot, 'x'), num(ball, 'cy') + num(plot, 'y'));
    expect(w).toBeCloseTo(1.28, 1);
    expect(structure(svg)).toMatchSnapshot();
  });

  it('a ball beyond the window is drawn hollow at the edge, pointing outwards', () => {
    const svg = freshSvg();
    drawDescent1d(
      svg,
      { ...data, trail: [2.5, -9], ball: -9, next: null },
      { width: 480, height: 300 },
    );
    expect(svg.querySelector('circle.ball')?.getAttribute('data-outside')).toBe('true');
    expect(svg.querySelector('path.ball-pointer')?.getAttribute('display')).not.toBe('none');
  });
});

describe('drawGraph', () => {
  const node = (
    id: number,
    name: string,
    kind: GraphNodeView['kind'],
    inputs: number[] = [],
    op = '',
  ): GraphNodeView => ({
    id,
    name,
    kind,
    inputs,
    op,
    value: '1.00',
    grad: null,
    label: `${name} = 1.00`,
    current: null,
  });
  const nodes = [
    node(0, 'x', 'input'),
    node(1, 'w', 'param'),
    node(2, 'z', 'op', [0, 1], '×'),
    node(3, 'ŷ', 'output', [2], 'σ'),
  ];

  it('draws every node once, with exactly one in the tab order, inputs left of what they feed', () => {
    const svg = freshSvg();
    const layout = drawGraph(
      svg,
      { nodes, focusId: 2, activeEdges: new Map([['2>3', 'forward']]), label: 'graph' },
      600,
    );
    expect(layout.positions.size).toBe(4);
    for (const n of nodes) {
      for (const i of n.inputs) {
        expect(layout.positions.get(i)!.column).toBeLessThan(layout.positions.get(n.id)!.column);
      }
    }
    const focusable = [...svg.querySelectorAll('[tabindex]')];
    expect(focusable.filter((e) => e.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(focusable.length).toBe(4);
    expect(structure(svg)).toMatchSnapshot();
  });
});
