/**
 * A per-example object-graph network in the style of the classic TensorFlow Playground's `nn.ts`
 * (Apache-2.0; rewritten here, not copied): every neuron is a `Node` object, every weight a `Link`
 * object, and a training step walks the graph once per example — forward, backward, accumulate —
 * then updates every link and node. It is the reference the trainer's default choice must beat
 * (bench/train.mjs): the obvious JavaScript way to write a network, with no matrices at all.
 */
import { createRng } from '../src/math/rng.ts';

type Fn = { output: (x: number) => number; der: (x: number) => number };

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
export const ACTIVATIONS: Record<'sigmoid' | 'tanh' | 'relu' | 'linear', Fn> = {
  sigmoid: { output: sigmoid, der: (x) => sigmoid(x) * (1 - sigmoid(x)) },
  tanh: { output: Math.tanh, der: (x) => 1 - Math.tanh(x) ** 2 },
  relu: { output: (x) => Math.max(0, x), der: (x) => (x <= 0 ? 0 : 1) },
  linear: { output: (x) => x, der: () => 1 },
};

/** Cross-entropy of a sigmoid output p against a 0/1 target: dE/dp = (p − t)/(p(1 − p)). */
const CROSS_ENTROPY = {
  der: (p: number, t: number): number => (p - t) / Math.max(p * (1 - p), 1e-12),
};

class Node {
  inputLinks: Link[] = [];
  outputs: Link[] = [];
  bias = 0;
  totalInput = 0;
  output = 0;
  /** dE/d(output) */
  outputDer = 0;
  /** dE/d(totalInput) */
  inputDer = 0;
  accInputDer = 0;
  numAccumulatedDers = 0;
  constructor(readonly activation: Fn) {}

  updateOutput(): number {
    this.totalInput = this.bias;
    for (const link of this.inputLinks) this.totalInput += link.weight * link.source.output;
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

class Link {
  /** dE/dw */
  errorDer = 0;
  accErrorDer = 0;
  numAccumulatedDers = 0;
  constructor(
    readonly source: Node,
    readonly dest: Node,
    public weight: number,
  ) {}
}

export type Network = Node[][];

/** Layers of nodes fully linked, seeded uniform weights in [−0.5, 0.5] as Playground does. */
export function buildNetwork(
  shape: number[],
  activation: Fn,
  outputActivation: Fn,
  seed: number,
): Network {
  const rng = createRng(seed);
  const network: Network = [];
  shape.forEach((size, layer) => {
    const isOutput = layer === shape.length - 1;
    const nodes: Node[] = [];
    for (let i = 0; i < size; i++) {
      const node = new Node(isOutput ? outputActivation : activation);
      if (layer > 0) {
        node.bias = 0.1;
        for (const source of network[layer - 1]!) {
          const link = new Link(source, node, rng.uniform(-0.5, 0.5));
          source.outputs.push(link);
          node.inputLinks.push(link);
        }
      }
      nodes.push(node);
    }
    network.push(nodes);
  });
  return network;
}

export function forwardProp(network: Network, inputs: ArrayLike<number>, offset: number): number {
  const inputLayer = network[0]!;
  for (let i = 0; i < inputLayer.length; i++) inputLayer[i]!.output = inputs[offset + i]!;
  for (let layer = 1; layer < network.length; layer++) {
    for (const node of network[layer]!) node.updateOutput();
  }
  return network[network.length - 1]![0]!.output;
}

export function backProp(network: Network, target: number): void {
  const out = network[network.length - 1]![0]!;
  out.outputDer = CROSS_ENTROPY.der(out.output, target);
  for (let layer = network.length - 1; layer >= 1; layer--) {
    const current = network[layer]!;
    // dE/d(totalInput) = dE/d(output) · f'(totalInput), accumulated over the batch.
    for (const node of current) {
      node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    // dE/dw = dE/d(totalInput of dest) · output of source.
    for (const node of current) {
      for (const link of node.inputLinks) {
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (layer === 1) continue;
    for (const node of network[layer - 1]!) {
      node.outputDer = 0;
      for (const link of node.outputs) node.outputDer += link.weight * link.dest.inputDer;
    }
  }
}

export function updateWeights(network: Network, learningRate: number): void {
  for (let layer = 1; layer < network.length; layer++) {
    for (const node of network[layer]!) {
      if (node.numAccumulatedDers > 0) {
        node.bias -= (learningRate * node.accInputDer) / node.numAccumulatedDers;
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (const link of node.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (learningRate * link.accErrorDer) / link.numAccumulatedDers;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

/** One full-batch step: every example forward and backward, then one update. */
export function trainStep(
  network: Network,
  xs: Float32Array,
  ys: Float32Array,
  learningRate: number,
): void {
  for (let i = 0; i < ys.length; i++) {
    forwardProp(network, xs, 2 * i);
    backProp(network, ys[i]!);
  }
  updateWeights(network, learningRate);
}

/** Mean cross-entropy over the data (for checking that it learns). */
export function loss(network: Network, xs: Float32Array, ys: Float32Array): number {
  let total = 0;
  for (let i = 0; i < ys.length; i++) {
    const p = Math.min(Math.max(forwardProp(network, xs, 2 * i), 1e-7), 1 - 1e-7);
    total -= ys[i]! * Math.log(p) + (1 - ys[i]!) * Math.log(1 - p);
  }
  return total / ys.length;
}
