import { css } from 'lit';
import { chartFigure, choiceChips, formulaBox, gridAreas, sliderRows } from '../shared/tokens';
import { currentRow } from '../shared/data-table';
import { widgetBase } from '../shared/widget-styles';

/** Styles of `<nn-derivative>`; colours come from the shared tokens (`--_*`). */
export const styles = [
  widgetBase,
  chartFigure,
  choiceChips,
  sliderRows,
  formulaBox,
  gridAreas(['chart', 'controls', 'formula', 'slopes', 'table'], {
    columns: 'minmax(16rem, 20rem) minmax(0, 1fr)',
    areas: ['controls chart', 'formula formula', 'slopes slopes', 'table table'],
  }),
  css`
    .controls {
      grid-area: controls;
      display: grid;
      gap: 0.5rem;
      align-content: start;
    }
    .controls > button {
      justify-self: start;
    }
    legend {
      font-weight: 600;
    }
    .control .value {
      font-family: var(--_mono);
      min-width: 4.5ch;
      text-align: end;
    }
    .scale {
      grid-column: 1 / -1;
      display: flex;
      justify-content: space-between;
      color: var(--_muted);
      font-size: 0.85rem;
      margin-top: -0.35rem;
    }

    .choice span {
      font-family: Cambria, 'Times New Roman', serif;
      font-size: 1.05rem;
    }

    .formula {
      min-width: 0;
    }
    var {
      font-family: Cambria, 'Times New Roman', serif;
      font-style: italic;
      font-size: 1.05em;
    }
    .formula .tangent,
    .formula .product {
      border-left: 4px solid var(--_accent);
      padding-left: 0.5rem;
    }
    .formula .check {
      border-left: 4px dashed var(--_accent-2);
      padding-left: 0.5rem;
    }
    .ok {
      color: var(--_success);
      font-family: var(--_font);
      font-weight: 600;
    }
    .formula .reading {
      font-family: var(--_font);
      margin-top: 0.5rem;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }

    .slopes-wrap {
      grid-area: slopes;
      min-width: 0;
      overflow-x: auto;
    }
    .slopes .how {
      font-weight: 400;
      font-size: 0.85rem;
      color: var(--_muted);
      white-space: nowrap;
    }
    .slopes th[scope='row'],
    .slopes th:first-child {
      text-align: start;
    }

    td {
      font-family: var(--_mono);
      font-size: 0.9rem;
    }
    @container (max-width: 380px) {
      th,
      td {
        padding: 0.2rem 0.3rem;
      }
      td {
        font-size: 0.8rem;
      }
      /* The formula under each method may wrap: on one line it pushed the error column out of a
         phone-wide widget (the table scrolled sideways). */
      .slopes .how {
        white-space: normal;
      }
    }
  `,
  currentRow,
];
