import type { PropertyValues, TemplateResult } from 'lit';
import type { CsvTable } from '../../math/csv';
import { formatLayers, formatPoints } from '../../math/trainer-setup';
import type { SetupValue } from '../../math/trainer-setup';
import type { EngineName } from '../../train/types';
import '../loss-chart/index';
import type { NnLossChart } from '../loss-chart/index';
import { NnElement, attributeProperties, defaultOf, states, warnOnce } from '../shared/base';
import type { AttributeValues } from '../shared/base';
import { iframeSrc, stateOf } from '../shared/embed';
import { classColors, tokens } from '../shared/tokens';
import { trainerActions } from './actions';
import { Autoplay } from './autoplay';
import { TrainingSession } from './controller';
import type { SessionReport } from './controller';
import { csvSetup, importCsv } from './csv-import';
import { gridPoints } from './data';
import { summaryText } from './describe';
import type { Names } from './describe';
import { LossFeed } from './loss-feed';
import { networkTrainerDoc } from './meta';
import { GRID, MAP_GRID, answerAt, matchingWeights } from './model';
import { progressDetail, propertyOf, shareAttributes } from './model';
import type { TrainProgressDetail, TrainerChangeDetail } from './model';
import { TrainerPicture } from './picture';
import { PlotCursor } from './plot-cursor';
import type { CsvReport } from './points-panel';
import { PICTURE_PROPS, TAG, TRAINER_PROPERTIES } from './properties';
import { TrainerState } from './state';
import { styles } from './styles';
import { INITIAL_UI, trainerView } from './view';
import type { Change, TrainerUi } from './view';
import { WeightEditor } from './weight-editor';

/** The live summary is spoken at most this often while training runs, in ms. */
const ANNOUNCE_EVERY_MS = 5000;

export type { TrainProgressDetail, TrainerChangeDetail } from './model';

const ATTRIBUTES = networkTrainerDoc.attributes.map((a) => a.name);
const DEFAULTS = new Map(networkTrainerDoc.attributes.map((a) => [a.name, String(a.default)]));

/**
 * While training, the numbers and the loss chart change at most this often (milliseconds): text a
 * person reads needs no more, and every change is raster work for the compositor. The heatmap
 * follows every frame.
 */
export const TEXT_EVERY_MS = 100;

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnNetworkTrainer extends AttributeValues<typeof networkTrainerDoc> {}

