/**
 * The pieces of `<nn-loss-chart>` that are markup: the legend, the notes about values that are
 * not drawn, and the data table. Each is a function of the series it shows; the state lives in
 * the element, the numbers in model.ts, the words in describe.ts.
 */
import { html, nothing } from 'lit';
import { styleProps } from '../shared/base';
import type { TemplateResult } from 'lit';
import { SERIES_DASHES, SERIES_STYLES } from '../../charts/loss-chart';
import type { LossScale } from '../../charts/loss-chart';
import { formatStep, notesText, tableCell, tableShare } from './describe';
import { filledSeries, referenceSeries, tableSteps } from './model';
import type { LossMarker } from './model';
import type { LossSeries } from './series-store';
import { dataTable } from '../shared/data-table';

/** Each series' name beside a swatch of its line (colour and dash pattern). */
export function legend(series: readonly LossSeries[]): TemplateResult {
  return html`
    <ul class="legend" part="legend" aria-label="Series">
      ${series.map(
        (s) =>
          html`<li>
            <svg class="swatch" width="30" height="12" aria-hidden="true">
              <line
                x1="1"
                x2="29"
                y1="6"
                y2="6"
                style=${styleProps({
                  stroke: `var(--_series-${s.slot % SERIES_STYLES})`,
                  strokeDasharray: SERIES_DASHES[s.slot % SERIES_STYLES] || 'none',
                })}
              ></line>
            </svg>
            ${s.name}
          </li>`,
      )}
    </ul>
  `;
}

/** The values the chart does not draw (non-finite; ≤ 0 on a log scale), if any. */
export function notes(
  series: readonly LossSeries[],
  scale: LossScale,
): TemplateResult | typeof nothing {
  const text = notesText(series, scale);
  return text ? html`<p class="note" part="note">${text}</p>` : nothing;
}

/** The data table: the loss of each series at up to 40 steps and at each series' lowest. */
export function table(
  label: string,
  series: readonly LossSeries[],
  yLabel = 'loss',
  markers: readonly LossMarker[] = [],
): TemplateResult {
  const ref = referenceSeries(series);
  const caption = `${label}: the ${yLabel} of each series by training step`;
  if (!ref) {
    return html`<table part="table">
      <caption id="data-table-caption">
        ${caption}
      </caption>
      <tbody>
        <tr>
          <td>No data yet.</td>
        </tr>
      </tbody>
    </table>`;
  }
  const filled = filledSeries(series);
  const rows = tableSteps(
    series,
    ref,
    markers.map((m) => m.step),
  );
  const marked = (step: number): string =>
    markers
      .filter((m) => m.step === step)
      .map((m) => m.label)
      .join(', ');
  const share = tableShare(rows);
  return html`
    ${
      share
        ? html`<p class="table-note">
            Showing ${share.shown} of ${share.total} steps: evenly spaced, first and last included,
            plus the step where each series is lowest. “—” means a series has no value at that step.
          </p>`
        : nothing
    }
    ${dataTable({
      part: 'table',
      captionId: 'data-table-caption',
      caption,
      columns: ['step', ...filled.map((s) => s.name), ...(markers.length > 0 ? ['marked'] : [])],
      body: rows.steps.map(
        (step) =>
          html`<tr>
            <th scope="row">${formatStep(step)}</th>
            ${filled.map((s) => {
              const cell = tableCell(s, step, rows);
              return cell.lowest
                ? html`<td><strong>${cell.value}</strong> (lowest)</td>`
                : html`<td>${cell.value}</td>`;
            })}
            ${markers.length > 0 ? html`<td>${marked(step)}</td>` : nothing}
          </tr>`,
      ),
    })}
  `;
}
