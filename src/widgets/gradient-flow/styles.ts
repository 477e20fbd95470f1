import { css } from 'lit';
import { choiceChips, gridAreas, sliderRows } from '../shared/tokens';
import { widgetBase } from '../shared/widget-styles';

/** Styles of `<nn-gradient-flow>`; colours come from the shared tokens (`--_*`). */
export const styles = [
  widgetBase,
  choiceChips,
  sliderRows,
  gridAreas(['controls', 'status', 'layers', 'summary', 'table']),
  css`
    .controls {
      grid-area: controls;
      display: grid;
      gap: 0.75rem;
    }
    .choices-row {
      display: grid;
      gap: 0.75rem;
    }
    @container (min-width: 720px) {
      .choices-row {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        column-gap: 2rem;
      }
      .controls {
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
        align-items: end;
        column-gap: 2rem;
      }
      .choices-row {
        grid-column: 1 / -1;
      }
    }
    fieldset.choices legend {
      font-weight: 600;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
    }
    .status {
      grid-area: status;
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .status strong {
      font-weight: 700;
    }
    .status [data-verdict='vanishing'],
    .status [data-verdict='exploding'],
    .status [data-verdict='dead'],
    .status [data-verdict='saturated'],
    .status [data-verdict='broken'] {
      color: var(--_danger);
    }
    .status [data-verdict='flowing'] {
      color: var(--_success);
    }
    .summary {
      grid-area: summary;
      margin: 0;
      color: var(--_muted);
    }

    /* ——— one row per layer ——— */
    .layers {
      grid-area: layers;
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    /* A phone: the name and the number on one line, the histogram and the bar below. */
    .layer {
      display: grid;
      grid-template-columns: 4.5rem minmax(0, 1fr) minmax(0, 1.6fr);
      grid-template-areas: 'name hist grad';
      align-items: center;
      column-gap: 0.6rem;
      padding: 0.15rem 0.4rem;
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .layer.head {
      background: transparent;
      font-size: 0.85rem;
      color: var(--_muted);
      align-items: end;
    }
    .name {
      grid-area: name;
      font-weight: 600;
      white-space: nowrap;
    }
    .hist-cell {
      grid-area: hist;
      min-width: 0;
    }
    .grad-cell {
      grid-area: grad;
      min-width: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: center;
      column-gap: 0.5rem;
    }
    .head .grad-cell {
      grid-template-columns: minmax(0, 1fr);
    }
    .hist {
      display: block;
      width: 100%;
      height: 28px;
    }
    .hist rect {
      fill: var(--_accent);
    }
    .hist line {
      stroke: var(--_border);
      stroke-width: 1;
      vector-effect: non-scaling-stroke;
    }
    .gbar {
      display: block;
      height: 14px;
      border: 1px solid var(--_border);
      border-radius: 3px;
      background: var(--_bg);
      overflow: hidden;
    }
    .gfill {
      display: block;
      height: 100%;
      background: var(--_accent-2);
    }
    .gnum {
      font-family: var(--_mono);
      font-size: 0.9rem;
      min-width: 6.5rem;
      text-align: end;
      white-space: nowrap;
    }
    .axis {
      position: relative;
      height: 1.2rem;
      margin-right: 7rem;
      font-size: 0.75rem;
    }
    .tick {
      position: absolute;
      transform: translateX(-50%);
      white-space: nowrap;
    }
    .tick:first-child {
      transform: none;
    }
    .tick:last-child {
      transform: translateX(-100%);
    }
    .muted {
      color: var(--_muted);
      font-size: 0.85rem;
    }
    @container (max-width: 480px) {
      .layer {
        grid-template-columns: minmax(0, 1fr) minmax(0, 2fr);
        grid-template-areas:
          'name name'
          'hist grad';
      }
      .layer.head .name {
        display: none;
      }
      .layer.head {
        grid-template-areas: 'hist grad';
      }
      .gnum {
        min-width: 0;
      }
      .axis {
        margin-right: 0;
        display: none;
      }
    }
  `,
];
