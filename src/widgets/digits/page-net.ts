/**
 * The page's own copy of the digits network (src/math/dense-net.ts), and the engine's spec of the
 * same network. The page's copy reads the drawing pad at once, whatever the engine's worker is busy
 * with: after each reading of the engine, its weights are loaded here (`loadLayers`), so the pad
 * sees the network as the last reading left it. One forward pass of 784-H-10 is a fraction of a
 * millisecond; a question to a worker that is training waits for its slice to end.
 */
import { DenseNet, denseParameterCount, denseSlotCount } from '../../math/dense-net';
import type { LayerWeights, ModelSpec } from '../../train/types';
import { CLASSES, INPUTS, initialState, type DigitsSetup } from './model';

/** The untrained network of `setup` (seeded), with the training digits to learn from. */
export function pageNet(
  sizes: readonly number[],
  setup: DigitsSetup,
  pixels: Uint8Array,
  labels: Uint8Array,
): DenseNet {
  const net = new DenseNet({
    sizes,
    activations: sizes.slice(2).map(() => 'relu' as const),
    loss: 'cross-entropy',
    optimizer: 'adam',
    learningRate: setup.learningRate,
    l2: 0,
    batchSize: setup.batchSize,
    shuffleSeed: setup.seed + 0.5,
    state: initialState(sizes, setup.seed),
  });
  net.setData(pixels, labels);
  return net;
}

/** The engine's spec for this setup: the same network, seed and batches as the page's. */
export function engineSpec(sizes: readonly number[], setup: DigitsSetup): ModelSpec {
  return {
    inputs: INPUTS,
    classes: CLASSES,
    hidden: sizes.slice(1, -1).map((units) => ({ units, activation: 'relu' as const })),
    loss: 'cross-entropy',
    optimizer: 'adam',
    learningRate: setup.learningRate,
    batchSize: setup.batchSize,
    l2: 0,
    seed: setup.seed,
  };
}

/**
 * Load the engine's weights (each layer's kernel, inputs × units row-major, and bias: the packed
 * layout of `DenseNet`) into `net`. The optimizer's slots start again at 0: the page's copy only
 * reads. Returns false (and leaves `net` as it was) when the shapes do not match `sizes`.
 */
export function loadLayers(
  net: DenseNet,
  sizes: readonly number[],
  layers: readonly LayerWeights[],
): boolean {
  if (layers.length !== sizes.length - 1) return false;
  const count = denseParameterCount(sizes);
  const values = new Float32Array(count * (1 + denseSlotCount('adam')));
  let at = 0;
  for (let l = 1; l < sizes.length; l++) {
    const layer = layers[l - 1]!;
    if (layer.kernel.length !== sizes[l - 1]! * sizes[l]! || layer.bias.length !== sizes[l]) {
      return false;
    }
    values.set(layer.kernel, at);
    at += layer.kernel.length;
    values.set(layer.bias, at);
    at += layer.bias.length;
  }
  net.load({ values, adamStep: 0 });
  return true;
}
