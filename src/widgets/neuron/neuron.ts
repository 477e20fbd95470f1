import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { drawNeuronDiagram } from '../../charts/neuron-diagram';
import { widgetDoc } from '../catalog';
import { NnElement, attributeProperties, warnOnce } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { neuronDoc } from './meta';
import { FigureChart } from '../shared/size';
import { FieldDrafts } from '../shared/field-drafts';
import { dataTableArea } from '../shared/data-table';
import { tokens } from '../shared/tokens';
import { diagramLabel, fieldText, listWarning, parseField, sub, summary } from './describe';
import {
  FILL_W,
  FILL_X,
  activationOf,
  changeDetail,
  compute,
  filled,
  inputCount,
  readList,
  stepped,
  withValue,
} from './model';
import type { FieldKey, ListName, NeuronChangeDetail, NeuronState } from './model';
import { styles } from './styles';
import { field, formula, options, table } from './templates';

const TAG = 'nn-neuron';

/**
 * A Lit property declaration for a list of numbers written with spaces (`x="1 0.5"`): anything
 * else — a non-number, more than four values, a value outside [−10, 10] — falls back to the
 * catalog default with one console warning.
 */
function numberListAttribute(name: ListName) {
  const doc = widgetDoc(TAG)?.attributes.find((a) => a.name === name);
  const fallbackText = String(doc?.default ?? '');
  const fallback = readList(fallbackText) ?? [];
  return {
    reflect: true,
    attribute: name,
    converter: {
      fromAttribute(value: string | null): number[] {
        if (value === null) return [...fallback];
        const list = readList(value);
        if (!list) {
          warnOnce(listWarning(TAG, name, value, fallbackText));
          return [...fallback];
        }
        return list;
      },
      toAttribute(value: number[]): string {
        return value.map((v) => String(v)).join(' ');
      },
    },
  };
}

const X_ATTRIBUTE = numberListAttribute('x');
const W_ATTRIBUTE = numberListAttribute('w');

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnNeuron extends AttributeValues<typeof neuronDoc, 'x' | 'w'> {}

