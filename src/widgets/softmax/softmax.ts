import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { formatNumber } from '../../math/format';
import { widgetDoc } from '../catalog';
import { NnElement, attributeProperties, warnOnce } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { softmaxDoc } from './meta';
import { dataTableArea } from '../shared/data-table';
import { sliderRow } from '../shared/slider';
import { FieldDrafts } from '../shared/field-drafts';
import { tokens } from '../shared/tokens';
import {
  fieldText,
  labelsWarning,
  logitsWarning,
  problemText,
  summary,
  targetWarning,
} from './describe';
import {
  canShift,
  changeDetail,
  classCount,
  classNames,
  readField,
  readLabels,
  readLogits,
  scoresInUse,
  shifted,
  sliderToTemperature,
  stateOf,
  stepped,
  temperatureToSlider,
  tidy,
  withScore,
} from './model';
import type { SoftmaxChangeDetail, SoftmaxState } from './model';
import { styles } from './styles';
import {
  classRow,
  classStepper,
  columnHeads,
  formula,
  shiftButtons,
  table,
  targetChoice,
} from './templates';

const TAG = 'nn-softmax';

/** `logits="2 1 0.1"`: anything but 1 to 10 numbers in [−10, 10] is the default, with one warning. */
const LOGITS_ATTRIBUTE = (() => {
  const fallbackText = String(widgetDoc(TAG)?.attributes.find((a) => a.name === 'logits')?.default);
  const fallback = readLogits(fallbackText) ?? [];
  return {
    reflect: true,
    converter: {
      fromAttribute(value: string | null): number[] {
        if (value === null) return [...fallback];
        const list = readLogits(value);
        if (list) return list;
        warnOnce(logitsWarning(TAG, value, fallbackText));
        return [...fallback];
      },
      toAttribute: (value: number[]): string => value.map(String).join(' '),
    },
  };
})();

/** `labels="cat, dog, bird"`: anything but 1 to 10 short names is no names, with one warning. */
const LABELS_ATTRIBUTE = {
  reflect: true,
  converter: {
    fromAttribute(value: string | null): string[] {
      if (value === null) return [];
      const names = readLabels(value);
      if (names) return names;
      warnOnce(labelsWarning(TAG, value));
      return [];
    },
    toAttribute: (value: string[]): string => value.join(', '),
  },
};

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnSoftmax extends AttributeValues<typeof softmaxDoc, 'logits' | 'labels'> {}