/**
 * @summary Train a small neural network in the browser, with every control of TensorFlow
 * Playground: a 2D dataset (circle, XOR, two blobs, spiral, three classes, the plane and hills
 * regression datasets, points you click or tap, or your own CSV), the input features (x₁, x₂,
 * x₁², x₂², x₁x₂, sin x₁, sin x₂), an architecture editor with dropout, the hyperparameters,
 * L1/L2 regularisation and early stopping; and as it trains the decision boundary (or the
 * predicted number) as a heatmap, the network with each neuron's own map and its weights (editable
 * by hand), train, test and validation loss, the epoch and the engine. Play, pause, step, reset,
 * regenerate. In reading mode a click or tap on the plot reads the network's answer there.
 *
 * Public methods: `play()`, `pause()`, `step()`, `reset()`, `regenerate()`, `loadCsv(text)`,
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
 * @csspart dataset - The data panel (dataset, noise, points, test share, Regenerate).
 * @csspart points - The panel for adding points and importing CSV.
 * @csspart architecture - The network editor: input features, hidden layers, dropout.
 * @csspart hyperparameters - The training settings (loss, optimizer, learning rate, …).
 * @csspart regularisation - L1 or L2 and its rate, early stopping and the validation share.
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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnNetworkTrainer extends NnElement {
  static override styles = [tokens, classColors, styles];

  static override properties = {
    ...attributeProperties(TAG, TRAINER_PROPERTIES),
    ...states({ _ui: INITIAL_UI }),
  };

  // Each attribute's meaning, range and default are in meta.ts (the catalog and the README).

  declare private _ui: TrainerUi;

  private readonly _state = new TrainerState(defaultOf<string>(TAG, 'layers'));
  private _lastAnnounced = 0;
  private _forceConfigure = false;
  private _cursorDrawn = '';
  private readonly _mapXY = gridPoints(MAP_GRID);
  private readonly _gridXY = { heatmap: gridPoints(GRID), maps: this._mapXY };
  /** What the loss chart is fed (train, test, validation). */
  private readonly _loss = new LossFeed(() => this._lossChart, TEXT_EVERY_MS);
  private readonly _session: TrainingSession;
  private readonly _editor: WeightEditor;
  private readonly _picture: TrainerPicture;
  private readonly _cursor: PlotCursor;
  private readonly _autoplay = new Autoplay(
    this,
    () => this._session.state === 'ready' && this._session.report !== null,
    () => this.play(),
  );
  private readonly _act = trainerActions({
    trainer: this,
    state: this._state,
    ui: () => this._ui,
    setUi: (change) => this._setUi(change),
    set: (change) => this._userSet(change),
    useColumns: (table, x, y) => this._useColumns(table, x, y),
    names: () => this._names,
  });

  constructor() {
    super();
    this._cursor = new PlotCursor(this, () => ({
      data: this._state.data,
      layout: this._picture.layout,
      names: this._names,
      canAdd: !this._state.hide.has('points') && this._state.data?.task !== 'regression',
      answerAt: (x, y) => this._answerAt(x, y),
      addPoint: (x, y, label) => {
        this._userSet({ points: formatPoints([...this._state.userPoints, { x, y, label }]) });
      },
    }));
    this._picture = new TrainerPicture(
      this,
      () => ({
        data: this._state.data,
        hidden: this._state.hidden,
        xLabel: this.xLabel,
        yLabel: this.yLabel,
        cursor: this._cursor.focused ? this._cursor.cursor : null,
        grid: this._session?.grid ?? null,
        maps: this._session?.maps ?? null,
        weights: this._session?.weights ?? null,
        features: this._state.features,
        featureLabels: this._names.inputs!,
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
          this._loss.flush();
          this._announce(true);
        },
      },
      this._gridXY,
      TEXT_EVERY_MS,
    );
    this._editor = new WeightEditor(
      this,
      () => {
        const sizes = this._state.sizes();
        const weights = matchingWeights(this._session.weights, sizes);
        return { sizes, inputLabels: this._names.inputs!, weights };
      },
      (ref, value) => this._session.setWeight(ref.layer, ref.from, ref.to, value),
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

  /** The engine training runs on now ('js' or a tfjs backend); null until it has started. */
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
    this._loss.clear();
    await this._session.reset();
    this._announce(true);
  }

  /** A new seed, as Playground's Regenerate: new data and new initial weights. */
  regenerate(): void {
    this._userSet({ seed: (Math.round(this.seed) % 999999) + 1 });
  }

  /** Add a point (in data units) of class `label`, without resetting the weights. */
  addPoint(x: number, y: number, label: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (!Number.isInteger(label) || label < 0 || label >= this._state.classNames.length) return;
    this.points = formatPoints([...this._state.userPoints, { x, y, label }]);
  }

  /**
   * Use CSV text as the data (see `src/math/csv.ts` for the format): dataset becomes 'custom',
   * the axes take the header's names, training restarts. Returns what was read.
   */
  loadCsv(csvText: string): CsvReport {
    const { report, columns, table } = importCsv(csvText);
    this._setUi({ csvReport: report, csvColumns: columns });
    if (table) this._useColumns(table, 0, 1);
    return report;
  }

  /**
   * A link to a page showing this trainer alone, set up as it is now (the site's embed page,
   * `embed.html#nn-network-trainer?dataset=xor&…`). With `withPoints: false` the link leaves out
   * the `points` (a big dataset makes a link too long to share).
   */
  shareUrl(options: { withPoints?: boolean } = {}): string {
    const state = shareAttributes(stateOf(this), DEFAULTS, options.withPoints !== false);
    return iframeSrc(TAG, state);
  }

  // ---- Lifecycle ---------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this._autoplay.observe();
      this._forceConfigure = true;
      this.requestUpdate();
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    const classes = this._state.classNames.length;
    for (const warning of this._state.read(changed, this)) warnOnce(`<${TAG}> ${warning}`);
    if (this._state.classNames.length !== classes) {
      this._cursor.classesChanged(this._state.classNames.length);
    }
  }

  protected override firstUpdated(): void {
    this._autoplay.observe();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('maxEpochs')) this._session.stopAfter(this.maxEpochs);
    const plan = this._state.plan(changed, this._session.hasNetwork, this._forceConfigure);
    this._forceConfigure = false;
    // After this update, not inside it: building the network updates the element again.
    if (plan === 'configure') queueMicrotask(() => this._configure());
    if (plan === 'set-data') {
      const { train, test } = this._state.rows();
      this._session.setData(train, test);
    }
    if (changed.has('theme')) this._picture.themeChanged();
    // The keyboard cursor moved or showed: the plot again (not the diagram).
    const cursor = this._cursor.focused ? JSON.stringify(this._cursor.cursor) : '';
    if (PICTURE_PROPS.some((p) => changed.has(p))) this._picture.draw(true);
    else if (cursor !== this._cursorDrawn) this._picture.draw(false);
    this._cursorDrawn = cursor;
  }

  // ---- Training ------------------------------------------------------------------------------

  private _configure(): void {
    const state = this._state;
    state.configuredClasses = state.data?.classes ?? 2;
    this._loss.clear();
    if (!state.data || state.data.train.y.length === 0) {
      // Nothing to train on yet: no trainer (an empty training set has no loss).
      this._session.clear();
      return;
    }
    void this._session.configure({
      spec: state.spec(this),
      ...state.rows(),
      // The grids the pictures are computed on, as rows of the features too.
      grids: state.grids(this._gridXY),
      backend: this.backend,
    });
  }

  private get _lossChart(): NnLossChart | null {
    return this.renderRoot?.querySelector('nn-loss-chart') ?? null;
  }

  private _onReport(report: SessionReport): void {
    // Every point reaches the chart, in batches: at most ten redraws a second while training.
    this._loss.add(report, (this._state.data?.test.y.length ?? 0) > 0, this._session.playing);
    // Training progress, from the engine (not the untrained network shown before it starts).
    if (report.backend) {
      this.emit<TrainProgressDetail>('nn-train-progress', progressDetail(report, report.backend));
    }
    this._announce(!this._session.playing);
    this._autoplay.reported();
  }

  /** Update the live summary now (`force`) or, while training runs, every few seconds. */
  private _announce(force: boolean): void {
    const now = performance.now();
    if (!force && now - this._lastAnnounced < ANNOUNCE_EVERY_MS) return;
    this._lastAnnounced = now;
    this._setUi({
      announcement: summaryText(this._state.data, this._session.report, this._state.classNames),
    });
  }

  // ---- User input ----------------------------------------------------------------------------

  /** A user change to the setup: apply it and tell the page. */
  private _userSet(change: Change): void {
    Object.assign(this, change);
    this.updateComplete.then(() => {
      this.emit<TrainerChangeDetail>('nn-change', { setup: this._setup() });
    });
  }

  private _answerAt(x: number, y: number): number[] | null {
    const data = this._state.data;
    return data ? answerAt(this._session.grid, { x, y }, data) : null;
  }

  private _setUi(change: Partial<TrainerUi>): void {
    this._ui = { ...this._ui, ...change };
  }

  private _useColumns(table: CsvTable, xCol: number, yCol: number): void {
    // Training restarts on new data, even when the dataset was already 'custom'.
    this._forceConfigure = true;
    this._userSet(csvSetup(table, xCol, yCol));
  }

  private _setup(): Record<string, SetupValue> {
    const values: Record<string, SetupValue> = {};
    for (const name of ATTRIBUTES) {
      values[name] = (this as unknown as Record<string, SetupValue>)[propertyOf(name)]!;
    }
    values.layers = formatLayers(this._state.hidden);
    return values;
  }

  private get _names(): Names {
    return this._state.names(this);
  }

  // ---- Render --------------------------------------------------------------------------------

  override render(): TemplateResult {
    return trainerView({
      settings: this,
      state: this._state,
      ui: this._ui,
      session: this._session,
      cursor: this._cursor,
      editor: this._editor,
      act: this._act,
    });
  }
}
