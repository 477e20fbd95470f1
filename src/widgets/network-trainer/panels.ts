/**
 * The trainer's control panels as templates: the data (dataset, noise, size, test share), the
 * student's own points and CSV import, the architecture editor and the hyperparameters. Each is
 * a function of plain values and handlers, so the element stays about state and training.
 * Every control is a labelled native control; every number goes through `formatNumber`.
 */
import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { formatNumber, formatPercent } from '../../math/format';
import { ACTIVATION_NAMES, LAYER_LIMITS } from '../../math/trainer-setup';
import type { ActivationName, HiddenLayer } from '../../math/trainer-setup';
import type { CsvProblem } from '../../math/csv';
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
/** L2 strengths offered. */
export const L2_VALUES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];

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
): TemplateResult {
  return html`<select
    id=${id}
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

function range(
  id: string,
  label: string,
  value: number,
  shown: string,
  limits: { min: number; max: number; step: number },
  onInput: (v: number) => void,
  disabled = false,
): TemplateResult {
  return html`<div class="control">
    <label for=${id}>${label}</label>
    <span class="value num">${shown}</span>
    <input
      id=${id}
      type="range"
      min=${limits.min}
      max=${limits.max}
      step=${limits.step}
      .value=${String(value)}
      aria-valuetext=${shown}
      ?disabled=${disabled}
      @change=${(e: Event) => {
        const v = Number((e.target as HTMLInputElement).value);
        if (Number.isFinite(v)) onInput(v);
      }}
    />
  </div>`;
}

export interface DataPanel {
  dataset: DataSource;
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
    ${range(
      'noise',
      'Noise',
      p.noise,
      formatNumber(p.noise, 2),
      { min: 0, max: 0.5, step: 0.05 },
      p.onNoise,
      !generated,
    )}
    ${range(
      'samples',
      'Points',
      p.samples,
      formatNumber(p.samples, 0),
      { min: 10, max: 1000, step: 10 },
      p.onSamples,
      !generated,
    )}
    ${range(
      'test-fraction',
      'Test share',
      p.testFraction,
      formatPercent(p.testFraction),
      { min: 0.1, max: 0.9, step: 0.05 },
      p.onTestFraction,
    )}
  </fieldset>`;
}

export interface CsvReport {
  /** The whole text could not be used. */
  error?: string;
  /** "Using 48 of 50 rows." */
  used?: string;
  problems: CsvProblem[];
  notes: string[];
}

/** What a click or tap on the plot does: add a point of a class 0 … k − 1, or read the network there. */
export type TapMode = number | 'read';

/** Shapes of the classes (as the plot draws them, 16 × 16 around 0): circle, triangle, square, diamond, downward triangle. */
const SHAPES = [
  svg`<circle r="4.6" />`,
  svg`<path d="M0,-6.2L5.4,3.1L-5.4,3.1Z" />`,
  svg`<rect x="-4.1" y="-4.1" width="8.2" height="8.2" />`,
  svg`<path d="M0,-5.8L5.8,0L0,5.8L-5.8,0Z" />`,
  svg`<path d="M0,6.2L5.4,-3.1L-5.4,-3.1Z" />`,
];

/** The colour and shape of class c, as in the plot (decorative: the text next to it names it). */
export function classSwatch(c: number, className = 'swatch'): TemplateResult {
  return html`<svg class=${className} viewBox="-8 -8 16 16" aria-hidden="true">
    <g class=${`class${c}`}>${SHAPES[c % SHAPES.length]}</g>
  </svg>`;
}

export interface PointsPanel {
  addClass: TapMode;
  classNames: readonly string[];
  labelName: string;
  added: number;
  hidden: boolean;
  csv: CsvReport | null;
  /** Feature columns of the last CSV when it has more than two, and the chosen pair. */
  columns: { names: string[]; x: number; y: number } | null;
  onClass(v: TapMode): void;
  onUndo(): void;
  onClear(): void;
  onUseCsv(text: string): void;
  onFile(file: File): void;
  onDownload(): void;
  onColumns(x: number, y: number): void;
}

/** How many problem rows are listed before "and N more". */
const PROBLEMS_SHOWN = 12;

