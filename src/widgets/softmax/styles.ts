import { css } from 'lit';
import { choiceChips, formulaBox, gridAreas, numberFields, sliderRows } from '../shared/tokens';
import { widgetBase } from '../shared/widget-styles';

/** Styles of `<nn-softmax>`; colours come from the shared tokens (`--_*`). */
export const styles = [
  widgetBase,
  numberFields,
  choiceChips,
  sliderRows,
  formulaBox,
  gridAreas(['heads', 'classes', 'summary', 'controls', 'formula', 'table']),
  css`
    @container (min-width: 760px) {
      .controls {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        column-gap: 2rem;
      }
      .steppers {
        grid-column: 1 / -1;
      }
    }

    /* ——— one row per class ——— */
    .classes {
      grid-area: classes;
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    /* A phone: name and field, then the slider, then the probability and the gradient. */
    .row {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'name field'
        'slider slider'
        'prob grad';
      align-items: center;
      column-gap: 0.75rem;
      padding: 0.4rem 0.6rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    @container (min-width: 640px) {
      .row {
        grid-template-columns: 8.5rem minmax(6rem, 1fr) 5rem minmax(8rem, 1fr) 8.5rem;
        grid-template-areas: 'name slider field prob grad';
        padding-block: 0.2rem;
      }
    }
    .heads {
      grid-area: heads;
      display: none;
      color: var(--_muted);
      font-size: 0.85rem;
      margin-bottom: -0.75rem;
    }
    @container (min-width: 640px) {
      /* The rows' columns, plus their padding and border, so the heads sit over them. */
      .heads {
        display: grid;
        grid-template-columns: 8.5rem minmax(6rem, 1fr) 5rem minmax(8rem, 1fr) 8.5rem;
        column-gap: 0.75rem;
        padding-inline: calc(0.6rem + 1px);
      }
    }
    .span-2 {
      grid-column: span 2;
    }
    .end {
      text-align: end;
    }
    .row[data-right] {
      border: 2px solid var(--_accent-2);
    }
    .name {
      grid-area: name;
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.1rem 0.4rem;
      min-width: 0;
    }
    .label {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .symbol {
      color: var(--_muted);
    }
    .right-tag {
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--_accent-2);
    }
    /* (.row .slider outranks the shared slider rows' input[type='range'] spanning a whole row.) */
    .row .slider {
      grid-area: slider;
      width: 100%;
      min-height: 44px;
      margin: 0;
      accent-color: var(--_accent);
      cursor: pointer;
      /* Dragging a slider on a phone moves the thumb, not the page sideways. */
      touch-action: pan-y;
    }
    .field {
      grid-area: field;
      display: grid;
      justify-items: end;
    }
    .field input {
      width: 5rem;
      padding: 0.3rem 0.5rem;
      text-align: end;
    }
    .message {
      font-size: 0.85rem;
      max-width: 12rem;
      text-align: end;
    }
    .prob {
      grid-area: prob;
      display: grid;
      grid-template-columns: minmax(2rem, 1fr) auto;
      align-items: center;
      gap: 0.5rem;
      min-width: 0;
    }
    /* The bar is an SVG drawn in its own units (0 to 100 across): no inline style, which the
       strict CSP refuses. */
    .bar {
      display: block;
      width: 100%;
      height: 0.9rem;
      border: 1px solid var(--_border);
      border-radius: 3px;
      overflow: hidden;
    }
    .track {
      fill: var(--_bg);
    }
    .fill {
      fill: var(--_accent);
    }
    .row[data-right] .fill {
      fill: var(--_accent-2);
    }
    .pct {
      min-width: 4.2rem;
      text-align: end;
      font-size: 0.9rem;
    }
    .grad {
      grid-area: grad;
      justify-self: end;
      font-family: var(--_mono);
      font-size: 0.85rem;
      white-space: nowrap;
    }
    .arrow {
      display: inline-block;
      width: 1ch;
      font-weight: 700;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
    var {
      font-family: Cambria, 'Times New Roman', serif;
      font-style: italic;
    }

    .summary {
      grid-area: summary;
      margin: 0;
      color: var(--_muted);
      font-size: 0.95rem;
    }

    /* ——— controls ——— */
    .controls {
      grid-area: controls;
      display: grid;
      gap: 0.75rem;
      align-items: start;
    }
    legend,
    .stepper-label {
      font-weight: 600;
    }
    .steppers {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.5rem;
      align-items: end;
    }
    .stepper,
    .shift {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
    }
    .stepper-controls,
    .shift-buttons {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem;
    }
    .step-button {
      padding: 0;
      font-size: 1.2rem;
    }
    .size {
      min-width: 2.5ch;
      text-align: center;
      font-variant-numeric: tabular-nums;
      font-weight: 700;
    }
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
    }

    /* ——— formula ——— */
    .formula .rule {
      font-size: 0.95rem;
    }
    /* Ten exponentials written out do not fit a phone on one line: let them wrap there. */
    @container (max-width: 520px) {
      .formula .seg {
        white-space: normal;
        overflow-wrap: anywhere;
      }
    }
    th[scope='row'] {
      text-align: start;
    }
  `,
];
