import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { SERIES_DASHES, SERIES_STYLES, drawLossChart } from '../../charts/loss-chart';
import type { LossChartLayout, LossScale } from '../../charts/loss-chart';
import { formatNumber } from '../../math/format';
import { NnElement, defaultOf, enumAttribute, warnOnce } from '../shared/base';
import { FrameTask, SizeController } from '../shared/size';
import { dataTableArea } from '../shared/data-table';
import { tokens } from '../shared/tokens';
import { exampleRun } from './examples';
import type { ExampleName } from './examples';
import { LossSeries } from './series-store';
import type { LossPoint, LossSeriesSnapshot } from './series-store';
import { styles } from './styles';

const TAG = 'nn-loss-chart';

/** At most this many evenly spaced rows in the data table (plus each series' lowest point). */
const TABLE_ROWS = 40;
/** ←/→ move one point while a series has at most this many; beyond, 1/KEY_STEPS of the run. */
const KEY_STEPS = 500;

/** The `detail` of the `nn-change` event. */
export interface LossChartChangeDetail {
  /** The y scale after the user's change. */
  scale: LossScale;
}

export type { LossPoint, LossSeriesSnapshot };

/**
 * @summary A loss curve — loss against training step — for one or more series (train, test, runs
 * to compare), drawn in distinct colours and dash patterns, on a linear or log scale. A cursor,
 * moved by pointer or keyboard, reads every series at one step; a data table is its text
 * alternative. Built for streaming: `append()` 100,000 points and it stays fast.
 *
 * Streaming API (properties and methods, not attributes):
 * - `append(series, points)`: add one `{ step, loss }` or an array of them to the named series
 *   (created on first use, in legend order). Cheap: it stores the points and schedules one redraw
 *   on the next animation frame, however many appends come before it. Steps should increase
 *   along a series. Non-finite losses are kept and counted but never drawn (the line breaks).
 * - `clear(series?)`: forget one series, or all of them.
 * - `series`: read-only snapshots `{ name, length, steps, losses, nonFinite }` of the full data
 *   (typed-array views; never decimated).
 *
 * @event nn-change - The user switched the y scale. `detail`: `{ scale }` (see
 *   `LossChartChangeDetail`). Bubbles and is composed. Not fired for attribute or property changes.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart legend - The list of series, each with its line style.
 * @csspart scale-button - The "Log scale" toggle button (`aria-pressed`).
 * @csspart chart - The `<figure>` with the plot, the readout and the summary.
 * @csspart plot - The focusable plot (a slider over the steps: ←/→, Page Up/Down, Home/End).
 * @csspart readout - The values of every series at the cursor (or the latest step).
 * @csspart summary - A text summary of each series (where it started, ended, its lowest point).
 * @csspart note - Notes about values that are not drawn (non-finite; ≤ 0 on a log scale).
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data table (present only while shown).
 *
 * @cssproperty --nn-color-fg - Text colour.
 * @cssproperty --nn-color-bg - Background of the widget.
 * @cssproperty --nn-color-surface - Background of buttons and the pressed scale button.
 * @cssproperty --nn-color-muted - Axes and secondary text.
 * @cssproperty --nn-color-border - The widget's border, grid lines and table rules.
 * @cssproperty --nn-color-accent - The first series (solid).
 * @cssproperty --nn-color-accent-2 - The second series (dashed).
 * @cssproperty --nn-color-series-3 - The third series (dotted); --nn-color-series-4 … -6 likewise.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 */
