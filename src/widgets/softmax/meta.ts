import type { WidgetDoc } from '../catalog.ts';

/** <nn-softmax>: its attributes, as plain data (read by the compiler in node). */
export const softmaxDoc = {
  tag: 'nn-softmax',
  summary:
    'Scores of 2 to 10 classes turned into probabilities by the softmax: drag or type each score, choose the right class and the temperature, and read the probabilities, the loss −log p and the gradient on every score.',
  attributes: [
    {
      name: 'classes',
      type: 'number',
      default: 3,
      min: 2,
      max: 10,
      description: 'How many classes (2 to 10).',
    },
    {
      name: 'logits',
      type: 'string',
      default: '2 1 0.1',
      description:
        'The scores (logits) z₁ … z_k, numbers from −10 to 10 separated by spaces; missing ones are 0, extra ones are kept for when there are more classes.',
    },
    {
      name: 'labels',
      type: 'string',
      default: '',
      description:
        'The class names, separated by commas (cat, dog, bird), 1 to 24 characters each; classes without a name are "class 1", "class 2", ….',
    },
    {
      name: 'target',
      type: 'number',
      default: 1,
      min: 1,
      max: 10,
      description:
        'The right class, counting from 1; a class beyond the number of classes is class 1.',
    },
    {
      name: 'temperature',
      type: 'number',
      default: 1,
      min: 0.1,
      max: 10,
      description:
        'The temperature T: the probabilities are softmax(z / T). Above 1 they flatten towards 1/k, below 1 they sharpen towards the largest score.',
    },
  ],
} as const satisfies WidgetDoc;
