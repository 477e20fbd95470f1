import type { WidgetDoc } from '../catalog.ts';

/** <nn-network-teaser>: its attributes, as plain data (read by the compiler in node). */
export const networkTeaserDoc = {
  tag: 'nn-network-teaser',
  summary:
    'A small pre-set network classifying points of the plane: its probability map, the data over it, and a probe point to move.',
  attributes: [
    {
      name: 'dataset',
      type: 'string',
      default: 'circle',
      values: ['circle', 'xor', 'gaussians', 'spiral'],
      description:
        'Which data the network classifies (each has its own network): a disc in a ring, the four quadrants (XOR), two blobs, or two spiral arms.',
    },
    {
      name: 'seed',
      type: 'number',
      default: 1,
      min: 0,
      max: 1000000,
      description: 'Seed of the random points: the same seed draws the same points.',
    },
    {
      name: 'points',
      type: 'number',
      default: 100,
      min: 10,
      max: 500,
      description: 'How many points to draw (rounded to a whole number).',
    },
    {
      name: 'noise',
      type: 'number',
      default: 0.05,
      min: 0,
      max: 0.5,
      description:
        'Standard deviation of the jitter added to each coordinate (the plane is −1 … 1): more noise, more overlap, fewer points right.',
    },
    {
      name: 'probe-x',
      type: 'number',
      default: 0.3,
      min: -1,
      max: 1,
      description: 'x of the probe point, whose probability is read out.',
    },
    {
      name: 'probe-y',
      type: 'number',
      default: 0.2,
      min: -1,
      max: 1,
      description: 'y of the probe point.',
    },
  ],
} as const satisfies WidgetDoc;
