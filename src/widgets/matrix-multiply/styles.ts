import { css } from 'lit';
import { formControls, widgetFrame } from '../shared/tokens';

/** Styles of `<nn-matrix-multiply>`; colours come from the shared tokens (`--_*`). */
export const styles = [
  widgetFrame,
  formControls,
  css`
    :host {
      /* The highlight behind the row, column and cell being explained: a tint of the accent. */
      --_highlight: color-mix(in srgb, var(--_accent) 16%, var(--_bg));
    }

    .layout {
      display: grid;
      gap: 0.75rem;
      grid-template-columns: minmax(0, 1fr);
    }

    /* ——— size steppers ——— */
    .sizes {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
      align-items: end;
    }
    .stepper {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
    }
    .stepper-controls {
      display: flex;
      align-items: center;
      gap: 0.25rem;
    }
    .stepper-label {
      font-weight: 600;
      font-size: 0.95rem;
    }
    /* A phone: one stepper per line, its label beside its buttons. */
    @container (max-width: 520px) {
      .sizes {
        flex-direction: column;
        align-items: stretch;
      }
      .stepper {
        flex-direction: row;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .activation {
        grid-template-columns: 1fr auto;
        align-items: center;
      }
    }
    .step-button {
      padding: 0;
      font-size: 1.25rem;
      line-height: 1;
    }
    .step-button[aria-disabled='true'] {
      opacity: 0.55;
      cursor: not-allowed;
    }
    .size {
      min-width: 2.5ch;
      text-align: center;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
      font-weight: 700;
    }
    .activation {
      display: grid;
      gap: 0.15rem;
    }
    .activation label {
      font-weight: 600;
      font-size: 0.95rem;
    }
    var {
      font-family: Cambria, 'Times New Roman', serif;
      font-style: italic;
    }
    .explain {
      margin: 0;
    }

    /* ——— the tables: A · B = C, scrolling inside the widget when they are wider than it ——— */
    .scroll {
      overflow-x: auto;
      /* Positioned, so that the visually hidden header words are clipped by it too, instead of
       widening the page from where they would sit in a scrolled-away column. */
      position: relative;
      /* Room for the focus rings of the cells at the edges. */
      padding: 4px;
      margin: -4px;
    }
    .equation {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem 0.4rem;
    }
    /* An operator and the operand after it: one piece when the equation wraps. */
    .term {
      display: flex;
      align-items: flex-start;
      gap: 0.4rem;
    }
    .op {
      /* Level with the first row of numbers: caption + header row. */
      align-self: center;
      font-size: 1.4rem;
      font-weight: 700;
      padding: 0 0.1rem;
    }
    table.matrix {
      border-collapse: separate;
      border-spacing: 2px;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: start;
      white-space: nowrap;
      font-weight: 700;
      padding-bottom: 0.15rem;
    }
    caption .shape {
      font-weight: 400;
      color: var(--_muted);
    }
    .stale-word {
      color: var(--_danger);
    }
    th {
      font-weight: 400;
      font-size: 0.8rem;
      color: var(--_muted);
      padding: 0 0.3rem;
      white-space: nowrap;
    }
    thead th {
      text-align: center;
    }
    tbody th {
      text-align: end;
    }
    td {
      padding: 0;
    }
    input {
      font: inherit;
      font-family: var(--_mono);
      font-size: 0.95rem;
      width: 4.2rem;
      height: 44px;
      padding: 0 0.4rem;
      text-align: end;
      border: 1px solid var(--_border);
      border-radius: 4px;
      background: var(--_bg);
      color: var(--_fg);
    }
    input[aria-invalid='true'] {
      border: 2px solid var(--_danger);
      /* Not colour alone: a wavy underline marks the text that is not a number. */
      text-decoration: underline wavy var(--_danger);
    }
    td.out {
      font-family: var(--_mono);
      font-size: 0.95rem;
      min-width: 4.2rem;
      height: 44px;
      padding: 0 0.5rem;
      text-align: end;
      background: var(--_surface);
      border: 1px solid transparent;
      border-radius: 4px;
      white-space: nowrap;
    }
    table.stale td.out {
      border: 1px dashed var(--_muted);
      color: var(--_muted);
    }
    .no-result {
      align-self: center;
      margin: 0;
      max-width: 16rem;
      color: var(--_muted);
    }

    /* ——— step mode: row i of A, column j of B and the cell cᵢⱼ ——— */
    tr.hl > td,
    td.hl,
    th.hl {
      background: var(--_highlight);
    }
    tr.hl > th,
    th.hl {
      color: var(--_fg);
      font-weight: 700;
    }
    tr.hl input,
    td.hl input {
      border-color: var(--_accent);
      border-width: 2px;
      background: var(--_highlight);
    }
    td.out.current {
      background: var(--_highlight);
      outline: 3px solid var(--_accent);
      outline-offset: -1px;
      font-weight: 700;
    }

    /* ——— messages ——— */
    .messages {
      display: grid;
      gap: 0.25rem;
    }
    .problems {
      margin: 0;
      padding-left: 1.25rem;
      color: var(--_danger);
      font-weight: 600;
    }
    .stale-note,
    .mismatch {
      margin: 0;
    }
    .mismatch {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      color: var(--_danger);
      font-weight: 600;
    }
    .mismatch button {
      font-weight: 400;
    }

    /* ——— step panel ——— */
    .step {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }
    .step-panel {
      display: grid;
      gap: 0.5rem;
      width: 100%;
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: 0.75rem 1rem;
    }
    .step-panel[hidden] {
      display: none;
    }
    .step-nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .step-nav button[aria-disabled='true'] {
      opacity: 0.55;
      cursor: not-allowed;
    }
    .step-text p {
      margin: 0.15rem 0;
    }
    .formula {
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    .step-text .formula {
      font-size: 1.15rem;
      font-weight: 600;
    }

    /* ——— layer mode ——— */
    .neurons {
      margin: 0;
      padding-left: 1.25rem;
      display: grid;
      gap: 0.35rem;
    }
    .neuron-name {
      font-weight: 700;
    }
    .seg {
      white-space: nowrap;
    }

    .summary {
      margin: 0;
      color: var(--_muted);
      font-size: 0.95rem;
    }
  `,
];
