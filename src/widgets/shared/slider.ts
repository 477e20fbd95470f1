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
  onInput: (event: Event) => void;
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
        @input=${o.onInput}
      />
    </div>
  `;
}
