/**
 * The trainer's control panels as templates: the data (dataset, noise, size, test share,
 * Regenerate), the network (input features, hidden layers with activation and dropout), the
 * training settings and the regularisation (L1 or L2 and its rate, early stopping). Each is a
 * function of plain values and handlers, so the element stays about state and training (the
 * student's own points are in points-panel.ts). Every control is a labelled native control; every
 * number goes through `formatNumber`.
 */
import { optionLabels } from '../shared/choices';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatNumber, formatPercent } from '../../math/format';
import { FEATURE_NAMES } from '../../math/features';
import type { FeatureName } from '../../math/features';
import { ACTIVATION_NAMES, LAYER_LIMITS } from '../../math/trainer-setup';
import type { ActivationName, HiddenLayer } from '../../math/trainer-setup';
import { DATA_SOURCES } from './data';
import type { DataSource } from './data';

export const DATASET_LABELS: Record<DataSource, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gaussians: 'Two blobs',
  spiral: 'Spiral',
  'three-blobs': 'Three blobs (3 classes)',
  'three-spirals': 'Three spirals (3 classes)',
  plane: 'Plane (regression)',
  'gaussian-hills': 'Hills and dips (regression)',
  custom: 'Only my own points',
};

/** The learning rates offered (the TensorFlow Playground's ladder, roughly ×3 apart). */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** Batch sizes offered; 0 is the whole training set. */
export const BATCH_SIZES = [0, 1, 4, 8, 16, 32, 64, 128, 256];
/** Regularisation rates offered (Playground's list, up to the attributes' largest, 1). */
export const REGULARISATION_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
/** Dropout rates offered per hidden layer. */
export const DROPOUT_RATES = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
/** Early stopping's patience offered, in epochs (0: off). */
export const PATIENCES = [0, 5, 10, 20, 50, 100, 200];
/** Validation shares offered with early stopping. */
export const VALIDATION_FRACTIONS = [0.1, 0.2, 0.3, 0.5];

const ACTIVATION_LABELS: Record<ActivationName, string> = {
  tanh: 'tanh',
  relu: 'ReLU',
  'leaky-relu': 'leaky ReLU',
  sigmoid: 'sigmoid',
  linear: 'linear (none)',
};

/** The offered values with the current one added when it is not among them, in order. */
function withCurrent(values: readonly number[], current: number): number[] {
  return values.includes(current) ? [...values] : [...values, current].sort((a, b) => a - b);
}

/** A select of numbers; `label` is the option text of each. */
function numberSelect(
  id: string,
  values: readonly number[],
  current: number,
  label: (v: number) => string,
  onChange: (v: number) => void,
  disabled = false,
): TemplateResult {
  return html`<select
    id=${id}
    ?disabled=${disabled}
    @change=${(e: Event) => {
      const v = Number((e.target as HTMLSelectElement).value);
      if (Number.isFinite(v)) onChange(v);
    }}
  >
    ${withCurrent(values, current).map(
      (v) => html`<option value=${String(v)} ?selected=${v === current}>${label(v)}</option>`,
    )}
  </select>`;
}

/** The data panel's sliders: label, range and how the value is written. */
const SLIDERS = {
  noise: { label: 'Noise', min: 0, max: 0.5, step: 0.05, text: (v: number) => formatNumber(v, 2) },
  samples: {
    label: 'Points',
    min: 10,
    max: 1000,
    step: 10,
    text: (v: number) => formatNumber(v, 0),
  },
  'test-fraction': { label: 'Test share', min: 0.1, max: 0.9, step: 0.05, text: formatPercent },
} as const;

/** The number menus of the training and regularisation panels: label, numbers offered, their words. */
const MENUS = {
  'learning-rate': { label: 'Learning rate', values: LEARNING_RATES, text: String },
  'batch-size': {
    label: 'Batch size',
    values: BATCH_SIZES,
    text: zeroAs('all (full batch)', String),
  },
  'penalty-rate': { label: 'Regularisation rate λ', values: REGULARISATION_RATES, text: String },
  patience: {
    label: 'Early stopping',
    values: PATIENCES,
    text: zeroAs('off', (v) => `patience ${formatNumber(v, 0)} epochs`),
  },
  'validation-fraction': {
    label: 'Validation share',
    values: VALIDATION_FRACTIONS,
    text: formatPercent,
  },
} as const;

/** Words for a number where 0 means something else: `zero` for 0, `text(v)` for any other number. */
function zeroAs(zero: string, text: (v: number) => string): (v: number) => string {
  return (v) => (v === 0 ? zero : text(v));
}

