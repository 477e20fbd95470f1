import { css, unsafeCSS, type CSSResult } from 'lit';

const lightPalette = css`
  --_fg: var(--nn-color-fg, #1a1a2e);
  --_bg: var(--nn-color-bg, #ffffff);
  --_surface: var(--nn-color-surface, #f4f6fb);
  --_muted: var(--nn-color-muted, #4b5563);
  --_border: var(--nn-color-border, #c5cad6);
  --_accent: var(--nn-color-accent, #1d4ed8);
  --_accent-fg: var(--nn-color-accent-fg, #ffffff);
  --_accent-2: var(--nn-color-accent-2, #b45309);
  --_danger: var(--nn-color-danger, #b91c1c);
  --_success: var(--nn-color-success, #15803d);
  --_focus: var(--nn-color-focus, #2563eb);
`;

const darkPalette = css`
  --_fg: var(--nn-color-fg, #e5e7eb);
  --_bg: var(--nn-color-bg, #0f172a);
  --_surface: var(--nn-color-surface, #1e293b);
  --_muted: var(--nn-color-muted, #a3aebf);
  --_border: var(--nn-color-border, #475569);
  --_accent: var(--nn-color-accent, #93c5fd);
  --_accent-fg: var(--nn-color-accent-fg, #0f172a);
  --_accent-2: var(--nn-color-accent-2, #fbbf24);
  --_danger: var(--nn-color-danger, #fca5a5);
  --_success: var(--nn-color-success, #86efac);
  --_focus: var(--nn-color-focus, #93c5fd);
  color-scheme: dark;
`;

/**
 * Custom properties with one value in light mode and another in dark mode: the reader's system
 * preference decides, and `theme="dark"` or `theme="light"` on the element overrides it. `light`
 * and `dark` are declarations (`--_x: …;`), not rules.
 */
export function themed(light: CSSResult, dark: CSSResult): CSSResult {
  return css`
    :host {
      ${light}
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${dark}
      }
    }
    :host([theme='dark']) {
      ${dark}
    }
  `;
}

/**
 * Design tokens as CSS custom properties. Each has a fallback so a widget embedded in a foreign
 * page looks right with no stylesheet of ours; the page may override any `--nn-*` property.
 * Colours meet WCAG AA (4.5:1 for text) on their background in light and in dark mode.
 */
