import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { dataTableArea } from '../shared/data-table';
import { parseCsv } from '../../math/csv';
import type { CsvTable } from '../../math/csv';
import type { ClassPoint } from '../../math/datasets';
import { formatNumber } from '../../math/format';
import { formatLayers, formatPoints, parseHide, parseLayers } from '../../math/trainer-setup';
import type { HiddenLayer, SetupValue } from '../../math/trainer-setup';
import { DEFAULT_FEATURES, parseFeatures } from '../../math/features';
import type { FeatureName } from '../../math/features';
import type { EngineName, ModelSpec } from '../../train/types';
import { engineLabel } from '../../train/protocol';
import '../loss-chart/index';
import type { NnLossChart } from '../loss-chart/index';
import {
  NnElement,
  booleanAttribute,
  defaultOf,
  enumAttribute,
  numberAttribute,
  warnOnce,
} from '../shared/base';
import { iframeSrc, stateOf } from '../shared/embed';
import { classColors, tokens } from '../shared/tokens';
import { MAX_CLASSES, buildData, gridPoints } from './data';
import type { DataSource, PlaneData } from './data';
import { HIDEABLE_PARTS, networkTrainerDoc } from './meta';
import type { HideablePart } from './meta';
import { architecturePanel, dataPanel, hyperPanel, pointsPanel } from './panels';
import type { CsvReport, TapMode } from './panels';
import { TrainingSession } from './controller';
import { TrainerPicture } from './picture';
import {
  GRID,
  MAP_GRID,
  buildSpec,
  centreOf,
  checkSeed,
  engineData,
  engineGrids,
  parseDropout,
  classSetup,
  checkUnits,
  matchingWeights,
  moveCursor,
  networkSizes,
  pointsCsv,
  probabilitiesAt,
  progressDetail,
  propertyOf,
  readPoints,
} from './model';
import type { TrainProgressDetail, TrainerChangeDetail } from './model';
import { badgeTitle, cursorWords, csvClassNote, featureLabel, speedText } from './describe';
import { noticeBox, playbackBar, shareArea } from './templates';
import type { SessionReport } from './controller';
import { styles } from './styles';
import { axisNumber, dataTables, diagramLabel, keyList, plotLabel, summaryText } from './describe';
import type { Names } from './describe';

const TAG = 'nn-network-trainer';

/** The live summary is spoken at most this often while training runs, in ms. */
const ANNOUNCE_EVERY_MS = 5000;
/** Longest share link that still carries the points; beyond it, the link leaves them out. */
const MAX_LINK = 8000;

export type { TrainProgressDetail, TrainerChangeDetail } from './model';

const ATTRIBUTES = networkTrainerDoc.attributes.map((a) => a.name);

/** Properties whose change means a new network (training restarts). */
const SPEC_PROPS = [
  'layers',
  'features',
  'dropout',
  'l1',
  'earlyStopping',
  'validationFraction',
  'loss',
  'optimizer',
  'learningRate',
  'batchSize',
  'l2',
  'seed',
  'backend',
];
/** Properties whose change means new data. */
const DATA_PROPS = ['datasetName', 'samples', 'noise', 'testFraction', 'seed', 'points'];

/**
 * A free-text attribute: reflected, and back to its catalog default when removed (Lit's plain
 * String converter would give null).
 */
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

/**
 * While training, the numbers and the loss chart change at most this often (milliseconds): text a
 * person reads needs no more, and every change is raster work for the compositor. The heatmap
 * follows every frame.
 */
export const TEXT_EVERY_MS = 100;

/** Changes that alter the picture without new predictions. */
const PICTURE_PROPS = [
  ...DATA_PROPS,
  'layers',
  'xLabel',
  'yLabel',
  'labelName',
  'classes',
  'features',
  'discretize',
  'testData',
  '_cursor',
  '_plotFocused',
  'theme',
];

