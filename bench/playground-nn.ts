/**
 * A faithful port of the classic TensorFlow Playground's engine, `src/nn.ts` of
 * github.com/tensorflow/playground (Copyright 2016 Google Inc., Apache-2.0), and of the training
 * loop of its `oneStep()` (playground.ts): the reference a course trainer has to be compared with.
 *
 * Every neuron is a `Node` object, every weight a `Link` object, and training walks the graph one
 * example at a time: forward, backward, and each node and link ACCUMULATES its derivative; every
 * `batchSize` examples (`(i + 1) % batchSize === 0`, counted within the epoch, as Playground does —
 * a remainder at the end of an epoch stays accumulated into the next epoch's first batch)
 * `updateWeights` applies the AVERAGE of what was accumulated and clears it.
 *
 * Kept as Playground has it: the object shapes (ids, regularization slot), the bias of 0.1, the
 * activations' derivatives computed from `output(x)` (one exp per sigmoid derivative), the squared
 * error (Playground's only loss; with a tanh output unit and labels −1/+1 for classification),
 * the input-length check in `forwardProp`, the regularization term in `updateWeights`.
 * Changed, and why: the weights are drawn from a seeded generator in [−0.5, 0.5) instead of
 * `Math.random() − 0.5` (reproducible runs; same distribution); the inputs are built once as
 * `number[]` per point instead of by `constructInput(x, y)` on every visit (that is Playground's
 * feature-column code, not its engine); the loss is not computed after each epoch (Playground's
 * `oneStep` does, for its display — the other engines in the benchmark report their losses once
 * per call, so that cost is left out of every row alike).
 */
import { createRng } from '../src/math/rng.ts';
import type { Rng } from '../src/math/rng.ts';

export interface ActivationFunction {
  output: (input: number) => number;
  der: (input: number) => number;
}

export interface ErrorFunction {
  error: (output: number, target: number) => number;
  der: (output: number, target: number) => number;
}

export interface RegularizationFunction {
  output: (weight: number) => number;
  der: (weight: number) => number;
}

export const Errors: { SQUARE: ErrorFunction } = {
  SQUARE: {
    error: (output, target) => 0.5 * Math.pow(output - target, 2),
    der: (output, target) => output - target,
  },
};

export const Activations: Record<'TANH' | 'RELU' | 'SIGMOID' | 'LINEAR', ActivationFunction> = {
  TANH: {
    output: (x) => Math.tanh(x),
    der: (x) => {
      const output = Activations.TANH.output(x);
      return 1 - output * output;
    },
  },
  RELU: { output: (x) => Math.max(0, x), der: (x) => (x <= 0 ? 0 : 1) },
  SIGMOID: {
    output: (x) => 1 / (1 + Math.exp(-x)),
    der: (x) => {
      const output = Activations.SIGMOID.output(x);
      return output * (1 - output);
    },
  },
  LINEAR: { output: (x) => x, der: () => 1 },
};

export class Node {
  id: string;
  inputLinks: Link[] = [];
  bias = 0.1;
  outputs: Link[] = [];
  totalInput = 0;
  output = 0;
  /** dE/d(output) */
  outputDer = 0;
  /** dE/d(totalInput) */
  inputDer = 0;
  /** dE/d(totalInput) accumulated since the last update (= dE/d(bias)). */
  accInputDer = 0;
  numAccumulatedDers = 0;
  activation: ActivationFunction;

  constructor(id: string, activation: ActivationFunction) {
    this.id = id;
    this.activation = activation;
  }

