/**
 * The trainer's text alternatives as markup: the key under the plot (each class's colour and shape,
 * or for regression the colour scale with its numbers) and the data tables shown on request — the
 * network's answer over a coarse grid, the points with its answer at each, and every weight.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { LayerWeights } from '../../train/types';
import { formatNumber, formatPercent } from '../../math/format';
import { fromUnit } from './data';
import type { PlaneData } from './data';
import { classSwatch } from './points-panel';
import { likeliest } from './model';
import { axisNumber } from './describe';
import type { Names } from './describe';

/** Rows and columns of the probability table (a coarse version of the heatmap). */
const TABLE_GRID = 7;
/** Points listed in the points table (the rest are summarised). */
const TABLE_POINTS = 100;

/**
 * The key under the plot: each class's colour and shape, and the hollow test points; for
 * regression, the colour scale from −1 (blue) through 0 (the background) to +1 (orange).
 */
export function keyList(names: Names, showTest = true): TemplateResult {
  const test = showTest
    ? html`<li>
        <svg viewBox="-8 -8 16 16" aria-hidden="true"><circle r="4.2" class="hollow" /></svg>
        hollow: test point
      </li>`
    : nothing;
  if (names.regression) {
    return html`<ul class="key" aria-label="Key">
      <li class="scale">
        <span class="num">−1</span>
        <span class="ramp" aria-hidden="true"></span>
        <span class="num">+1</span>
        <span>${names.labelName}: blue below 0, orange above, pale near 0</span>
      </li>
      ${test}
    </ul>`;
  }
  return html`<ul class="key" aria-label="Key">
    ${names.classNames.map(
      (name, c) => html`<li>${classSwatch(c, '')} ${names.labelName} = ${name}</li>`,
    )}
    ${test}
  </ul>`;
}

/** What the data tables show. */
export interface TablesInput {
  data: PlaneData;
  names: Names;
  /**
   * Each class's probability at a place of the plane, [p(0), …] (regression: [ŷ], the number the
   * network predicts), or null before there is a prediction.
   */
  probabilitiesAt: (x: number, y: number) => number[] | null;
  /** The weights of the network shown, or null when there are none yet. */
  weights: readonly LayerWeights[] | null;
}

/** The probability over a coarse grid, the points with the network's answer, and the weights. */
export function dataTables({ data, names, probabilitiesAt, weights }: TablesInput): TemplateResult {
  const xs = Array.from({ length: TABLE_GRID }, (_, i) =>
    fromUnit(((i + 0.5) / TABLE_GRID) * 2 - 1, data.xDomain),
  );
  const ys = Array.from({ length: TABLE_GRID }, (_, i) =>
    fromUnit(1 - ((i + 0.5) / TABLE_GRID) * 2, data.yDomain),
  );
  const shown = data.points.slice(0, TABLE_POINTS);
  const { xLabel, yLabel, labelName, classNames, regression } = names;
  const two = classNames.length <= 2;
  // Two classes: p(class 1). More: the likeliest class and its probability. Regression: ŷ.
  const cellText = (ps: number[] | null): string => {
    if (!ps) return '—';
    if (regression) return formatNumber(ps[0]!, 2);
    if (two) return formatPercent(ps[1]!);
    const c = likeliest(ps);
    return `${classNames[c]} ${formatPercent(ps[c]!)}`;
  };
  return html`
    <table part="table">
      <caption>
        ${
          regression
            ? `The network's prediction of ${labelName}`
            : two
              ? `The network's probability of ${labelName} = ${classNames[1]}`
              : `The class the network finds likeliest, and its probability,`
        }
        across the plot (rows: ${yLabel} from top to bottom; columns: ${xLabel})
      </caption>
      <thead>
        <tr>
          <th scope="col">${yLabel} \\ ${xLabel}</th>
          ${xs.map((x) => html`<th scope="col">${axisNumber(x)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${ys.map(
          (y) =>
            html`<tr>
              <th scope="row">${axisNumber(y)}</th>
              ${xs.map((x) => html`<td>${cellText(probabilitiesAt(x, y))}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>

    <table part="table">
      <caption>
        ${
          shown.length < data.points.length
            ? `The first ${formatNumber(shown.length, 0)} of ${formatNumber(data.points.length, 0)} points`
            : `The ${formatNumber(data.points.length, 0)} points`
        }
      </caption>
      <thead>
        <tr>
          <th scope="col">${xLabel}</th>
          <th scope="col">${yLabel}</th>
          <th scope="col">${labelName}</th>
          <th scope="col">set</th>
          <th scope="col">${regression || two ? 'network (≈)' : 'network (≈ likeliest)'}</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map((p, i) => {
          return html`<tr>
            <td>${axisNumber(p.x)}</td>
            <td>${axisNumber(p.y)}</td>
            <td>${regression ? formatNumber(p.label, 2) : classNames[p.label]}</td>
            <td>${data.isTest[i] ? 'test' : 'train'}</td>
            <td>${cellText(probabilitiesAt(p.x, p.y))}</td>
          </tr>`;
        })}
      </tbody>
    </table>

    ${weights ? weights.map((layer, l) => weightTable(layer, l, weights.length, names)) : nothing}
  `;
}

/** One layer's weights: a row per input, a column per neuron, and the biases. */
function weightTable(layer: LayerWeights, l: number, layers: number, names: Names): TemplateResult {
  const output = l === layers - 1;
  return html`<table part="table">
    <caption>
      Weights into ${output ? 'the output' : `layer ${l + 1}`} (rows: from; columns: to)
    </caption>
    <thead>
      <tr>
        <th scope="col">from</th>
        ${Array.from(
          { length: layer.units },
          (_, j) =>
            html`<th scope="col">
              ${output ? (layer.units > 1 ? `output ${names.classNames[j] ?? j}` : 'output') : `neuron ${j + 1}`}
            </th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${Array.from(
        { length: layer.inputs },
        (_, i) =>
          html`<tr>
            <th scope="row">
              ${l === 0 ? (names.inputs?.[i] ?? (i === 0 ? names.xLabel : names.yLabel)) : `layer ${l} neuron ${i + 1}`}
            </th>
            ${Array.from(
              { length: layer.units },
              (_, j) => html`<td>${formatNumber(layer.kernel[i * layer.units + j]!, 2)}</td>`,
            )}
          </tr>`,
      )}
      <tr>
        <th scope="row">bias</th>
        ${Array.from(
          { length: layer.units },
          (_, j) => html`<td>${formatNumber(layer.bias[j]!, 2)}</td>`,
        )}
      </tr>
    </tbody>
  </table>`;
}