/** A labelled control of one of the panels' numbers: which, its value, its handler, whether off. */
type NumberControl<Id extends string> = (
  id: Id,
  value: number,
  onChange: (v: number) => void,
  disabled?: boolean,
) => TemplateResult;

/** The labelled menu `id` of `MENUS` at `current`. */
const numberMenu: NumberControl<keyof typeof MENUS> = (id, current, onChange, disabled) => {
  const { label, values, text } = MENUS[id];
  return html`<div class="control">
    <label for=${id}>${label}</label>
    ${numberSelect(id, values, current, text, onChange, disabled)}
  </div>`;
};

/** The slider `id` of `SLIDERS` at `value`. */
const range: NumberControl<keyof typeof SLIDERS> = (id, value, onInput, disabled = false) => {
  const { label, min, max, step, text } = SLIDERS[id];
  const shown = text(value);
  return html`<div class="control">
    <label for=${id}>${label}</label>
    <span class="value num">${shown}</span>
    <input
      id=${id}
      type="range"
      min=${min}
      max=${max}
      step=${step}
      .value=${String(value)}
      aria-valuetext=${shown}
      ?disabled=${disabled}
      @change=${(e: Event) => {
        const v = Number((e.target as HTMLInputElement).value);
        if (Number.isFinite(v)) onInput(v);
      }}
    />
  </div>`;
};

export interface DataPanel {
  dataset: DataSource;
  seed: number;
  onRegenerate(): void;
  noise: number;
  samples: number;
  testFraction: number;
  hidden: boolean;
  onDataset(v: DataSource): void;
  onNoise(v: number): void;
  onSamples(v: number): void;
  onTestFraction(v: number): void;
}

export function dataPanel(p: DataPanel): TemplateResult {
  const generated = p.dataset !== 'custom';
  return html`<fieldset class="panel" part="dataset" ?hidden=${p.hidden}>
    <legend>Data</legend>
    <div class="control">
      <label for="dataset">Dataset</label>
      <select
        id="dataset"
        @change=${(e: Event) => p.onDataset((e.target as HTMLSelectElement).value as DataSource)}
      >
        ${DATA_SOURCES.map(
          (d) =>
            html`<option value=${d} ?selected=${d === p.dataset}>${DATASET_LABELS[d]}</option>`,
        )}
      </select>
    </div>
    ${range('noise', p.noise, p.onNoise, !generated)}
    ${range('samples', p.samples, p.onSamples, !generated)}
    ${range('test-fraction', p.testFraction, p.onTestFraction)}
    <div class="buttons">
      <button
        type="button"
        ?disabled=${!generated}
        aria-describedby="regenerate-help"
        @click=${p.onRegenerate}
      >
        Regenerate
      </button>
      <span class="help" id="regenerate-help">
        New points and new starting weights (seed ${formatNumber(p.seed, 0)})
      </span>
    </div>
  </fieldset>`;
}

export interface ArchitecturePanel {
  layers: readonly HiddenLayer[];
  /** The input features switched on, and each feature's name as shown ("x₁²"). */
  features: readonly FeatureName[];
  featureLabel: (name: FeatureName) => string;
  /** Dropout rate of each hidden layer. */
  dropout: readonly number[];
  /** A regression network: one linear output unit. */
  regression: boolean;
  onFeatures(features: FeatureName[]): void;
  onDropout(rates: number[]): void;
  /** Classes told apart: 2 (one sigmoid output) or more (a softmax output). */
  classes: number;
  hidden: boolean;
  /** A message about the last input that could not be used, shown next to it. */
  error: { layer: number; message: string } | null;
  onLayers(layers: HiddenLayer[]): void;
  onUnitsInput(layer: number, text: string): void;
}

