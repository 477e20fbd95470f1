import { css, html, nothing, type TemplateResult } from 'lit';

export interface DataTableAreaOptions {
  /** Whether the table is shown. */
  shown: boolean;
  /** Called when the reader presses the Show/Hide button. */
  onToggle: () => void;
  /** The table (rendered only while shown). */
  table: () => TemplateResult | typeof nothing;
  /** Accessible name of the region; default: labelled by the table's `#data-table-caption`. */
  label?: string;
}

/**
 * The text alternative every chart offers: a "Show data table" button controlling a scrollable,
 * named region that holds the table only while it is shown.
 */
export function dataTableArea(o: DataTableAreaOptions): TemplateResult {
  return html`
    <div class="table-area">
      <button
        type="button"
        part="table-button"
        aria-expanded=${o.shown ? 'true' : 'false'}
        aria-controls="data-table"
        @click=${o.onToggle}
      >
        ${o.shown ? 'Hide data table' : 'Show data table'}
      </button>
      <div
        class="table-wrap"
        id="data-table"
        role="region"
        aria-labelledby=${o.label ? nothing : 'data-table-caption'}
        aria-label=${o.label ?? nothing}
        tabindex=${o.shown ? '0' : '-1'}
        ?hidden=${!o.shown}
      >
        ${o.shown ? o.table() : nothing}
      </div>
    </div>
  `;
}

/** The look of `dataTableArea` and its table: compose it before a widget's own styles. */
export const dataTableStyles = css`
  .table-area {
    grid-area: table;
    min-width: 0;
  }
  .table-wrap {
    overflow-x: auto;
    margin-top: 0.5rem;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    padding: 0.2rem 0.6rem;
    text-align: end;
    border-bottom: 1px solid var(--_border);
  }
`;
