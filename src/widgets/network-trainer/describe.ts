/**
 * The trainer in words and numbers: its live summary, the labels of its two pictures, what the
 * network says at the cursor. Pure functions of what the element shows (tested in node), so a
 * reader of network-trainer.ts sees the behaviour and a reader of this file sees the words; the
 * key and the data tables are in tables.ts. A regression problem is told in its own words: a
 * number predicted, its loss half the mean squared error, no accuracy and no classes.
 */
import type { EngineName } from '../../train/types';
import { engineLabel } from '../../train/protocol';
import { formatNumber, formatPercent } from '../../math/format';
import type { HiddenLayer } from '../../math/trainer-setup';
import { FEATURES } from '../../math/features';
import type { FeatureName } from '../../math/features';
import type { DataSource, PlaneData } from './data';
import { DATASET_LABELS } from './panels';
import { likeliest } from './model';
import type { SessionReport } from './controller';

/** The names the page gave the axes, the label and its classes (two, or 3 … 10). */
export interface Names {
  xLabel: string;
  yLabel: string;
  labelName: string;
  classNames: readonly string[];
  /** The problem is regression: the label is a number, not a class. */
  regression?: boolean;
  /** The input neurons' names, one per feature (default: the two axes). */
  inputs?: readonly string[];
}

/** "Epoch 12, train loss 0.21, test loss 0.25, 95% of test points right." */
export function summaryText(
  data: PlaneData | null,
  report: SessionReport | null,
  classNames?: readonly string[],
): string {
  if (!data || data.train.y.length === 0) {
    return 'No training points yet: add points by clicking the plot, or paste a CSV.';
  }
  if (!report) return 'The network is not trained yet.';
  if (data.task === 'regression') {
    const test =
      data.test.y.length > 0 ? `test loss ${formatNumber(report.testLoss, 3)}` : 'no test points';
    return (
      `Epoch ${epochText(report.epoch)}, train loss ${formatNumber(report.trainLoss, 3)}, ${test} ` +
      `(the loss is half the mean squared error of the predicted numbers).`
    );
  }
  const test =
    data.test.y.length > 0
      ? `test loss ${formatNumber(report.testLoss, 2)}, ${formatPercent(report.testAccuracy)} of test points right`
      : 'no test points';
  const text =
    `Epoch ${epochText(report.epoch)}, train loss ${formatNumber(report.trainLoss, 2)}, ${test} ` +
    `(${formatPercent(report.trainAccuracy)} of training points).`;
  // Two classes: as it always was. More: how well each class is told apart.
  if (data.classes <= 2 || !classNames) return text;
  const perClass = classAccuracyText(
    data.test.y.length > 0 ? report.testClassAccuracy : report.trainClassAccuracy,
    classNames,
  );
  return perClass
    ? `${text} Right per class (${data.test.y.length > 0 ? 'test' : 'training'} points): ${perClass}.`
    : text;
}

/** "cat 95%, dog 88%, bird no points": each class's share of its points classified right. */
export function classAccuracyText(
  accuracy: readonly (number | null)[] | undefined,
  classNames: readonly string[],
): string {
  if (!accuracy || accuracy.length === 0) return '';
  return classNames
    .map((name, c) => {
      const a = accuracy[c];
      return `${name} ${a === null || a === undefined || !Number.isFinite(a) ? 'no points' : formatPercent(a)}`;
    })
    .join(', ');
}

export function plotLabel(data: PlaneData | null, source: DataSource, names: Names): string {
  const n = data?.points.length ?? 0;
  const tests = data?.isTest.filter(Boolean).length ?? 0;
  const from = source === 'custom' ? 'your data' : `the ${DATASET_LABELS[source]} dataset`;
  if (data?.task === 'regression') {
    return (
      `Map of the number the network predicts for ${names.labelName} over ${names.xLabel} ` +
      `(across) and ${names.yLabel} (up), with ${formatNumber(n, 0)} points of ${from} ` +
      `(${formatNumber(tests, 0)} of them test points, drawn hollow), each coloured by its own ` +
      `value. Blue below 0 (darkest at −1), orange above 0 (darkest at +1), pale near 0. Use ` +
      `the arrow keys to move a cursor and read the network's prediction there.`
    );
  }
  return (
    `Decision map of the network over ${names.xLabel} (across) and ${names.yLabel} (up), with ` +
    `${formatNumber(n, 0)} points of ${from} (${formatNumber(tests, 0)} of them test points, ` +
    `drawn hollow). ${colourWords(names)} Use the arrow keys to move a cursor and read the ` +
    `network's answer there.`
  );
}

/** Which colour means which class. */
function colourWords(names: Names): string {
  const { labelName, classNames } = names;
  if (classNames.length <= 2) {
    return `Orange where the network says ${labelName} = ${classNames[1]}, blue where it says ${classNames[0]}.`;
  }
  const colours = classNames.map((n, c) => `${COLOUR_NAMES[c] ?? 'grey'} ${n}`).join(', ');
  return `Each class has its colour (${colours}), stronger where the network is surer of it.`;
}

/** The classes' colours in words (the theme's blue and orange, then Okabe–Ito's). */
const COLOUR_NAMES = [
  'blue',
  'orange',
  'green',
  'pink',
  'red',
  'sky blue',
  'yellow',
  'grey',
  'brown',
  'teal',
];