export function architecturePanel(p: ArchitecturePanel): TemplateResult {
  const { layers } = p;
  const set = (i: number, change: Partial<HiddenLayer>) =>
    p.onLayers(layers.map((l, k) => (k === i ? { ...l, ...change } : l)));
  const count = layers.length;
  return html`<fieldset class="panel" part="architecture" ?hidden=${p.hidden}>
    <legend>Network</legend>
    ${featureChoice(p)}
    <div class="layer-count">
      <span id="layer-count-label">Hidden layers</span>
      <button
        type="button"
        aria-label="Remove the last hidden layer"
        ?disabled=${count === 0}
        @click=${() => p.onLayers(layers.slice(0, -1))}
      >
        −
      </button>
      <output class="num" aria-labelledby="layer-count-label">${count}</output>
      <button
        type="button"
        aria-label="Add a hidden layer"
        ?disabled=${count >= LAYER_LIMITS.maxLayers}
        @click=${() =>
          p.onLayers([...layers, { ...(layers.at(-1) ?? { units: 4, activation: 'tanh' }) }])}
      >
        +
      </button>
    </div>
    ${layers.map(
      (layer, i) =>
        html`<div class="layer-row">
          <span class="layer-name" id=${`layer-${i}`}>Layer ${i + 1}</span>
          <label for=${`units-${i}`}>neurons</label>
          <input
            id=${`units-${i}`}
            type="number"
            inputmode="numeric"
            min=${LAYER_LIMITS.minUnits}
            max=${LAYER_LIMITS.maxUnits}
            step="1"
            .value=${String(layer.units)}
            aria-describedby=${p.error?.layer === i ? `units-error-${i}` : nothing}
            aria-invalid=${p.error?.layer === i ? 'true' : 'false'}
            @change=${(e: Event) => p.onUnitsInput(i, (e.target as HTMLInputElement).value)}
          />
          <label for=${`activation-${i}`}>activation</label>
          <select
            id=${`activation-${i}`}
            @change=${(e: Event) =>
              set(i, { activation: (e.target as HTMLSelectElement).value as ActivationName })}
          >
            ${ACTIVATION_NAMES.map(
              (a) =>
                html`<option value=${a} ?selected=${a === layer.activation}>
                  ${ACTIVATION_LABELS[a]}
                </option>`,
            )}
          </select>
          <label for=${`dropout-${i}`}>dropout</label>
          ${numberSelect(
            `dropout-${i}`,
            DROPOUT_RATES,
            p.dropout[i] ?? 0,
            zeroAs('none', formatPercent),
            (v) => p.onDropout(layers.map((_, k) => (k === i ? v : (p.dropout[k] ?? 0)))),
          )}
          ${
            p.error?.layer === i
              ? html`<p class="error field-error" id=${`units-error-${i}`}>${p.error.message}</p>`
              : nothing
          }
        </div>`,
    )}
    <p class="help">
      ${
        p.regression
          ? `${count === 0 ? 'No hidden layer: the inputs go straight into' : 'Then'} one linear output neuron: the predicted number.`
          : p.classes > 2
            ? `${count === 0 ? 'No hidden layer: the inputs go straight into' : 'Then'} ${p.classes} output neurons, one score per class, and a softmax turns the scores into probabilities.`
            : count === 0
              ? 'No hidden layer: the inputs go straight into one sigmoid neuron, which can only draw a straight boundary.'
              : 'Then one sigmoid output neuron: the probability of class 1.'
      }
    </p>
  </fieldset>`;
}

/**
 * The input features as checkboxes, as Playground's input column: switching one on or off makes
 * a new network. The last one left cannot be switched off.
 */
function featureChoice(p: ArchitecturePanel): TemplateResult {
  const on = new Set(p.features);
  return html`<div class="features" role="group" aria-labelledby="features-label">
    <span id="features-label">Inputs</span>
    ${optionLabels({
      type: 'checkbox',
      name: 'feature',
      values: FEATURE_NAMES,
      checked: (name) => on.has(name),
      disabled: (name) => on.has(name) && on.size === 1,
      onChange: (name, checked) =>
        p.onFeatures(FEATURE_NAMES.filter((f) => (f === name ? checked : on.has(f)))),
      words: p.featureLabel,
    })}
  </div>`;
}

export interface HyperPanel {
  /** A regression problem: the loss is the squared error, not a choice. */
  regression: boolean;
  loss: string;
  optimizer: string;
  learningRate: number;
  batchSize: number;
  seed: number;
  hidden: boolean;
  seedError: string | null;
  onLoss(v: string): void;
  onOptimizer(v: string): void;
  onLearningRate(v: number): void;
  onBatchSize(v: number): void;
  onSeedInput(text: string): void;
}

