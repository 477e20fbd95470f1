import { css, html, nothing, type TemplateResult } from 'lit';

export interface TableToggleOptions {
  /** The id of the region the button shows and hides. */
  controls: string;
  /** Whether the table is shown. */
  shown: boolean;
  /** Called when the reader presses the button. */
  onToggle: () => void;
  /** The button's words while the table is hidden, and while it is shown. */
  words: readonly [show: string, hide: string];
  /** The button's `part` name; none if left out. */
  part?: string;
}

/** A button that shows and hides a table region (`tableRegion`), saying which it will do. */
export function tableToggle(o: TableToggleOptions): TemplateResult {
  return html`<button
    type="button"
    part=${o.part ?? nothing}
    aria-expanded=${o.shown ? 'true' : 'false'}
    aria-controls=${o.controls}
    @click=${o.onToggle}
  >
    ${o.shown ? o.words[1] : o.words[0]}
  </button>`;
}

export interface TableRegionOptions {
  id: string;
  /** Whether the table is shown. */
  shown: boolean;
  /** The table (rendered only while shown). */
  table: () => TemplateResult | typeof nothing;
  /** Accessible name of the region; default: labelled by the table's caption, `#<id>-caption`. */
  label?: string;
}

/** A scrollable, named region that holds a table only while it is shown (focusable then). */
export function tableRegion(o: TableRegionOptions): TemplateResult {
  return html`<div
    class="table-wrap"
    id=${o.id}
    role="region"
    aria-labelledby=${o.label ? nothing : `${o.id}-caption`}
    aria-label=${o.label ?? nothing}
    tabindex=${o.shown ? '0' : '-1'}
    ?hidden=${!o.shown}
  >
    ${o.shown ? o.table() : nothing}
  </div>`;
}

export interface DataTableOptions {
  /** The table's part name: `table` for a chart's data table. */
  part: string;
  class?: string;
  /** The caption's id, by which the table's region is named; none if left out. */
  captionId?: string;
  caption: unknown;
  /** The column headings, left to right. */
  columns: readonly unknown[];
  /** The rows: one `<tr>` each. */
  body: unknown;
}

/** A table with a caption and one row of column headings (`<th scope="col">`) over its rows. */
export function dataTable(o: DataTableOptions): TemplateResult {
  return html`
    <table part=${o.part} class=${o.class ?? nothing}>
      <caption id=${o.captionId ?? nothing}>
        ${o.caption}
      </caption>
      <thead>
        <tr>
          ${o.columns.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${o.body}
      </tbody>
    </table>
  `;
}

export interface DataTableAreaOptions {
  /** Whether the table is shown. */
  shown: boolean;
  /** Called when the reader presses the Show/Hide button. */
  onToggle: () => void;
  /** The table (rendered only while shown). */
  table: () => TemplateResult | typeof nothing;
  /** Accessible name of the region; default: labelled by the table's `#<id>-caption`. */
  label?: string;
  /** The region's id; default `data-table`. */
  id?: string;
  /** The button's words; default "Show data table" and "Hide data table". */
  words?: readonly [show: string, hide: string];
}

/**
 * The text alternative every chart offers: a "Show data table" button controlling a scrollable,
 * named region that holds the table only while it is shown.
 */
export function dataTableArea(o: DataTableAreaOptions): TemplateResult {
  const id = o.id ?? 'data-table';
  return html`
    <div class="table-area">
      ${tableToggle({
        controls: id,
        shown: o.shown,
        onToggle: o.onToggle,
        words: o.words ?? ['Show data table', 'Hide data table'],
        part: 'table-button',
      })}
      ${tableRegion({ id, shown: o.shown, table: o.table, ...(o.label ? { label: o.label } : {}) })}
    </div>
  `;
}

/**
 * A 320px phone: tighter cells so four columns fit without scrolling. Compose it after a widget's
 * own styles.
 */
export const compactCells = css`
  @container (max-width: 340px) {
    th,
    td {
      padding: 0.2rem 0.35rem;
    }
  }
`;

/**
 * The table's current row (`<tr class="current">`, the one the chart marks): tinted and bold.
 * Compose it after a widget's own styles.
 */
export const currentRow = css`
  tr.current td,
  tr.current th {
    background: var(--_surface);
    font-weight: 700;
  }
`;

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
