import { html, nothing, type TemplateResult } from 'lit';

export interface SliderRowOptions {
  /** The input's id (its label points at it). */
  id: string;
  /** The visible label. */
  label: TemplateResult | string;
  value: number;
  /** The value as shown beside the label. */
  shown: string;
  /** The value as a screen reader says it (aria-valuetext). */
  spoken: string;
  min: number;
  max: number;
  step: number;
  /** The slider's new value, as the user moves it. */
  onValue: (value: number) => void;
  /** An id for the shown value, where something else refers to it. */
  valueId?: string;
}

/**
 * A labelled slider (styled by `sliderRows` in tokens.ts): the label and the value on one line,
 * the range input below them, exposed as the part "slider".
 */
export function sliderRow(o: SliderRowOptions): TemplateResult {
  return html`
    <div class="control">
      <label for=${o.id}>${o.label}</label>
      <span class="value num" id=${o.valueId ?? nothing}>${o.shown}</span>
      <input
        id=${o.id}
        part="slider"
        type="range"
        min=${o.min}
        max=${o.max}
        step=${o.step}
        aria-valuetext=${o.spoken}
        .value=${String(o.value)}
        @input=${(event: Event) => {
          const value = Number((event.target as HTMLInputElement).value);
          if (Number.isFinite(value)) o.onValue(value);
        }}
      />
    </div>
  `;
}

export interface PropertySliderOptions {
  /** The visible label. */
  label: TemplateResult | string;
  min: number;
  max: number;
  step: number;
  /** The value as shown beside the label. */
  shown: (value: number) => string;
  /** The value as a screen reader says it (aria-valuetext). */
  spoken: (value: number) => string;
  /** Called after the user moved the slider and the property holds the new value. */
  onChange: () => void;
  /** An id for the shown value, where something else refers to it. */
  valueId?: string;
}

/**
 * A `sliderRow` for one numeric property of an element, with the property's name as its id:
 * moving it sets the property, then calls `onChange` (where the element tells its listeners).
 */
export function propertySlider<K extends string>(
  host: Record<K, number>,
  name: K,
  o: PropertySliderOptions,
): TemplateResult {
  const value = host[name];
  return sliderRow({
    id: name,
    label: o.label,
    value,
    shown: o.shown(value),
    spoken: o.spoken(value),
    min: o.min,
    max: o.max,
    step: o.step,
    onValue: (next) => {
      host[name] = next;
      o.onChange();
    },
    valueId: o.valueId,
  });
}
