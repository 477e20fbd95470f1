import { css, unsafeCSS } from 'lit';
import { CLASS_COLORS } from '../../charts/trainer-heatmap';
import { chartKey, gridAreas, gridLayout, sliderRows, widgetFrame } from '../shared/tokens';
import { dataTableStyles } from '../shared/data-table';
import { weightEditorStyles } from './weight-editor-styles';

/**
 * Styles of `<nn-network-trainer>`; colours come from the shared tokens (`--_*`) and the class
 * colours (`--_class0`, `--_class1`). One column on a phone (the editor stacks under the plot);
 * from 760px the plot sits beside the loss chart and the diagram, and the panels form a grid.
 */
export const styles = [
  widgetFrame,
  gridLayout,
  sliderRows,
  dataTableStyles,
  chartKey,
  gridAreas(['toolbar', 'notice', 'plot', 'side', 'panels', 'share', 'table'], {
    columns: 'minmax(0, 11fr) minmax(0, 10fr)',
    areas: [
      'toolbar toolbar',
      'notice notice',
      'plot side',
      'panels panels',
      'share share',
      'table table',
    ],
  }),
  css`
    [hidden] {
      display: none !important;
    }

    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }

    /* Playback, numbers and backend. */
    .toolbar {
      grid-area: toolbar;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1.25rem;
    }
    .toolbar .primary {
      min-width: 7.5rem;
    }
    .stats {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    .stats div {
      display: flex;
      flex-direction: column;
      min-width: 4.5rem;
    }
    .stats dt {
      font-size: 0.8rem;
      color: var(--_muted);
    }
    .stats dd {
      margin: 0;
      font-weight: 700;
      font-size: 1.05rem;
    }
    .backend {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-inline-start: auto;
    }
    .backend label {
      white-space: nowrap;
    }
    .rate {
      white-space: nowrap;
      font-size: 0.85rem;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .badge {
      white-space: nowrap;
      font-family: var(--_mono);
      font-size: 0.85rem;
      padding: 0.15rem 0.5rem;
      border-radius: 999px;
      border: 1px solid var(--_border);
      background: var(--_surface);
    }

    .notice {
      grid-area: notice;
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      padding: 0.5rem 0.75rem;
    }
    .notice.problem {
      border-color: var(--_danger);
    }
    .notice p {
      margin: 0 0 0.5rem;
    }

    figure {
      margin: 0;
      min-width: 0;
    }
    .plot-area {
      grid-area: plot;
    }
    .plot-box {
      width: 100%;
      display: flex;
      justify-content: center;
    }
    canvas {
      display: block;
      max-width: 100%;
      /* Each picture is repainted while training: as a layer of its own, a repaint is handed to the
         compositor as it is, instead of re-rastering the part of the page around it (measured under
         SwiftShader: several times the frame rate). */
      will-change: transform;
    }
    canvas.plot {
      cursor: crosshair;
      border-radius: 4px;
      /* The size of the first drawing (see _drawAll), kept free before it so nothing moves. */
      width: min(100%, 520px);
      aspect-ratio: 52 / 51;
    }
    .cursor-text {
      margin: 0.25rem 0 0;
      min-height: 1.5em;
      font-size: 0.95rem;
    }
    figcaption {
      margin-top: 0.25rem;
    }
    .summary {
      margin: 0.5rem 0 0;
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
    }
    .key {
      font-size: 0.95rem;
    }
    .swatch {
      width: 16px;
      height: 16px;
      flex: none;
    }
    .class0 {
      fill: var(--_class0);
      stroke: var(--_fg);
      stroke-width: 1;
    }
    .class1 {
      fill: var(--_class1);
      stroke: var(--_fg);
      stroke-width: 1;
    }
    ${unsafeCSS(
      CLASS_COLORS.map(
        (colour, i) => `.class${i + 2} { fill: ${colour}; stroke: var(--_fg); stroke-width: 1; }`,
      ).join('\n'),
    )}
    .hollow {
      fill: var(--_bg);
      stroke: var(--_fg);
      stroke-width: 2;
    }

    .side {
      grid-area: side;
      display: grid;
      gap: 1rem;
      min-width: 0;
    }
    .diagram-box {
      width: 100%;
      position: relative;
    }
  `,
  // Between the diagram and the panels, where it always was: the cascade is unchanged.
  weightEditorStyles,
  css`
    /* The editor: one column on a phone. With room for two or three panels side by side, the
       panels fill columns top to bottom, so that four panels in three columns put the two short
       ones under each other instead of leaving the last alone on a row with empty space beside
       it. With a column for every visible panel, one panel each. */
    .panels {
      grid-area: panels;
      display: grid;
      gap: 1rem;
      align-items: start;
    }
    @container (min-width: 28rem) {
      .panels {
        display: block;
        columns: 2;
        column-gap: 1rem;
      }
      .panel {
        break-inside: avoid;
      }
      /* Truncated to nothing at the top of a column. */
      .panel ~ .panel {
        margin-block-start: 1rem;
      }
    }
    @container (min-width: 42.5rem) {
      .panels {
        columns: 3;
      }
      .panels:not(
        :has(
          .panel:not([hidden]) ~ .panel:not([hidden]) ~ .panel:not([hidden]) ~ .panel:not([hidden])
        )
      ) {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
      .panels:not(
          :has(
            .panel:not([hidden])
              ~ .panel:not([hidden])
              ~ .panel:not([hidden])
              ~ .panel:not([hidden])
          )
        )
        .panel {
        margin-block-start: 0;
      }
    }
    /* A column per panel where each is wide enough for its longest choice; five panels in four
       columns put Regularisation under Training. */
    @container (min-width: 65rem) {
      .panels {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(15.5rem, 1fr));
      }
      .panels .panel {
        margin-block-start: 0;
      }
    }
    @container (65rem <= width < 82rem) {
      .panels:not(:has(> .panel[hidden])) {
        grid-template-columns: repeat(4, minmax(0, 1fr));
      }
      .panels:not(:has(> .panel[hidden])) > .panel {
        grid-row: span 2;
      }
      .panels:not(:has(> .panel[hidden])) > [part~='hyperparameters'] {
        grid-area: 1 / 4;
      }
      .panels:not(:has(> .panel[hidden])) > [part~='regularisation'] {
        grid-area: 2 / 4;
      }
    }
    .panel {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0;
      padding: 0.5rem 0.75rem 0.75rem;
      min-width: 0;
      display: grid;
      gap: 0.5rem;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    .control .value {
      font-variant-numeric: tabular-nums;
      text-align: end;
    }
    .control select,
    .control input[type='number'] {
      grid-column: 1 / -1;
    }
    select,
    input[type='number'],
    textarea,
    input.link {
      font: inherit;
      color: var(--_fg);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: 6px;
      min-height: 44px;
      padding: 0.3rem 0.5rem;
      max-width: 100%;
    }
    textarea {
      width: 100%;
      font-family: var(--_mono);
      font-size: 0.9rem;
      min-height: 6rem;
      resize: vertical;
    }
    input[type='range']:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }

    .classes {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
    }
    #add-class-label {
      font-weight: 600;
    }
    .radio,
    .check {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-height: 44px;
      cursor: pointer;
    }
    .radio input,
    .check input {
      width: 1.2rem;
      height: 1.2rem;
      margin: 0;
      accent-color: var(--_accent);
    }
    /* The toggles under the plot, and the input features: finger-sized, wrapping. */
    .plot-options,
    .features {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    #features-label {
      flex-basis: 100%;
      font-weight: 600;
    }
    .check:has(input:disabled) {
      cursor: not-allowed;
    }
    /* The regression key's colour scale, as the heatmap: blue at −1, the background at 0, orange. */
    .ramp {
      width: 4.5rem;
      height: 0.9rem;
      border: 1px solid var(--_border);
      border-radius: 2px;
      background: linear-gradient(to right, var(--_class0), var(--_bg), var(--_class1));
    }
    .help,
    .note {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9rem;
    }
    .csv {
      display: grid;
      gap: 0.5rem;
    }
    .csv > label {
      font-weight: 600;
    }
    .button-like {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0.4rem 0.9rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface);
      cursor: pointer;
    }
    .button-like:focus-within {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .csv-report p {
      margin: 0.25rem 0;
    }
    .problems {
      margin: 0.25rem 0;
      padding-inline-start: 1.25rem;
      font-size: 0.9rem;
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--_danger);
      font-weight: 600;
    }
    .field-error {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 0.9rem;
    }

    .layer-count {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    #layer-count-label {
      font-weight: 600;
      margin-inline-end: auto;
    }
    .layer-count output {
      min-width: 2ch;
      text-align: center;
      font-weight: 700;
    }
    .layer-row {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0.25rem 0.5rem;
      align-items: center;
      padding-top: 0.25rem;
      border-top: 1px solid var(--_border);
    }
    .layer-name {
      grid-column: 1 / -1;
      font-weight: 600;
    }
    .layer-row input,
    .layer-row select {
      width: 100%;
    }

    .share {
      grid-area: share;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    input.link {
      flex: 1 1 16rem;
      min-width: 0;
      font-family: var(--_mono);
      font-size: 0.85rem;
    }

    table {
      margin-bottom: 1rem;
    }
    th,
    td {
      padding: 0.2rem 0.5rem;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
  `,
];