export function pointsPanel(p: PointsPanel): TemplateResult {
  const name = (c: number) => `${p.labelName} = ${p.classNames[c]}`;
  const k = p.classNames.length;
  const modes: TapMode[] = [...p.classNames.map((_, c) => c), 'read'];
  return html`<fieldset class="panel" part="points" ?hidden=${p.hidden}>
    <legend>Your own points</legend>
    <div class="classes" role="radiogroup" aria-labelledby="add-class-label">
      <span id="add-class-label">A click or tap on the plot</span>
      ${modes.map(
        (c) =>
          html`<label class="radio">
            <input
              type="radio"
              name="add-class"
              value=${c}
              .checked=${p.addClass === c}
              @change=${() => p.onClass(c)}
            />
            ${
              c === 'read'
                ? html`reads the network's answer there`
                : html`${classSwatch(c)} adds ${name(c)}`
            }
          </label>`,
      )}
    </div>
    <p class="help" id="plot-help">
      With the keyboard: focus the plot, move the cursor with the arrow keys to read the network's
      answer, press Enter to add a point; ${k === 2 ? '0 and 1 choose' : `0 to ${k - 1} choose`} the
      class.
    </p>
    <div class="buttons">
      <button type="button" ?disabled=${p.added === 0} @click=${p.onUndo}>Undo last point</button>
      <button type="button" ?disabled=${p.added === 0} @click=${p.onClear}>
        Remove my points${p.added > 0 ? ` (${formatNumber(p.added, 0)})` : ''}
      </button>
    </div>

    <div class="csv">
      <label for="csv-text">Or paste a CSV: a header row, number columns, the label last</label>
      <textarea
        id="csv-text"
        rows="4"
        spellcheck="false"
        placeholder=${'hours slept,mood,good day\n7.5,6,1\n5,3,0'}
      ></textarea>
      <div class="buttons">
        <button
          type="button"
          @click=${(e: Event) => {
            const root = (e.target as HTMLElement).closest('.csv');
            p.onUseCsv(root?.querySelector('textarea')?.value ?? '');
          }}
        >
          Use this data
        </button>
        <label class="file button-like">
          Upload a CSV file
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            class="visually-hidden"
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) p.onFile(file);
              input.value = '';
            }}
          />
        </label>
        <button type="button" @click=${p.onDownload}>Download the data (CSV)</button>
      </div>
      ${p.columns ? columnChoice(p.columns, p.onColumns) : nothing}
      <div class="csv-report" role="status">${p.csv ? csvReport(p.csv) : nothing}</div>
    </div>
  </fieldset>`;
}

function columnChoice(
  columns: { names: string[]; x: number; y: number },
  onColumns: (x: number, y: number) => void,
): TemplateResult {
  const select = (id: string, label: string, current: number, other: number, isX: boolean) =>
    html`<div class="control">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        @change=${(e: Event) => {
          const v = Number((e.target as HTMLSelectElement).value);
          if (isX) onColumns(v, v === other ? current : other);
          else onColumns(v === other ? current : other, v);
        }}
      >
        ${columns.names.map(
          (n, i) => html`<option value=${i} ?selected=${i === current}>${n}</option>`,
        )}
      </select>
    </div>`;
  return html`<div class="columns">
    ${select('x-column', 'Horizontal axis', columns.x, columns.y, true)}
    ${select('y-column', 'Vertical axis', columns.y, columns.x, false)}
  </div>`;
}

function csvReport(report: CsvReport): TemplateResult {
  if (report.error) {
    return html`<p class="error">${report.error}</p>
      ${problemList(report.problems)}`;
  }
  return html`<p>${report.used}</p>
    ${report.notes.map((n) => html`<p class="note">${n}</p>`)} ${problemList(report.problems)}`;
}

function problemList(problems: readonly CsvProblem[]): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const more = problems.length - shown.length;
  return html`<p>
      ${problems.length === 1 ? 'One row was left out:' : `${formatNumber(problems.length, 0)} rows were left out:`}
    </p>
    <ul class="problems">
      ${shown.map((p) => html`<li>line ${formatNumber(p.line, 0)}: ${p.message}</li>`)}
      ${more > 0 ? html`<li>… and ${formatNumber(more, 0)} more</li>` : nothing}
    </ul>`;
}

export interface ArchitecturePanel {
  layers: readonly HiddenLayer[];
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
          ${
            p.error?.layer === i
              ? html`<p class="error field-error" id=${`units-error-${i}`}>${p.error.message}</p>`
              : nothing
          }
        </div>`,
    )}
    <p class="help">
      ${
        p.classes > 2
          ? `${count === 0 ? 'No hidden layer: the inputs go straight into' : 'Then'} ${p.classes} output neurons, one score per class, and a softmax turns the scores into probabilities.`
          : count === 0
            ? 'No hidden layer: the inputs go straight into one sigmoid neuron, which can only draw a straight boundary.'
            : 'Then one sigmoid output neuron: the probability of class 1.'
      }
    </p>
  </fieldset>`;
}

export interface HyperPanel {
  loss: string;
  optimizer: string;
  learningRate: number;
  batchSize: number;
  l2: number;
  seed: number;
  hidden: boolean;
  seedError: string | null;
  onLoss(v: string): void;
  onOptimizer(v: string): void;
  onLearningRate(v: number): void;
  onBatchSize(v: number): void;
  onL2(v: number): void;
  onSeedInput(text: string): void;
}

export function hyperPanel(p: HyperPanel): TemplateResult {
  return html`<fieldset class="panel" part="hyperparameters" ?hidden=${p.hidden}>
    <legend>Training</legend>
    <div class="control">
      <label for="loss">Loss</label>
      <select id="loss" @change=${(e: Event) => p.onLoss((e.target as HTMLSelectElement).value)}>
        <option value="cross-entropy" ?selected=${p.loss === 'cross-entropy'}>Cross-entropy</option>
        <option value="squared-error" ?selected=${p.loss === 'squared-error'}>Squared error</option>
      </select>
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
    <div class="control">
      <label for="learning-rate">Learning rate</label>
      ${numberSelect('learning-rate', LEARNING_RATES, p.learningRate, String, p.onLearningRate)}
    </div>
    <div class="control">
      <label for="batch-size">Batch size</label>
      ${numberSelect(
        'batch-size',
        BATCH_SIZES,
        p.batchSize,
        (v) => (v === 0 ? 'all (full batch)' : String(v)),
        p.onBatchSize,
      )}
    </div>
    <div class="control">
      <label for="l2">L2 regularisation</label>
      ${numberSelect('l2', L2_VALUES, p.l2, (v) => (v === 0 ? 'none' : String(v)), p.onL2)}
    </div>
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
