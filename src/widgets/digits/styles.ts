import { css } from 'lit';
import { classColors, formControls, widgetFrame } from '../shared/tokens';

/**
 * Styles of `<nn-digits>`; colours come from the shared tokens (`--_*`) and the class colours
 * (weights: `--_class0` positive, `--_class1` negative). One column on a phone; from 760px the pad
 * and the matrix sit beside the controls and the loss chart.
 */
export const styles = [
  widgetFrame,
  classColors,
  formControls,
  css`
    [hidden] {
      display: none !important;
    }
    h3 {
      font-size: 1rem;
      margin: 0 0 0.5rem;
    }
    .layout {
      display: grid;
      gap: 1.25rem;
      grid-template-columns: minmax(0, 1fr);
    }
    @container (min-width: 760px) {
      .layout {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        align-items: start;
      }
      .wide {
        grid-column: 1 / -1;
      }
    }
    section {
      min-width: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    .pick {
      display: inline-flex;
      flex-direction: column;
      gap: 0.2rem;
      font-size: 0.95rem;
    }
    input[type='number'] {
      width: 6.5rem;
    }
    .arch,
    .status,
    .caption,
    .note {
      color: var(--_muted);
      font-size: 0.95rem;
      margin: 0.5rem 0;
    }
    .status {
      color: var(--_fg);
      font-variant-numeric: tabular-nums;
    }
    .status.error {
      color: var(--_danger);
      font-weight: 600;
    }
    .buttons {
      margin-top: 0.25rem;
    }

    /* Digit pictures: 28×28 canvases scaled up without blurring. */
    .digit-img {
      display: block;
      width: 56px;
      height: 56px;
      image-rendering: pixelated;
      border: 1px solid var(--_border);
      border-radius: 4px;
    }
    .digit-img.big {
      width: 112px;
      height: 112px;
    }

    /* The drawing pad: touch draws, it does not scroll the page. */
    .pad-row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-start;
    }
    .pad {
      width: min(280px, 100%);
      aspect-ratio: 1;
      height: auto;
      touch-action: none;
      cursor: crosshair;
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .seen {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      align-items: flex-start;
    }
    .pad-text,
    .picker-text {
      min-height: 1.5em;
      font-variant-numeric: tabular-nums;
    }

    /* Ten probabilities as bars. */
    .bars {
      list-style: none;
      margin: 0;
      padding: 0;
      flex: 1 1 12rem;
      min-width: 12rem;
      display: grid;
      gap: 2px;
      font-variant-numeric: tabular-nums;
      font-size: 0.9rem;
    }
    .bars li {
      display: grid;
      grid-template-columns: 1.2rem 1fr 3.6rem;
      gap: 0.4rem;
      align-items: center;
    }
    .bars .track {
      height: 0.9rem;
      background: var(--_surface);
      border-radius: 3px;
      overflow: hidden;
    }
    .bars .fill {
      display: block;
      height: 100%;
      width: 0;
      background: var(--_muted);
    }
    .bars .best .fill {
      background: var(--_accent);
    }
    .bars .best .digit,
    .bars .best .p {
      font-weight: 700;
    }
    .bars .p {
      text-align: end;
    }

    /* The confusion matrix. */
    .matrix svg {
      display: block;
      max-width: 100%;
      height: auto;
      font-size: 12px;
      font-variant-numeric: tabular-nums;
    }
    .matrix text {
      fill: var(--_fg);
    }
    .matrix .axis-title {
      fill: var(--_muted);
    }
    .matrix g.cell {
      cursor: pointer;
      outline: none;
    }
    .matrix g.cell rect {
      fill: var(--_muted);
      stroke: var(--_border);
      stroke-width: 0.5;
    }
    .matrix g.cell.right rect {
      fill: var(--_class0);
    }
    .matrix g.cell.wrong rect {
      fill: var(--_class1);
    }
    .matrix g.cell text.strong {
      fill: var(--_bg);
      font-weight: 700;
    }
    .matrix g.cell.open rect,
    .matrix g.cell:focus-visible rect {
      stroke: var(--_focus);
      stroke-width: 3;
    }

    .wide > .bars {
      max-width: 32rem;
      margin-top: 0.5rem;
    }

    /* Galleries of digits. */
    .gallery {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .thumb {
      display: grid;
      grid-template-columns: auto auto;
      gap: 0.1rem 0.4rem;
      padding: 0.3rem;
      align-items: center;
      text-align: start;
    }
    .thumb .truth {
      font-weight: 700;
    }
    .thumb .top {
      grid-column: 1 / -1;
      display: flex;
      flex-direction: column;
      font-size: 0.75rem;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .thumb.picked {
      border-color: var(--_focus);
      border-width: 3px;
    }

    /* Hidden units' weights. */
    .units canvas {
      display: block;
      width: 100%;
      max-width: 720px;
      height: auto;
      image-rendering: pixelated;
      border-radius: 4px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      font-size: 0.9rem;
      color: var(--_muted);
    }
    .swatch {
      display: inline-block;
      width: 0.9rem;
      height: 0.9rem;
      border-radius: 2px;
      vertical-align: -0.15em;
      margin-inline-end: 0.3rem;
    }
    .swatch.pos {
      background: var(--_class0);
    }
    .swatch.neg {
      background: var(--_class1);
    }
  `,
];
