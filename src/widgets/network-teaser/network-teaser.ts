import { html, svg } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { drawDecisionMap } from '../../charts/decision-map';
import type { DecisionMapLayout } from '../../charts/decision-map';
import { BOUND, DATASET_NAMES, makeDataset } from '../../math/datasets';
import type { DatasetName, LabelledPoint } from '../../math/datasets';
import { formatNumber, formatPercent } from '../../math/format';
import { probability } from '../../math/tiny-network';
import { NnElement, defaultOf, enumAttribute, numberAttribute } from '../shared/base';
import { sliderRow } from '../shared/slider';
import { SizeController } from '../shared/size';
import { dataTableArea } from '../shared/data-table';
import { classColors, tokens } from '../shared/tokens';
import { TEASER_NETWORKS, layerSizes, parameterCount } from './networks';
import { styles } from './styles';

const TAG = 'nn-network-teaser';

/** Probe step for the arrow keys and the sliders, in plane units (the plane is −1 … 1). */
const STEP = 0.05;
/** Rows in the data table: a sample of the (already shuffled) points. */
const TABLE_ROWS = 20;

const DATASET_LABELS: Record<DatasetName, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gaussians: 'Two blobs',
  spiral: 'Spiral',
};
const DATASET_WORDS: Record<DatasetName, string> = {
  circle: 'a disc of orange points inside a ring of blue ones',
  xor: 'four quadrants, orange where x and y have the same sign and blue where they differ',
  gaussians: 'two blobs, orange at the top right and blue at the bottom left',
  spiral: 'two spiral arms winding around each other, one orange and one blue',
};

const CLASS_WORD = { 1: 'orange', 0: 'blue' } as const;

/** The `detail` of the `nn-change` event. */
export interface NetworkTeaserChangeDetail {
  /** The dataset shown. */
  dataset: DatasetName;
  /** The seed of its points. */
  seed: number;
  /** The probe point. */
  probeX: number;
  probeY: number;
  /** The network's probability that the probe point is orange (class 1). */
  probability: number;
  /** How many of the points the network classifies right, and how many there are. */
  correct: number;
  total: number;
}

/**
 * @summary A tiny pre-set network classifying points of the plane: the map of its probability
 * that a point is orange, the dataset over it (orange triangles, blue circles), a probe point to
 * move with the arrow keys, a click, a tap or a drag, the probability read out in words, and how
 * many points it gets right.
 *
 * @event nn-change - The user moved the probe, chose a dataset or drew new points. `detail`:
 *   `{ dataset, seed, probeX, probeY, probability, correct, total }` (see
 *   `NetworkTeaserChangeDetail`). Bubbles and is composed. Not fired for attribute changes.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart datasets - The group of dataset choices.
 * @csspart chart - The `<figure>` holding the map.
 * @csspart map - The `<svg>` map (focusable; the arrow keys move the probe).
 * @csspart readout - The live sentence with the probe's probability (`aria-live="polite"`).
 * @csspart slider - The probe's x and y sliders.
 * @csspart score - "It gets 96 of 100 points right."
 * @csspart new-points - The "New points" button.
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data table (present only while shown).
 *
 * @cssproperty --nn-color-class-1 - Colour of class 1, "orange" (triangles, and the map where the network says orange).
 * @cssproperty --nn-color-class-0 - Colour of class 0, "blue" (circles, and the map where it says blue).
 * @cssproperty --nn-color-fg - Text, point outlines, the boundary line and the probe.
 * @cssproperty --nn-color-bg - Background of the widget.
 * @cssproperty --nn-color-surface - Background of the readout and the highlighted table rows.
 * @cssproperty --nn-color-muted - Axes and secondary text.
 * @cssproperty --nn-color-border - The widget's border, the plot frame and table rules.
 * @cssproperty --nn-color-accent - Sliders and the chosen dataset.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the numbers.
 */
export class NnNetworkTeaser extends NnElement {
  static override styles = [tokens, classColors, styles];

  static override properties = {
    datasetName: { ...enumAttribute(TAG, 'dataset'), attribute: 'dataset' },
    seed: numberAttribute(TAG, 'seed'),
    points: numberAttribute(TAG, 'points'),
    noise: numberAttribute(TAG, 'noise'),
    probeX: { ...numberAttribute(TAG, 'probe-x'), attribute: 'probe-x' },
    probeY: { ...numberAttribute(TAG, 'probe-y'), attribute: 'probe-y' },
    _showTable: { state: true },
  };

