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
  const steps = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  switch (name) {
    case 'learning': {
      // Both losses fall fast, then flatten out: the model has learned what it can.
      const train = steps(200).map((s) => ({
        step: s,
        loss: 0.06 + 0.64 * Math.exp(-s / 30) + noise(0.008),
      }));
      const test = steps(20).map((k) => {
        const s = k * 10;
        return { step: s, loss: 0.09 + 0.62 * Math.exp(-s / 30) + noise(0.01) };
      });
      return {
        series: [
          { name: 'train', points: train },
          { name: 'test', points: test },
        ],
      };
    }
    case 'overfitting': {
      // The training loss keeps falling; the test loss bottoms out at step 50, then climbs:
      // the model has started to memorise the training points instead of the pattern.
      const train = steps(200).map((s) => ({
        step: s,
        loss: 0.02 + 0.68 * Math.exp(-s / 35) + noise(0.008),
      }));
      const test = steps(20).map((k) => {
        const s = k * 10;
        const rise = 0.0025 * Math.max(0, s - 50);
        return { step: s, loss: 0.2 + 0.5 * Math.exp(-s / 25) + rise + noise(0.006) };
      });
      return {
        series: [
          { name: 'train', points: train },
          { name: 'test', points: test },
        ],
      };
    }
    case 'diverging': {
      // A learning rate that is too large: each step overshoots further than the last, the loss
      // swings up and down with growing amplitude, overflows to Infinity and then to NaN.
      const train: LossPoint[] = steps(40).map((s) => ({
        step: s,
        loss: 0.69 * 1.45 ** s * (s % 2 === 0 ? 1 : 0.35),
      }));
      train.push({ step: 41, loss: Infinity }, { step: 42, loss: NaN }, { step: 43, loss: NaN });
      return { series: [{ name: 'train', points: train }] };
    }
    default:
      return { series: [] };
  }
}