export function diagramLabel(
  hidden: readonly HiddenLayer[],
  classes = 2,
  inputs: readonly string[] = ['x₁', 'x₂'],
  regression = false,
): string {
  const layers =
    hidden.length === 0
      ? 'no hidden layer'
      : `${hidden.length} hidden layer${hidden.length === 1 ? '' : 's'} of ${hidden
          .map((l) => `${l.units} ${l.activation}`)
          .join(', ')} neurons`;
  return (
    `Network diagram: ${inputs.length} input${inputs.length === 1 ? '' : 's'} (${inputs.join(', ')}), ${layers}, and ${regression ? '1 linear output, the predicted number' : classes <= 2 ? '1 sigmoid output' : `${classes} softmax outputs, one per class`}. Each neuron shows its own map ` +
    `over the plane; lines are weights, orange positive and blue negative, thicker when larger. ` +
    `The weights are listed in the data table.`
  );
}

/** An epoch count: whole with full batches, one decimal when mini-batches make it fractional. */
export function epochText(epoch: number): string {
  return formatNumber(epoch, Number.isInteger(Math.round(epoch * 1000) / 1000) ? 0 : 1);
}

/** A coordinate for reading: two decimals for the −1…1 square, fewer digits for larger units. */
export function axisNumber(v: number): string {
  const size = Math.abs(v);
  return formatNumber(v, size >= 100 ? 0 : size >= 10 ? 1 : 2);
}

/**
 * What the engine badge says: "not started" before Train or Step, "loading…" while the engine
 * starts, then the engine (and " · main thread" where no worker could run it).
 */
export function badgeText(session: {
  started: boolean;
  state: string;
  backend: EngineName | null;
  thread: 'worker' | 'main-thread' | null;
}): string {
  if (!session.started) return 'not started';
  if (session.state === 'loading' && !session.backend) return 'loading…';
  if (!session.backend) return '—';
  return engineLabel(session.backend) + (session.thread === 'main-thread' ? ' · main thread' : '');
}

/** What the engine badge's tooltip says: which engine trains, where, and why this one. */
export function badgeTitle(session: {
  started: boolean;
  backend: EngineName | null;
  thread: 'worker' | 'main-thread' | null;
  threadReason: string | null;
  why: string | null;
}): string {
  if (!session.started) return 'The training engine starts when you press Train or Step';
  if (!session.backend) return 'The training engine is starting';
  const where =
    session.thread === 'main-thread'
      ? ` on the page's own thread, because ${session.threadReason ?? 'a worker could not start'}`
      : ' in a background worker';
  const why = session.why ? `: chosen for ${session.why}` : '';
  return `Training runs on ${engineLabel(session.backend)}${where}${why}.`;
}

/** How fast the engine trains, in epochs per second ('' before it has been measured). */
export function speedText(examplesPerSecond: number, trainRows: number): string {
  if (!(examplesPerSecond > 0) || trainRows <= 0) return '';
  const epochs = examplesPerSecond / trainRows;
  const shown =
    epochs >= 100 ? Math.round(epochs).toLocaleString('en-US') : formatNumber(epochs, 1);
  return `${shown} epochs/s`;
}

/**
 * What the network says at the keyboard cursor: "the network says 73% class = yes" (two
 * classes), "the network says class = bird (81%; cat 12%, dog 7%)" (more).
 */
export function cursorWords(ps: readonly number[] | null, names: Names): string {
  if (!ps) return 'the network has not been evaluated yet';
  const { labelName, classNames } = names;
  if (names.regression) return `the network predicts ${labelName} = ${formatNumber(ps[0]!, 2)}`;
  if (classNames.length <= 2) {
    return `the network says ${formatPercent(ps[1]!)} ${labelName} = ${classNames[1]}`;
  }
  const best = likeliest(ps);
  const others = classNames
    .map((name, c) => ({ name, p: ps[c]!, c }))
    .filter((o) => o.c !== best)
    .sort((a, b) => b.p - a.p)
    .map((o) => `${o.name} ${formatPercent(o.p)}`)
    .join(', ');
  return `the network says ${labelName} = ${classNames[best]} (${formatPercent(ps[best]!)}; ${others})`;
}

/** How many classes a CSV file's label column holds: "2 classes: no, yes." */
export function csvClassNote(classes: readonly string[]): string {
  const shown = classes.map((c) => `“${c}”`).join(', ');
  return `${classes.length} classes found in the label column: ${shown}.`;
}

/**
 * An input feature's name with the page's names of the axes: "x₁²" by default, "sleep²" for a
 * horizontal axis called "sleep"; `spoken` gives the words a screen reader says ("sleep squared").
 */
export function featureLabel(
  name: FeatureName,
  names: Pick<Names, 'xLabel' | 'yLabel'>,
  spoken = false,
): string {
  const { xLabel: x, yLabel: y } = names;
  if (x === 'x₁' && y === 'x₂') return spoken ? FEATURES[name].spoken : FEATURES[name].label;
  const product = spoken ? `${x} times ${y}` : `${x} · ${y}`;
  const table: Record<FeatureName, string> = {
    x1: x,
    x2: y,
    x1sq: spoken ? `${x} squared` : `${x}²`,
    x2sq: spoken ? `${y} squared` : `${y}²`,
    x1x2: product,
    sinx1: spoken ? `sine of ${x}` : `sin ${x}`,
    sinx2: spoken ? `sine of ${y}` : `sin ${y}`,
  };
  return table[name];
}
