import type { WidgetDoc } from '../catalog.ts';

/**
 * <nn-gradient-descent>: its attributes, as plain data (read by the compiler in node).
 *
 * `rate`, `start-x` and `start-y` left out mean "the surface's own suggestion", so each surface
 * works well with no attributes at all; the defaults listed are those of the default surface.
 */
export const gradientDescentDoc = {
  tag: 'nn-gradient-descent',
  summary:
    'Gradient descent step by step on a loss curve or a contour map: learning rate, start point, momentum, divergence explained.',
  attributes: [
    {
      name: 'surface',
      type: 'string',
      default: 'parabola',
      // Keep in step with SURFACE_IDS in src/math/surfaces.ts (a unit test checks it).
      values: ['parabola', 'double-dip', 'bowl', 'valley', 'two-minima', 'neuron'],
      description:
        'The loss: parabola L = w², double-dip (two minima), bowl L = w₁² + w₂², valley L = w₁² + 25w₂², two-minima (2D), neuron (cross-entropy of a sigmoid neuron).',
    },
    {
      name: 'rate',
      type: 'number',
      default: 0.1,
      min: 0.001,
      max: 10,
      description:
        "The learning rate η (the slider is on a log scale). Left out: the surface's suggested rate (0.1 for the parabola).",
    },
    {
      name: 'start-x',
      type: 'number',
      default: 2.5,
      min: -10,
      max: 10,
      description:
        "The start point's first parameter (w, w₁ or the weight), clamped to the surface's range. Left out: the surface's suggested start.",
    },
    {
      name: 'start-y',
      type: 'number',
      default: 0,
      min: -10,
      max: 10,
      description:
        "The start point's second parameter (w₂ or the bias) on 2D surfaces; ignored on curves. Left out: the surface's suggested start.",
    },
    {
      name: 'momentum',
      type: 'number',
      default: 0,
      min: 0,
      max: 0.99,
      description: 'The momentum coefficient β; 0 is plain gradient descent.',
    },
  ],
} as const satisfies WidgetDoc;
