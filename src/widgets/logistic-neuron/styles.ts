import { css } from 'lit';
import { gridAreas, sliderRows, themed, tintedArea } from '../shared/tokens';
import { widgetBase } from '../shared/widget-styles';

/**
 * Styles of `<nn-logistic-neuron>`. Besides the shared tokens it defines the two class colours
 * (orange for class 1, blue for class 0, the course's convention for datasets) and the two line
 * colours (the neuron's, and its twin's), for light and dark mode. The lines use the same colours
 * and dash patterns in the plane and in the loss chart, so "the dashed one" is one neuron in both.
 */
export const styles = [
  widgetBase,
  themed(
    css`
      --_class-1: var(--nn-color-class-1, #c2410c);
      --_class-0: var(--nn-color-class-0, #1d4ed8);
      --_line-0: var(--nn-color-fg, #1a1a2e);
      --_line-1: var(--nn-color-compare, #7c3aed);
    `,
    css`
      --_class-1: var(--nn-color-class-1, #fb923c);
      --_class-0: var(--nn-color-class-0, #60a5fa);
      --_line-0: var(--nn-color-fg, #e5e7eb);
      --_line-1: var(--nn-color-compare, #c4b5fd);
    `,
  ),
  sliderRows,
  tintedArea('why'),
  gridAreas(['controls', 'plane', 'buttons', 'chart', 'summary', 'why', 'table'], {
    columns: 'minmax(0, 1fr) minmax(0, 1fr)',
    areas: [
      'controls controls',
      'plane chart',
      'buttons buttons',
      'summary summary',
      'why why',
      'table table',
    ],
  }),
  css`
    .controls {
      grid-area: controls;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      align-items: end;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      width: 100%;
    }
    .radio,
    .toggle {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 44px;
      cursor: pointer;
    }
    .radio input,
    .toggle input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_accent);
      flex: none;
    }
    .toggle {
      font-weight: 600;
      max-width: 32rem;
    }
    .control {
      min-width: min(100%, 15rem);
      /* Grows to the row's width on a phone (the rate slider was 15rem in a 20rem box). */
      flex: 1 1 15rem;
      max-width: 24rem;
    }
    .control select {
      grid-column: 1 / -1;
      font: inherit;
      min-height: 44px;
      max-width: 100%;
      color: var(--_fg);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0 0.5rem;
    }
    .start-note {
      grid-column: 1 / -1;
      color: var(--_muted);
      font-size: 0.9rem;
    }
    .hint {
      margin: 0;
      width: 100%;
      color: var(--_muted);
      font-size: 0.95rem;
    }

    figure.plane {
      grid-area: plane;
      margin: 0;
      min-width: 0;
      max-width: 520px;
    }
    figure.plane > svg {
      display: block;
      width: 100%;
      height: auto;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin-top: 0.25rem;
      font-size: 0.95rem;
    }
    .key {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
    }
    .class-1 {
      fill: var(--_class-1);
    }
    .class-0 {
      fill: var(--_class-0);
    }
    .line-0,
    .line-1 {
      stroke-width: 3;
      stroke-linecap: round;
    }
    .line-0 {
      stroke: var(--_line-0);
    }
    .line-1 {
      stroke: var(--_line-1);
      stroke-dasharray: 8 4;
    }

    nn-loss-chart {
      grid-area: chart;
      min-width: 0;
      /* The chart's first two series are this widget's two neurons: same colours as their lines. */
      --nn-color-accent: var(--_line-0);
      --nn-color-accent-2: var(--_line-1);
      --nn-color-accent-fg: var(--_bg);
    }

    .buttons {
      grid-area: buttons;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .status {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .error {
      color: var(--_danger);
      font-weight: 600;
      margin: 0;
    }
    .summary {
      grid-area: summary;
      margin: 0;
      font-variant-numeric: tabular-nums;
    }

    .why h3 {
      margin: 0 0 0.25rem;
      font-size: 1.05rem;
    }
    .why p,
    .why ul {
      margin: 0.25rem 0;
    }
    .why ul {
      padding-left: 1.25rem;
    }
    var {
      font-family: Cambria, 'Times New Roman', serif;
      font-style: italic;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }

    .table-wrap {
      overflow: auto;
      max-height: 24rem;
    }
    th,
    td {
      padding: 0.2rem 0.5rem;
      white-space: nowrap;
    }
  `,
];
