/**
 * The trainer's pure parts with three or more classes: how many classes the data has and their
 * names, the data built for three-blobs, each class's probability at a place, and the words of
 * the summary, the cursor and the CSV report.
 */
import { describe, expect, it } from 'vitest';
import { trainerDataSetup } from './fixtures/widget-setups';
import { buildData, classCount, maxLabels } from '../../src/widgets/network-trainer/data';
import {
  GRID,
  classNamesFor,
  classSetup,
  likeliest,
  networkSizes,
  pointsCsv,
  probabilitiesAt,
  progressDetail,
  readPoints,
} from '../../src/widgets/network-trainer/model';
import {
  classAccuracyText,
  csvClassNote,
  cursorWords,
  diagramLabel,
  plotLabel,
  summaryText,
} from '../../src/widgets/network-trainer/describe';
import type { SessionReport } from '../../src/widgets/network-trainer/controller';

const names = {
  xLabel: 'x₁',
  yLabel: 'x₂',
  labelName: 'animal',
  classNames: ['cat', 'dog', 'bird'],
};
const square = { xDomain: [-1, 1] as const, yDomain: [-1, 1] as const };

describe('the trainer with k classes: data', () => {
  it('three-blobs has three classes whatever `classes` says; custom data as many as it names or labels', () => {
    expect(classCount('three-blobs', [], 2)).toBe(3);
    expect(classCount('circle', [{ label: 1 }], 5)).toBe(2);
    expect(classCount('custom', [], 2)).toBe(2);
    expect(classCount('custom', [{ label: 0 }, { label: 3 }], 2)).toBe(4);
    expect(classCount('custom', [{ label: 0 }], 5)).toBe(5);
    expect(classCount('custom', [], 14)).toBe(10);
    expect(maxLabels('spiral')).toBe(2);
    expect(maxLabels('three-blobs')).toBe(3);
    expect(maxLabels('custom')).toBe(10);
  });

  it('builds three-blobs with a third of the points in each class, labels 0–2 in the network’s rows', () => {
    const data = buildData(
      trainerDataSetup({
        dataset: 'three-blobs',
        samples: 150,
        points: [{ x: 0.5, y: 0.5, label: 2 }],
      }),
    );
    expect(data.classes).toBe(3);
    expect(data.points).toHaveLength(151);
    const counts = [0, 1, 2].map((c) => data.points.filter((p) => p.label === c).length);
    expect(counts).toEqual([50, 50, 51]);
    const labels = new Set([...data.train.y, ...data.test.y]);
    expect([...labels].sort()).toEqual([0, 1, 2]);
    expect(data.train.y.length + data.test.y.length).toBe(151);
  });

  it('custom data keeps the classes it is given, and leaves out points beyond them', () => {
    const points = [
      { x: 0, y: 0, label: 0 },
      { x: 1, y: 1, label: 1 },
      { x: 2, y: 2, label: 2 },
      { x: 3, y: 3, label: 3 },
    ];
    const base = trainerDataSetup({ dataset: 'custom', samples: 0, noise: 0, points });
    expect(buildData(base).classes).toBe(4);
    const three = buildData({ ...base, classes: 3 });
    expect(three.classes).toBe(3);
    expect(three.points.map((p) => p.label)).toEqual([0, 1, 2]);
  });

  it('names the classes from `classes`, or by number (telling the page) when they do not fit', () => {
    expect(classNamesFor('cat, dog ,bird', 3)).toEqual({ names: ['cat', 'dog', 'bird'], ok: true });
    expect(classNamesFor('0,1', 3)).toEqual({ names: ['0', '1', '2'], ok: true });
    expect(classNamesFor('no,yes', 3)).toEqual({ names: ['0', '1', '2'], ok: false });
    expect(classNamesFor('a,,c', 3).ok).toBe(false);
    expect(classSetup('cat,dog,bird', 'custom', []).names).toEqual(['cat', 'dog', 'bird']);
    expect(classSetup('no,yes', 'three-blobs', []).warnings[0]).toMatch(
      /does not name the 3 classes of this data.*using "0,1,2"/,
    );
    expect(classSetup('0,1', 'circle', []).warnings).toEqual([]);
  });

  it('reads points of a generated dataset’s classes only, and of up to ten for custom data', () => {
    expect(readPoints('0,0,2;1,1,1', 'three-blobs')).toEqual({
      points: [
        { x: 0, y: 0, label: 2 },
        { x: 1, y: 1, label: 1 },
      ],
      warning: null,
    });
    expect(readPoints('0,0,2;1,1,1', 'circle').warning).toBe(
      'points: 1 entry not of the form "x,y,label" with label 0 or 1 (e.g. "0,0,2") left out.',
    );
    expect(readPoints('0,0,9;1,1,3', 'custom').points.map((p) => p.label)).toEqual([9, 3]);
    expect(readPoints('0,0,10', 'custom').warning).toMatch(/label 0 to 9/);
  });

  it('has a softmax output of k units for k ≥ 3 and one unit for two classes', () => {
    expect(networkSizes([{ units: 4 }], 3)).toEqual([2, 4, 3]);
    expect(networkSizes([{ units: 4 }, { units: 2 }], 2)).toEqual([2, 4, 2, 1]);
  });

  it('writes points of any class as CSV with their class names', () => {
    expect(pointsCsv([{ x: 0.5, y: -1, label: 2 }], { ...names, xLabel: 'a', yLabel: 'b' })).toBe(
      'a,b,animal\n0.5,-1,bird\n',
    );
  });
});

