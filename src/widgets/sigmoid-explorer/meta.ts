import type { WidgetDoc } from '../catalog.ts';

/** <nn-sigmoid-explorer>: its attributes, as plain data (read by the compiler in node). */
export const sigmoidExplorerDoc = {
  tag: 'nn-sigmoid-explorer',
  summary:
    'One sigmoid neuron σ(w·x + b): sliders for weight, bias and input, the curve and the derivative; or, with mode="plane", a neuron with two inputs and its decision line.',
  attributes: [
    {
      name: 'weight',
      type: 'number',
      default: 1,
      min: -10,
      max: 10,
      description: 'The weight w (w₁ in plane mode).',
    },
    { name: 'bias', type: 'number', default: 0, min: -10, max: 10, description: 'The bias b.' },
    {
      name: 'input',
      type: 'number',
      default: 0,
      min: -6,
      max: 6,
      description: 'The input x (x₁ in plane mode): the marked point.',
    },
    {
      name: 'derivative',
      type: 'boolean',
      default: false,
      description: "Overlay the derivative σ'(z) as a function of x (curve mode only).",
    },
    {
      name: 'mode',
      type: 'string',
      default: 'curve',
      values: ['curve', 'plane'],
      description:
        '"curve": one input x, the S-curve σ(w·x + b). "plane": two inputs x₁, x₂, the output σ(w₁x₁ + w₂x₂ + b) shaded over the plane with the decision line w₁x₁ + w₂x₂ + b = 0.',
    },
    {
      name: 'weight2',
      type: 'number',
      default: 1,
      min: -10,
      max: 10,
      description: 'The second weight w₂ (plane mode only).',
    },
    {
      name: 'input2',
      type: 'number',
      default: 0,
      min: -6,
      max: 6,
      description: 'The second input x₂ (plane mode only).',
    },
  ],
} as const satisfies WidgetDoc;
