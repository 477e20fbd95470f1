/**
 * The neuron diagram: input nodes x₁ … xₙ on the left, an edge from each to the neuron labelled
 * with its weight, the neuron (Σ then the activation) with its bias, and the output node.
 *
 * An edge's thickness grows with |w|; its sign is shown three ways, never by colour alone: the
 * label's "+"/"−", the colour (accent for positive, accent-2 for negative) and the line style
 * (solid for positive, dashed for negative). A zero weight is a thin dotted line.
 *
 * A pure drawing function: it reads only its arguments, owns everything inside the `<svg>` it is
 * given and updates in place when called again. The caller owns the `<svg>` and its accessible
 * name; the text inside the drawing is a visual aid and is hidden from assistive technology.
 */
import { select } from 'd3';
import { formatNumber } from '../math/format';
import { ensure, keyedGroups, prepareRoot, styled } from './common';

export interface NeuronDiagramData {
  /** The inputs and their weights, in order. */
  inputs: readonly { x: number; w: number }[];
  bias: number;
  /** The weighted sum z = Σ wᵢxᵢ + b. */
  z: number;
  /** The output a = f(z). */
  output: number;
  /** The activation's symbol drawn in the neuron ("σ"), or "" for none (a = z). */
  activationSymbol: string;
  /** Decimals of the output. */
  outputDigits: number;
}

export interface ChartSize {
  width: number;
}

const INPUT_R = 24;
const NEURON_R = 32;
const OUTPUT_R = 30;
/** Vertical room per input. */
const ROW = 66;
/** Where along an edge (0 = input, 1 = neuron) its weight label sits. */
const LABEL_AT = 0.42;
/** The edge width for a zero weight, and the extra width at |w| ≥ 2. */
const THIN = 1.5;
const EXTRA = 5;

/** The edge width for weight w: thicker for larger |w|, capped at |w| = 2. */
export function edgeWidth(w: number): number {
  return THIN + (EXTRA * Math.min(2, Math.abs(w))) / 2;
}

/** A number as a weight label: "+0.8", "−0.4", "0". */
export function signedLabel(v: number, digits: number): string {
  const text = formatNumber(v, digits);
  if (/^0(\.0*)?$/.test(text)) return text;
  return v > 0 ? `+${text}` : text;
}

/** Decimals that show v exactly, up to 3: 1 → 0, 0.5 → 1, 0.25 → 2. */
export function decimalsOf(v: number): number {
  for (let d = 0; d < 3; d++) {
    if (Math.abs(Number(v.toFixed(d)) - v) < 1e-9) return d;
  }
  return 3;
}

/**
 * The drawing's inline styles, set in this order (so a redraw writes the same `style` attribute):
 * its texts (12px in the foreground colour; names italic, numbers bold) and its nodes' circles.
 */
const TEXT = { fill: 'var(--_fg)', 'font-size': '12px' };
const NAME_TEXT = { ...TEXT, 'font-style': 'italic' };
const NUMBER_TEXT = { ...TEXT, 'font-weight': '700' };
const WEIGHT_TEXT = { ...TEXT, 'font-weight': '600' };
const SYMBOL_TEXT = { ...NUMBER_TEXT, 'font-size': '17px' };
const node = (fill: string, stroke: string, width: string) => ({
  fill,
  stroke,
  'stroke-width': width,
});

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const sub = (i: number): string => String(i).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);

