/**
 * The packed state of a network, as plain data: every parameter (layer by layer: kernel row-major,
 * then bias), then each optimizer slot in the same layout. No tfjs here, so both engines — tfjs's
 * `Network` (network.ts) and the plain-JS `DenseNet` (src/math/dense-net.ts) — read and write the
 * same snapshots, and node tests can build them.
 */
import type { DenseNetConfig } from '../math/dense-net.ts';
import { layerSizes, shuffleSeed } from './spec.ts';
import type { LayerWeights, ModelSpec } from './types.ts';

/** Optimizer slots per parameter: momentum keeps a velocity, Adam two moment estimates. */
export function slotCount(optimizer: ModelSpec['optimizer']): number {
  return optimizer === 'adam' ? 2 : optimizer === 'momentum' ? 1 : 0;
}

/** Parameters (weights and biases) of a network with these layer sizes. */
export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 1; l < sizes.length; l++) count += (sizes[l - 1]! + 1) * sizes[l]!;
  return count;
}

/**
 * The packed state: every parameter (layer by layer: kernel row-major, then bias), then each
 * optimizer slot in the same layout. `adamStep` is Adam's step counter t (bias correction).
 */
export interface NetworkState {
  values: Float32Array;
  adamStep: number;
}

/** The packed state of freshly initialised weights (optimizer slots zero). */
export function initialState(spec: ModelSpec, layers: readonly LayerWeights[]): NetworkState {
  const count = parameterCount(layerSizes(spec));
  const values = new Float32Array(count * (1 + slotCount(spec.optimizer)));
  let offset = 0;
  for (const layer of layers) {
    values.set(layer.kernel, offset);
    offset += layer.kernel.length;
    values.set(layer.bias, offset);
    offset += layer.bias.length;
  }
  return { values, adamStep: 0 };
}

/** Unpack the parameters (not the optimizer slots) of a packed state into layers. */
export function layersOf(sizes: readonly number[], values: Float32Array): LayerWeights[] {
  const layers: LayerWeights[] = [];
  let offset = 0;
  for (let l = 1; l < sizes.length; l++) {
    const inputs = sizes[l - 1]!;
    const units = sizes[l]!;
    const kernel = values.slice(offset, offset + inputs * units);
    offset += inputs * units;
    const bias = values.slice(offset, offset + units);
    offset += units;
    layers.push({ kernel, bias, inputs, units });
  }
  return layers;
}

/**
 * Statistics read back with every report, in this order, ahead of the packed state (the
 * validation loss is 0 without early stopping's validation rows).
 */
export const STATS = [
  'trainLoss',
  'trainAccuracy',
  'testLoss',
  'testAccuracy',
  'maxWeight',
  'validationLoss',
];

/**
 * Where one weight sits in the packed parameters of a network with these layer sizes: dense layer
 * `layer` (0 = the first above the inputs), from input `from` (−1: the bias) to unit `to`. A
 * RangeError in words when an index is out of range or `value` is not a finite number.
 */
export function weightIndex(
  sizes: readonly number[],
  layer: number,
  from: number,
  to: number,
  value: number,
): number {
  const layers = sizes.length - 1;
  if (!Number.isInteger(layer) || layer < 0 || layer >= layers) {
    throw new RangeError(
      `setWeight: layer must be a whole number from 0 to ${layers - 1}; got ${layer}`,
    );
  }
  const inputs = sizes[layer]!;
  const units = sizes[layer + 1]!;
  if (!Number.isInteger(from) || from < -1 || from >= inputs) {
    throw new RangeError(
      `setWeight: layer ${layer} has inputs 0 to ${inputs - 1} (or −1 for the bias); got ${from}`,
    );
  }
  if (!Number.isInteger(to) || to < 0 || to >= units) {
    throw new RangeError(`setWeight: layer ${layer} has units 0 to ${units - 1}; got ${to}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`setWeight: the value must be a finite number; got ${value}`);
  }
  let offset = 0;
  for (let l = 0; l < layer; l++) offset += (sizes[l]! + 1) * sizes[l + 1]!;
  return from === -1 ? offset + inputs * units + to : offset + from * units + to;
}

/**
 * The `DenseNet` configuration of `spec` from a packed `state`: the same network, loss, optimizer,
 * regularisation, dropout and batches as the tfjs engine builds (the dropout masks come from a
 * seeded stream of their own, so a run is reproducible).
 */
export function denseConfig(spec: ModelSpec, state: NetworkState): DenseNetConfig {
  return {
    sizes: layerSizes(spec),
    activations: spec.hidden.map((layer) => layer.activation),
    task: spec.task ?? 'classification',
    loss: spec.loss,
    optimizer: spec.optimizer,
    learningRate: spec.learningRate,
    l2: spec.l2,
    l1: spec.l1 ?? 0,
    dropout: spec.hidden.map((layer) => layer.dropout ?? 0),
    dropoutSeed: spec.seed + 0.25,
    batchSize: spec.batchSize,
    shuffleSeed: shuffleSeed(spec),
    state,
  };
}