/**
 * @summary Train a small neural network in the browser: a 2D dataset (circle, XOR, two blobs,
 * spiral, points you click or tap, or your own CSV), an architecture editor, the hyperparameters,
 * and as it trains the decision boundary as a heatmap, the network with each neuron's own map and
 * its weights, train and test loss, the epoch and the engine. Play, pause, step, reset. In
 * reading mode a click or tap on the plot reads the network's answer there instead.
 *
 * Public methods: `play()`, `pause()`, `step()`, `reset()`, `loadCsv(text)`,
 * `addPoint(x, y, label)`, `shareUrl(options)`.
 * Read-only: `report` (the latest numbers), `playing`, `backendInUse`.
 *
 * The training engine starts only when training is first asked for (Train, Step, `play()`,
 * `step()` or `autoplay`), in a Web Worker (on the page's thread where there is none, and the badge
 * says so): the from-scratch JS engine or tfjs (wasm, cpu, WebGL), as `backend` asks; "auto"
 * picks by a cost model. Until then the widget shows the untrained network, computed from the
 * same seeded initial weights without it, and the engine badge says "not started".
 *
 * @event nn-train-progress - Every frame while training, and after a step, a reset or a new
 *   setup, once the engine has started. (Not for the untrained network shown before it.) `detail`: `{ epoch, step, trainLoss, testLoss, trainAccuracy, testAccuracy, backend, trainClassAccuracy, testClassAccuracy }`
 *   (see `TrainProgressDetail`), all finite; the per-class arrays hold each class's share right (null: no points of it). Bubbles and is composed.
 * @event nn-change - The user changed the setup (data, points, network, training settings).
 *   `detail`: `{ setup }`, every attribute's value by name. Bubbles and is composed. Not fired
 *   for changes made through attributes or properties.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart playback - The Train/Pause, Step and Reset buttons with the epoch and the losses.
 * @csspart backend - The Engine choice, the badge naming the engine in use, and its speed.
 * @csspart notice - A message from training (divergence, a lost WebGL context, …).
 * @csspart plot - The `<figure>` with the heatmap and the points (its canvas is focusable).
 * @csspart summary - The live summary under the plot (`aria-live="polite"`).
 * @csspart diagram - The `<figure>` with the network diagram.
 * @csspart loss - The `<nn-loss-chart>` of train and test loss.
 * @csspart dataset - The data panel (dataset, noise, points, test share).
 * @csspart points - The panel for adding points and importing CSV.
 * @csspart architecture - The architecture editor.
 * @csspart hyperparameters - The training settings (loss, optimizer, learning rate, …).
 * @csspart share - The share-link area.
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data tables (present only while shown).
 *
 * @cssproperty --nn-color-class-0 - Class 0 (blue circles, and where the network says class 0).
 * @cssproperty --nn-color-class-1 - Class 1 (orange triangles, and where it says class 1).
 * @cssproperty --nn-color-fg - Text and point outlines.
 * @cssproperty --nn-color-bg - Background of the widget and of the undecided map.
 * @cssproperty --nn-color-surface - Background of panels and buttons.
 * @cssproperty --nn-color-muted - Axes and secondary text.
 * @cssproperty --nn-color-border - Borders and table rules.
 * @cssproperty --nn-color-accent - The Train button and the test-loss line.
 * @cssproperty --nn-color-danger - Messages about problems.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 */
export class NnNetworkTrainer extends NnElement {
  static override styles = [tokens, classColors, styles];

  static override properties = {
    // Not `dataset`: that is every element's map of data-* attributes.
    datasetName: { ...enumAttribute(TAG, 'dataset'), attribute: 'dataset' },
    samples: numberAttribute(TAG, 'samples'),
    noise: numberAttribute(TAG, 'noise'),
    testFraction: { ...numberAttribute(TAG, 'test-fraction'), attribute: 'test-fraction' },
    points: text('points'),
    xLabel: text('x-label'),
    yLabel: text('y-label'),
    labelName: text('label-name'),
    classes: text('classes'),
    layers: text('layers'),
    loss: enumAttribute(TAG, 'loss'),
    optimizer: enumAttribute(TAG, 'optimizer'),
    learningRate: { ...numberAttribute(TAG, 'learning-rate'), attribute: 'learning-rate' },
    batchSize: { ...numberAttribute(TAG, 'batch-size'), attribute: 'batch-size' },
    l2: numberAttribute(TAG, 'l2'),
    l1: numberAttribute(TAG, 'l1'),
    features: text('features'),
    dropout: text('dropout'),
    earlyStopping: { ...numberAttribute(TAG, 'early-stopping'), attribute: 'early-stopping' },
    validationFraction: {
      ...numberAttribute(TAG, 'validation-fraction'),
      attribute: 'validation-fraction',
    },
    testData: { ...enumAttribute(TAG, 'test-data'), attribute: 'test-data' },
    discretize: booleanAttribute(),
    seed: numberAttribute(TAG, 'seed'),
    backend: enumAttribute(TAG, 'backend'),
    maxEpochs: { ...numberAttribute(TAG, 'max-epochs'), attribute: 'max-epochs' },
    autoplay: booleanAttribute(),
    hide: text('hide'),
    _addClass: { state: true },
    _cursor: { state: true },
    _plotFocused: { state: true },
    _showTable: { state: true },
    _csvReport: { state: true },
    _csvColumns: { state: true },
    _unitsError: { state: true },
    _seedError: { state: true },
    _announcement: { state: true },
    _cursorText: { state: true },
    _link: { state: true },
    _linkNote: { state: true },
  };

