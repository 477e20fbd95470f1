import type { WidgetDoc } from '../catalog.ts';

/** <nn-loss-chart>: its attributes, as plain data (read by the compiler in node). */
export const lossChartDoc = {
  tag: 'nn-loss-chart',
  summary:
    'A loss curve: loss against training step for one or more series (train, test, runs to ' +
    'compare), linear or log scale, a keyboard cursor that reads values, and a data table. ' +
    'Training widgets stream points into it with append(); lessons can show a built-in example.',
  attributes: [
    {
      name: 'scale',
      type: 'string',
      default: 'linear',
      values: ['linear', 'log'],
      description: 'The y axis: linear, or logarithmic (equal steps are equal ratios of loss).',
    },
    {
      name: 'example',
      type: 'string',
      default: 'none',
      values: ['none', 'learning', 'overfitting', 'diverging'],
      description:
        'Show a built-in illustrative run instead of streamed data: "learning" (train and test ' +
        'fall, then flatten), "overfitting" (the test loss turns back up), "diverging" (a ' +
        'learning rate too large: the loss swings, grows and ends in non-finite values).',
    },
    {
      name: 'label',
      type: 'string',
      default: 'Loss',
      description: 'What the chart shows, in a few words: its accessible name and table caption.',
    },
    {
      name: 'y-label',
      type: 'string',
      default: 'loss',
      description:
        'What the y axis measures, in a few words: its title, and the words of the accessible ' +
        'name and the table caption (e.g. "mean squared error" for a regression).',
    },
  ],
} as const satisfies WidgetDoc;