/**
 * @summary The softmax of 2 to 10 scores (logits): one row per class with a slider and a field
 * for its score, its probability as a bar (they always add up to 1), and the gradient of the loss
 * on its score. The right class is chosen with radio chips; its probability p and the loss −log p
 * are written out with the numbers, and so is the rule ∂L/∂zᵢ = pᵢ − [i = right]. A temperature
 * slider divides every score by T; buttons add or subtract 1 from every score (nothing changes).
 *
 * @event nn-change - The user changed a score, the right class, the temperature or the number of
 *   classes. `detail`: `{ logits, target, temperature, probabilities, loss, gradient, predicted }`
 *   (see `SoftmaxChangeDetail`; classes count from 1). Bubbles and is composed. Not fired for
 *   attribute or property changes.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart classes - The list of classes.
 * @csspart class - One class's row.
 * @csspart score-slider - Each score's slider.
 * @csspart score-field - Each score's text field.
 * @csspart summary - The live text summary (`aria-live="polite"`).
 * @csspart target - The choice of the right class.
 * @csspart slider - The temperature slider.
 * @csspart formula - The box with p, the loss and the gradient rule written out.
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data table (present only while shown).
 *
 * @cssproperty --nn-color-fg - Text colour.
 * @cssproperty --nn-color-bg - Background of the widget and the fields.
 * @cssproperty --nn-color-surface - Background of the rows, bars, formula box and choices.
 * @cssproperty --nn-color-muted - Secondary text.
 * @cssproperty --nn-color-border - The widget's border, fields and table rules.
 * @cssproperty --nn-color-accent - The probability bars, sliders and the chosen right class.
 * @cssproperty --nn-color-accent-2 - The right class's row and bar.
 * @cssproperty --nn-color-danger - The message under a field that is not a number.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the numbers.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnSoftmax extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG, { logits: LOGITS_ATTRIBUTE, labels: LABELS_ATTRIBUTE }),
  };

  private readonly _table = new TableSwitch(this);

  /**
   * The scores z₁ … z_k (attribute `logits="2 1 0.1"`). Missing ones are 0; extra ones are kept
   * (so going from 5 classes to 3 and back loses nothing). Default [2, 1, 0.1].
   */
  declare logits: number[];
  /** The class names (attribute `labels="cat, dog, bird"`); missing ones are "class i". Default []. */
  declare labels: string[];
  /** What the user typed in each score's field, while it differs from the score (or is not a number). */
  private readonly _fields = new FieldDrafts<number>(this, {
    read: readField,
    valueOf: (i) => this._state.scores[i]!,
    set: (i, value) => this._setScore(i, value),
    step: stepped,
    touched: () => (this._fromUser = true),
  });

  /** True while an update comes from the user's typing: it must not wipe the fields' drafts. */
  private _fromUser = false;

  private get _k(): number {
    return classCount(this.classes);
  }

  /** Everything shown, from one softmax. */
  private get _state(): SoftmaxState {
    const k = this._k;
    return stateOf(
      scoresInUse(this.logits, k),
      classNames(this.labels, k),
      this.target,
      this.temperature,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A caller's change of the scores replaces what is in the fields, half-typed or not.
    if (!this._fromUser && changed.has('logits')) this._fields.clear();
    this._fromUser = false;
    const k = this._k;
    if ((changed.has('target') || changed.has('classes')) && !this._targetFits(k)) {
      warnOnce(targetWarning(TAG, this.target, k));
    }
  }

  private _targetFits(k: number): boolean {
    return Number.isInteger(this.target) && this.target >= 1 && this.target <= k;
  }

  // ---- user input ------------------------------------------------------------------------

  private _setScore(i: number, value: number): void {
    this._fromUser = true;
    this.logits = withScore(this.logits, this._k, i, value);
    this._emitChange();
  }

  private _onSlider(i: number, event: Event): void {
    const value = tidy(Number((event.target as HTMLInputElement).value));
    this._fields.clear((k) => k === i);
    this._setScore(i, value);
  }

  private _onTarget(target: number): void {
    this.target = target;
    this._emitChange();
  }

  private _onTemperature(position: number): void {
    this.temperature = sliderToTemperature(position);
    this._emitChange();
  }

  private _setClasses(k: number): void {
    // The right class stays a class: removing it makes the last class the right one.
    if (this._targetFits(this._k) && this.target > k) this.target = k;
    this.classes = k;
    this._emitChange();
  }

  private _shift(c: number): void {
    this._fromUser = true;
    this._fields.clear();
    this.logits = shifted(this.logits, this._k, c);
    this._emitChange();
  }

  private _emitChange(): void {
    this.emit<SoftmaxChangeDetail>('nn-change', changeDetail(this._state));
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const state = this._state;
    const t = state.temperature;
    return html`
      <div class="layout" part="base">
        ${columnHeads()}
        <ol class="classes" part="classes" aria-label="Classes, their scores and probabilities">
          ${state.scores.map((_, i) => {
            const draft = this._fields.get(i);
            const read = draft === undefined ? null : readField(draft);
            return classRow({
              state,
              i,
              text: draft ?? fieldText(state.scores[i]!),
              error: read && !read.ok ? problemText(read.problem, read.text) : '',
              onSlider: (e) => this._onSlider(i, e),
              onInput: (e) => this._fields.input(i, e),
              onChange: (e) => this._fields.change(i, e),
              onKeyDown: (e) => this._fields.keyDown(i, e),
            });
          })}
        </ol>
        <p class="summary" part="summary" aria-live="polite">${summary(state)}</p>

        <div class="controls">
          ${targetChoice({ state, onTarget: (target) => this._onTarget(target) })}
          ${sliderRow({
            id: 'temperature',
            label: html`Temperature <var>T</var>`,
            value: temperatureToSlider(t),
            shown: `T = ${formatNumber(t, t < 1 ? 2 : 1)}`,
            spoken: formatNumber(t, t < 1 ? 2 : 1),
            min: -1,
            max: 1,
            step: 0.05,
            onValue: (v) => this._onTemperature(v),
          })}
          <div class="steppers">
            ${shiftButtons({
              canAdd: canShift(state.scores, 1),
              canSubtract: canShift(state.scores, -1),
              onShift: (c) => this._shift(c),
            })}
            ${classStepper({ k: state.scores.length, set: (k) => this._setClasses(k) })}
          </div>
        </div>

        ${formula(state)} ${dataTableArea({ ...this._table.area, table: () => table(state) })}
      </div>
    `;
  }
}