describe('the trainer with k classes: readings', () => {
  it('reads every class’s probability at a place from a grid of k values a cell', () => {
    const grid = new Float32Array(GRID * GRID * 3);
    for (let cell = 0; cell < GRID * GRID; cell++) grid.set([0.2, 0.3, 0.5], cell * 3);
    // The top-left cell is surely a cat.
    grid.set([0.9, 0.05, 0.05], 0);
    const topLeft = probabilitiesAt(grid, { x: -0.99, y: 0.99 }, square, 3)!;
    expect(topLeft[0]).toBeCloseTo(0.9);
    expect(likeliest(topLeft)).toBe(0);
    expect(likeliest(probabilitiesAt(grid, { x: 0.5, y: -0.5 }, square, 3)!)).toBe(2);
    // A grid of another shape (a two-class one) is not read as three classes.
    expect(probabilitiesAt(new Float32Array(GRID * GRID), { x: 0, y: 0 }, square, 3)).toBeNull();
    expect(probabilitiesAt(null, { x: 0, y: 0 }, square, 3)).toBeNull();
    grid[0] = NaN;
    expect(probabilitiesAt(grid, { x: -0.99, y: 0.99 }, square, 3)).toBeNull();
    // Two classes: [p(0), p(1)] from p(class 1).
    const two = new Float32Array(GRID * GRID).fill(0.25);
    expect(probabilitiesAt(two, { x: 0, y: 0 }, square, 2)).toEqual([0.75, 0.25]);
  });

  it('says what the network says at the cursor: the likeliest class, then the others by size', () => {
    expect(cursorWords([0.1, 0.7, 0.2], names)).toBe(
      'the network says animal = dog (70%; bird 20%, cat 10%)',
    );
    expect(cursorWords(null, names)).toBe('the network has not been evaluated yet');
    expect(
      cursorWords([0.27, 0.73], { ...names, labelName: 'class', classNames: ['no', 'yes'] }),
    ).toBe('the network says 73% class = yes');
  });
});

describe('the trainer with k classes: words', () => {
  const report: SessionReport = {
    step: 40,
    epoch: 40,
    trainLoss: 0.12,
    testLoss: 0.2,
    trainAccuracy: 0.97,
    testAccuracy: 0.95,
    trainClassAccuracy: [1, 0.95, 0.96],
    testClassAccuracy: [1, 0.9, null],
    backend: 'js',
  };
  const setup = trainerDataSetup({ dataset: 'three-blobs', samples: 60 });
  const data = buildData(setup);

  it('the summary gives each class’s share of its test points right', () => {
    expect(summaryText(data, report, names.classNames)).toBe(
      'Epoch 40, train loss 0.12, test loss 0.20, 95% of test points right (97% of training ' +
        'points). Right per class (test points): cat 100%, dog 90%, bird no points.',
    );
    expect(classAccuracyText([0.5, undefined as never, NaN], ['a', 'b', 'c'])).toBe(
      'a 50%, b no points, c no points',
    );
    expect(classAccuracyText([], ['a'])).toBe('');
  });

  it('two classes keep the summary they had', () => {
    const two = buildData({ ...setup, dataset: 'xor' });
    expect(summaryText(two, { ...report, testClassAccuracy: [1, 0.9] }, ['0', '1'])).toBe(
      'Epoch 40, train loss 0.12, test loss 0.20, 95% of test points right (97% of training points).',
    );
  });

  it('nn-train-progress carries each class’s accuracy, copied', () => {
    const detail = progressDetail(report, 'js');
    expect(detail.testClassAccuracy).toEqual([1, 0.9, null]);
    expect(detail.testClassAccuracy).not.toBe(report.testClassAccuracy);
    expect(progressDetail({ ...report, trainClassAccuracy: undefined }, 'cpu')).toMatchObject({
      backend: 'cpu',
      trainClassAccuracy: [],
    });
  });

  it('the plot’s label names each class’s colour; two classes keep their words', () => {
    expect(plotLabel(data, 'three-blobs', names)).toMatch(
      /of the Three blobs \(3 classes\) dataset .* Each class has its colour \(blue cat, orange dog, green bird\), stronger where the network is surer of it\./,
    );
    expect(
      plotLabel(data, 'xor', { ...names, labelName: 'class', classNames: ['0', '1'] }),
    ).toMatch(/Orange where the network says class = 1, blue where it says 0\./);
  });

  it('the diagram and CSV report say how many classes', () => {
    expect(diagramLabel([{ units: 4, activation: 'tanh' }], 3)).toMatch(
      /and 3 softmax outputs, one per class\./,
    );
    expect(diagramLabel([], 2)).toMatch(/and 1 sigmoid output\./);
    expect(csvClassNote(['ant', 'bee', 'cat'])).toBe(
      '3 classes found in the label column: “ant”, “bee”, “cat”.',
    );
  });
});
