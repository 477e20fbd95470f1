import type { WidgetDoc } from '../catalog.ts';

/** <nn-matrix-multiply>: its attributes, as plain data (read by the compiler in node). */
export const matrixMultiplyDoc = {
  tag: 'nn-matrix-multiply',
  summary:
    'Editable matrices A and B and their product C = AB, with a cell-by-cell walk through the dot products; in layer mode, a neural layer a = f(Wx + b).',
  attributes: [
    {
      name: 'mode',
      type: 'string',
      default: 'product',
      values: ['product', 'layer'],
      description:
        'What to show: "product" (C = AB) or "layer" (a = f(Wx + b), one neuron per row of W).',
    },
    {
      name: 'a',
      type: 'string',
      default: '1 2; 3 4',
      description:
        'Product mode: the matrix A, rows separated by ";" and numbers by spaces, e.g. "1 2; 3 4" (1 to 6 rows and columns). Reflects edits.',
    },
    {
      name: 'b',
      type: 'string',
      default: '5 6; 7 8',
      description:
        'Product mode: the matrix B, written like a. Its rows should match the columns of A (a mismatch is explained in words). Reflects edits.',
    },
    {
      name: 'weights',
      type: 'string',
      default: '1 -1 0.5; 2 0 -1',
      description:
        'Layer mode: the weight matrix W, one row per neuron and one column per input, e.g. "1 -1 0.5; 2 0 -1". Reflects edits.',
    },
    {
      name: 'input',
      type: 'string',
      default: '2; 1; 2',
      description:
        'Layer mode: the input vector x, one number per input, e.g. "2; 1; 2" (or "2 1 2"). Reflects edits.',
    },
    {
      name: 'bias',
      type: 'string',
      default: '0; 1',
      description:
        'Layer mode: the bias vector b, one number per neuron, e.g. "0; 1". Reflects edits.',
    },
    {
      name: 'activation',
      type: 'string',
      default: 'none',
      values: ['none', 'sigmoid', 'tanh', 'relu'],
      description: 'Layer mode: the activation f applied to each neuron, a = f(z). Reflects edits.',
    },
  ],
} as const satisfies WidgetDoc;