export function hyperPanel(p: HyperPanel): TemplateResult {
  return html`<fieldset class="panel" part="hyperparameters" ?hidden=${p.hidden}>
    <legend>Training</legend>
    <div class="control">
      <label for="loss">Loss</label>
      <select
        id="loss"
        ?disabled=${p.regression}
        aria-describedby=${p.regression ? 'loss-help' : nothing}
        @change=${(e: Event) => p.onLoss((e.target as HTMLSelectElement).value)}
      >
        <option value="cross-entropy" ?selected=${p.loss === 'cross-entropy'}>Cross-entropy</option>
        <option value="squared-error" ?selected=${p.loss === 'squared-error' || p.regression}>
          Squared error
        </option>
      </select>
      ${
        p.regression
          ? html`<p class="help" id="loss-help">A number to predict: always the squared error.</p>`
          : nothing
      }
    </div>
    <div class="control">
      <label for="optimizer">Optimizer</label>
      <select
        id="optimizer"
        @change=${(e: Event) => p.onOptimizer((e.target as HTMLSelectElement).value)}
      >
        <option value="sgd" ?selected=${p.optimizer === 'sgd'}>Gradient descent (SGD)</option>
        <option value="momentum" ?selected=${p.optimizer === 'momentum'}>Momentum</option>
        <option value="adam" ?selected=${p.optimizer === 'adam'}>Adam</option>
      </select>
    </div>
    ${numberMenu('learning-rate', p.learningRate, p.onLearningRate)}
    ${numberMenu('batch-size', p.batchSize, p.onBatchSize)}
    <div class="control">
      <label for="seed">Seed</label>
      <input
        id="seed"
        type="number"
        inputmode="numeric"
        min="0"
        max="999999"
        step="1"
        .value=${String(p.seed)}
        aria-invalid=${p.seedError ? 'true' : 'false'}
        aria-describedby=${p.seedError ? 'seed-error' : nothing}
        @change=${(e: Event) => p.onSeedInput((e.target as HTMLInputElement).value)}
      />
      ${
        p.seedError
          ? html`<p class="error field-error" id="seed-error">${p.seedError}</p>`
          : nothing
      }
    </div>
  </fieldset>`;
}

export interface RegularisationPanel {
  l1: number;
  l2: number;
  /** Early stopping's patience in epochs (0: off), and the validation share. */
  patience: number;
  validationFraction: number;
  hidden: boolean;
  /** New L1 and L2 strengths (one of them 0 unless both were set by attributes). */
  onPenalty(l1: number, l2: number): void;
  onPatience(v: number): void;
  onValidationFraction(v: number): void;
}

/** The kind of penalty the strengths make: none, L1, L2, or both (only through attributes). */
export function penaltyKind(l1: number, l2: number): 'none' | 'l1' | 'l2' | 'both' {
  return l1 > 0 && l2 > 0 ? 'both' : l1 > 0 ? 'l1' : l2 > 0 ? 'l2' : 'none';
}

/** Regularisation: L1 or L2 and its rate (as Playground), and early stopping on a validation share. */
export function regularisationPanel(p: RegularisationPanel): TemplateResult {
  const kind = penaltyKind(p.l1, p.l2);
  const rate = kind === 'l1' ? p.l1 : kind === 'none' ? 0 : p.l2;
  // A rate kept while the kind is "none", so that choosing L1 or L2 starts from it.
  const shownRate = rate > 0 ? rate : 0.003;
  const setKind = (k: string) =>
    p.onPenalty(k === 'l1' ? shownRate : 0, k === 'l2' ? shownRate : 0);
  const setRate = (v: number) =>
    kind === 'both' ? p.onPenalty(v, v) : p.onPenalty(kind === 'l1' ? v : 0, kind === 'l2' ? v : 0);
  return html`<fieldset class="panel" part="regularisation" ?hidden=${p.hidden}>
    <legend>Regularisation</legend>
    <div class="control">
      <label for="penalty">Penalty</label>
      <select id="penalty" @change=${(e: Event) => setKind((e.target as HTMLSelectElement).value)}>
        <option value="none" ?selected=${kind === 'none'}>none</option>
        <option value="l1" ?selected=${kind === 'l1'}>L1: λ·Σ|w|</option>
        <option value="l2" ?selected=${kind === 'l2'}>L2: λ·Σw²</option>
        ${kind === 'both' ? html`<option value="both" selected>L1 and L2</option>` : nothing}
      </select>
    </div>
    ${numberMenu('penalty-rate', shownRate, setRate, kind === 'none')}
    ${numberMenu('patience', p.patience, p.onPatience)}
    ${numberMenu('validation-fraction', p.validationFraction, p.onValidationFraction, p.patience === 0)}
    <p class="help">
      Dropout is set per hidden layer under Network. Early stopping holds out the validation share
      of the training points, pauses when its loss has not improved for the patience's epochs, and
      keeps the best weights.
    </p>
  </fieldset>`;
}
