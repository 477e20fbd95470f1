/**
 * The words of `<nn-gradient-flow>`: numbers in scientific notation people can read, the live
 * summary, each layer's description, the data table's rows and the warnings about attributes.
 * Pure; the numbers come from model.ts.
 */
import { ACTIVATIONS } from '../../math/activations';
import { INITS } from '../../math/deep-net';
import type { LayerStats } from '../../math/deep-net';
import {
  MINUS,
  TOO_LARGE_WORD,
  UNDEFINED_WORD,
  formatNumber,
  formatPercent,
  fromSuperscript,
  superscript,
} from '../../math/format';
import { saturatedLayer } from './model';
import type { FlowSetup, FlowSnapshot, FlowVerdict } from './model';

/** "10⁻⁷" for −7. */
export function powerOfTen(e: number): string {
  return `10${superscript(e)}`;
}

/**
 * A positive size for people: "0.034", "2.7", "3.1 × 10⁻⁷", "1.9 × 10³" — two significant digits,
 * words for NaN ("undefined") and infinity ("too large"), "0" for zero.
 */
export function sci(v: number): string {
  if (Number.isNaN(v)) return UNDEFINED_WORD;
  if (!Number.isFinite(v)) return v > 0 ? TOO_LARGE_WORD : `${MINUS}${TOO_LARGE_WORD}`;
  if (v === 0) return '0';
  const sign = v < 0 ? MINUS : '';
  const a = Math.abs(v);
  if (a >= 0.01 && a < 100) return sign + String(Number(a.toPrecision(2)));
  let e = Math.floor(Math.log10(a));
  let m = Number((a / 10 ** e).toPrecision(2));
  if (m >= 10) {
    m /= 10;
    e += 1;
  }
  return `${sign}${m} × ${powerOfTen(e)}`;
}

/** The same, as a screen reader should say it: "3.1 times 10 to the minus 7". */
export function sciSpoken(v: number): string {
  const text = sci(v);
  const match = /^(.*) × 10(.*)$/.exec(text);
  if (!match) return text;
  const power = fromSuperscript(match[2]!);
  return `${match[1]} times 10 to the ${power < 0 ? `minus ${-power}` : power}`;
}

/** "sigmoid with Xavier (Glorot) weights". */
export function setupName(setup: Pick<FlowSetup, 'activation' | 'init'>): string {
  return `${ACTIVATIONS[setup.activation].label} with ${INITS[setup.init].label} weights`;
}

/** The name of layer ℓ (1-based) of `count` (the last is the output unit). */
export function layerName(l: number, count: number): string {
  return l === count ? 'Output' : `Layer ${l}`;
}

/** What the verdict means, in one sentence. */
export function verdictText(s: FlowSnapshot): string {
  const verdicts: Record<FlowVerdict, string> = {
    vanishing: `The gradient vanishes: the first layer's is ${sci(s.ratio)} times the output layer's, so the first layers hardly learn.`,
    exploding: `The gradient explodes: its largest size is ${sci(Math.max(...s.gradients))}, so each step throws the weights far.`,
    flowing: `The gradient flows: the first layer's is ${sci(s.ratio)} times the output layer's, so every layer learns.`,
    saturated: `The units of layer ${saturatedLayer(s.layers)} are saturated: ${formatPercent(s.layers[saturatedLayer(s.layers) - 1]?.flat ?? NaN)} of its outputs sit where the slope is below a tenth of its peak, so little gradient gets through, and it learns slowly.`,
    dead: `No gradient reaches any layer (the largest is ${sci(Math.max(...s.gradients))}): every point gets the same output, so nothing can learn. With ReLU, the units are dead; press Reset.`,
    broken:
      'The weights are no longer numbers (they grew too large): choose a smaller learning rate or other weights, then press Reset.',
  };
  return verdicts[s.verdict];
}

/** The live summary. */
export function summary(setup: FlowSetup, s: FlowSnapshot): string {
  const first = s.gradients[0]!;
  const last = s.gradients[s.gradients.length - 1]!;
  return (
    `${capitalise(setupName(setup))}, ${setup.depth} layers of ${setup.width}. ` +
    `Step ${s.step}: loss ${formatNumber(s.loss, 3)}, ${formatPercent(s.accuracy)} of the points right. ` +
    `Gradient size ‖∂L/∂W‖: ${sci(first)} at layer 1, ${sci(last)} at the output. ` +
    verdictText(s)
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One layer's outputs in words: "mean 0.50, spread 0.0012; 100% saturated". */
export function layerText(stats: LayerStats, activation: FlowSetup['activation']): string {
  const flatWord =
    activation === 'relu' || activation === 'leaky-relu' ? 'switched off' : 'saturated';
  const stuck =
    stats.stuckUnits > 0
      ? `; ${stats.stuckUnits} unit${stats.stuckUnits === 1 ? '' : 's'} give the same output for every point`
      : '';
  return (
    `outputs mean ${formatNumber(stats.mean, 2)}, spread ${sci(stats.std)}, ` +
    `mean slope f′ ${formatNumber(stats.meanSlope, 2)}, ${formatPercent(stats.flat)} ${flatWord}${stuck}`
  );
}

/** A layer's gradient for its bar's label: "Layer 3: ‖∂L/∂W‖ = 3.1 × 10⁻⁷". */
export function gradientLabel(l: number, count: number, v: number): string {
  return `${layerName(l, count)}: gradient size ${sciSpoken(v)}`;
}

/** The data table: one row per layer. */
export interface TableRow {
  layer: string;
  mean: string;
  spread: string;
  slope: string;
  flat: string;
  gradient: string;
}

export function tableRows(s: FlowSnapshot): TableRow[] {
  const count = s.gradients.length;
  return s.gradients.map((g, i) => {
    const stats = s.layers[i];
    return {
      layer: layerName(i + 1, count),
      mean: stats ? formatNumber(stats.mean, 3) : '—',
      spread: stats ? sci(stats.std) : '—',
      slope: stats ? formatNumber(stats.meanSlope, 3) : '—',
      flat: stats ? formatPercent(stats.flat) : '—',
      gradient: sci(g),
    };
  });
}

/** The histogram's range as a caption: "from 0 to 1". */
export function rangeText(stats: LayerStats): string {
  return `${formatNumber(stats.lo, 2)} to ${formatNumber(stats.hi, 2)}`;
}

/** The histograms' scale for the column's heading: "0 to 1", "0 to each layer's largest". */
export function histogramScale(activation: FlowSetup['activation']): string {
  const scales: Record<FlowSetup['activation'], string> = {
    sigmoid: '0 to 1',
    tanh: '−1 to 1',
    relu: "0 to each layer's largest",
    'leaky-relu': "each layer's smallest to largest",
  };
  return scales[activation];
}

/** A spoken histogram: "most outputs between 0.47 and 0.53". */
export function histogramText(stats: LayerStats): string {
  const bins = stats.histogram.length;
  const total = stats.histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return 'no outputs';
  let best = 0;
  stats.histogram.forEach((c, b) => {
    if (c > stats.histogram[best]!) best = b;
  });
  const width = (stats.hi - stats.lo) / bins;
  const from = stats.lo + best * width;
  return `${formatPercent(stats.histogram[best]! / total)} of outputs between ${formatNumber(from, 2)} and ${formatNumber(from + width, 2)}`;
}
