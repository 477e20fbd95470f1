import type { WidgetDoc } from '../catalog.ts';

/** <nn-sigmoid-explorer>: its attributes, as plain data (read by the compiler in node). */
export const sigmoidExplorerDoc: WidgetDoc = {
  tag: 'nn-sigmoid-explorer',
  summary:
    'One sigmoid neuron σ(w·x + b): sliders for weight, bias and input, the curve and the derivative.',
  attributes: [
    {
      name: 'weight',
      type: 'number',
      default: 1,
      min: -10,
      max: 10,
      description: 'The weight w.',
    },
    { name: 'bias', type: 'number', default: 0, min: -10, max: 10, description: 'The bias b.' },
    {
      name: 'input',
      type: 'number',
      default: 0,
      min: -6,
      max: 6,
      description: 'The input x (the marked point).',
    },
    {
      name: 'derivative',
      type: 'boolean',
      default: false,
      description: "Overlay the derivative σ'(z) as a function of x.",
    },
  ],
};
