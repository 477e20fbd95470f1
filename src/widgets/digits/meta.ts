import type { WidgetDoc } from '../catalog.ts';

/** <nn-digits>: its attributes, as plain data (read by the compiler in node). */
export const digitsDoc = {
  tag: 'nn-digits',
  summary:
    'A 784-H-10 network trained live on 8,000 real handwritten MNIST digits: test accuracy, a confusion matrix whose cells open their digits, misclassified digits with their top-3 guesses, what each hidden unit looks for, and a pad to draw your own digit.',
  attributes: [
    {
      name: 'hidden-units',
      type: 'number',
      default: 64,
      min: 16,
      max: 128,
      description: 'Units in the hidden layer (16 to 128), each looking at all 784 pixels.',
    },
    {
      name: 'second-layer',
      type: 'number',
      default: 0,
      min: 0,
      max: 128,
      description: 'Units in an optional second hidden layer (0 = none, up to 128).',
    },
    {
      name: 'epochs',
      type: 'number',
      default: 10,
      min: 1,
      max: 50,
      description: 'Training stops after this many passes over the 8,000 training digits.',
    },
    {
      name: 'learning-rate',
      type: 'number',
      default: 0.003,
      min: 0.0001,
      max: 0.1,
      description: "Adam's step size η.",
    },
    {
      name: 'batch-size',
      type: 'number',
      default: 32,
      min: 8,
      max: 512,
      description: 'Digits per training step (mini-batch).',
    },
    {
      name: 'backend',
      type: 'string',
      default: 'js',
      values: ['auto', 'js', 'wasm', 'cpu', 'webgl'],
      description:
        'The training engine, in its Web Worker: "js" (from scratch, no tfjs; the default: the first epoch of 784-64-10 takes 3.6 s in the widget against 8.6 s on tfjs wasm, `npm run bench -- digits`), a tfjs backend ("wasm", "cpu", "webgl"), or "auto": chosen by the engine\'s cost model.',
    },
    {
      name: 'seed',
      type: 'number',
      default: 1,
      min: 0,
      max: 1_000_000,
      description:
        'Seed of the starting weights and of the order of the mini-batches: the same seed trains the same network.',
    },
  ],
} as const satisfies WidgetDoc;