/** Draw (or redraw) the neuron diagram into `svg`; its height follows the number of inputs. */
export function drawNeuronDiagram(
  svg: SVGSVGElement,
  data: NeuronDiagramData,
  size: ChartSize,
): void {
  const width = Math.max(260, Math.round(size.width));
  const n = data.inputs.length;
  const top = 34;
  const height = Math.max(200, n * ROW + top + 20);
  const midY = top + (height - top - 12) / 2;
  const inputX = 8 + INPUT_R;
  const neuronX = Math.round(width * 0.6);
  const outputX = width - 8 - OUTPUT_R;
  const rowY = (i: number) => top + (height - top - 12) * ((i + 0.5) / n);

  const root = prepareRoot(svg, width, height);

  // Edges first, so the nodes sit on top of their ends.
  const items = data.inputs.map((input, i) => ({ ...input, i, y: rowY(i) }));
  const edges = ensure(root, 'g', 'edges')
    .selectAll<SVGLineElement, (typeof items)[number]>('line.edge')
    .data(items, (d) => String(d.i))
    .join((enter) => enter.append('line').attr('class', 'edge'));
  edges
    .attr('x1', inputX + INPUT_R)
    .attr('y1', (d) => d.y)
    .attr('x2', neuronX - NEURON_R)
    .attr('y2', midY)
    .attr('data-sign', (d) => (d.w > 0 ? 'positive' : d.w < 0 ? 'negative' : 'zero'))
    .style('stroke', (d) =>
      d.w > 0 ? 'var(--_accent)' : d.w < 0 ? 'var(--_accent-2)' : 'var(--_muted)',
    )
    .style('stroke-width', (d) => String(edgeWidth(d.w)))
    .style('stroke-dasharray', (d) => (d.w > 0 ? null : d.w < 0 ? '9 5' : '2 4'))
    .style('stroke-linecap', 'butt');

  ensure(root, 'line', 'output-edge')
    .attr('x1', neuronX + NEURON_R)
    .attr('y1', midY)
    .attr('x2', outputX - OUTPUT_R)
    .attr('y2', midY)
    .style('stroke', 'var(--_fg)')
    .style('stroke-width', '2');

  // Weight labels on a background, so they stay readable over crossing edges.
  const byIndex = (d: (typeof items)[number]) => String(d.i);
  const labels = keyedGroups(ensure(root, 'g', 'weight-labels'), 'weight', items, byIndex, (g) => {
    g.append('rect').attr('rx', 4);
    g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em');
  });
  labels.each(function (d) {
    const x1 = inputX + INPUT_R;
    const x2 = neuronX - NEURON_R;
    const cx = x1 + (x2 - x1) * LABEL_AT;
    const cy = d.y + (midY - d.y) * LABEL_AT;
    const text = `w${sub(d.i + 1)} = ${signedLabel(d.w, decimalsOf(d.w))}`;
    const g = select(this).attr('transform', `translate(${cx},${cy})`);
    const label = styled(g.select('text'), WEIGHT_TEXT).text(text);
    const measured = (label.node() as SVGTextElement | null)?.getComputedTextLength?.() ?? 0;
    const w = (measured > 0 ? measured : text.length * 7) + 8;
    g.select('rect')
      .attr('x', -w / 2)
      .attr('y', -9)
      .attr('width', w)
      .attr('height', 18)
      .style('fill', 'var(--_bg)')
      .style('stroke', d.w > 0 ? 'var(--_accent)' : d.w < 0 ? 'var(--_accent-2)' : 'var(--_muted)')
      .style('stroke-width', '1');
  });

  // Input nodes: the name above the value.
  const inputs = keyedGroups(ensure(root, 'g', 'inputs'), 'input', items, byIndex, (g) => {
    g.append('circle').attr('r', INPUT_R);
    g.append('text').attr('class', 'name').attr('text-anchor', 'middle').attr('dy', '-0.2em');
    g.append('text').attr('class', 'value').attr('text-anchor', 'middle').attr('dy', '1em');
  });
  inputs.attr('transform', (d) => `translate(${inputX},${d.y})`);
  styled(inputs.select('circle'), node('var(--_surface)', 'var(--_fg)', '1.5'));
  styled(inputs.select('text.name'), NAME_TEXT).text((d) => `x${sub(d.i + 1)}`);
  styled(inputs.select('text.value'), NUMBER_TEXT).text((d) =>
    formatNumber(d.x, Math.min(2, decimalsOf(d.x))),
  );

  // The neuron: Σ then the activation, the bias above it and z below it.
  const neuron = ensure(root, 'g', 'neuron').attr('transform', `translate(${neuronX},${midY})`);
  styled(
    ensure(neuron, 'circle', 'body').attr('r', NEURON_R),
    node('var(--_surface)', 'var(--_accent)', '3'),
  );
  styled(
    ensure(neuron, 'text', 'symbol').attr('text-anchor', 'middle').attr('dy', '0.35em'),
    SYMBOL_TEXT,
  ).text(data.activationSymbol ? `Σ→${data.activationSymbol}` : 'Σ');
  styled(
    ensure(neuron, 'text', 'bias')
      .attr('text-anchor', 'middle')
      .attr('y', -NEURON_R - 8),
    TEXT,
  ).text(`b = ${signedLabel(data.bias, decimalsOf(data.bias))}`);
  styled(
    ensure(neuron, 'text', 'z')
      .attr('text-anchor', 'middle')
      .attr('y', NEURON_R + 17),
    TEXT,
  ).text(`z = ${formatNumber(data.z, 2)}`);

  // The output node.
  const output = ensure(root, 'g', 'output').attr('transform', `translate(${outputX},${midY})`);
  styled(
    ensure(output, 'circle', 'body').attr('r', OUTPUT_R),
    node('var(--_accent)', 'var(--_accent)', '2'),
  );
  const onAccent = { fill: 'var(--_accent-fg)' };
  styled(ensure(output, 'text', 'name').attr('text-anchor', 'middle').attr('dy', '-0.2em'), {
    ...NAME_TEXT,
    ...onAccent,
  }).text('a');
  styled(ensure(output, 'text', 'value').attr('text-anchor', 'middle').attr('dy', '1em'), {
    ...NUMBER_TEXT,
    ...onAccent,
  }).text(formatNumber(data.output, data.outputDigits));
}
