/**
 * The packed state of a network, as plain data: every parameter (layer by layer: kernel row-major,
 * then bias), then each optimizer slot in the same layout. No tfjs here, so both engines — tfjs's
 * `Network` (network.ts) and the plain-JS `DenseNet` (src/math/dense-net.ts) — read and write the
 * same snapshots, and node tests can build them.
 */
import { layerSizes } from './spec.ts';
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

/** Statistics read back with every report, in this order, ahead of the packed state. */
export const STATS = ['trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy', 'maxWeight'];
