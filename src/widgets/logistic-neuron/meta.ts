import type { WidgetDoc } from '../catalog.ts';

/** <nn-logistic-neuron>: its attributes, as plain data (read by the compiler in node). */
export const logisticNeuronDoc = {
  tag: 'nn-logistic-neuron',
  summary:
    'One sigmoid neuron with two inputs learns to separate two classes of points with ' +
    'TensorFlow.js: the decision line moves as it learns and the loss curve streams beside it. ' +
    'Compare cross-entropy with mean squared error from the same start, in lockstep.',
  attributes: [
    {
      name: 'loss',
      type: 'string',
      default: 'cross-entropy',
      values: ['cross-entropy', 'squared-error'],
      description: 'The loss the neuron is trained with: cross-entropy, or mean squared error.',
    },
    {
      name: 'compare',
      type: 'boolean',
      default: false,
      description:
        'Also train a twin neuron with the other loss, from the same start on the same data, ' +
        'step for step: both lines on the plane, both curves on the loss chart.',
    },
    {
      name: 'start',
      type: 'string',
      default: 'confident-wrong',
      values: ['confident-wrong', 'undecided'],
      description:
        'The starting weights: "confident-wrong" (w₁ = w₂ = −4, b = 0: about 97% sure of the ' +
        'wrong class for a typical point) or "undecided" (all 0: σ = 0.5 everywhere).',
    },
    {
      name: 'learning-rate',
      type: 'number',
      default: 2,
      min: 0.05,
      max: 10,
      description: 'The gradient-descent step size η.',
    },
    {
      name: 'steps',
      type: 'number',
      default: 200,
      min: 10,
      max: 2000,
      description: 'How many steps Play trains for before it stops.',
    },
    {
      name: 'seed',
      type: 'number',
      default: 1,
      min: 0,
      max: 9999,
      description:
        'Seed of the 60 data points (two Gaussian blobs): the same seed, the same points.',
    },
  ],
} as const satisfies WidgetDoc;
