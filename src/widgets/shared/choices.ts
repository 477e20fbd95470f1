import { html, nothing, type TemplateResult } from 'lit';

/** One radio chip of a `choiceGroup`. */
export interface Choice<T extends string | number> {
  value: T;
  /** What the chip shows. */
  label: TemplateResult | string;
  /** What a screen reader says instead, where the label is a symbol (the label is then hidden from it). */
  spoken?: string;
}

export interface ChoiceGroupOptions<T extends string | number> {
  legend: TemplateResult | string;
  /** The radios' group name. */
  name: string;
  /** The fieldset's part name, if it has one. */
  part?: string;
  choices: readonly Choice<T>[];
  /** The value whose chip is checked. */
  checked: T;
  onChange: (value: T) => void;
}

/**
 * A group of radio buttons shown as chips (`fieldset.choices` of `label.choice`, styled by
 * `choiceChips` in tokens.ts): a legend, and a native radio covering each chip.
 */
export function choiceGroup<T extends string | number>(o: ChoiceGroupOptions<T>): TemplateResult {
  return html`
    <fieldset class="choices" part=${o.part ?? nothing}>
      <legend>${o.legend}</legend>
      ${o.choices.map(
        (c) => html`
          <label class="choice">
            <input
              type="radio"
              name=${o.name}
              value=${c.value}
              aria-label=${c.spoken ?? nothing}
              .checked=${o.checked === c.value}
              @change=${() => o.onChange(c.value)}
            />
            <span aria-hidden=${c.spoken === undefined ? nothing : 'true'}>${c.label}</span>
          </label>
        `,
      )}
    </fieldset>
  `;
}