export class NnLossChart extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    scale: enumAttribute(TAG, 'scale'),
    example: enumAttribute(TAG, 'example'),
    label: { type: String, reflect: true },
    _version: { state: true },
    _cursorStep: { state: true },
    _showTable: { state: true },
  };

  /** The y axis: 'linear' (default) or 'log'. Reflected to the `scale` attribute. */
  declare scale: LossScale;
  /** A built-in example run to show: 'none' (default), 'learning', 'overfitting', 'diverging'. */
  declare example: ExampleName;
  /** What the chart shows, in a few words (accessible name, table caption). Default 'Loss'. */
  declare label: string;
  /** Bumped once per animation frame after appends: the only thing that triggers a redraw. */
  declare private _version: number;
  /** The step the cursor marks, or null (the readout then shows the latest step). */
  declare private _cursorStep: number | null;
  declare private _showTable: boolean;

  private _series: LossSeries[] = [];
  private readonly _bump = new FrameTask(this, () => this._version++);
  private readonly _size = new SizeController(this, {
    target: () => this.renderRoot.querySelector('figure'),
    redraw: () => this._draw(),
  });
  private _layout: LossChartLayout | undefined;

  constructor() {
    super();
    this.scale = defaultOf<string>(TAG, 'scale') as LossScale;
    this.example = defaultOf<string>(TAG, 'example') as ExampleName;
    this.label = defaultOf<string>(TAG, 'label');
    this._version = 0;
    this._cursorStep = null;
    this._showTable = false;
  }

  // ---- Streaming API -------------------------------------------------------------------------

  /**
   * Append one point or many to the series named `series` (created on first use). The chart
   * redraws once on the next animation frame, however many appends come before it. A point
   * whose step is not a finite number is skipped with one console warning.
   *
   * `Element.append(...nodes)` keeps working: a call whose second argument is a point or an
   * array of points appends data; anything else (nodes, text) goes to the DOM method.
   */
  override append(series: string, points: LossPoint | readonly LossPoint[]): void;
  override append(...nodes: (Node | string)[]): void;
  override append(...args: unknown[]): void {
    const [series, points] = args;
    const isData =
      args.length === 2 &&
      typeof series === 'string' &&
      (Array.isArray(points) ||
        (typeof points === 'object' && points !== null && !(points instanceof Node)));
    if (!isData) {
      super.append(...(args as (Node | string)[]));
      return;
    }
    this._appendPoints(series, points as LossPoint | readonly LossPoint[]);
  }

  private _appendPoints(series: string, points: LossPoint | readonly LossPoint[]): void {
    if (series.trim() === '') {
      warnOnce(`<${TAG}>.append: the series name must be a non-empty string.`);
      return;
    }
    let target = this._series.find((s) => s.name === series);
    if (!target) {
      const slot = this._series.length === 0 ? 0 : Math.max(...this._series.map((s) => s.slot)) + 1;
      target = new LossSeries(series, slot);
      this._series.push(target);
    }
    const list: readonly LossPoint[] = Array.isArray(points) ? points : [points as LossPoint];
    for (const point of list) {
      const step = point?.step;
      if (typeof step !== 'number' || !Number.isFinite(step)) {
        warnOnce(`<${TAG}>.append: a point's step must be a finite number; skipped.`);
        continue;
      }
      const loss = point.loss;
      target.push(step, typeof loss === 'number' ? loss : Number.NaN);
    }
    this._scheduleDraw();
  }

  /** Forget the points of one series (`clear('test')`), or of every series (`clear()`). */
  clear(series?: string): void {
    this._series = series === undefined ? [] : this._series.filter((s) => s.name !== series);
    if (this._series.length === 0) this._cursorStep = null;
    this._scheduleDraw();
  }

  /** Every series, in legend order, with its full (never decimated) data. */
  get series(): readonly LossSeriesSnapshot[] {
    return this._series.map((s) => s.snapshot());
  }

  private _scheduleDraw(): void {
    this._bump.schedule();
  }

  // ---- Lifecycle -----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this._scheduleDraw();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('example') && (this.example !== 'none' || changed.get('example'))) {
      this._series = [];
      this._cursorStep = null;
      for (const { name, points } of exampleRun(this.example).series) {
        this._appendPoints(name, points);
      }
    }
  }

  protected override updated(): void {
    this._draw();
  }

  private get _svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg.plot-svg');
  }

  private _draw(): void {
    const svg = this._svg;
    // Drawn once the figure is measured (see SizeController), never by measuring in an update.
    if (!svg || !this._size.measured) return;
    const width = this._size.widthOr(600);
    const height = Math.round(Math.min(320, Math.max(220, width * 0.55)));
    const series = this._series;
    const filled = series.filter((s) => s.length > 0);
    const finite = filled.filter((s) => s.maxLoss >= s.minLoss);
    const positives = filled.filter((s) => s.minPositive < Infinity);
    const cursor = this._cursorStep;
    this._layout = drawLossChart(
      svg,
      {
        series,
        scale: this.scale,
        steps: filled.length
          ? [Math.min(...filled.map((s) => s.minStep)), Math.max(...filled.map((s) => s.maxStep))]
          : null,
        losses: finite.length
          ? [Math.min(...finite.map((s) => s.minLoss)), Math.max(...finite.map((s) => s.maxLoss))]
          : null,
        minPositive: positives.length ? Math.min(...positives.map((s) => s.minPositive)) : null,
        cursor:
          cursor === null
            ? null
            : {
                step: cursor,
                points: series.map((s) => {
                  const i = s.indexAt(cursor);
                  return i >= 0 ? i : null;
                }),
              },
      },
      { width, height },
    );
    svg.dataset.vertices = String(this._layout.vertices.reduce((a, b) => a + b, 0));
  }

  // ---- Cursor: pointer and keyboard ----------------------------------------------------------

  /** The series the cursor walks along: the one with the most points. */
  private get _reference(): LossSeries | undefined {
    let best: LossSeries | undefined;
    for (const s of this._series) if (s.length > 0 && (!best || s.length > best.length)) best = s;
    return best;
  }

  private _onPointerMove(event: PointerEvent): void {
    const svg = this._svg;
    const ref = this._reference;
    if (!svg || !ref || !this._layout) return;
    const rect = svg.getBoundingClientRect();
    const viewWidth = svg.viewBox.baseVal?.width || rect.width;
    if (rect.width <= 0) return;
    const step = this._layout.stepAt(((event.clientX - rect.left) * viewWidth) / rect.width);
    // Snap to the nearest point of the reference series.
    const i = ref.indexAt(step);
    const next = Math.min(ref.length - 1, i + 1);
    const snapped = Math.abs(ref.steps[next]! - step) < Math.abs(ref.steps[i]! - step) ? next : i;
    this._cursorStep = ref.steps[snapped]!;
  }

  private _onPointerLeave(): void {
    if (this.shadowRoot?.activeElement?.classList.contains('plot')) return;
    this._cursorStep = null;
  }

  private _onFocus(): void {
    const ref = this._reference;
    if (this._cursorStep === null && ref) this._cursorStep = ref.steps[ref.length - 1]!;
  }

  private _onKeyDown(event: KeyboardEvent): void {
    const ref = this._reference;
    if (!ref) return;
    const n = ref.length;
    const current = this._cursorStep === null ? n - 1 : ref.indexAt(this._cursorStep);
    const stride = n <= KEY_STEPS ? 1 : Math.ceil(n / KEY_STEPS);
    const page = Math.max(stride, Math.ceil(n / 10));
    const moves: Record<string, number> = {
      ArrowLeft: current - stride,
      ArrowDown: current - stride,
      ArrowRight: current + stride,
      ArrowUp: current + stride,
      PageDown: current - page,
      PageUp: current + page,
      Home: 0,
      End: n - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this._cursorStep = ref.steps[Math.min(n - 1, Math.max(0, target))]!;
  }

  private _toggleScale(): void {
    this.scale = this.scale === 'log' ? 'linear' : 'log';
    this.emit<LossChartChangeDetail>('nn-change', { scale: this.scale });
  }

  private _toggleTable(): void {
    this._showTable = !this._showTable;
  }

  // ---- Rendering -----------------------------------------------------------------------------

  override render(): TemplateResult {
    const ref = this._reference;
    const readout = this._readout();
    const log = this.scale === 'log';
    return html`
      <div class="layout" part="base">
        <div class="toolbar">
          <ul class="legend" part="legend" aria-label="Series">
            ${this._series.map(
              (s) =>
                html`<li>
                  <svg class="swatch" width="30" height="12" aria-hidden="true">
                    <line
                      x1="1"
                      x2="29"
                      y1="6"
                      y2="6"
                      style=${`stroke: var(--_series-${s.slot % SERIES_STYLES}); stroke-dasharray: ${
                        SERIES_DASHES[s.slot % SERIES_STYLES] || 'none'
                      }`}
                    ></line>
                  </svg>
                  ${s.name}
                </li>`,
            )}
          </ul>
          <button
            type="button"
            part="scale-button"
            class="scale"
            aria-pressed=${log ? 'true' : 'false'}
            @click=${this._toggleScale}
          >
            Log scale
          </button>
        </div>

        <figure part="chart">
          <div
            class="plot"
            part="plot"
            role="slider"
            tabindex="0"
            aria-label=${`${this.label}: cursor over the training steps`}
            aria-valuemin=${ref ? ref.minStep : 0}
            aria-valuemax=${ref ? ref.maxStep : 0}
            aria-valuenow=${this._cursorStep ?? (ref ? ref.maxStep : 0)}
            aria-valuetext=${readout}
            aria-describedby="keys"
            @keydown=${this._onKeyDown}
            @focus=${this._onFocus}
            @pointermove=${this._onPointerMove}
            @pointerdown=${this._onPointerMove}
            @pointerleave=${this._onPointerLeave}
          >
            <svg class="plot-svg" role="img" aria-label=${this._chartLabel()}></svg>
          </div>
          <p class="readout" part="readout">${readout}</p>
          <figcaption part="summary">${this._summary()}</figcaption>
          ${this._notes()}
          <p class="keys" id="keys">
            To read the values at a step, point at the chart, or focus it and press ← →, Home, End.
          </p>
        </figure>

        ${dataTableArea({ shown: this._showTable, onToggle: () => this._toggleTable(), table: () => this._table() })}
      </div>
    `;
  }

  private _chartLabel(): string {
    const names = this._series.filter((s) => s.length > 0).map((s) => s.name);
    const scale = this.scale === 'log' ? 'a logarithmic' : 'a linear';
    if (names.length === 0) return `${this.label}: no data yet.`;
    return `${this.label}: loss against training step for ${list(names)}, on ${scale} scale.`;
  }

  /** "step 120: train 0.34, test 0.41" at the cursor, or at the latest step. */
  private _readout(): string {
    const filled = this._series.filter((s) => s.length > 0);
    if (filled.length === 0) return 'No data yet.';
    const cursor = this._cursorStep;
    const step = cursor ?? Math.max(...filled.map((s) => s.maxStep));
    const values = filled.map((s) => {
      const i = s.indexAt(step);
      const at = s.steps[i]!;
      const where = at === step ? '' : ` (at step ${formatStep(at)})`;
      return `${s.name} ${formatLoss(s.losses[i]!)}${where}`;
    });
    return `${cursor === null ? 'Latest, ' : ''}step ${formatStep(step)}: ${values.join(', ')}`;
  }

  private _summary(): string {
    const filled = this._series.filter((s) => s.length > 0);
    if (filled.length === 0) return `${this.label}: no data yet.`;
    return filled
      .map((s) => {
        const n = s.length;
        const first = `${formatLoss(s.losses[0]!)} at step ${formatStep(s.steps[0]!)}`;
        const end = s.losses[n - 1]!;
        const last = Number.isFinite(end)
          ? `${formatLoss(end)} at step ${formatStep(s.steps[n - 1]!)}`
          : `a value that is not finite at step ${formatStep(s.steps[n - 1]!)}`;
        const lowest =
          s.lowest >= 0 && s.lowest !== n - 1
            ? `; lowest ${formatLoss(s.losses[s.lowest]!)} at step ${formatStep(s.steps[s.lowest]!)}`
            : '';
        const count = `${formatNumber(n, 0)} ${n === 1 ? 'point' : 'points'}`;
        return n === 1
          ? `${s.name}: ${first}.`
          : `${s.name}: ${count}, from ${first} to ${last}${lowest}.`;
      })
      .join(' ');
  }

  private _notes(): TemplateResult | typeof nothing {
    const nonFinite = this._series.reduce((a, s) => a + s.nonFinite, 0);
    const nonPositive =
      this.scale === 'log' ? this._series.reduce((a, s) => a + s.nonPositive, 0) : 0;
    if (nonFinite === 0 && nonPositive === 0) return nothing;
    const notes: string[] = [];
    if (nonFinite > 0) {
      notes.push(
        nonFinite === 1
          ? '1 value was not finite and is not shown.'
          : `${formatNumber(nonFinite, 0)} values were not finite and are not shown.`,
      );
    }
    if (nonPositive > 0) {
      notes.push(
        nonPositive === 1
          ? '1 value is 0 or below and cannot be shown on a log scale.'
          : `${formatNumber(nonPositive, 0)} values are 0 or below and cannot be shown on a log scale.`,
      );
    }
    return html`<p class="note" part="note">${notes.join(' ')}</p>`;
  }

  private _table(): TemplateResult {
    const filled = this._series.filter((s) => s.length > 0);
    const ref = this._reference;
    const caption = html`<caption id="data-table-caption">
      ${this.label}: the loss of each series by training step
    </caption>`;
    if (!ref) {
      return html`<table part="table">
        ${caption}
        <tbody>
          <tr>
            <td>No data yet.</td>
          </tr>
        </tbody>
      </table>`;
    }
    // Evenly spaced rows of the longest series (first and last included), plus the step where
    // each series is lowest, so the table keeps the extremes the chart shows.
    const n = ref.length;
    const stepSet = new Set<number>();
    const rows = Math.min(n, TABLE_ROWS);
    for (let k = 0; k < rows; k++) {
      stepSet.add(ref.steps[rows === 1 ? 0 : Math.round((k * (n - 1)) / (rows - 1))]!);
    }
    const lowestSteps = new Map<number, string[]>();
    for (const s of filled) {
      if (s.lowest < 0) continue;
      const step = s.steps[s.lowest]!;
      stepSet.add(step);
      lowestSteps.set(step, [...(lowestSteps.get(step) ?? []), s.name]);
    }
    const union = new Set<number>();
    for (const s of filled) for (let i = 0; i < s.length; i++) union.add(s.steps[i]!);
    const steps = [...stepSet].sort((a, b) => a - b);
    const decimated = union.size > steps.length;
    return html`
      ${
        decimated
          ? html`<p class="table-note">
              Showing ${formatNumber(steps.length, 0)} of ${formatNumber(union.size, 0)} steps:
              evenly spaced, first and last included, plus the step where each series is lowest. “—”
              means a series has no value at that step.
            </p>`
          : nothing
      }
      <table part="table">
        ${caption}
        <thead>
          <tr>
            <th scope="col">step</th>
            ${filled.map((s) => html`<th scope="col">${s.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${steps.map((step) => {
            const lowest = lowestSteps.get(step) ?? [];
            return html`<tr>
              <th scope="row">${formatStep(step)}</th>
              ${filled.map((s) => {
                const i = s.exactIndex(step);
                if (i < 0) return html`<td>—</td>`;
                const v = formatLoss(s.losses[i]!);
                return lowest.includes(s.name)
                  ? html`<td><strong>${v}</strong> (lowest)</td>`
                  : html`<td>${v}</td>`;
              })}
            </tr>`;
          })}
        </tbody>
      </table>
    `;
  }
}

/** A step: whole numbers without decimals, fractional epochs with two. */
function formatStep(step: number): string {
  return formatNumber(step, Number.isInteger(step) ? 0 : 2);
}

/**
 * A loss with two significant digits after the zeros (0.34, 0.034, 0.0034), at least two
 * decimals; "not finite" for NaN/±Infinity, which the chart never draws.
 */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return 'not finite';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-6) return v > 0 ? 'less than 0.000001' : `${formatNumber(v * 1e6, 2)} millionths`;
  const decimals = Math.min(8, Math.max(2, 1 - Math.floor(Math.log10(a))));
  return formatNumber(v, a >= 1000 ? 0 : decimals);
}

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
