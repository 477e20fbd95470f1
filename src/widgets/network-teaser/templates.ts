/**
 * The pieces of `<nn-network-teaser>` that are markup: the dataset choices, the readout, the key
 * with the classes' markers and the probe, and the data table. Each is a function of what it
 * shows and the callbacks it calls; the state lives in the element, the numbers in model.ts, the
 * words in describe.ts.
 */
import { html, svg } from 'lit';
import { styleProps } from '../shared/base';
import type { TemplateResult } from 'lit';
import { DATASET_NAMES } from '../../math/datasets';
import type { DatasetName, LabelledPoint } from '../../math/datasets';
import { formatNumber } from '../../math/format';
import { CLASS_WORD, DATASET_LABELS, networkFacts, sureness, verdict } from './describe';
import { tableRows } from './model';
import { dataTable } from '../shared/data-table';

/** The datasets, as radio buttons. */
export function datasets(name: DatasetName, onChange: (e: Event) => void): TemplateResult {
  return html`
    <fieldset part="datasets">
      <legend>Data</legend>
      <div class="choices">
        ${DATASET_NAMES.map(
          (d) => html`
            <label>
              <input
                type="radio"
                name="dataset"
                value=${d}
                .checked=${d === name}
                @change=${onChange}
              />
              ${DATASET_LABELS[d]}
            </label>
          `,
        )}
      </div>
    </fieldset>
  `;
}

/** The probability in words: how sure the network is, and of which colour. */
function readoutWords(p: number): TemplateResult {
  const sure = sureness(p);
  if (sure === null) return html`The network has no answer for this point.`;
  if (sure === 'undecided') {
    return html`The network <strong>cannot decide</strong>: this point is right on its boundary, 50%
      orange and 50% blue.`;
  }
  return html`The network is <strong>${sure.amount}</strong> sure this point is
    <strong>${sure.colour}</strong>.`;
}

/** The live readout: how sure the network is at the probe, and p(orange) there. */
export function readout(p: number, x: number, y: number): TemplateResult {
  return html`
    <p class="readout" part="readout" aria-live="polite">
      ${readoutWords(p)}
      <span class="p"
        >at (<span class="num">${formatNumber(x, 2)}</span>,
        <span class="num">${formatNumber(y, 2)}</span>): p(orange) =
        <span class="num" data-value="probability">${formatNumber(p, 3)}</span></span
      >
    </p>
  `;
}

/** A class's marker for the key: the same shape and colour as on the map. */
function shape(label: 0 | 1): TemplateResult {
  return html`<svg viewBox="-8 -8 16 16" aria-hidden="true">
    ${
      label === 1
        ? svg`<path
          d="M0,-6.5L6,5L-6,5Z"
          style=${styleProps({ fill: 'var(--_class1)', stroke: 'var(--_fg)', strokeWidth: '1' })}
        />`
        : svg`<circle
          r="5"
          style=${styleProps({ fill: 'var(--_class0)', stroke: 'var(--_fg)', strokeWidth: '1' })}
        />`
    }
  </svg>`;
}

function probeIcon(): TemplateResult {
  return html`<svg viewBox="-8 -8 16 16" aria-hidden="true">
    <circle r="6" style=${styleProps({ fill: 'none', stroke: 'var(--_fg)', strokeWidth: '2' })} />
    <circle r="1.6" style=${styleProps({ fill: 'var(--_fg)' })} />
  </svg>`;
}

/** The network in one sentence: its layers, its weights and biases, how they were chosen. */
export function about(name: DatasetName): TemplateResult {
  const { hidden, parameters, origin } = networkFacts(name);
  return html`
    <p class="about">
      The network: 2 inputs → ${hidden} hidden neurons → 1 output, with ${parameters} weights and
      biases ${origin}.
    </p>
  `;
}

/** The key: orange triangles, blue circles, the probe. */
export function key(): TemplateResult {
  return html`
    <ul class="key" aria-label="Key">
      <li>${shape(1)} orange points (triangles)</li>
      <li>${shape(0)} blue points (circles)</li>
      <li>${probeIcon()} the probe</li>
    </ul>
  `;
}

/** The data table: 20 of the points, the network's p(orange) for each, right or wrong. */
export function table(name: DatasetName, points: readonly LabelledPoint[]): TemplateResult {
  const rows = tableRows(name, points);
  return dataTable({
    part: 'table',
    captionId: 'data-table-caption',
    caption: html`${rows.length} of the ${points.length} points, with the network's probability that
    each is orange (it answers "orange" when the probability is 0.5 or more)`,
    columns: ['x', 'y', 'true class', 'p(orange)', 'right?'],
    body: rows.map(
      (r) => html`
        <tr class=${r.right ? '' : 'wrong'}>
          <td>${formatNumber(r.x, 2)}</td>
          <td>${formatNumber(r.y, 2)}</td>
          <td class="class">${CLASS_WORD[r.label]}</td>
          <td>${formatNumber(r.p, 3)}</td>
          <td class="class">${verdict(r)}</td>
        </tr>
      `,
    ),
  });
}
