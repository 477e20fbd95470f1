/**
 * `<nn-loss-chart>` in words: steps and losses as written, the chart's accessible name, the
 * readout at the cursor, the summary of each series, the notes about values that are not drawn,
 * and the data table's cells. Pure strings of the series and the numbers in model.ts: no DOM, no
 * Lit.
 */
import type { LossScale } from '../../charts/loss-chart';
import { formatNumber } from '../../math/format';
import { filledSeries } from './model';
import type { LossMarker, TableSteps } from './model';
import type { LossSeries } from './series-store';

/** A step: whole numbers without decimals, fractional epochs with two. */
export function formatStep(step: number): string {
  return formatNumber(step, Number.isInteger(step) ? 0 : 2);
}

/**
 * A loss with two significant digits after the zeros (0.34, 0.034, 0.0034), at least two
 * decimals; "not finite" for NaN/±Infinity, which the chart never draws.
 */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return 'not finite';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-6) return v > 0 ? 'less than 0.000001' : `${formatNumber(v * 1e6, 2)} millionths`;
  const decimals = Math.min(8, Math.max(2, 1 - Math.floor(Math.log10(a))));
  return formatNumber(v, a >= 1000 ? 0 : decimals);
}

/** "train", "train and test", "a, b and c". */
export function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The chart's accessible name: what it shows, which series, on which scale. */
export function chartLabel(
  label: string,
  series: readonly LossSeries[],
  scale: LossScale,
  yLabel = 'loss',
): string {
  const names = filledSeries(series).map((s) => s.name);
  const kind = scale === 'log' ? 'a logarithmic' : 'a linear';
  if (names.length === 0) return `${label}: no data yet.`;
  return `${label}: ${yLabel} against training step for ${list(names)}, on ${kind} scale.`;
}

/** The marked steps in words: each marker's description, or "label at step N". */
export function markersText(markers: readonly LossMarker[]): string {
  return markers
    .filter((m) => Number.isFinite(m.step))
    .map((m) => m.description ?? `Marked “${m.label}” at step ${formatStep(m.step)}.`)
    .join(' ');
}

/** "step 120: train 0.34, test 0.41" at the cursor, or at the latest step. */
export function readout(series: readonly LossSeries[], cursor: number | null): string {
  const filled = filledSeries(series);
  if (filled.length === 0) return 'No data yet.';
  const step = cursor ?? Math.max(...filled.map((s) => s.maxStep));
  const values = filled.map((s) => {
    const i = s.indexAt(step);
    const at = s.steps[i]!;
    const where = at === step ? '' : ` (at step ${formatStep(at)})`;
    return `${s.name} ${formatLoss(s.losses[i]!)}${where}`;
  });
  return `${cursor === null ? 'Latest, ' : ''}step ${formatStep(step)}: ${values.join(', ')}`;
}

/** Each series: how many points, where it started and ended, and its lowest point. */
export function summary(label: string, series: readonly LossSeries[]): string {
  const filled = filledSeries(series);
  if (filled.length === 0) return `${label}: no data yet.`;
  return filled
    .map((s) => {
      const n = s.length;
      const first = `${formatLoss(s.losses[0]!)} at step ${formatStep(s.steps[0]!)}`;
      const end = s.losses[n - 1]!;
      const last = Number.isFinite(end)
        ? `${formatLoss(end)} at step ${formatStep(s.steps[n - 1]!)}`
        : `a value that is not finite at step ${formatStep(s.steps[n - 1]!)}`;
      const lowest =
        s.lowest >= 0 && s.lowest !== n - 1
          ? `; lowest ${formatLoss(s.losses[s.lowest]!)} at step ${formatStep(s.steps[s.lowest]!)}`
          : '';
      const count = `${formatNumber(n, 0)} ${n === 1 ? 'point' : 'points'}`;
      return n === 1
        ? `${s.name}: ${first}.`
        : `${s.name}: ${count}, from ${first} to ${last}${lowest}.`;
    })
    .join(' ');
}

/** The values the chart does not draw, in words; '' when it draws them all. */
export function notesText(series: readonly LossSeries[], scale: LossScale): string {
  const nonFinite = series.reduce((a, s) => a + s.nonFinite, 0);
  const nonPositive = scale === 'log' ? series.reduce((a, s) => a + s.nonPositive, 0) : 0;
  const notes: string[] = [];
  if (nonFinite > 0) {
    notes.push(
      nonFinite === 1
        ? '1 value was not finite and is not shown.'
        : `${formatNumber(nonFinite, 0)} values were not finite and are not shown.`,
    );
  }
  if (nonPositive > 0) {
    notes.push(
      nonPositive === 1
        ? '1 value is 0 or below and cannot be shown on a log scale.'
        : `${formatNumber(nonPositive, 0)} values are 0 or below and cannot be shown on a log scale.`,
    );
  }
  return notes.join(' ');
}

/**
 * For the note above a shortened table, "Showing 41 of 1000 steps: …": how many steps it shows
 * and how many there are; null when it shows them all.
 */
export function tableShare(table: TableSteps): { shown: string; total: string } | null {
  if (table.total <= table.steps.length) return null;
  return { shown: formatNumber(table.steps.length, 0), total: formatNumber(table.total, 0) };
}

/** A cell of the data table: the loss of a series at a step, whether it is its lowest, or "—". */
export function tableCell(
  s: LossSeries,
  step: number,
  table: TableSteps,
): { value: string; lowest: boolean } {
  const i = s.exactIndex(step);
  if (i < 0) return { value: '—', lowest: false };
  return {
    value: formatLoss(s.losses[i]!),
    lowest: (table.lowest.get(step) ?? []).includes(s.name),
  };
}
