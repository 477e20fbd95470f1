import type { WidgetDoc } from '../catalog.ts';

/** <nn-derivative>: its attributes, as plain data (read by the compiler in node). */
export const derivativeDoc = {
  tag: 'nn-derivative',
  summary:
    'The derivative as a limit: a function, a secant through x₀ and x₀ + h that shrinks onto the tangent as h → 0, the slopes compared; or the chain rule for σ(w·x + b), factor by factor.',
  attributes: [
    {
      name: 'mode',
      type: 'string',
      default: 'slope',
      values: ['slope', 'chain'],
      description:
        'slope: secant, tangent and numerical slopes of a function f. chain: the chain rule for σ(w·x + b) with each factor written out.',
    },
    {
      name: 'fn',
      type: 'string',
      default: 'square',
      // Keep in step with FUNCTION_IDS in src/math/functions.ts (a unit test checks it).
      values: ['square', 'cube', 'sin', 'sigmoid', 'exp'],
      description: 'The function f in slope mode: x², x³, sin x, σ(x) or eˣ.',
    },
    {
      name: 'x0',
      type: 'number',
      default: 1,
      min: -2,
      max: 2,
      description: 'The point x₀ where the slope is taken (in chain mode, the input x).',
    },
    {
      name: 'h',
      type: 'number',
      default: 1,
      min: 0.001,
      max: 1,
      description: 'The step h of the secant through x₀ and x₀ + h (slope mode).',
    },
    {
      name: 'weight',
      type: 'number',
      default: 2,
      min: -5,
      max: 5,
      description: 'The weight w of σ(w·x + b) (chain mode).',
    },
    {
      name: 'bias',
      type: 'number',
      default: -1,
      min: -5,
      max: 5,
      description: 'The bias b of σ(w·x + b) (chain mode).',
    },
    {
      name: 'wrt',
      type: 'string',
      default: 'x',
      values: ['x', 'w', 'b'],
      description:
        'In chain mode, the variable the derivative is taken with respect to: the input x, the weight w or the bias b.',
    },
  ],
} as const satisfies WidgetDoc;
