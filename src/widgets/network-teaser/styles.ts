import { css } from 'lit';
import { chartKey, gridAreas, sliderRows } from '../shared/tokens';
import { widgetBase } from '../shared/widget-styles';

/** Styles of `<nn-network-teaser>`; colours come from the shared tokens (`--_*`). */
export const styles = [
  widgetBase,
  sliderRows,
  chartKey,
  gridAreas(['datasets', 'chart', 'side', 'table'], {
    columns: 'minmax(0, 3fr) minmax(15rem, 2fr)',
    areas: ['chart datasets', 'chart side', 'table table'],
    from: 720,
  }),
  css`
    fieldset {
      grid-area: datasets;
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-bottom: 0.25rem;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
    }
    .choices label {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-height: 44px;
      padding: 0 0.75rem 0 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    .choices label:has(input:checked) {
      border-color: var(--_accent);
      background: var(--_surface);
      font-weight: 600;
    }
    .choices input {
      width: 1.2rem;
      height: 1.2rem;
      margin: 0;
      accent-color: var(--_accent);
      cursor: pointer;
    }

    figure {
      grid-area: chart;
      margin: 0;
      min-width: 0;
    }
    svg.map {
      display: block;
      width: 100%;
      max-width: 560px;
      height: auto;
      margin-inline: auto;
      /* The plot is a drag surface: a finger on it moves the probe instead of scrolling the page. */
      touch-action: none;
      cursor: crosshair;
      border-radius: 4px;
    }
    .keys {
      margin: 0.25rem 0 0;
      color: var(--_muted);
      font-size: 0.9rem;
      text-align: center;
    }

    .side {
      grid-area: side;
      display: grid;
      gap: 0.75rem;
      min-width: 0;
    }
    .readout {
      margin: 0;
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.75rem 1rem;
      font-size: 1.1rem;
    }
    .readout .p {
      display: block;
      font-family: var(--_mono);
      font-size: 0.95rem;
      color: var(--_muted);
    }
    .control .value {
      font-family: var(--_mono);
      font-variant-numeric: tabular-nums;
      min-width: 5ch;
      text-align: end;
    }
    .score,
    .about {
      margin: 0;
    }
    .about {
      color: var(--_muted);
      font-size: 0.95rem;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }

    th[scope='col'] {
      vertical-align: bottom;
    }
    td.class {
      text-align: start;
    }
    @container (max-width: 400px) {
      th,
      td {
        padding: 0.2rem 0.3rem;
        font-size: 0.9rem;
      }
    }
    tr.wrong td,
    tr.wrong th {
      background: var(--_surface);
      font-weight: 700;
    }
  `,
];
