import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { drawDecisionMap } from '../../charts/decision-map';
import type { DecisionMapLayout } from '../../charts/decision-map';
import { BOUND } from '../../math/datasets';
import type { DatasetName, LabelledPoint } from '../../math/datasets';
import { formatNumber } from '../../math/format';
import { NnElement, attributeProperties } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { networkTeaserDoc } from './meta';
import { sliderRow } from '../shared/slider';
import { SchemeWatch } from '../shared/scheme';
import { FigureChart } from '../shared/size';
import { dataTableArea } from '../shared/data-table';
import { classColors, tokens } from '../shared/tokens';
import { chartLabel, spoken } from './describe';
import {
  STEP,
  arrowMove,
  datasetOf,
  nextSeed,
  pointsSetup,
  probabilityAt,
  roundProbe,
  safeProbe,
  teaserData,
} from './model';
import type { NetworkTeaserChangeDetail } from './model';
import { styles } from './styles';
import { about, datasets, key, readout, table } from './templates';

const TAG = 'nn-network-teaser';

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnNetworkTeaser extends AttributeValues<typeof networkTeaserDoc> {}

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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnNetworkTeaser extends NnElement {
  static override styles = [tokens, classColors, styles];

  static override properties = {
    ...attributeProperties(TAG),
  };

  private readonly _table = new TableSwitch(this);

  private readonly _chart = new FigureChart(this, (svg, width) => this._draw(svg, width), {
    svg: 'svg.map',
    fallbackWidth: 480,
  });
  private _layout: DecisionMapLayout | undefined;
  private _dragging = false;
  private _data: { key: string; points: LabelledPoint[]; correct: number } | undefined;
  /** The map is painted with resolved colours: repaint when the scheme flips. */
  private readonly _scheme = new SchemeWatch(this, () => this._chart.draw());

  protected override updated(_changed: PropertyValues): void {
    this._chart.draw();
  }

  /** The dataset as a known name (a property set from script may hold anything). */
  private get _name(): DatasetName {
    return datasetOf(this.datasetName);
  }

  /** p(orange) at (x, y) for the current network. */
  private _p(x: number, y: number): number {
    return probabilityAt(this._name, x, y);
  }

  /** The points and the score, recomputed only when dataset, seed, count or noise change. */
  private get _dataset(): { points: LabelledPoint[]; correct: number } {
    const setup = pointsSetup(this._name, this.points, this.noise, this.seed);
    if (this._data?.key !== setup.key) this._data = { key: setup.key, ...teaserData(setup) };
    return this._data;
  }

  private get _probe(): { x: number; y: number } {
    return safeProbe(this.probeX, this.probeY);
  }

  private _draw(svg: SVGSVGElement, chartWidth: number): void {
    const width = Math.min(560, chartWidth);
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
    const nx = roundProbe(x);
    const ny = roundProbe(y);
    if (nx === this.probeX && ny === this.probeY) return;
    this.probeX = nx;
    this.probeY = ny;
    this._emitChange();
  }

  private _onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const move = arrowMove(e.key, e.shiftKey);
    if (!move) return;
    // Ours: not the page's scroll, and not the lesson's "next step".
    e.preventDefault();
    const { x, y } = this._probe;
    this._moveProbe(x + move[0], y + move[1]);
  }

  private _pointerToPlane(e: PointerEvent): { x: number; y: number } | undefined {
    const svg = this._chart.svg;
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

  private _onSlider(axis: 'x' | 'y', value: number): void {
    const { x, y } = this._probe;
    if (axis === 'x') this._moveProbe(value, y);
    else this._moveProbe(x, value);
  }

  private _onDataset(e: Event): void {
    this.datasetName = (e.target as HTMLInputElement).value as this['datasetName'];
    this._emitChange();
  }

  private _newPoints(): void {
    this.seed = nextSeed(this.seed);
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

  // ——— rendering ———

  override render(): TemplateResult {
    const name = this._name;
    const { x, y } = this._probe;
    const { points, correct } = this._dataset;

    return html`
      <div class="layout" part="base">
        ${datasets(name, (e) => this._onDataset(e))}

        <figure part="chart">
          <svg
            class="map"
            part="map"
            role="img"
            tabindex="0"
            aria-label=${chartLabel(name, points.length, this._probe)}
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
          ${readout(this._p(x, y), x, y)} ${key()} ${this._slider('x', x)} ${this._slider('y', y)}
          <p class="score" part="score">
            It gets <strong class="num">${correct} of ${points.length}</strong> points right.
          </p>
          ${about(name)}
          <div>
            <button type="button" part="new-points" @click=${this._newPoints}>New points</button>
          </div>
        </div>

        ${dataTableArea({ ...this._table.area, table: () => table(name, points) })}
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
      onValue: (v) => this._onSlider(axis, v),
    });
  }
}