  /**
   * The data the network classifies: "circle", "xor", "gaussians" or "spiral". Default "circle".
   * Reflected to the `dataset` attribute (the property cannot be called `dataset`: HTMLElement
   * has one, for `data-*` attributes).
   */
  declare datasetName: string;
  /** Seed of the random points. Default 1. Reflected to the `seed` attribute. */
  declare seed: number;
  /** How many points to draw, 10 to 500 (rounded). Default 100. */
  declare points: number;
  /** Standard deviation of the jitter on each coordinate, 0 to 0.5. Default 0.05. */
  declare noise: number;
  /** x of the probe point, −1 to 1. Default 0.3. Reflected to the `probe-x` attribute. */
  declare probeX: number;
  /** y of the probe point, −1 to 1. Default 0.2. Reflected to the `probe-y` attribute. */
  declare probeY: number;
  declare private _showTable: boolean;

  private readonly _size = new SizeController(this, {
    target: () => this.renderRoot.querySelector('figure'),
    redraw: () => this._draw(),
  });
  private _layout: DecisionMapLayout | undefined;
  private _dragging = false;
  private _data: { key: string; points: LabelledPoint[]; correct: number } | undefined;
  private readonly _darkQuery =
    typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  private readonly _onSchemeChange = (): void => this._draw();

  constructor() {
    super();
    this.datasetName = defaultOf<string>(TAG, 'dataset');
    this.seed = defaultOf<number>(TAG, 'seed');
    this.points = defaultOf<number>(TAG, 'points');
    this.noise = defaultOf<number>(TAG, 'noise');
    this.probeX = defaultOf<number>(TAG, 'probe-x');
    this.probeY = defaultOf<number>(TAG, 'probe-y');
    this._showTable = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._darkQuery?.addEventListener('change', this._onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._darkQuery?.removeEventListener('change', this._onSchemeChange);
  }

  protected override updated(_changed: PropertyValues): void {
    this._draw();
  }

  /** The dataset as a known name (a property set from script may hold anything). */
  private get _name(): DatasetName {
    return (DATASET_NAMES as readonly string[]).includes(this.datasetName)
      ? (this.datasetName as DatasetName)
      : 'circle';
  }

  private get _network() {
    return TEASER_NETWORKS[this._name].network;
  }

  /** p(orange) at (x, y) for the current network. */
  private _p(x: number, y: number): number {
    return probability(this._network, x, y);
  }

  /** The points and the score, recomputed only when dataset, seed, count or noise change. */
  private get _dataset(): { points: LabelledPoint[]; correct: number } {
    const n = Math.round(clamp(this.points, 10, 500));
    const noise = Number.isFinite(this.noise) ? clamp(this.noise, 0, 0.5) : 0.05;
    const seed = Number.isFinite(this.seed) ? this.seed : 1;
    const key = `${this._name}|${seed}|${n}|${noise}`;
    if (this._data?.key !== key) {
      const points = makeDataset(this._name, n, noise, seed);
      const correct = points.filter((p) => (this._p(p.x, p.y) >= 0.5 ? 1 : 0) === p.label).length;
      this._data = { key, points, correct };
    }
    return this._data;
  }

  private get _probe(): { x: number; y: number } {
    const safe = (v: number) => (Number.isFinite(v) ? clamp(v, -BOUND, BOUND) : 0);
    return { x: safe(this.probeX), y: safe(this.probeY) };
  }

  private get _svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg.map');
  }

  private _draw(): void {
    const svg = this._svg;
    // Drawn once the figure is measured (see SizeController), never by measuring in an update.
    if (!svg || !this._size.measured) return;
    const width = Math.min(560, this._size.widthOr(480));
    const style = getComputedStyle(this);
    this._layout = drawDecisionMap(
      svg,
      {
        probability: (x, y) => this._p(x, y),
        mapKey: this._name,
        domain: [-BOUND, BOUND],
        points: this._dataset.points,
        probe: this._probe,
        boundary: 'contour',
        colors: {
          class0: style.getPropertyValue('--_class0').trim() || '#0072b2',
          class1: style.getPropertyValue('--_class1').trim() || '#c75c00',
        },
        labels: { x: 'x', y: 'y' },
      },
      { width, height: width },
    );
  }

  // ——— user input ———

  private _moveProbe(x: number, y: number): void {
    // Two decimals: attributes stay readable (probe-x="0.35"), and steps do not drift (0.1 + 0.2).
    const round = (v: number) => Math.round(clamp(v, -BOUND, BOUND) * 100) / 100;
    const nx = round(x);
    const ny = round(y);
    if (nx === this.probeX && ny === this.probeY) return;
    this.probeX = nx;
    this.probeY = ny;
    this._emitChange();
  }