  updateOutput(): number {
    this.totalInput = this.bias;
    for (let j = 0; j < this.inputLinks.length; j++) {
      const link = this.inputLinks[j]!;
      this.totalInput += link.weight * link.source.output;
    }
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

export class Link {
  id: string;
  source: Node;
  dest: Node;
  weight: number;
  /** dE/dw for the last example. */
  errorDer = 0;
  /** dE/dw accumulated since the last update. */
  accErrorDer = 0;
  numAccumulatedDers = 0;
  regularization: RegularizationFunction | null;

  constructor(source: Node, dest: Node, regularization: RegularizationFunction | null, rng: Rng) {
    this.id = source.id + '-' + dest.id;
    this.source = source;
    this.dest = dest;
    this.regularization = regularization;
    this.weight = rng.next() - 0.5;
  }
}

export type Network = Node[][];

/** Layers of nodes, each fully linked to the previous layer (shape [2, 8, 8, 1]: 2-8-8-1). */
export function buildNetwork(
  networkShape: number[],
  activation: ActivationFunction,
  outputActivation: ActivationFunction,
  regularization: RegularizationFunction | null,
  inputIds: string[],
  seed: number,
): Network {
  const rng = createRng(seed);
  const numLayers = networkShape.length;
  let id = 1;
  const network: Network = [];
  for (let layerIdx = 0; layerIdx < numLayers; layerIdx++) {
    const isOutputLayer = layerIdx === numLayers - 1;
    const isInputLayer = layerIdx === 0;
    const currentLayer: Node[] = [];
    network.push(currentLayer);
    const numNodes = networkShape[layerIdx]!;
    for (let i = 0; i < numNodes; i++) {
      let nodeId = id.toString();
      if (isInputLayer) nodeId = inputIds[i]!;
      else id++;
      const node = new Node(nodeId, isOutputLayer ? outputActivation : activation);
      currentLayer.push(node);
      if (layerIdx >= 1) {
        for (let j = 0; j < network[layerIdx - 1]!.length; j++) {
          const prevNode = network[layerIdx - 1]![j]!;
          const link = new Link(prevNode, node, regularization, rng);
          prevNode.outputs.push(link);
          node.inputLinks.push(link);
        }
      }
    }
  }
  return network;
}

export function forwardProp(network: Network, inputs: number[]): number {
  const inputLayer = network[0]!;
  if (inputs.length !== inputLayer.length) {
    throw new Error('The number of inputs must match the number of nodes in the input layer');
  }
  for (let i = 0; i < inputLayer.length; i++) inputLayer[i]!.output = inputs[i]!;
  for (let layerIdx = 1; layerIdx < network.length; layerIdx++) {
    const currentLayer = network[layerIdx]!;
    for (let i = 0; i < currentLayer.length; i++) currentLayer[i]!.updateOutput();
  }
  return network[network.length - 1]![0]!.output;
}

export function backProp(network: Network, target: number, errorFunc: ErrorFunction): void {
  const outputNode = network[network.length - 1]![0]!;
  outputNode.outputDer = errorFunc.der(outputNode.output, target);
  for (let layerIdx = network.length - 1; layerIdx >= 1; layerIdx--) {
    const currentLayer = network[layerIdx]!;
    for (let i = 0; i < currentLayer.length; i++) {
      const node = currentLayer[i]!;
      node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    for (let i = 0; i < currentLayer.length; i++) {
      const node = currentLayer[i]!;
      for (let j = 0; j < node.inputLinks.length; j++) {
        const link = node.inputLinks[j]!;
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (layerIdx === 1) continue;
    const prevLayer = network[layerIdx - 1]!;
    for (let i = 0; i < prevLayer.length; i++) {
      const node = prevLayer[i]!;
      node.outputDer = 0;
      for (let j = 0; j < node.outputs.length; j++) {
        const output = node.outputs[j]!;
        node.outputDer += output.weight * output.dest.inputDer;
      }
    }
  }
}

/** Apply the average of the accumulated derivatives, and clear them. */
export function updateWeights(
  network: Network,
  learningRate: number,
  regularizationRate: number,
): void {
  for (let layerIdx = 1; layerIdx < network.length; layerIdx++) {
    const currentLayer = network[layerIdx]!;
    for (let i = 0; i < currentLayer.length; i++) {
      const node = currentLayer[i]!;
      if (node.numAccumulatedDers > 0) {
        node.bias -= (learningRate * node.accInputDer) / node.numAccumulatedDers;
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (let j = 0; j < node.inputLinks.length; j++) {
        const link = node.inputLinks[j]!;
        const regulDer = link.regularization ? link.regularization.der(link.weight) : 0;
        if (link.numAccumulatedDers > 0) {
          link.weight -=
            (learningRate / link.numAccumulatedDers) *
            (link.accErrorDer + regularizationRate * regulDer);
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

/**
 * One epoch as Playground's `oneStep()` trains it: every example forward and backward in order,
 * and an update after every `batchSize`-th example of the epoch.
 */
export function trainEpoch(
  network: Network,
  inputs: number[][],
  targets: number[],
  batchSize: number,
  learningRate: number,
  regularizationRate = 0,
): void {
  inputs.forEach((input, i) => {
    forwardProp(network, input);
    backProp(network, targets[i]!, Errors.SQUARE);
    if ((i + 1) % batchSize === 0) updateWeights(network, learningRate, regularizationRate);
  });
}

/** Playground's `getLoss`: mean squared error over the points. */
export function getLoss(network: Network, inputs: number[][], targets: number[]): number {
  let loss = 0;
  for (let i = 0; i < inputs.length; i++) {
    loss += Errors.SQUARE.error(forwardProp(network, inputs[i]!), targets[i]!);
  }
  return loss / inputs.length;
}

/** Share of points on the right side of 0 (Playground's labels are −1 and +1). */
export function accuracy(network: Network, inputs: number[][], targets: number[]): number {
  let right = 0;
  for (let i = 0; i < inputs.length; i++) {
    if (forwardProp(network, inputs[i]!) >= 0 === targets[i]! > 0) right++;
  }
  return right / inputs.length;
}