  /** The data: 'circle' (default), 'xor', 'gaussians', 'spiral', or 'custom' (only `points`). */
  declare datasetName: DataSource;
  /** Points in a generated dataset, 10–1000. Default 200. */
  declare samples: number;
  /** Gaussian jitter of a generated dataset, 0–0.5. Default 0.1. */
  declare noise: number;
  /** Share of the points held out for testing, 0.1–0.9. Default 0.3. */
  declare testFraction: number;
  /** The student's points, "x,y,label;…" in data units. Default ''. */
  declare points: string;
  /** Name of the horizontal input. Default 'x₁'. */
  declare xLabel: string;
  /** Name of the vertical input. Default 'x₂'. */
  declare yLabel: string;
  /** Name of the label. Default 'class'. */
  declare labelName: string;
  /** Names of the classes, label 0 first: "no,yes", "cat,dog,bird". Default '0,1'. */
  declare classes: string;
  /** Hidden layers, "4:tanh,4:tanh" (default); '' for none. */
  declare layers: string;
  /** 'cross-entropy' (default) or 'squared-error'. */
  declare loss: ModelSpec['loss'];
  /** 'sgd', 'momentum' or 'adam' (default). */
  declare optimizer: ModelSpec['optimizer'];
  /** Learning rate, 0.00001–10. Default 0.03. */
  declare learningRate: number;
  /** Examples per step, 0 = all (default). */
  declare batchSize: number;
  /** L2 strength λ, 0–1. Default 0. */
  declare l2: number;
  /** L1 strength λ₁, 0–1. Default 0. */
  declare l1: number;
  /** Input features, "x1,x2" (default) … "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2". */
  declare features: string;
  /** Dropout while training: "" (none, default), "0.2" for every hidden layer, "0.5,0.2" per layer. */
  declare dropout: string;
  /** Early stopping's patience in epochs; 0 (default) = off. */
  declare earlyStopping: number;
  /** With early stopping, the share of training points held out for validation, 0.05–0.5. Default 0.2. */
  declare validationFraction: number;
  /** 'show' (default): the test points are drawn (hollow); 'hide': only the training points. */
  declare testData: 'show' | 'hide';
  /** Draw the output in flat colours (the likeliest class; regression: the sign). Default false. */
  declare discretize: boolean;
  /** Seed of data, split and initial weights. Default 1. */
  declare seed: number;
  /** The engine: 'auto' (default), 'js' (from scratch), or tfjs's 'wasm', 'cpu', 'webgl'. */
  declare backend: EngineName | 'auto';
  /** Pause after this many epochs; 0 (default) = never. */
  declare maxEpochs: number;
  /** Start training when first on screen (not under reduced motion). Default false. */
  declare autoplay: boolean;
  /** Parts to hide: "dataset points architecture hyperparameters backend diagram loss share". */
  declare hide: string;

  declare private _addClass: TapMode;
  declare private _cursor: { x: number; y: number } | null;
  declare private _plotFocused: boolean;
  declare private _showTable: boolean;
  declare private _csvReport: CsvReport | null;
  declare private _csvColumns: { table: CsvTable; x: number; y: number } | null;
  declare private _unitsError: { layer: number; message: string } | null;
  declare private _seedError: string | null;
  declare private _announcement: string;
  declare private _cursorText: string;
  declare private _link: string;
  declare private _linkNote: string;

  private _hidden: HiddenLayer[] = [];
  private _features: FeatureName[] = [...DEFAULT_FEATURES];
  private _dropoutRates: number[] = [];
  private _userPoints: ClassPoint[] = [];
  private _hideSet = new Set<HideablePart>();
  private _classNames: string[] = ['0', '1'];
  /** The classes of the network configured last (a change of their number means a new one). */
  private _configuredClasses = 2;
  private _data: PlaneData | null = null;
  /** Loss points not yet handed to the chart (see _onReport), and when it last got some. */
  private readonly _lossTrain: { step: number; loss: number }[] = [];
  private readonly _lossTest: { step: number; loss: number }[] = [];
  private _lossFlushed = 0;
  private _intersection: IntersectionObserver | undefined;
  private _lastAnnounced = 0;
  private _lastStep = -1;
  private _autoplayed = false;
  private _playWhenReady = false;
  private _forceConfigure = false;
  private readonly _mapXY = gridPoints(MAP_GRID);
  private readonly _gridXY = { heatmap: gridPoints(GRID), maps: this._mapXY };
  /** The grids the engine predicts over, as rows of the features (replaced when they change). */
  private readonly _grids = { ...this._gridXY };
  private readonly _session: TrainingSession;
  private readonly _picture: TrainerPicture;

  constructor() {
    super();
    for (const attribute of ATTRIBUTES) {
      (this as unknown as Record<string, unknown>)[propertyOf(attribute)] = defaultOf(
        TAG,
        attribute,
      );
    }
    this._addClass = 1;
    this._cursor = null;
    this._plotFocused = false;
    this._showTable = false;
    this._csvReport = null;
    this._csvColumns = null;
    this._unitsError = null;
    this._seedError = null;
    this._announcement = '';
    this._cursorText = '';
    this._link = '';
    this._linkNote = '';
    this._picture = new TrainerPicture(
      this,
      () => ({
        data: this._data,
        hidden: this._hidden,
        xLabel: this.xLabel,
        yLabel: this.yLabel,
        cursor: this._plotFocused ? this._cursor : null,
        grid: this._session?.grid ?? null,
        maps: this._session?.maps ?? null,
        weights: this._session?.weights ?? null,
        features: this._features,
        featureLabels: this._features.map((f) => featureLabel(f, this)),
        discretize: this.discretize,
        showTest: this.testData !== 'hide',
      }),
      this._mapXY,
    );
    this._session = new TrainingSession(
      this,
      {
        onReport: (report) => this._onReport(report),
        onPicture: (diagram) => this._picture.schedule(diagram),
        onRunningChange: (running) => {
          if (running) return;
          this._flushLoss();
          this._announce(true);
        },
      },
      this._grids,
      TEXT_EVERY_MS,
    );
  }

