import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { drawLossChart } from '../../charts/loss-chart';
import type { LossChartLayout, LossScale } from '../../charts/loss-chart';
import { NnElement, attributeProperties, reactive, states, warnOnce } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { lossChartDoc } from './meta';
import { FigureChart, FrameTask } from '../shared/size';
import { dataTableArea } from '../shared/data-table';
import { tokens } from '../shared/tokens';
import { chartLabel, markersText, readout, summary } from './describe';
import { exampleRun } from './examples';
import type { LossMarker } from './model';
import { cursorPoints, extents, keyTarget, nextSlot, referenceSeries, snapStep } from './model';
import { LossSeries } from './series-store';
import type { LossPoint, LossSeriesSnapshot } from './series-store';
import { styles } from './styles';
import { legend, notes, table } from './templates';

const TAG = 'nn-loss-chart';

/** The `detail` of the `nn-change` event. */
export interface LossChartChangeDetail {
  /** The y scale after the user's change. */
  scale: LossScale;
}

export type { LossMarker, LossPoint, LossSeriesSnapshot };

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnLossChart extends AttributeValues<typeof lossChartDoc> {}

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
 * - `markers`: steps to mark, `{ step, label, description?, line? }[]` (e.g. where early
 *   stopping stopped and the step whose weights it kept): a labelled rule each, the description
 *   in the summary, a row each in the data table.
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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnLossChart extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG),
    ...reactive({ markers: [] }, { attribute: false }),
    ...states({ _version: 0, _cursorStep: null }),
  };

  private readonly _table = new TableSwitch(this);

  /**
   * Steps to mark (a property, not an attribute): a labelled rule each, drawn over the lines, in
   * the summary (`description`) and as rows of the data table. Default none.
   */
  declare markers: readonly LossMarker[];
  /** Bumped once per animation frame after appends: the only thing that triggers a redraw. */
  declare private _version: number;
  /** The step the cursor marks, or null (the readout then shows the latest step). */
  declare private _cursorStep: number | null;

  private _series: LossSeries[] = [];
  private readonly _bump = new FrameTask(this, () => this._version++);
  private readonly _chart = new FigureChart(this, (svg, width) => this._draw(svg, width), {
    svg: 'svg.plot-svg',
    fallbackWidth: 600,
  });
  private _layout: LossChartLayout | undefined;

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
      target = new LossSeries(series, nextSlot(this._series));
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
    this._chart.draw();
  }

  private _draw(svg: SVGSVGElement, width: number): void {
    const height = Math.round(Math.min(320, Math.max(220, width * 0.55)));
    const series = this._series;
    const cursor = this._cursorStep;
    this._layout = drawLossChart(
      svg,
      {
        series,
        scale: this.scale,
        ...extents(series),
        cursor: cursor === null ? null : { step: cursor, points: cursorPoints(series, cursor) },
        markers: this.markers.map((m, i) => ({ ...m, key: String(i) })),
        yLabel: this.yLabel || 'loss',
      },
      { width, height },
    );
    svg.dataset.vertices = String(this._layout.vertices.reduce((a, b) => a + b, 0));
  }

  // ---- Cursor: pointer and keyboard ----------------------------------------------------------

  /** The series the cursor walks along: the one with the most points. */
  private get _reference(): LossSeries | undefined {
    return referenceSeries(this._series);
  }

  private _onPointerMove(event: PointerEvent): void {
    const svg = this._chart.svg;
    const ref = this._reference;
    if (!svg || !ref || !this._layout) return;
    const rect = svg.getBoundingClientRect();
    const viewWidth = svg.viewBox.baseVal?.width || rect.width;
    if (rect.width <= 0) return;
    const step = this._layout.stepAt(((event.clientX - rect.left) * viewWidth) / rect.width);
    // Snap to the nearest point of the reference series.
    this._cursorStep = snapStep(ref, step);
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
    const target = keyTarget(event.key, n, current);
    if (target === undefined) return;
    event.preventDefault();
    this._cursorStep = ref.steps[target]!;
  }

  private _toggleScale(): void {
    this.scale = this.scale === 'log' ? 'linear' : 'log';
    this.emit<LossChartChangeDetail>('nn-change', { scale: this.scale });
  }

  // ---- Rendering -----------------------------------------------------------------------------

  override render(): TemplateResult {
    const ref = this._reference;
    const text = readout(this._series, this._cursorStep);
    const log = this.scale === 'log';
    return html`
      <div class="layout" part="base">
        <div class="toolbar">
          ${legend(this._series)}
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
            aria-valuetext=${text}
            aria-describedby="keys"
            @keydown=${this._onKeyDown}
            @focus=${this._onFocus}
            @pointermove=${this._onPointerMove}
            @pointerdown=${this._onPointerMove}
            @pointerleave=${this._onPointerLeave}
          >
            <svg
              class="plot-svg"
              role="img"
              aria-label=${chartLabel(this.label, this._series, this.scale, this.yLabel || 'loss')}
            ></svg>
          </div>
          <p class="readout" part="readout">${text}</p>
          <figcaption part="summary">
            ${summary(this.label, this._series)} ${markersText(this.markers)}
          </figcaption>
          ${notes(this._series, this.scale)}
          <p class="keys" id="keys">
            To read the values at a step, point at the chart, or focus it and press ← →, Home, End.
          </p>
        </figure>

        ${dataTableArea({ ...this._table.area, table: () => table(this.label, this._series, this.yLabel || 'loss', this.markers) })}
      </div>
    `;
  }
}
