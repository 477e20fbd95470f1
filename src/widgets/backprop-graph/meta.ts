import type { WidgetDoc } from '../catalog.ts';

/** <nn-backprop-graph>: its attributes, as plain data (read by the compiler in node). */
export const backpropGraphDoc = {
  tag: 'nn-backprop-graph',
  summary:
    'The computational graph of a small network (or of any expression): the forward pass and backpropagation one node at a time, with the chain rule written out in numbers, a gradient-descent update, and a numerical check.',
  attributes: [
    {
      name: 'expression',
      type: 'string',
      default: '',
      description:
        'An expression to draw instead of the default network, e.g. "tanh(w1*x1 + w2*x2 + b)", optionally named: "L = (sigmoid(w*x + b) - t)^2" calls the output L (else f). Operators + − * / ^ (a number exponent), functions exp, log, tanh, sigmoid, relu. Empty: the network 2 inputs → 2 sigmoid hidden units → 1 sigmoid output → squared error against a target.',
    },
    {
      name: 'values',
      type: 'string',
      default: '',
      description:
        'Values of the variables as name=number pairs, e.g. "w1=0.5 x1=2 b=0". The network\'s variables are x1 x2 (inputs), w11 w12 w21 w22 b1 b2 (hidden layer), v1 v2 c (output layer) and t (target). Missing ones keep their default (0 in an expression).',
    },
    {
      name: 'params',
      type: 'string',
      default: '',
      description:
        'Expression mode: the variables the update step changes, separated by spaces. Empty: every variable whose name starts with w or b. (The network updates its weights and biases.)',
    },
    {
      name: 'learning-rate',
      type: 'number',
      default: 0.5,
      min: 0,
      max: 10,
      description:
        'The learning rate η of the update step: each parameter moves by −η × its gradient.',
    },
    {
      name: 'step',
      type: 'number',
      default: 0,
      min: 0,
      max: 999,
      description:
        'How far the walk has gone: 0 = nothing computed; then one step per node of the forward pass, then one per node of the backward pass. A number past the end (e.g. 999) shows the whole walk.',
    },
  ],
} as const satisfies WidgetDoc;