  private _onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = e.shiftKey ? 4 * STEP : STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (!move) return;
    // Ours: not the page's scroll, and not the lesson's "next step".
    e.preventDefault();
    const { x, y } = this._probe;
    this._moveProbe(x + move[0], y + move[1]);
  }

  private _pointerToPlane(e: PointerEvent): { x: number; y: number } | undefined {
    const svg = this._svg;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix || !this._layout) return undefined;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
    return { x: this._layout.x.invert(p.x), y: this._layout.y.invert(p.y) };
  }

  private _onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const at = this._pointerToPlane(e);
    if (!at) return;
    this._dragging = true;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    this._moveProbe(at.x, at.y);
  }

  private _onPointerMove(e: PointerEvent): void {
    if (!this._dragging) return;
    const at = this._pointerToPlane(e);
    if (at) this._moveProbe(at.x, at.y);
  }

  private _onPointerUp(e: PointerEvent): void {
    this._dragging = false;
    (e.currentTarget as Element).releasePointerCapture?.(e.pointerId);
  }

  private _onSlider(axis: 'x' | 'y', e: Event): void {
    const value = Number((e.target as HTMLInputElement).value);
    if (!Number.isFinite(value)) return;
    const { x, y } = this._probe;
    if (axis === 'x') this._moveProbe(value, y);
    else this._moveProbe(x, value);
  }

  private _onDataset(e: Event): void {
    this.datasetName = (e.target as HTMLInputElement).value;
    this._emitChange();
  }

  private _newPoints(): void {
    this.seed = (Math.round(Number.isFinite(this.seed) ? this.seed : 0) + 1) % 1000001;
    this._emitChange();
  }

  private _emitChange(): void {
    const { x, y } = this._probe;
    const { points, correct } = this._dataset;
    this.emit<NetworkTeaserChangeDetail>('nn-change', {
      dataset: this._name,
      seed: this.seed,
      probeX: x,
      probeY: y,
      probability: this._p(x, y),
      correct,
      total: points.length,
    });
  }

  private _toggleTable(): void {
    this._showTable = !this._showTable;
  }

  // ——— rendering ———

  override render(): TemplateResult {
    const name = this._name;
    const { x, y } = this._probe;
    const p = this._p(x, y);
    const { points, correct } = this._dataset;
    const { network, origin } = TEASER_NETWORKS[name];
    const sizes = layerSizes(network);
    const hidden = sizes.slice(1, -1);

    return html`
      <div class="layout" part="base">
        <fieldset part="datasets">
          <legend>Data</legend>
          <div class="choices">
            ${DATASET_NAMES.map(
              (d) => html`
                <label>
                  <input
                    type="radio"
                    name="dataset"
                    value=${d}
                    .checked=${d === name}
                    @change=${this._onDataset}
                  />
                  ${DATASET_LABELS[d]}
                </label>
              `,
            )}
          </div>
        </fieldset>

        <figure part="chart">
          <svg
            class="map"
            part="map"
            role="img"
            tabindex="0"
            aria-label=${this._chartLabel(points.length)}
            @keydown=${this._onKey}
            @pointerdown=${this._onPointerDown}
            @pointermove=${this._onPointerMove}
            @pointerup=${this._onPointerUp}
            @pointercancel=${this._onPointerUp}
          ></svg>
          <figcaption class="keys">
            Click, tap or drag on the map to move the probe; or focus the map and use the arrow keys
            (with Shift for bigger steps).
          </figcaption>
        </figure>

        <div class="side">
          <p class="readout" part="readout" aria-live="polite">
            ${readout(p)}
            <span class="p"
              >at (<span class="num">${formatNumber(x, 2)}</span>,
              <span class="num">${formatNumber(y, 2)}</span>): p(orange) =
              <span class="num" data-value="probability">${formatNumber(p, 3)}</span></span
            >
          </p>
          <ul class="key" aria-label="Key">
            <li>${shape(1)} orange points (triangles)</li>
            <li>${shape(0)} blue points (circles)</li>
            <li>${probeIcon()} the probe</li>
          </ul>
          ${this._slider('x', x)} ${this._slider('y', y)}
          <p class="score" part="score">
            It gets <strong class="num">${correct} of ${points.length}</strong> points right.
          </p>
          <p class="about">
            The network: 2 inputs → ${hidden.join(' → ')} hidden neurons → 1 output, with
            ${parameterCount(network)} weights and biases ${origin}.
          </p>
          <div>
            <button type="button" part="new-points" @click=${this._newPoints}>New points</button>
          </div>
        </div>

        ${dataTableArea({ shown: this._showTable, onToggle: () => this._toggleTable(), table: () => this._table(points) })}
      </div>
    `;
  }

  private _slider(axis: 'x' | 'y', value: number): TemplateResult {
    const id = `probe-${axis}`;
    return sliderRow({
      id,
      label: html`probe <var>${axis}</var>`,
      value,
      shown: formatNumber(value, 2),
      spoken: spoken(value),
      min: -BOUND,
      max: BOUND,
      step: STEP,
      onInput: (e) => this._onSlider(axis, e),
    });
  }

  /** The map's accessible name: what is drawn; the numbers are in the live readout. */
  private _chartLabel(n: number): string {
    const { x, y } = this._probe;
    return (
      `Map of the plane, x and y from −1 to 1, shaded by the network's probability that a point ` +
      `is orange: orange where it says orange, blue where it says blue, with a line where it is ` +
      `50% sure. Over it, ${n} points of the ${DATASET_LABELS[this._name]} data, ` +
      `${DATASET_WORDS[this._name]}: orange triangles and blue circles. ` +
      `The probe is at (${formatNumber(x, 2)}, ${formatNumber(y, 2)}); the arrow keys move it.`
    );
  }

  private _table(points: readonly LabelledPoint[]): TemplateResult {
    const rows = points.slice(0, TABLE_ROWS).map((pt) => {
      const p = this._p(pt.x, pt.y);
      const says: 0 | 1 = p >= 0.5 ? 1 : 0;
      return { ...pt, p, says, right: says === pt.label };
    });
    return html`
      <table part="table">
        <caption id="data-table-caption">
          ${rows.length} of the ${points.length} points, with the network's probability that each is
          orange (it answers "orange" when the probability is 0.5 or more)
        </caption>
        <thead>
          <tr>
            <th scope="col">x</th>
            <th scope="col">y</th>
            <th scope="col">true class</th>
            <th scope="col">p(orange)</th>
            <th scope="col">right?</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`
              <tr class=${r.right ? '' : 'wrong'}>
                <td>${formatNumber(r.x, 2)}</td>
                <td>${formatNumber(r.y, 2)}</td>
                <td class="class">${CLASS_WORD[r.label]}</td>
                <td>${formatNumber(r.p, 3)}</td>
                <td class="class">${r.right ? 'yes' : `no: it says ${CLASS_WORD[r.says]}`}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The probability in words: how sure the network is, and of which colour. */
function readout(p: number): TemplateResult {
  if (!Number.isFinite(p)) return html`The network has no answer for this point.`;
  if (Math.abs(p - 0.5) < 0.005) {
    return html`The network <strong>cannot decide</strong>: this point is right on its boundary, 50%
      orange and 50% blue.`;
  }
  const colour = p > 0.5 ? 'orange' : 'blue';
  const sure = p > 0.5 ? p : 1 - p;
  // A sigmoid never reaches 1: say "more than 99%" rather than round to a false 100%.
  const amount = sure >= 0.995 ? 'more than 99%' : formatPercent(sure);
  return html`The network is <strong>${amount}</strong> sure this point is
    <strong>${colour}</strong>.`;
}

/** A class's marker for the key: the same shape and colour as on the map. */
function shape(label: 0 | 1): TemplateResult {
  return html`<svg viewBox="-8 -8 16 16" aria-hidden="true">
    ${
      label === 1
        ? svg`<path
          d="M0,-6.5L6,5L-6,5Z"
          style="fill: var(--_class1); stroke: var(--_fg); stroke-width: 1"
        />`
        : svg`<circle r="5" style="fill: var(--_class0); stroke: var(--_fg); stroke-width: 1" />`
    }
  </svg>`;
}

function probeIcon(): TemplateResult {
  return html`<svg viewBox="-8 -8 16 16" aria-hidden="true">
    <circle r="6" style="fill: none; stroke: var(--_fg); stroke-width: 2" />
    <circle r="1.6" style="fill: var(--_fg)" />
  </svg>`;
}

/** Slider value for screen readers: the word "minus", which every reader speaks. */
function spoken(v: number): string {
  const text = formatNumber(Math.abs(v), 2);
  return v < 0 && text !== '0.00' ? `minus ${text}` : text;
}
