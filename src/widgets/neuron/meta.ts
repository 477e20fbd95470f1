import type { WidgetDoc } from '../catalog.ts';

/** <nn-neuron>: its attributes, as plain data (read by the compiler in node). */
export const neuronDoc = {
  tag: 'nn-neuron',
  summary:
    'One neuron with 2 to 4 inputs drawn as a diagram: editable inputs, weights and bias, the weighted sum and the activation written out with numbers.',
  attributes: [
    {
      name: 'inputs',
      type: 'number',
      default: 2,
      min: 2,
      max: 4,
      description: 'How many inputs the neuron has (2 to 4).',
    },
    {
      name: 'x',
      type: 'string',
      default: '1 0.5',
      description:
        'The inputs x₁ … xₙ, numbers from −10 to 10 separated by spaces; missing ones are filled in (−1, then 2).',
    },
    {
      name: 'w',
      type: 'string',
      default: '0.8 -0.4',
      description:
        'The weights w₁ … wₙ, numbers from −10 to 10 separated by spaces; missing ones are filled in (0.3, then −0.6).',
    },
    {
      name: 'bias',
      type: 'number',
      default: 0.1,
      min: -10,
      max: 10,
      description: 'The bias b.',
    },
    {
      name: 'activation',
      type: 'string',
      default: 'sigmoid',
      // Each value needs one entry in ACTIVATIONS in model.ts (and ACTIVATION_LABEL in describe.ts).
      values: ['sigmoid', 'none'],
      description:
        'The activation: sigmoid σ(z), or none (the output is z itself, a linear neuron).',
    },
  ],
} as const satisfies WidgetDoc;
