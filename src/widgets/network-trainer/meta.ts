import type { WidgetDoc } from '../catalog.ts';

/** The parts of the trainer an instructor can hide with `hide="…"` (the order they are listed). */
export const HIDEABLE_PARTS = [
  'dataset',
  'points',
  'architecture',
  'hyperparameters',
  'regularisation',
  'backend',
  'diagram',
  'loss',
  'share',
] as const;
export type HideablePart = (typeof HIDEABLE_PARTS)[number];

/** <nn-network-trainer>: its attributes, as plain data (read by the compiler in node). */
export const networkTrainerDoc = {
  tag: 'nn-network-trainer',
  summary:
    'Train a small neural network in the browser on a 2D dataset (or your own CSV): the decision ' +
    'boundary as a heatmap, the network with its weights, train and test loss, play/pause/step.',
  attributes: [
    {
      name: 'dataset',
      type: 'string',
      default: 'circle',
      values: [
        'circle',
        'xor',
        'gaussians',
        'spiral',
        'three-blobs',
        'three-spirals',
        'plane',
        'gaussian-hills',
        'custom',
      ],
      description:
        'The data: a generated dataset of two classes (circle, xor, gaussians, spiral) or of three ' +
        '(three-blobs, three-spirals: a softmax output of three units), a regression dataset whose ' +
        'labels are numbers from −1 to 1 (plane, gaussian-hills: one linear output, squared error), ' +
        'or "custom" for only the points given in `points` (e.g. from a CSV file, whose label column ' +
        'may hold 2 to 10 classes, or numbers to predict).',
    },
    {
      name: 'samples',
      type: 'number',
      default: 200,
      min: 10,
      max: 1000,
      description: 'How many points a generated dataset has.',
    },
    {
      name: 'noise',
      type: 'number',
      default: 0.1,
      min: 0,
      max: 0.5,
      description:
        'Standard deviation of the Gaussian jitter of a generated dataset (the plane is −1…1).',
    },
    {
      name: 'test-fraction',
      type: 'number',
      default: 0.3,
      min: 0.1,
      max: 0.9,
      description: 'The share of the points held out as the test set (never trained on).',
    },
    {
      name: 'points',
      type: 'string',
      default: '',
      description:
        'Extra points as "x,y,label" triples separated by semicolons, label 0 or 1 (0 to k − 1 ' +
        'with k classes) ("0.5,-0.2,1;0.1,0.3,0"): points added by clicking, or all the data when ' +
        'dataset="custom" (there, labels up to 9 make up to 10 classes).',
    },
    {
      name: 'x-label',
      type: 'string',
      default: 'x₁',
      description: 'Name of the horizontal input (a CSV file sets it from its header).',
    },
    {
      name: 'y-label',
      type: 'string',
      default: 'x₂',
      description: 'Name of the vertical input (a CSV file sets it from its header).',
    },
    {
      name: 'label-name',
      type: 'string',
      default: 'class',
      description: 'Name of the label (the CSV header of its last column).',
    },
    {
      name: 'classes',
      type: 'string',
      default: '0,1',
      description:
        'Names of the classes, label 0 first, separated by commas: "bad day,good day", or ' +
        '"cat,dog,bird" for three-blobs. With dataset="custom", naming k classes makes a ' +
        'network of k classes (a softmax for k ≥ 3).',
    },
    {
      name: 'layers',
      type: 'string',
      default: '4:tanh,4:tanh',
      description:
        'Hidden layers, "units:activation" separated by commas: 0 to 6 layers of 1 to 16 units, ' +
        'activation tanh, relu, leaky-relu, sigmoid or linear ("" for none: a single neuron).',
    },
    {
      name: 'features',
      type: 'string',
      default: 'x1,x2',
      description:
        'The input features the network is fed, separated by commas: x1, x2, x1sq (x₁²), x2sq ' +
        '(x₂²), x1x2 (x₁x₂), sinx1 (sin x₁), sinx2 (sin x₂), as in TensorFlow Playground. The ' +
        "sines are of 6·x, as Playground's are on its six times larger plane.",
    },
    {
      name: 'loss',
      type: 'string',
      default: 'cross-entropy',
      values: ['cross-entropy', 'squared-error'],
      description: 'The loss the network minimises.',
    },
    {
      name: 'optimizer',
      type: 'string',
      default: 'adam',
      values: ['sgd', 'momentum', 'adam'],
      description: 'How each step turns gradients into weight changes.',
    },
    {
      name: 'learning-rate',
      type: 'number',
      default: 0.03,
      min: 0.00001,
      max: 10,
      description: 'The learning rate (step size) of the optimizer.',
    },
    {
      name: 'batch-size',
      type: 'number',
      default: 0,
      min: 0,
      max: 1000,
      description: 'Examples per step; 0 trains on the whole training set at once (full batch).',
    },
    {
      name: 'l2',
      type: 'number',
      default: 0,
      min: 0,
      max: 1,
      description: 'L2 regularisation strength λ: the loss gets λ·Σw² added (0 = none).',
    },
    {
      name: 'l1',
      type: 'number',
      default: 0,
      min: 0,
      max: 1,
      description:
        'L1 regularisation strength λ₁: the loss gets λ₁·Σ|w| added (0 = none); it drives weights ' +
        'to exactly 0.',
    },
    {
      name: 'dropout',
      type: 'string',
      default: '',
      description:
        'Dropout while training: one rate for every hidden layer ("0.2") or a rate per layer ' +
        '("0.5,0.2"), each from 0 to 0.9; "" for none. Never applied when predicting.',
    },
    {
      name: 'early-stopping',
      type: 'number',
      default: 0,
      min: 0,
      max: 1000,
      description:
        'Early stopping: pause when the validation loss has not improved for this many epochs, ' +
        'and keep the best weights (0 = off).',
    },
    {
      name: 'validation-fraction',
      type: 'number',
      default: 0.2,
      min: 0.05,
      max: 0.5,
      description:
        'With early stopping, the share of the training points held out as the validation set.',
    },
    {
      name: 'seed',
      type: 'number',
      default: 1,
      min: 0,
      max: 999999,
      description:
        'Seed of the dataset, the test split and the initial weights: same seed, same run.',
    },
    {
      name: 'backend',
      type: 'string',
      default: 'auto',
      values: ['auto', 'js', 'wasm', 'cpu', 'webgl'],
      description:
        'The training engine: "js" (from scratch, no tfjs), a tfjs backend ("wasm", "cpu", "webgl"), or "auto": the fastest for this network by a cost model (small networks: "js").',
    },
    {
      name: 'max-epochs',
      type: 'number',
      default: 0,
      min: 0,
      max: 100000,
      description: 'Pause by itself after this many epochs (0 = train until paused).',
    },
    {
      name: 'test-data',
      type: 'string',
      default: 'show',
      values: ['show', 'hide'],
      description: 'Whether the plot shows the test points (hollow) besides the training points.',
    },
    {
      name: 'discretize',
      type: 'boolean',
      default: false,
      description:
        "Draw the network's output in flat colours: each class where it is the likeliest (for " +
        'regression, the sign of the output) instead of shades of confidence.',
    },
    {
      name: 'autoplay',
      type: 'boolean',
      default: false,
      description:
        'Start training as soon as the widget is on screen (not when the reader prefers ' +
        'reduced motion).',
    },
    {
      name: 'hide',
      type: 'string',
      default: '',
      description:
        'Controls to hide, separated by spaces: dataset, points, architecture, ' +
        'hyperparameters, regularisation, backend, diagram, loss, share.',
    },
  ],
} as const satisfies WidgetDoc;
