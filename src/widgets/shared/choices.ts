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

/** The options of a group of native radios or checkboxes whose wrapper the widget draws itself. */
export interface OptionLabels<T extends string | number> {
  type: 'radio' | 'checkbox';
  /** The inputs' name. */
  name: string;
  values: readonly T[];
  checked: (value: T) => boolean;
  disabled?: (value: T) => boolean;
  /** A value's input was changed; `checked` is its new state. */
  onChange: (value: T, checked: boolean) => void;
  /** What a value's label says after its input. */
  words: (value: T) => unknown;
}

/** One label a value (`label.radio` or `label.check`): its native input, then its words. */
export function optionLabels<T extends string | number>(o: OptionLabels<T>): TemplateResult[] {
  return o.values.map(
    (value) =>
      html`<label class=${o.type === 'radio' ? 'radio' : 'check'}>
        <input
          type=${o.type}
          name=${o.name}
          value=${value}
          .checked=${o.checked(value)}
          ?disabled=${o.disabled?.(value) ?? false}
          @change=${(e: Event) => o.onChange(value, (e.target as HTMLInputElement).checked)}
        />
        ${o.words(value)}
      </label>`,
  );
}