/**
 * @summary One artificial neuron with 2 to 4 inputs, drawn as a diagram: inputs, edges labelled
 * with their weights (thicker for larger weights; solid and "+" for positive, dashed and "−" for
 * negative), the neuron with its bias, and the output. The weighted sum z and the activation are
 * written out with the numbers substituted; every input, weight and the bias is an editable field.
 *
 * @event nn-change - The user changed a field (to a valid number), the number of inputs or the
 *   activation. `detail`: `{ inputs, x, w, bias, activation, z, output }` (see
 *   `NeuronChangeDetail`). Bubbles and is composed. Not fired for attribute or property changes.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart diagram - The `<figure>` holding the diagram and its live summary.
 * @csspart summary - The live text summary under the diagram (`aria-live="polite"`).
 * @csspart fields - The group of number fields.
 * @csspart field - Each number field (inputs, weights, bias).
 * @csspart options - The number of inputs and the activation.
 * @csspart formula - The box with z and a written out.
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data table (present only while shown).
 *
 * @cssproperty --nn-color-fg - Text colour, input nodes and the output edge.
 * @cssproperty --nn-color-bg - Background of the widget and of the weight labels.
 * @cssproperty --nn-color-surface - Background of nodes, the formula box and the choices.
 * @cssproperty --nn-color-muted - Secondary text and zero-weight edges.
 * @cssproperty --nn-color-border - The widget's border, fields and table rules.
 * @cssproperty --nn-color-accent - Positive weights, the neuron and the output.
 * @cssproperty --nn-color-accent-2 - Negative weights.
 * @cssproperty --nn-color-danger - The message under a field that is not a number.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the numbers.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnNeuron extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG, { x: X_ATTRIBUTE, w: W_ATTRIBUTE }),
  };

  private readonly _table = new TableSwitch(this);

  /**
   * The inputs x₁ … xₙ (attribute `x="1 0.5"`). Missing ones are filled in; extra ones are kept
   * (so going from 4 inputs to 2 and back loses nothing). Default [1, 0.5].
   */
  declare x: number[];
  /** The weights w₁ … wₙ (attribute `w="0.8 -0.4"`), filled in and kept like `x`. Default [0.8, −0.4]. */
  declare w: number[];
  /** What the user typed in each field, while it differs from the value shown (or is not a number). */
  private readonly _fields = new FieldDrafts<FieldKey>(this, {
    read: parseField,
    valueOf: (key) => this._valueOf(key),
    set: (key, value) => this._setValue(key, value),
    step: stepped,
    touched: () => (this._fromUser = true),
  });

  private readonly _chart = new FigureChart(this, (svg, width) => this._draw(svg, width), {
    fallbackWidth: 480,
  });
  /** True while an update comes from the user's typing: it must not wipe the fields' drafts. */
  private _fromUser = false;

  /** The n inputs in use, filled in where the list is short. */
  private get _xs(): number[] {
    return filled(this.x, FILL_X, this._n);
  }

  private get _ws(): number[] {
    return filled(this.w, FILL_W, this._n);
  }

  private get _n(): number {
    return inputCount(this.inputs);
  }

  /** The neuron now, for the numbers and the words. */
  private get _state(): NeuronState {
    return { xs: this._xs, ws: this._ws, bias: this.bias, activation: this.activation };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A caller's change to x, w or bias replaces what is in those fields, half-typed or not.
    if (!this._fromUser && (changed.has('x') || changed.has('w') || changed.has('bias'))) {
      this._fields.clear((key) => changed.has(key === 'bias' ? 'bias' : (key[0] as ListName)));
    }
    this._fromUser = false;
  }

  protected override updated(): void {
    this._chart.draw();
  }

  private _draw(svg: SVGSVGElement, chartWidth: number): void {
    const xs = this._xs;
    const ws = this._ws;
    const { z, output } = compute(this._state);
    const act = activationOf(this.activation);
    drawNeuronDiagram(
      svg,
      {
        inputs: xs.map((x, i) => ({ x, w: ws[i]! })),
        bias: this.bias,
        z,
        output,
        activationSymbol: act.symbol,
        outputDigits: act.digits,
      },
      // Wider than ~560px the diagram would only grow taller: keep it at a readable size.
      { width: Math.min(560, chartWidth) },
    );
  }

  // ---- user input ------------------------------------------------------------------------

  /** The number currently in a field. */
  private _valueOf(key: FieldKey): number {
    if (key === 'bias') return this.bias;
    const list = key[0] === 'x' ? this._xs : this._ws;
    return list[Number(key.slice(1))] ?? 0;
  }

  private _setValue(key: FieldKey, value: number): void {
    this._fromUser = true;
    if (key === 'bias') {
      this.bias = value;
    } else {
      const name = key[0] as ListName;
      // Fill in up to this input, keep anything beyond it (a 4th input while 2 are shown).
      this[name] = withValue(this[name], name, this._n, Number(key.slice(1)), value);
    }
    this._emitChange();
  }

  /** The user chose the number of inputs or the activation: it takes effect and is announced. */
  private _onOption(change: Partial<Pick<NnNeuron, 'inputs' | 'activation'>>): void {
    Object.assign(this, change);
    this._emitChange();
  }

  private _emitChange(): void {
    this.emit<NeuronChangeDetail>('nn-change', changeDetail(this._state));
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const n = this._n;
    return html`
      <div class="layout" part="base">
        <figure part="diagram">
          <svg role="img" aria-label=${diagramLabel(this._state)}></svg>
          <figcaption part="summary" aria-live="polite">${summary(this._state)}</figcaption>
        </figure>

        <div class="fields" part="fields">
          ${Array.from(
            { length: n },
            (_, i) => html`
              <div class="pair">
                ${this._field(`x${i}`, html`input <var>x</var>${sub(i + 1)}`)}
                ${this._field(`w${i}`, html`weight <var>w</var>${sub(i + 1)}`)}
              </div>
            `,
          )}
          <div class="pair">${this._field('bias', html`bias <var>b</var>`)}</div>
          <p class="tip">Tip: ↑ and ↓ in a field change it by 0.1.</p>
        </div>

        ${options({
          n,
          activation: this.activation,
          onInputs: (inputs) => this._onOption({ inputs }),
          onActivation: (activation) => this._onOption({ activation }),
        })}

        <div class="formula" part="formula">${formula(this._state)}</div>

        ${dataTableArea({ ...this._table.area, table: () => table(this._state) })}
      </div>
    `;
  }

  private _field(key: FieldKey, label: TemplateResult): TemplateResult {
    const draft = this._fields.get(key);
    const parsed = draft === undefined ? null : parseField(draft);
    return field({
      key,
      label,
      value: draft ?? fieldText(this._valueOf(key)),
      error: parsed && !parsed.ok ? parsed.message : '',
      onInput: (e) => this._fields.input(key, e),
      onChange: (e) => this._fields.change(key, e),
      onKeyDown: (e) => this._fields.keyDown(key, e),
    });
  }
}
