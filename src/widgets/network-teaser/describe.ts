/**
 * `<nn-network-teaser>` in words: the datasets' names and what they look like, the classes'
 * colours, how sure the network is at the probe, the map's accessible name, the network in one
 * sentence, the slider values as spoken, and the data table's caption and verdicts. Pure strings
 * of the numbers in model.ts: no DOM, no Lit.
 */
import type { DatasetName } from '../../math/datasets';
import { formatNumber, formatPercent } from '../../math/format';
import { TEASER_NETWORKS, layerSizes, parameterCount } from './networks';
import type { PointRow } from './model';
import { negativeAs } from '../shared/written';

export const DATASET_LABELS: Record<DatasetName, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gaussians: 'Two blobs',
  spiral: 'Spiral',
};

export const DATASET_WORDS: Record<DatasetName, string> = {
  circle: 'a disc of orange points inside a ring of blue ones',
  xor: 'four quadrants, orange where x and y have the same sign and blue where they differ',
  gaussians: 'two blobs, orange at the top right and blue at the bottom left',
  spiral: 'two spiral arms winding around each other, one orange and one blue',
};

export const CLASS_WORD = { 1: 'orange', 0: 'blue' } as const;

/**
 * How sure the network is at the probe: null when it has no answer, 'undecided' within 0.005 of
 * 50%, else how sure ("73%", never a false 100%) and of which colour.
 */
export function sureness(
  p: number,
): null | 'undecided' | { amount: string; colour: 'orange' | 'blue' } {
  if (!Number.isFinite(p)) return null;
  if (Math.abs(p - 0.5) < 0.005) return 'undecided';
  const sure = p > 0.5 ? p : 1 - p;
  // A sigmoid never reaches 1: say "more than 99%" rather than round to a false 100%.
  return {
    amount: sure >= 0.995 ? 'more than 99%' : formatPercent(sure),
    colour: p > 0.5 ? 'orange' : 'blue',
  };
}

/** The map's accessible name: what is drawn; the numbers are in the live readout. */
export function chartLabel(name: DatasetName, n: number, probe: { x: number; y: number }): string {
  return (
    `Map of the plane, x and y from −1 to 1, shaded by the network's probability that a point ` +
    `is orange: orange where it says orange, blue where it says blue, with a line where it is ` +
    `50% sure. Over it, ${n} points of the ${DATASET_LABELS[name]} data, ` +
    `${DATASET_WORDS[name]}: orange triangles and blue circles. ` +
    `The probe is at (${formatNumber(probe.x, 2)}, ${formatNumber(probe.y, 2)}); the arrow keys move it.`
  );
}

/**
 * The network in numbers, for "The network: 2 inputs → 4 hidden neurons → 1 output, with 17
 * weights and biases set by hand.": the hidden layers ("4", "8 → 8"), the number of weights and
 * biases, and how they were chosen.
 */
export function networkFacts(name: DatasetName): {
  hidden: string;
  parameters: number;
  origin: string;
} {
  const { network, origin } = TEASER_NETWORKS[name];
  const hidden = layerSizes(network).slice(1, -1);
  return { hidden: hidden.join(' → '), parameters: parameterCount(network), origin };
}

/** Slider value for screen readers: the word "minus", which every reader speaks. */
export function spoken(v: number): string {
  const text = formatNumber(Math.abs(v), 2);
  return negativeAs(text, v) ? `minus ${text}` : text;
}

/** The table's "right?" column: "yes", or "no: it says blue". */
export function verdict(row: PointRow): string {
  return row.right ? 'yes' : `no: it says ${CLASS_WORD[row.says]}`;
}
