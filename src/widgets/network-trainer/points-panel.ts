/**
 * The trainer's panel of the student's own points: what a click or tap on the plot does (add a
 * point of a class, or read the network there), undo and clear, CSV import by paste or file, the
 * choice of two columns of a wider CSV, and what was read. A function of plain values and
 * handlers. With a regression dataset a click only reads: there is no class to add.
 */
import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { optionLabels } from '../shared/choices';
import { formatNumber } from '../../math/format';
import type { CsvProblem } from '../../math/csv';

export interface CsvReport {
  /** The whole text could not be used. */
  error?: string;
  /** "Using 48 of 50 rows." */
  used?: string;
  problems: CsvProblem[];
  notes: string[];
}

/** What a click or tap on the plot does: add a point of a class 0 … k − 1, or read the network there. */
export type TapMode = number | 'read';

/** Shapes of the classes (as the plot draws them, 16 × 16 around 0): circle, triangle, square, diamond, downward triangle. */
const SHAPES = [
  svg`<circle r="4.6" />`,
  svg`<path d="M0,-6.2L5.4,3.1L-5.4,3.1Z" />`,
  svg`<rect x="-4.1" y="-4.1" width="8.2" height="8.2" />`,
  svg`<path d="M0,-5.8L5.8,0L0,5.8L-5.8,0Z" />`,
  svg`<path d="M0,6.2L5.4,-3.1L-5.4,-3.1Z" />`,
];

/** The colour and shape of class c, as in the plot (decorative: the text next to it names it). */
export function classSwatch(c: number, className = 'swatch'): TemplateResult {
  return html`<svg class=${className} viewBox="-8 -8 16 16" aria-hidden="true">
    <g class=${`class${c}`}>${SHAPES[c % SHAPES.length]}</g>
  </svg>`;
}

export interface PointsPanel {
  addClass: TapMode;
  /** A regression dataset: no points can be added (a click reads the network's number). */
  regression: boolean;
  classNames: readonly string[];
  labelName: string;
  added: number;
  hidden: boolean;
  csv: CsvReport | null;
  /** Feature columns of the last CSV when it has more than two, and the chosen pair. */
  columns: { names: string[]; x: number; y: number } | null;
  onClass(v: TapMode): void;
  onUndo(): void;
  onClear(): void;
  onUseCsv(text: string): void;
  onFile(file: File): void;
  onDownload(): void;
  onColumns(x: number, y: number): void;
}

/** How many problem rows are listed before "and N more". */
const PROBLEMS_SHOWN = 12;

export function pointsPanel(p: PointsPanel): TemplateResult {
  const name = (c: number) => `${p.labelName} = ${p.classNames[c]}`;
  const k = p.classNames.length;
  const modes: TapMode[] = [...p.classNames.map((_, c) => c), 'read'];
  return html`<fieldset class="panel" part="points" ?hidden=${p.hidden}>
    <legend>Your own points</legend>
    ${p.regression ? regressionNote() : addChoice(p, modes, name, k)}
    <div class="csv">
      <label for="csv-text">Or paste a CSV: a header row, number columns, the label last</label>
      <textarea
        id="csv-text"
        rows="4"
        spellcheck="false"
        placeholder=${'hours slept,mood,good day\n7.5,6,1\n5,3,0'}
      ></textarea>
      <div class="buttons">
        <button
          type="button"
          @click=${(e: Event) => {
            const root = (e.target as HTMLElement).closest('.csv');
            p.onUseCsv(root?.querySelector('textarea')?.value ?? '');
          }}
        >
          Use this data
        </button>
        <label class="file button-like">
          Upload a CSV file
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            class="visually-hidden"
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) p.onFile(file);
              input.value = '';
            }}
          />
        </label>
        <button type="button" @click=${p.onDownload}>Download the data (CSV)</button>
      </div>
      ${p.columns ? columnChoice(p.columns, p.onColumns) : nothing}
      <div class="csv-report" role="status">${p.csv ? csvReport(p.csv) : nothing}</div>
    </div>
  </fieldset>`;
}

/** The choice of what a click or tap adds, the keyboard's help, Undo and Remove. */
function addChoice(
  p: PointsPanel,
  modes: TapMode[],
  name: (c: number) => string,
  k: number,
): TemplateResult {
  return html`<div class="classes" role="radiogroup" aria-labelledby="add-class-label">
      <span id="add-class-label">A click or tap on the plot</span>
      ${optionLabels({
        type: 'radio',
        name: 'add-class',
        values: modes,
        checked: (c) => p.addClass === c,
        onChange: (c) => p.onClass(c),
        words: (c) =>
          c === 'read'
            ? html`reads the network's answer there`
            : html`${classSwatch(c)} adds ${name(c)}`,
      })}
    </div>
    <p class="help" id="plot-help">
      With the keyboard: focus the plot, move the cursor with the arrow keys to read the network's
      answer, press Enter to add a point; ${k === 2 ? '0 and 1 choose' : `0 to ${k - 1} choose`} the
      class.
    </p>
    <div class="buttons">
      <button type="button" ?disabled=${p.added === 0} @click=${p.onUndo}>Undo last point</button>
      <button type="button" ?disabled=${p.added === 0} @click=${p.onClear}>
        Remove my points${p.added > 0 ? ` (${formatNumber(p.added, 0)})` : ''}
      </button>
    </div>`;
}

/** With a regression dataset: why no points can be added, and how to read the network. */
function regressionNote(): TemplateResult {
  return html`<p class="help" id="plot-help">
    This dataset has a number to predict at each point, so a click or tap on the plot reads the
    network's prediction there instead of adding a point. With the keyboard: focus the plot and move
    the cursor with the arrow keys. A CSV of your own (below) can have numbers as its label too.
  </p>`;
}

function columnChoice(
  columns: { names: string[]; x: number; y: number },
  onColumns: (x: number, y: number) => void,
): TemplateResult {
  const select = (id: string, label: string, current: number, other: number, isX: boolean) =>
    html`<div class="control">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        @change=${(e: Event) => {
          const v = Number((e.target as HTMLSelectElement).value);
          if (isX) onColumns(v, v === other ? current : other);
          else onColumns(v === other ? current : other, v);
        }}
      >
        ${columns.names.map(
          (n, i) => html`<option value=${i} ?selected=${i === current}>${n}</option>`,
        )}
      </select>
    </div>`;
  return html`<div class="columns">
    ${select('x-column', 'Horizontal axis', columns.x, columns.y, true)}
    ${select('y-column', 'Vertical axis', columns.y, columns.x, false)}
  </div>`;
}

function csvReport(report: CsvReport): TemplateResult {
  if (report.error) {
    return html`<p class="error">${report.error}</p>
      ${problemList(report.problems)}`;
  }
  return html`<p>${report.used}</p>
    ${report.notes.map((n) => html`<p class="note">${n}</p>`)} ${problemList(report.problems)}`;
}

function problemList(problems: readonly CsvProblem[]): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const more = problems.length - shown.length;
  return html`<p>
      ${problems.length === 1 ? 'One row was left out:' : `${formatNumber(problems.length, 0)} rows were left out:`}
    </p>
    <ul class="problems">
      ${shown.map((p) => html`<li>line ${formatNumber(p.line, 0)}: ${p.message}</li>`)}
      ${more > 0 ? html`<li>… and ${formatNumber(more, 0)} more</li>` : nothing}
    </ul>`;
}
