/**
 * Built-in example runs for `<nn-loss-chart example="…">`, so a lesson can show what a loss curve
 * tells you without training anything. Each is a small formula plus seeded noise: the same
 * numbers on every machine. They are illustrations of typical shapes, not recorded runs.
 */
import { createRng } from '../../math/rng';
import type { LossPoint } from './series-store';

export const EXAMPLES = ['none', 'learning', 'overfitting', 'diverging'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export interface ExampleRun {
  series: { name: string; points: LossPoint[] }[];
}

/** The series of an example, by name ('none' has none). */
export function exampleRun(name: ExampleName): ExampleRun {
  const rng = createRng(5);
  const noise = (size: number) => size * rng.normal();
  /** n points at steps `every`, 2·`every`, …, each with the loss `loss(step)`. */
  const run = (n: number, every: number, loss: (step: number) => number): LossPoint[] =>
    Array.from({ length: n }, (_, i) => {
      const step = (i + 1) * every;
      return { step, loss: loss(step) };
    });
  const trainAndTest = (train: LossPoint[], test: LossPoint[]): ExampleRun => ({
    series: [
      { name: 'train', points: train },
      { name: 'test', points: test },
    ],
  });
  switch (name) {
    case 'learning':
      // Both losses fall fast, then flatten out: the model has learned what it can.
      return trainAndTest(
        run(200, 1, (s) => 0.06 + 0.64 * Math.exp(-s / 30) + noise(0.008)),
        run(20, 10, (s) => 0.09 + 0.62 * Math.exp(-s / 30) + noise(0.01)),
      );
    case 'overfitting':
      // The training loss keeps falling; the test loss bottoms out at step 50, then climbs:
      // the model has started to memorise the training points instead of the pattern.
      return trainAndTest(
        run(200, 1, (s) => 0.02 + 0.68 * Math.exp(-s / 35) + noise(0.008)),
        run(20, 10, (s) => {
          const rise = 0.0025 * Math.max(0, s - 50);
          return 0.2 + 0.5 * Math.exp(-s / 25) + rise + noise(0.006);
        }),
      );
    case 'diverging': {
      // A learning rate that is too large: each step overshoots further than the last, the loss
      // swings up and down with growing amplitude, overflows to Infinity and then to NaN.
      const train = run(40, 1, (s) => 0.69 * 1.45 ** s * (s % 2 === 0 ? 1 : 0.35));
      train.push({ step: 41, loss: Infinity }, { step: 42, loss: NaN }, { step: 43, loss: NaN });
      return { series: [{ name: 'train', points: train }] };
    }
    default:
      return { series: [] };
  }
}
