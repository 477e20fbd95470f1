import { css } from 'lit';
import {
  chartFigure,
  checkToggle,
  formControls,
  formulaBox,
  gridAreas,
  sliderRows,
} from '../shared/tokens';
import { compactCells, currentRow } from '../shared/data-table';
import { widgetBase } from '../shared/widget-styles';

/** Styles of `<nn-gradient-descent>`; colours come from the shared tokens (`--_*`). */
export const styles = [
  widgetBase,
  chartFigure,
  formControls,
  sliderRows,
  checkToggle,
  formulaBox,
  // Wide enough for two columns: the controls beside the chart.
  gridAreas(['head', 'chart', 'run', 'status', 'controls', 'formula', 'table'], {
    columns: 'minmax(17rem, 21rem) minmax(0, 1fr)',
    areas: [
      'head head',
      'run chart',
      'controls chart',
      'formula chart',
      'status status',
      'table table',
    ],
  }),
  css`
    .head {
      grid-area: head;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .head label {
      font-weight: 600;
    }
    select {
      max-width: 100%;
    }
    .loss-formula {
      margin: 0;
      font-family: var(--_mono);
      font-size: 0.95rem;
      flex-basis: 100%;
    }
    .data {
      margin: 0;
      flex-basis: 100%;
      font-size: 0.95rem;
    }
    .data var {
      font-family: Cambria, 'Times New Roman', serif;
    }

    svg {
      border-radius: 4px;
      /* A finger on the plot moves the start point (tap or drag); the page scrolls from outside
         the plot. With panning allowed here, Chromium cancels a drag after its first move. */
      touch-action: none;
    }
    svg:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .hint {
      margin: 0.25rem 0 0;
      color: var(--_muted);
      font-size: 0.9rem;
    }

    .run {
      grid-area: run;
      display: grid;
      gap: 0.5rem;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .buttons button {
      flex: 1 1 auto;
    }
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
    }
    .readout {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      font-variant-numeric: tabular-nums;
    }
    .readout strong {
      font-family: var(--_mono);
    }

    .controls {
      grid-area: controls;
      display: grid;
      gap: 0.25rem;
    }
    .value {
      font-family: var(--_mono);
      font-variant-numeric: tabular-nums;
      text-align: end;
    }
    .exact {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.6rem;
    }
    .exact label {
      font-weight: 400;
    }
    input[type='number'] {
      font-family: var(--_mono);
      width: 7.5rem;
    }
    input[aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }
    .error {
      margin: 0;
      color: var(--_danger);
      font-weight: 600;
      flex-basis: 100%;
    }

    .formula {
      min-width: 0;
    }
    .formula .title {
      font-weight: 600;
    }
    .formula var {
      font-family: Cambria, 'Times New Roman', serif;
      font-style: italic;
      font-size: 1.05em;
    }

    .status {
      grid-area: status;
      margin: 0;
      padding: 0.6rem 0.9rem;
      border-radius: var(--_radius);
      border-left: 5px solid var(--_border);
      background: var(--_surface);
    }
    .status[data-status='diverged'],
    .status[data-status='overflow'] {
      border-left-color: var(--_danger);
    }
    .status[data-status='diverged'] strong,
    .status[data-status='overflow'] strong {
      color: var(--_danger);
    }
    .status[data-status='converged'] {
      border-left-color: var(--_success);
    }

    .table-wrap {
      overflow: auto;
      max-height: 24rem;
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--_bg);
    }
  `,
  compactCells,
  currentRow,
];