  // ---- Public API ------------------------------------------------------------------------------

  /**
   * The latest numbers from training, or null when there is nothing to train on. Before the
   * engine has started (it loads on the first Train or Step), the untrained network's numbers at
   * step 0, computed without it, with `backend` null.
   */
  get report(): SessionReport | null {
    return this._session.report;
  }

  /** Whether training is running. */
  get playing(): boolean {
    return this._session.playing;
  }

  /**
   * The engine training runs on now: 'js' (the from-scratch engine) or a tfjs backend ('wasm',
   * 'cpu', 'webgl'); null until the engine has started.
   */
  get backendInUse(): EngineName | null {
    return this._session.backend;
  }

  /** Start (or continue) training; the first time, this loads the training engine. */
  play(): void {
    if (this.maxEpochs > 0 && (this.report?.epoch ?? 0) < this.maxEpochs) {
      this._session.stopAfter(this.maxEpochs);
    }
    this._session.play();
  }

  pause(): void {
    this._session.pause();
  }

  /** One optimisation step (the first time, after loading the training engine). */
  step(): Promise<void> {
    return this._session.step();
  }

  /** Back to the seeded initial weights; the loss chart starts again. */
  async reset(): Promise<void> {
    this._clearLoss();
    await this._session.reset();
    this._announce(true);
  }

  /** Add a point (in data units) of class `label`, without resetting the weights. */
  addPoint(x: number, y: number, label: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (!Number.isInteger(label) || label < 0 || label >= this._classNames.length) return;
    this.points = formatPoints([...this._userPoints, { x, y, label }]);
  }

  /**
   * Use CSV text as the data (see `src/math/csv.ts` for the format): dataset becomes 'custom',
   * the axes take the header's names, training restarts. Returns what was read.
   */
  loadCsv(csvText: string): CsvReport {
    const result = parseCsv(csvText, { maxClasses: MAX_CLASSES });
    if (!result.ok) {
      this._csvReport = { error: result.error, problems: result.problems, notes: [] };
      this._csvColumns = null;
      return this._csvReport;
    }
    const used =
      result.problems.length === 0 && !result.capped
        ? `Using all ${formatNumber(result.rows.length, 0)} rows.`
        : `Using ${formatNumber(result.rows.length, 0)} of ${formatNumber(result.totalRows, 0)} rows.`;
    this._csvReport = {
      used: `${used} ${csvClassNote(result.classes)}`,
      problems: result.problems,
      notes: [...result.notes],
    };
    if (result.features.length > 2) {
      this._csvReport.notes.push(
        `The file has ${result.features.length} number columns; the plot shows two at a time — choose them below.`,
      );
    }
    this._csvColumns = result.features.length > 2 ? { table: result, x: 0, y: 1 } : null;
    this._useColumns(result, 0, 1);
    return this._csvReport;
  }

  /**
   * A link to a page showing this trainer alone, set up as it is now (the site's embed page,
   * `embed.html#nn-network-trainer?dataset=xor&…`). With `withPoints: false` the link leaves out
   * the `points` (a big dataset makes a link too long to share).
   */
  shareUrl(options: { withPoints?: boolean } = {}): string {
    const defaults = new Map(networkTrainerDoc.attributes.map((a) => [a.name, String(a.default)]));
    // Only what differs from the defaults, so that the link stays short and readable.
    const state = stateOf(this).filter(
      ([name, value]) =>
        name !== 'autoplay' &&
        defaults.get(name) !== value &&
        (options.withPoints !== false || name !== 'points'),
    );
    return iframeSrc(TAG, state);
  }

