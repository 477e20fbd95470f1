import { describe, expect, it } from 'vitest';
import { lossSeries as series } from './fixtures/widget-setups';
import { expectWritten } from './fixtures/written';
import {
  chartLabel,
  formatLoss,
  formatStep,
  list,
  notesText,
  readout,
  summary,
  tableCell,
  tableShare,
} from '../../src/widgets/loss-chart/describe';
import { exampleRun } from '../../src/widgets/loss-chart/examples';
import { tableSteps } from '../../src/widgets/loss-chart/model';
import type { LossSeries } from '../../src/widgets/loss-chart/series-store';

const TRAIN = (): LossSeries =>
  series('train', [
    [1, 0.69],
    [2, 0.41],
    [3, 0.0342],
    [4, 0.05],
  ]);
const TEST = (): LossSeries =>
  series(
    'test',
    [
      [2, 0.5],
      [4, 0.45],
    ],
    1,
  );

describe('the loss chart’s numbers as written', () => {
  it('writes losses with two significant digits, and says what is not a number', () => {
    expectWritten(formatLoss, [0.6931, 0.0342, 0.00034], ['0.69', '0.034', '0.00034']);
    expectWritten(formatLoss, [12.345, 1234.5, 0], ['12.35', '1235', '0']);
    expectWritten(
      formatLoss,
      [1e-8, Number.NaN, -Infinity],
      ['less than 0.000001', 'not finite', 'not finite'],
    );
  });

  it('writes whole steps without decimals, fractional epochs with two', () => {
    expect(formatStep(1200)).toBe('1200');
    expect(formatStep(2.5)).toBe('2.50');
  });

  it('lists names in a sentence', () => {
    expectWritten(
      list,
      [[], ['train'], ['train', 'test', 'val']],
      ['', 'train', 'train, test and val'],
    );
  });
});

describe('the loss chart’s sentences', () => {
  it('names the chart with its series and scale', () => {
    expect(chartLabel('Loss', [TRAIN(), TEST()], 'linear')).toBe(
      'Loss: loss against training step for train and test, on a linear scale.',
    );
    expect(chartLabel('Loss', [TRAIN()], 'log')).toMatch(/on a logarithmic scale\.$/);
    expect(chartLabel('Loss while training', [], 'linear')).toBe(
      'Loss while training: no data yet.',
    );
  });

  it('reads every series at the latest step, or at the cursor', () => {
    expect(readout([TRAIN(), TEST()], null)).toBe('Latest, step 4: train 0.050, test 0.45');
    expect(readout([TRAIN(), TEST()], 3)).toBe('step 3: train 0.034, test 0.50 (at step 2)');
    expect(readout([], null)).toBe('No data yet.');
  });

  it('sums up each series: points, start, end and lowest', () => {
    expect(summary('Loss', [TRAIN(), series('one', [[5, 0.3]])])).toBe(
      'train: 4 points, from 0.69 at step 1 to 0.050 at step 4; lowest 0.034 at step 3. ' +
        'one: 0.30 at step 5.',
    );
    expect(summary('Loss', [])).toBe('Loss: no data yet.');
  });

  it('says how a diverging run ended', () => {
    const [run] = exampleRun('diverging').series;
    const s = series(
      run!.name,
      run!.points.map((p) => [p.step, p.loss]),
    );
    // Step 1: 0.69 · 1.45 · 0.35 ≈ 0.35, its lowest; then it swings up and overflows.
    expect(summary('Loss', [s])).toBe(
      'train: 43 points, from 0.35 at step 1 to a value that is not finite at step 43; ' +
        'lowest 0.35 at step 1.',
    );
    expect(notesText([s], 'linear')).toBe('3 values were not finite and are not shown.');
  });

  it('notes values a log scale cannot show', () => {
    const s = series('train', [
      [1, 0.5],
      [2, 0],
      [3, Number.NaN],
    ]);
    expect(notesText([s], 'linear')).toBe('1 value was not finite and is not shown.');
    expect(notesText([s], 'log')).toBe(
      '1 value was not finite and is not shown. 1 value is 0 or below and cannot be shown on a ' +
        'log scale.',
    );
    expect(notesText([TRAIN()], 'log')).toBe('');
  });
});

describe('the loss chart’s table cells', () => {
  it('gives each series’ loss at a step, marks its lowest, and "—" where it has none', () => {
    const train = TRAIN();
    const test = TEST();
    const t = tableSteps([train, test], train);
    expect(tableShare(t)).toBeNull();
    expect(tableCell(train, 3, t)).toEqual({ value: '0.034', lowest: true });
    expect(tableCell(train, 1, t)).toEqual({ value: '0.69', lowest: false });
    expect(tableCell(test, 1, t)).toEqual({ value: '—', lowest: false });
    expect(tableCell(test, 4, t)).toEqual({ value: '0.45', lowest: true });
  });

  it('says when the table shows only some of the steps', () => {
    const long = series(
      'train',
      Array.from({ length: 1000 }, (_, i): [number, number] => [i + 1, 1 / (i + 1)]),
    );
    expect(tableShare(tableSteps([long], long))).toEqual({ shown: '40', total: '1000' });
  });
});
