import { css } from 'lit';
import { chartFigure, checkToggle, formulaBox, gridAreas, sliderRows } from '../shared/tokens';
import { compactCells, currentRow } from '../shared/data-table';
import { widgetBase } from '../shared/widget-styles';

/** Styles of `<nn-sigmoid-explorer>`; colours come from the shared tokens (`--_*`). */
export const styles = [
  widgetBase,
  chartFigure,
  sliderRows,
  checkToggle,
  formulaBox,
  // Wide enough for two columns: controls and formula beside the chart.
  gridAreas(['chart', 'controls', 'formula', 'table'], {
    columns: 'minmax(16rem, 20rem) minmax(0, 1fr)',
    areas: ['controls chart', 'formula chart', 'table table'],
  }),
  css`
    .controls {
      grid-area: controls;
      display: grid;
      gap: 0.25rem;
    }
    .control output {
      font-family: var(--_mono);
      font-variant-numeric: tabular-nums;
      min-width: 4.5ch;
      text-align: end;
    }

    .formula var {
      font-family: Cambria, 'Times New Roman', serif;
      font-style: italic;
      font-size: 1.05em;
    }
    .formula .derivative {
      border-left: 4px dashed var(--_accent-2);
      padding-left: 0.5rem;
    }
    .formula .reading,
    .formula .hint {
      font-family: var(--_font);
      margin-top: 0.5rem;
    }
    .formula .hint {
      color: var(--_muted);
      font-size: 0.95rem;
    }
    .nowrap {
      white-space: nowrap;
    }
    /* Plane mode: the map is square; keep it from growing taller than a screen. */
    svg.plane-map {
      max-width: 520px;
      margin-inline: auto;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }

    caption var {
      font-family: Cambria, 'Times New Roman', serif;
    }
  `,
  compactCells,
  currentRow,
];