export const tokens = css`
  ${themed(lightPalette, darkPalette)}
  :host {
    --_radius: var(--nn-radius, 8px);
    --_font: var(
      --nn-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_mono: var(--nn-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-family: var(--_font);
    color: var(--_fg);
  }
  /* theme="light" overrides the reader's system preference. */
  :host([theme='light']) {
    ${lightPalette}
    color-scheme: light;
  }
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    padding: 0.4rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_fg);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;

/**
 * The card every widget sits in: a bordered box that sizes to its container (container queries
 * inside a widget respond to the widget's own width, not the page's).
 */
export const widgetFrame = css`
  :host {
    display: block;
    container-type: inline-size;
    max-width: 100%;
    box-sizing: border-box;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    line-height: 1.5;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/**
 * The two class colours of every widget that classifies: orange (class 1, "yes") and blue (class 0,
 * "no"), from the Okabe–Ito colour-blind-safe palette, darkened for a white background and
 * lightened for a dark one (each at least 3:1 against its background, the WCAG contrast for
 * graphics). Points also differ by shape, never by colour alone.
 */
export const classColors = themed(
  css`
    --_class1: var(--nn-color-class-1, #c75c00);
    --_class0: var(--nn-color-class-0, #0072b2);
  `,
  css`
    --_class1: var(--nn-color-class-1, #f5a623);
    --_class0: var(--nn-color-class-0, #56b4e9);
  `,
);
/**
 * A labelled slider row (`.control`): the label and its value on one line, the range input across
 * the whole row below them.
 */
export const sliderRows = css`
  .control {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    column-gap: 0.75rem;
  }
  .control label {
    font-weight: 600;
  }
  input[type='range'] {
    grid-column: 1 / -1;
    width: 100%;
    min-height: 44px;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
    background: transparent;
  }
`;

/**
 * Radio buttons shown as chips (`fieldset.choices` of `label.choice`): the native radio stays in the
 * tab order and the accessibility tree, covering its chip, and the chip shows its state and focus.
 */
export const choiceChips = css`
  fieldset.choices {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  fieldset.choices legend {
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .choice {
    position: relative;
    display: inline-flex;
  }
  /* The native radio stays in the tab order and the accessibility tree; the chip is its face. */
  .choice input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .choice span {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 44px;
    min-height: 44px;
    padding: 0 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .choice input:checked + span {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 700;
  }
  .choice input:focus-visible + span {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/** A checkbox with its label (`label.toggle`): a 44px-high target, the box in the accent colour. */
export const checkToggle = css`
  .toggle {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-height: 44px;
    cursor: pointer;
    font-weight: 600;
  }
  .toggle input {
    width: 1.35rem;
    height: 1.35rem;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
`;

/** A tinted box that fills its own grid area: `.name`, in the grid area `name`. */
export function tintedArea(name: string): CSSResult {
  if (!/^[a-z][\w-]*$/.test(name)) throw new Error(`tintedArea: '${name}' is not a class name`);
  return unsafeCSS(`.${name} {
    grid-area: ${name};
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
  }`);
}

/**
 * The worked formula under a chart (`.formula`, in the `formula` grid area): a tinted box, its
 * equations in the monospace font, broken only between their "= …" steps (`.seg`).
 */
export const formulaBox = css`
  ${tintedArea('formula')}
  .formula p {
    margin: 0.25rem 0;
  }
  .formula .eq {
    font-family: var(--_mono);
    font-size: 0.95rem;
  }
  .formula .seg {
    white-space: nowrap;
  }
`;

/**
 * The grid a widget lays its parts out in (`.layout`): one column, 1rem apart. Each widget names
 * its own areas, and its own columns where it is wide enough for two.
 */
export const gridLayout = css`
  .layout {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
  }
`;

/** Where a widget wide enough for two columns puts its areas (`gridAreas`). */
export interface WideAreas {
  /** `grid-template-columns` from this container width on. */
  columns: string;
  /** One string a row, two area names each. */
  areas: readonly string[];
  /** The container width, in px, from which the two columns apply (default 760). */
  from?: number;
}

const AREA_ROW = /^[a-z][\w-]*( [a-z][\w-]*)*$/;

/**
 * The areas of a widget's `.layout` (`gridLayout`): one a row on a phone, in the order given, and
 * where `wide` is given, its rows beside each other (top-aligned) from `wide.from` px on.
 */
export function gridAreas(narrow: readonly string[], wide?: WideAreas): CSSResult {
  const rows = (list: readonly string[]) => {
    const bad = list.find((row) => !AREA_ROW.test(row));
    if (bad !== undefined) throw new Error(`gridAreas: '${bad}' is not a row of area names`);
    return list.map((row) => `'${row}'`).join(' ');
  };
  const phone = `.layout { grid-template-areas: ${rows(narrow)}; }`;
  if (!wide) return unsafeCSS(phone);
  return unsafeCSS(`${phone}
@container (min-width: ${wide.from ?? 760}px) {
  .layout {
    grid-template-columns: ${wide.columns};
    grid-template-areas: ${rows(wide.areas)};
    align-items: start;
  }
}`);
}

/** A chart's key (`<ul class="key">`): its entries in a wrapping row, each a 16px swatch and words. */
export const chartKey = css`
  .key {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .key li {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  .key svg {
    width: 16px;
    height: 16px;
    flex: none;
  }
`;

/** A chart in a `<figure>` (the `chart` grid area): its SVG as wide as the figure, a muted caption. */
export const chartFigure = css`
  figure {
    grid-area: chart;
    margin: 0;
    min-width: 0;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
  }
  figcaption {
    margin-top: 0.5rem;
    color: var(--_muted);
    font-size: 0.95rem;
  }
`;

/**
 * Typed numbers (`.field input`, read by `readNumberField` in `./number-field.ts`): in the
 * monospace font, a red border while invalid, and the `.message` that says why, in red, only while
 * there is something to say.
 */
export const numberFields = css`
  .field input {
    font: inherit;
    font-family: var(--_mono);
    font-variant-numeric: tabular-nums;
    min-height: 44px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  .field input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .message {
    color: var(--_danger);
  }
  .message:empty {
    display: none;
  }
`;

/** A drop-down or a number box the height of a fingertip, in the widget's colours. */
export const formControls = css`
  select,
  input[type='number'] {
    font: inherit;
    min-height: 44px;
    padding: 0.3rem 0.5rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
  }
`;
