import { css } from 'lit';
import { widgetFrame } from '../shared/tokens';
import { dataTableStyles } from '../shared/data-table';

/** Styles of `<nn-backprop-graph>`; colours come from the shared tokens (`--_*`). */
export const styles = [
  widgetFrame,
  dataTableStyles,
  css`
    p {
      margin: 0;
    }

    .layout {
      display: grid;
      gap: 0.75rem;
      grid-template-columns: minmax(0, 1fr);
    }

    var {
      font-family: Cambria, 'Times New Roman', serif;
      font-style: italic;
      font-size: 1.05em;
    }
    .num,
    .eq {
      font-family: var(--_mono);
      font-variant-numeric: tabular-nums;
    }
    .help {
      color: var(--_muted);
      font-size: 0.9rem;
    }
    .grad-word {
      color: var(--_accent-2);
      font-family: var(--_mono);
    }

    /* The expression field and its error. */
    .expression {
      display: grid;
      gap: 0.35rem;
    }
    .expression label {
      font-weight: 600;
    }
    input[type='text'] {
      font: inherit;
      font-family: var(--_mono);
      min-height: 44px;
      width: 100%;
      padding: 0.35rem 0.5rem;
      border: 1px solid var(--_muted);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_fg);
    }
    input[aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }
    .error {
      border-left: 4px solid var(--_danger);
      padding: 0.25rem 0 0.25rem 0.75rem;
    }
    .error-text {
      color: var(--_danger);
      font-weight: 600;
    }
    .error-text:empty {
      display: none;
    }
    .error pre {
      margin: 0.35rem 0 0;
      font-family: var(--_mono);
      font-size: 0.95rem;
      line-height: 1.25;
      white-space: pre;
      overflow: hidden;
    }

    /* The graph scrolls sideways inside its own box; the page never does. */
    .graph-scroll {
      overflow-x: auto;
      overflow-y: hidden;
      max-width: 100%;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      -webkit-overflow-scrolling: touch;
    }
    svg.graph {
      display: block;
      margin: 0 auto;
      touch-action: pan-x pan-y;
    }
    svg.graph :focus-visible {
      outline: none;
    }
    svg.graph g.node:focus-visible rect.box {
      stroke: var(--_focus) !important;
      stroke-width: 4px !important;
      stroke-dasharray: none !important;
    }
    svg.graph g.node[aria-selected='true'] rect.box {
      filter: drop-shadow(0 0 2px var(--_focus));
    }
    .node-details {
      font-size: 0.95rem;
      overflow-wrap: anywhere;
    }

    .walk {
      display: grid;
      gap: 0.5rem;
    }
    .progress {
      font-weight: 700;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .explanation {
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.75rem 1rem;
      display: grid;
      gap: 0.3rem;
      min-height: 4.5rem;
    }
    .explanation .title {
      font-weight: 700;
    }
    .explanation .eq {
      font-size: 0.95rem;
      overflow-wrap: anywhere;
    }
    .explanation [data-formula='chain-rule'] {
      border-left: 4px dashed var(--_accent-2);
      padding-left: 0.5rem;
    }
    .explanation [data-formula='forward'] {
      border-left: 4px solid var(--_accent);
      padding-left: 0.5rem;
    }

    .update {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 1rem;
    }
    .update .field {
      width: 11rem;
    }
    .update .field label {
      white-space: nowrap;
    }
    .update .help {
      flex: 1 1 14rem;
    }

    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0 0 0.5rem;
      padding: 0.5rem 0.75rem 0.75rem;
      min-width: 0;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
      gap: 0.5rem 0.75rem;
    }
    .field {
      display: grid;
      gap: 0.15rem;
      align-content: start;
    }
    .field label {
      font-weight: 600;
    }
    .field .error-text {
      font-size: 0.85rem;
    }

    .toggles {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .table-wrap[hidden] {
      display: none;
    }
    th,
    td {
      font-family: var(--_mono);
      white-space: nowrap;
    }
    thead th,
    td.text {
      font-family: var(--_font);
    }
    td.text {
      text-align: start;
      white-space: normal;
    }
  `,
];
