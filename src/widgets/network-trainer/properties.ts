/**
 * `<nn-network-trainer>`'s Lit properties, one per attribute of meta.ts (converted and validated
 * as every widget's: a number out of range or a value not offered falls back to the default with
 * one warning), and which of them mean a new network, new data or only a new picture.
 */
import { booleanAttribute, defaultOf, enumAttribute, numberAttribute } from '../shared/base';

export const TAG = 'nn-network-trainer';

/** A free-text attribute: reflected, and its catalog default when removed (not null). */
const text = (attribute: string) => {
  const fallback = defaultOf<string>(TAG, attribute);
  return {
    type: String,
    reflect: true,
    attribute,
    converter: {
      fromAttribute: (value: string | null): string => value ?? fallback,
      toAttribute: (value: string): string => value,
    },
  };
};
const number = (attribute: string) => ({ ...numberAttribute(TAG, attribute), attribute });
const choice = (attribute: string) => ({ ...enumAttribute(TAG, attribute), attribute });

export const TRAINER_PROPERTIES = {
  // Not `dataset`: that is every element's map of data-* attributes.
  datasetName: choice('dataset'),
  samples: number('samples'),
  noise: number('noise'),
  testFraction: number('test-fraction'),
  points: text('points'),
  xLabel: text('x-label'),
  yLabel: text('y-label'),
  labelName: text('label-name'),
  classes: text('classes'),
  layers: text('layers'),
  features: text('features'),
  loss: choice('loss'),
  optimizer: choice('optimizer'),
  learningRate: number('learning-rate'),
  batchSize: number('batch-size'),
  l2: number('l2'),
  l1: number('l1'),
  dropout: text('dropout'),
  earlyStopping: number('early-stopping'),
  validationFraction: number('validation-fraction'),
  seed: number('seed'),
  backend: choice('backend'),
  maxEpochs: number('max-epochs'),
  testData: choice('test-data'),
  discretize: booleanAttribute(),
  autoplay: booleanAttribute(),
  hide: text('hide'),
};

/** Properties whose change means a new network (training restarts). */
export const SPEC_PROPS = [
  ...['layers', 'features', 'dropout', 'l1', 'earlyStopping', 'validationFraction'],
  ...['loss', 'optimizer', 'learningRate', 'batchSize', 'l2', 'seed', 'backend'],
];
/** Properties whose change means new data. */
export const DATA_PROPS = ['datasetName', 'samples', 'noise', 'testFraction', 'seed', 'points'];
/** Changes that alter the picture without new predictions. */
export const PICTURE_PROPS = [
  ...DATA_PROPS,
  ...['layers', 'xLabel', 'yLabel', 'labelName', 'classes'],
  ...['features', 'discretize', 'testData', 'theme'],
];
