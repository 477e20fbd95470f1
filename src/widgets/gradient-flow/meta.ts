import type { WidgetDoc } from '../catalog.ts';

/** <nn-gradient-flow>: its attributes, as plain data (read by the compiler in node). */
export const gradientFlowDoc = {
  tag: 'nn-gradient-flow',
  summary:
    'A deep, narrow network trained live on a 2D dataset: for every layer a histogram of its outputs and the size of its gradient ‖∂L/∂W‖ on a log scale; choose the activation and the first weights and watch the gradient vanish, explode or flow.',
  attributes: [
    {
      name: 'depth',
      type: 'number',
      default: 8,
      min: 6,
      max: 10,
      description: 'How many hidden layers (6 to 10).',
    },
    {
      name: 'width',
      type: 'number',
      default: 8,
      min: 2,
      max: 16,
      description: 'How many units each hidden layer has (2 to 16).',
    },
    {
      name: 'activation',
      type: 'string',
      default: 'sigmoid',
      // FLOW_ACTIVATIONS in model.ts (names of src/math/activations.ts); a unit test keeps them equal.
      values: ['sigmoid', 'tanh', 'relu', 'leaky-relu'],
      description:
        'The activation of every hidden layer: sigmoid, tanh, relu or leaky-relu (slope 0.01 below 0). The output is one sigmoid unit.',
    },
    {
      name: 'init',
      type: 'string',
      default: 'xavier',
      // INIT_SCHEMES in src/math/deep-net.ts; a unit test keeps them equal.
      values: ['small', 'xavier', 'he', 'large'],
      description:
        'How the first weights are drawn, from N(0, s²): small (s = 0.05), xavier (s = √(2 / (n_in + n_out))), he (s = √(2 / n_in)) or large (s = 2). Biases start at 0.',
    },
    {
      name: 'learning-rate',
      type: 'number',
      default: 0.1,
      min: 0.001,
      max: 2,
      description: 'The step size η of plain gradient descent (mini-batches of 32).',
    },
    {
      name: 'dataset',
      type: 'string',
      default: 'circle',
      values: ['circle', 'xor', 'gaussians', 'spiral'],
      description: 'The 200 points it learns to classify: circle, xor, gaussians or spiral.',
    },
    {
      name: 'seed',
      type: 'number',
      default: 1,
      min: 0,
      max: 1000000,
      description: 'Seed of the points, the first weights and the mini-batches.',
    },
  ],
} as const satisfies WidgetDoc;
