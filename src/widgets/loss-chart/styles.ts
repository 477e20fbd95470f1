import { css } from 'lit';
import { dataTableStyles } from '../shared/data-table';
import { themed, widgetFrame } from '../shared/tokens';

/**
 * Styles of `<nn-loss-chart>`. The six series colours are defined here, for light and dark mode;
 * each pairs with a dash pattern, so no two series differ by colour alone. Every colour has at
 * least 3:1 contrast against the background (WCAG 1.4.11 for graphics).
 */
export const styles = [
  widgetFrame,
  themed(
    css`
      --_series-0: var(--nn-color-accent, #1d4ed8);
      --_series-1: var(--nn-color-accent-2, #b45309);
      --_series-2: var(--nn-color-series-3, #7c3aed);
      --_series-3: var(--nn-color-series-4, #0f766e);
      --_series-4: var(--nn-color-series-5, #be185d);
      --_series-5: var(--nn-color-series-6, #4b5563);
    `,
    css`
      --_series-0: var(--nn-color-accent, #93c5fd);
      --_series-1: var(--nn-color-accent-2, #fbbf24);
      --_series-2: var(--nn-color-series-3, #c4b5fd);
      --_series-3: var(--nn-color-series-4, #5eead4);
      --_series-4: var(--nn-color-series-5, #f9a8d4);
      --_series-5: var(--nn-color-series-6, #d1d5db);
    `,
  ),
  dataTableStyles,
  css`
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .legend li {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
    }
    .swatch line {
      stroke-width: 3;
      stroke-linecap: round;
    }
    button.scale[aria-pressed='true'] {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_accent-fg);
    }

    figure {
      margin: 0.5rem 0 0;
      min-width: 0;
    }
    .plot {
      border-radius: 4px;
      touch-action: pan-y;
      cursor: crosshair;
    }
    svg.plot-svg {
      display: block;
      width: 100%;
      height: auto;
    }
    .readout {
      margin: 0.25rem 0 0;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    figcaption,
    .keys,
    .note,
    .table-note {
      margin: 0.25rem 0 0;
      color: var(--_muted);
      font-size: 0.95rem;
    }
    .note {
      color: var(--_fg);
      border-left: 4px solid var(--_accent-2);
      padding-left: 0.5rem;
    }

    .table-area {
      margin-top: 0.75rem;
    }
    .table-wrap {
      max-height: 24rem;
      overflow-y: auto;
    }
  `,
];
