import { css } from 'lit';
import { chartFigure, choiceChips, formulaBox, gridAreas, numberFields } from '../shared/tokens';
import { widgetBase } from '../shared/widget-styles';

/** Styles of `<nn-neuron>`; colours come from the shared tokens (`--_*`). */
export const styles = [
  widgetBase,
  chartFigure,
  numberFields,
  choiceChips,
  formulaBox,
  gridAreas(['diagram', 'fields', 'options', 'formula', 'table'], {
    columns: 'minmax(0, 1fr) minmax(17rem, 21rem)',
    areas: ['diagram fields', 'diagram options', 'formula formula', 'table table'],
  }),
  css`
    figure {
      grid-area: diagram;
    }
    svg {
      max-width: 560px;
      margin-inline: auto;
    }

    .fields {
      grid-area: fields;
      display: grid;
      gap: 0.5rem;
      min-width: 0;
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.75rem;
    }
    .field {
      display: grid;
      gap: 0.15rem;
      align-content: start;
      min-width: 0;
    }
    .field label,
    legend {
      font-weight: 600;
    }
    .field input {
      width: 100%;
      padding: 0.3rem 0.6rem;
    }
    .message {
      font-size: 0.9rem;
    }
    .tip {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9rem;
    }
    var {
      font-family: Cambria, 'Times New Roman', serif;
      font-style: italic;
      font-size: 1.05em;
    }

    .options {
      grid-area: options;
      display: grid;
      gap: 0.75rem;
    }

    .formula {
      min-width: 0;
    }
    /* Four inputs written out do not fit a phone on one line: let the sum wrap there. */
    @container (max-width: 520px) {
      .formula .seg {
        white-space: normal;
      }
    }
    .formula .reading {
      font-family: var(--_font);
      margin-top: 0.5rem;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }

    th[scope='row'] {
      text-align: start;
    }
    tr.total th,
    tr.total td {
      font-weight: 700;
    }
  `,
];