  // ---- Lifecycle ---------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this._observe();
      this._forceConfigure = true;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._intersection?.disconnect();
    this._intersection = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('layers')) {
      const result = parseLayers(this.layers);
      if (result.error) {
        warnOnce(`<${TAG}> layers="${this.layers}": ${result.error}; using the default.`);
        this._hidden = parseLayers(defaultOf<string>(TAG, 'layers')).layers;
      } else {
        this._hidden = result.layers;
      }
    }
    if (changed.has('features')) {
      const { features, error } = parseFeatures(this.features ?? '');
      if (error) warnOnce(`<${TAG}> features="${this.features}": ${error}; using the default.`);
      this._features = features;
      Object.assign(this._grids, engineGrids(this._gridXY, features));
    }
    if (changed.has('dropout') || changed.has('layers')) {
      const { rates, error } = parseDropout(this.dropout ?? '', this._hidden.length);
      if (error && changed.has('dropout')) {
        warnOnce(`<${TAG}> dropout="${this.dropout}": ${error}; using the default (none).`);
      }
      this._dropoutRates = rates;
    }
    if (changed.has('points') || changed.has('datasetName')) {
      const { points, warning } = readPoints(this.points ?? '', this.datasetName);
      if (warning) warnOnce(`<${TAG}> ${warning}`);
      this._userPoints = points;
    }
    if (changed.has('hide')) {
      const { parts, unknown } = parseHide(this.hide ?? '', HIDEABLE_PARTS);
      if (unknown.length > 0) {
        warnOnce(
          `<${TAG}> hide="${this.hide}": ${unknown.map((u) => `"${u}"`).join(', ')} ` +
            `name${unknown.length === 1 ? 's' : ''} no part; the parts are ${HIDEABLE_PARTS.join(', ')}.`,
        );
      }
      this._hideSet = new Set(parts as HideablePart[]);
    }
    let classesChanged = false;
    if (['classes', 'points', 'datasetName'].some((p) => changed.has(p))) {
      const { names, warnings } = classSetup(
        this.classes ?? '',
        this.datasetName,
        this._userPoints,
      );
      for (const warning of warnings) warnOnce(`<${TAG}> ${warning}`);
      classesChanged = names.length !== this._classNames.length;
      this._classNames = names;
      if (typeof this._addClass === 'number' && this._addClass >= names.length) this._addClass = 1;
    }
    if (DATA_PROPS.some((p) => changed.has(p)) || classesChanged || !this._data) {
      this._data = buildData({
        dataset: this.datasetName,
        samples: this.samples,
        noise: this.noise,
        testFraction: this.testFraction,
        seed: this.seed,
        points: this._userPoints,
        classes: this._classNames.length,
      });
    }
  }

  protected override firstUpdated(): void {
    this._observe();
  }

  protected override updated(changed: PropertyValues): void {
    const specChanged = SPEC_PROPS.some((p) => changed.has(p));
    const dataChanged = DATA_PROPS.some((p) => changed.has(p));
    const onlyPoints = dataChanged && DATA_PROPS.every((p) => p === 'points' || !changed.has(p));
    if (changed.has('maxEpochs')) this._session.stopAfter(this.maxEpochs);
    const data = this._data;
    // New points alone keep the weights — unless there was no network yet (no training points
    // before) or there are no training points left (nothing to train on).
    const keepWeights =
      onlyPoints &&
      !!data &&
      data.train.y.length > 0 &&
      data.classes === this._configuredClasses &&
      this._session.hasNetwork;
    // A new number of classes is a new output layer: a new network.
    const classesChanged = !!data && data.classes !== this._configuredClasses;
    if (this._forceConfigure || specChanged || classesChanged || (dataChanged && !keepWeights)) {
      this._forceConfigure = false;
      // After this update, not inside it: building the network updates the element again.
      queueMicrotask(() => this._configure());
    } else if (keepWeights) {
      const rows = engineData(data, this._features);
      this._session.setData(rows.train, rows.test);
    }
    if (changed.has('theme')) this._picture.themeChanged();
    if (PICTURE_PROPS.some((p) => changed.has(p))) this._picture.draw(true);
  }

  private _observe(): void {
    if (this.autoplay && !this._autoplayed && typeof IntersectionObserver !== 'undefined') {
      this._intersection?.disconnect();
      this._intersection = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this._intersection?.disconnect();
        this._autoplayed = true;
        if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
        // Start now if the trainer exists, else with its first report.
        if (this._session.state === 'ready' && this._session.report) this.play();
        else this._playWhenReady = true;
      });
      this._intersection.observe(this);
    }
  }

  // ---- Training ------------------------------------------------------------------------------

  private _spec(): ModelSpec {
    return buildSpec({
      hidden: this._hidden,
      dropout: this._dropoutRates,
      inputs: this._features.length,
      classes: this._data?.classes ?? 2,
      task: this._data?.task ?? 'classification',
      loss: this.loss,
      optimizer: this.optimizer,
      learningRate: this.learningRate,
      batchSize: this.batchSize,
      l1: this.l1,
      l2: this.l2,
      earlyStopping: this.earlyStopping,
      validationFraction: this.validationFraction,
      seed: this.seed,
    });
  }

  private _configure(): void {
    const data = this._data;
    this._configuredClasses = data?.classes ?? 2;
    this._clearLoss();
    if (!data || data.train.y.length === 0) {
      // Nothing to train on yet: no trainer (an empty training set has no loss).
      this._session.clear();
      return;
    }
    void this._session.configure({
      spec: this._spec(),
      ...engineData(data, this._features),
      backend: this.backend,
    });
  }

  private _clearLoss(): void {
    this._lastStep = -1;
    this._lossTrain.length = 0;
    this._lossTest.length = 0;
    this._lossChart?.clear();
  }

  private get _lossChart(): NnLossChart | null {
    return this.renderRoot?.querySelector('nn-loss-chart') ?? null;
  }

  private _onReport(report: SessionReport): void {
    if (report.step > this._lastStep) {
      this._lossTrain.push({ step: report.step, loss: report.trainLoss });
      if (this._hasTest()) this._lossTest.push({ step: report.step, loss: report.testLoss });
      this._lastStep = report.step;
    }
    // Every point reaches the chart, in batches: it redraws at most ten times a second while
    // training (each redraw is raster work for the compositor), at once otherwise.
    const now = performance.now();
    if (!this._session.playing || now - this._lossFlushed >= TEXT_EVERY_MS) this._flushLoss(now);
    // Training progress, from the engine (not the untrained network shown before it starts).
    if (report.backend) {
      this.emit<TrainProgressDetail>('nn-train-progress', progressDetail(report, report.backend));
    }
    this._announce(!this._session.playing);
    if (this._playWhenReady && this._session.state === 'ready') {
      this._playWhenReady = false;
      this.play();
    }
  }

  private _flushLoss(now = performance.now()): void {
    this._lossFlushed = now;
    const chart = this._lossChart;
    if (!chart) return;
    if (this._lossTrain.length > 0) chart.append('train', this._lossTrain.splice(0));
    if (this._lossTest.length > 0) chart.append('test', this._lossTest.splice(0));
  }

  private _hasTest(): boolean {
    return (this._data?.test.y.length ?? 0) > 0;
  }

  /** Update the live summary now (`force`) or, while training runs, every few seconds. */
  private _announce(force: boolean): void {
    const now = performance.now();
    if (!force && now - this._lastAnnounced < ANNOUNCE_EVERY_MS) return;
    this._lastAnnounced = now;
    this._announcement = summaryText(this._data, this._session.report, this._classNames);
  }

  // ---- User input ----------------------------------------------------------------------------

  /** A user change to the setup: apply it and tell the page. */
  private _userSet(change: Partial<Record<string, unknown>>): void {
    Object.assign(this, change);
    this.updateComplete.then(() => {
      this.emit<TrainerChangeDetail>('nn-change', { setup: this._setup() });
    });
  }

  private _togglePlay(): void {
    if (this._session.playing) this.pause();
    else this.play();
  }

  /** A click or tap adds a point where it lands, or (read mode, or no points allowed) reads there. */
  private _onPlotClick(event: MouseEvent): void {
    const layout = this._picture.layout;
    if (!layout) return;
    const canvas = event.currentTarget as HTMLCanvasElement;
    const rect = canvas.getBoundingClientRect();
    const at = layout.toData(event.clientX - rect.left, event.clientY - rect.top);
    if (!at) return;
    if (this._addClass === 'read' || this._hideSet.has('points')) {
      this._plotFocused = true;
      this._cursor = at;
      this._cursorText = this._cursorReading();
      return;
    }
    this._addUserPoint(at.x, at.y);
  }

  private _addUserPoint(x: number, y: number): void {
    const label = this._addClass;
    if (label === 'read') {
      const k = this._classNames.length;
      this._cursorText = `${this._cursorReading()} (To add points, choose a class under “Your own points”, or press ${k === 2 ? '0 or 1' : `0 to ${k - 1}`}.)`;
      return;
    }
    this._userSet({ points: formatPoints([...this._userPoints, { x, y, label }]) });
    this._cursorText = `Added a point of ${this.labelName} = ${this._classNames[label]} at ${this._where(x, y)}.`;
  }

  private _onPlotKey(event: KeyboardEvent): void {
    const data = this._data;
    if (!data) return;
    const cursor = this._cursor ?? centreOf(data);
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (!this._hideSet.has('points')) this._addUserPoint(cursor.x, cursor.y);
        return;
    }
    if (/^\d$/.test(event.key) && Number(event.key) < this._classNames.length) {
      event.preventDefault();
      if (this._hideSet.has('points')) return;
      this._addClass = Number(event.key);
      this._cursorText = `New points: ${this.labelName} = ${this._classNames[this._addClass]}.`;
      return;
    }
    const moved = moveCursor(event.key, event.shiftKey, cursor, data.xDomain, data.yDomain);
    if (!moved) return;
    event.preventDefault();
    this._plotFocused = true;
    this._cursor = moved;
    this._cursorText = this._cursorReading();
  }

  private _onPlotFocus(event: FocusEvent): void {
    // The cursor follows the keyboard here; a click (which also focuses) is handled by _onPlotClick.
    if (!(event.target as HTMLElement).matches(':focus-visible')) return;
    this._plotFocused = true;
    this._cursor ??= centreOf(this._data!);
    this._cursorText = this._cursorReading();
  }

  private _where(x: number, y: number): string {
    return `${this.xLabel} = ${axisNumber(x)}, ${this.yLabel} = ${axisNumber(y)}`;
  }

  /** Each class's probability at a point of the plane, from the grid (nearest cell); null: no grid yet. */
  private _probabilitiesAt(x: number, y: number): number[] | null {
    const data = this._data;
    return data ? probabilitiesAt(this._session.grid, { x, y }, data, data.classes) : null;
  }

  private _cursorReading(): string {
    const c = this._cursor;
    if (!c) return '';
    const says = cursorWords(this._probabilitiesAt(c.x, c.y), this._names);
    return `Cursor at ${this._where(c.x, c.y)}: ${says}.`;
  }

  private _onUnitsInput(layer: number, value: string): void {
    const checked = checkUnits(value, layer, this._hidden[layer]?.units ?? 4);
    if ('error' in checked) {
      this._unitsError = { layer, message: checked.error };
      return;
    }
    this._unitsError = null;
    this._setLayers(this._hidden.map((l, i) => (i === layer ? { ...l, units: checked.units } : l)));
  }

  private _setLayers(layers: HiddenLayer[]): void {
    this._unitsError = null;
    this._userSet({ layers: formatLayers(layers) });
  }

  private _onSeedInput(value: string): void {
    const checked = checkSeed(value, this.seed);
    if ('error' in checked) {
      this._seedError = checked.error;
      return;
    }
    this._seedError = null;
    this._userSet({ seed: checked.seed });
  }

  private _useColumns(table: CsvTable, xCol: number, yCol: number): void {
    const points: ClassPoint[] = table.rows.map((row, i) => ({
      x: row[xCol]!,
      y: row[yCol]!,
      label: table.labels[i]!,
    }));
    // Training restarts on new data, even when the dataset was already 'custom'.
    this._forceConfigure = true;
    this._userSet({
      datasetName: 'custom',
      points: formatPoints(points),
      xLabel: table.features[xCol] ?? 'x₁',
      yLabel: table.features[yCol] ?? 'x₂',
      labelName: table.labelName,
      classes: table.classes.map((c) => c.replace(/,/g, ' ')).join(','),
    });
  }

  private async _onFile(file: File): Promise<void> {
    try {
      this.loadCsv(await file.text());
    } catch (error) {
      this._csvReport = {
        error: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
        problems: [],
        notes: [],
      };
    }
  }

  private _downloadCsv(): void {
    const data = this._data;
    if (!data) return;
    const csv = pointsCsv(data.points, this._names);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'data.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private async _share(): Promise<void> {
    let link = this.shareUrl();
    this._linkNote = '';
    if (link.length > MAX_LINK && this._userPoints.length > 0) {
      link = this.shareUrl({ withPoints: false });
      this._linkNote = `The ${formatNumber(this._userPoints.length, 0)} points are too many for a link: it holds the settings only. Download the data as CSV to share them.`;
    }
    this._link = link;
    try {
      await navigator.clipboard.writeText(link);
      this._linkNote = `Copied. ${this._linkNote}`.trim();
    } catch {
      this._linkNote = `Select the link and copy it. ${this._linkNote}`.trim();
    }
  }

  private _setup(): Record<string, SetupValue> {
    const values: Record<string, SetupValue> = {};
    for (const name of ATTRIBUTES) {
      values[name] = (this as unknown as Record<string, SetupValue>)[propertyOf(name)]!;
    }
    values.layers = formatLayers(this._hidden);
    return values;
  }

  // ---- Text (the words themselves are in describe.ts) ----------------------------------------

  private get _names(): Names {
    const { xLabel, yLabel, labelName } = this;
    return { xLabel, yLabel, labelName, classNames: this._classNames };
  }

  private _dataTables(): TemplateResult {
    return dataTables({
      data: this._data!,
      names: this._names,
      probabilitiesAt: (x, y) => this._probabilitiesAt(x, y),
      weights: matchingWeights(
        this._session.weights,
        networkSizes(this._hidden, this._data!.classes, this._features.length),
      ),
    });
  }

  // ---- Render --------------------------------------------------------------------------------

  override render(): TemplateResult {
    const r = this._session.report;
    const hidden = (part: HideablePart) => this._hideSet.has(part);
    const playing = this._session.playing;
    // Enabled while the engine loads too: Train then starts it once it is there, Step waits for it.
    const canTrain = this._session.state !== 'failed' && (this._data?.train.y.length ?? 0) > 0;
    const notice = this._session.notice;
    const backendInUse = this._session.backend;
    // Shown after the Backend choice: what the engine actually runs on (auto picks one).
    const badge = !this._session.started
      ? 'not started'
      : this._session.state === 'loading' && !backendInUse
        ? 'loading…'
        : backendInUse
          ? engineLabel(backendInUse) +
            (this._session.thread === 'main-thread' ? ' · main thread' : '')
          : '—';
    const speed = speedText(this._session.rate, this._data?.train.y.length ?? 0);
    return html`
      <div class="layout" part="base">
        ${playbackBar({
          report: r,
          playing,
          canTrain,
          hasTest: this._hasTest(),
          engine: this.backend,
          hideEngine: hidden('backend'),
          badge,
          badgeTitle: badgeTitle(this._session),
          speed,
          onPlay: () => this._togglePlay(),
          onStep: () => void this.step(),
          onReset: () => void this.reset(),
          onEngine: (backend) => this._userSet({ backend }),
        })}
        ${
          notice
            ? noticeBox({
                notice,
                learningRate: this.learningRate,
                onReset: () => void this.reset(),
                onLearningRate: (learningRate) => this._userSet({ learningRate }),
                onDismiss: () => this._session.dismissNotice(),
              })
            : nothing
        }

        <figure class="plot-area" part="plot">
          <div class="plot-box">
            <canvas
              class="plot"
              role="img"
              tabindex="0"
              aria-label=${plotLabel(this._data, this.datasetName, this._names)}
              aria-describedby=${hidden('points') ? nothing : 'plot-help'}
              @click=${this._onPlotClick}
              @keydown=${this._onPlotKey}
              @focus=${this._onPlotFocus}
              @blur=${() => (this._plotFocused = false)}
            ></canvas>
          </div>
          <p class="cursor-text" aria-live="polite">${this._plotFocused ? this._cursorText : ''}</p>
          <figcaption>
            ${keyList(this._names)}
            <p class="summary" part="summary" aria-live="polite">
              ${this._announcement || summaryText(this._data, this._session.report, this._classNames)}
            </p>
          </figcaption>
        </figure>

        <div class="side">
          <nn-loss-chart
            part="loss"
            label="Train and test loss"
            ?hidden=${hidden('loss')}
          ></nn-loss-chart>
          <figure class="diagram-area" part="diagram" ?hidden=${hidden('diagram')}>
            <div class="diagram-box">
              <canvas
                class="diagram"
                role="img"
                aria-label=${diagramLabel(this._hidden, this._classNames.length)}
              ></canvas>
            </div>
          </figure>
        </div>

        <div class="panels">
          ${dataPanel({
            dataset: this.datasetName,
            noise: this.noise,
            samples: this.samples,
            testFraction: this.testFraction,
            hidden: hidden('dataset'),
            onDataset: (datasetName) => this._userSet({ datasetName }),
            onNoise: (noise) => this._userSet({ noise }),
            onSamples: (samples) => this._userSet({ samples }),
            onTestFraction: (testFraction) => this._userSet({ testFraction }),
          })}
          ${pointsPanel({
            addClass: this._addClass,
            classNames: this._classNames,
            labelName: this.labelName,
            added: this._userPoints.length,
            hidden: hidden('points'),
            csv: this._csvReport,
            columns: this._csvColumns
              ? {
                  names: this._csvColumns.table.features,
                  x: this._csvColumns.x,
                  y: this._csvColumns.y,
                }
              : null,
            onClass: (c) => (this._addClass = c),
            onUndo: () => this._userSet({ points: formatPoints(this._userPoints.slice(0, -1)) }),
            onClear: () => this._userSet({ points: '' }),
            onUseCsv: (csv) => this.loadCsv(csv),
            onFile: (file) => void this._onFile(file),
            onDownload: () => this._downloadCsv(),
            onColumns: (x, y) => {
              if (!this._csvColumns) return;
              this._csvColumns = { ...this._csvColumns, x, y };
              this._useColumns(this._csvColumns.table, x, y);
            },
          })}
          ${architecturePanel({
            layers: this._hidden,
            classes: this._classNames.length,
            hidden: hidden('architecture'),
            error: this._unitsError,
            onLayers: (layers) => this._setLayers(layers),
            onUnitsInput: (layer, value) => this._onUnitsInput(layer, value),
          })}
          ${hyperPanel({
            loss: this.loss,
            optimizer: this.optimizer,
            learningRate: this.learningRate,
            batchSize: this.batchSize,
            l2: this.l2,
            seed: this.seed,
            hidden: hidden('hyperparameters'),
            seedError: this._seedError,
            onLoss: (loss) => this._userSet({ loss }),
            onOptimizer: (optimizer) => this._userSet({ optimizer }),
            onLearningRate: (learningRate) => this._userSet({ learningRate }),
            onBatchSize: (batchSize) => this._userSet({ batchSize }),
            onL2: (l2) => this._userSet({ l2 }),
            onSeedInput: (value) => this._onSeedInput(value),
          })}
        </div>

        ${shareArea({
          hidden: hidden('share'),
          link: this._link,
          note: this._linkNote,
          onShare: () => void this._share(),
        })}
        ${dataTableArea({ shown: this._showTable, onToggle: () => (this._showTable = !this._showTable), table: () => this._dataTables(), label: 'Data tables' })}
      </div>
    `;
  }
}
