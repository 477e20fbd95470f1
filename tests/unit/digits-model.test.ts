import { describe, expect, it } from 'vitest';
import {
  cellDigits,
  confusedPairs,
  evaluate,
  initialState,
  layerSizes,
  misclassified,
  parameterCount,
  stepsPerEpoch,
  topThree,
  unitWeights,
} from '../../src/widgets/digits/model';
import {
  architectureText,
  cellHeading,
  cellLabel,
  confusedText,
  padText,
  statusText,
  testDigitText,
} from '../../src/widgets/digits/describe';

/** n × 10 probabilities, each row sure of `reads[i]` with p, the rest spread evenly. */
function sure(reads: number[], p = 0.91): Float32Array {
  const out = new Float32Array(reads.length * 10).fill((1 - p) / 9);
  reads.forEach((d, i) => (out[i * 10 + d] = p));
  return out;
}

describe('the digits network', () => {
  it('784-32-10 has 25,450 weights and biases; a second layer adds its own', () => {
    expect(layerSizes({ hidden: 32, hidden2: 0 })).toEqual([784, 32, 10]);
    expect(parameterCount(layerSizes({ hidden: 32, hidden2: 0 }))).toBe(25_450);
    expect(layerSizes({ hidden: 64, hidden2: 16 })).toEqual([784, 64, 16, 10]);
    expect(parameterCount([784, 64, 16, 10])).toBe(785 * 64 + 65 * 16 + 17 * 10);
    expect(architectureText([784, 32, 10], 25_450)).toBe(
      '784 → 32 → 10: 25,450 weights and biases',
    );
    expect(architectureText([784, 32, 10], 25_450, 'wasm')).toBe(
      '784 → 32 → 10: 25,450 weights and biases, trained by tfjs wasm',
    );
  });

  it('steps per epoch: 8,000 digits in batches of 64 are 125 steps; the last batch may be short', () => {
    expect(stepsPerEpoch(8000, 64)).toBe(125);
    expect(stepsPerEpoch(8000, 60)).toBe(134);
    expect(stepsPerEpoch(0, 64)).toBe(0);
  });

  it('starting weights: seeded, Glorot-sized, biases and Adam slots at 0', () => {
    const a = initialState([784, 16, 10], 3);
    expect(initialState([784, 16, 10], 3).values).toEqual(a.values);
    expect(initialState([784, 16, 10], 4).values).not.toEqual(a.values);
    const params = parameterCount([784, 16, 10]);
    expect(a.values).toHaveLength(params * 3);
    const r = Math.sqrt(6 / (784 + 16));
    const kernel = a.values.subarray(0, 784 * 16);
    expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(r);
    expect(Math.max(...kernel.map(Math.abs))).toBeGreaterThan(0.9 * r);
    expect([...a.values.subarray(784 * 16, 784 * 16 + 16)]).toEqual(new Array(16).fill(0));
    expect(a.values.subarray(params).every((v) => v === 0)).toBe(true);
  });

  it('starts from the very weights the training engine draws for the same seed', async () => {
    const { initialWeights } = await import('../../src/train/spec');
    const engine = await import('../../src/train/state');
    const spec = {
      inputs: 784,
      classes: 10,
      hidden: [{ units: 16, activation: 'relu' as const }],
      loss: 'cross-entropy' as const,
      optimizer: 'adam' as const,
      learningRate: 0.003,
      batchSize: 32,
      l2: 0,
      seed: 7,
    };
    const theirs = engine.initialState(spec, initialWeights(spec));
    expect(
      Buffer.compare(
        Buffer.from(initialState([784, 16, 10], 7).values.buffer),
        Buffer.from(theirs.values.buffer),
      ),
    ).toBe(0);
  });

  it("unitWeights: unit j's 784 incoming weights (column j of the kernel) and their largest size", () => {
    const units = 3;
    const values = new Float32Array(784 * units);
    for (let i = 0; i < 784; i++) values[i * units + 1] = i === 5 ? -2 : 0.5;
    const { weights, scale } = unitWeights(values, units, 1);
    expect(weights[5]).toBe(-2);
    expect(weights[6]).toBe(0.5);
    expect(scale).toBe(2);
    expect(unitWeights(values, units, 0).scale).toBe(0);
  });
});

describe('reading the test digits', () => {
  const labels = Uint8Array.from([4, 4, 9, 9, 9, 7, 1]);
  const reads = [4, 9, 9, 4, 9, 1, 1];
  const probs = sure(reads);
  probs[3 * 10 + 4] = 0.99; // digit 3 is the most confident mistake

  it('accuracy, loss, per-class accuracy and the confusion matrix', () => {
    const e = evaluate(probs, labels);
    expect(e.accuracy).toBeCloseTo(4 / 7, 12);
    expect(e.confusion[4 * 10 + 9]).toBe(1);
    expect(e.confusion[9 * 10 + 4]).toBe(1);
    expect(e.confusion[9 * 10 + 9]).toBe(2);
    expect(e.confusion.reduce((a, b) => a + b, 0)).toBe(7);
    expect([...e.predicted]).toEqual(reads);
    expect(e.perClass[4]).toBe(0.5);
    expect(e.perClass[1]).toBe(1);
    expect(e.perClass[0]).toBeNaN(); // no test digit of 0: not a number, and said so by the caller
    expect(Number.isFinite(e.loss)).toBe(true);
    // A probability of 0 for the right digit is a large loss, not Infinity.
    const zero = new Float32Array(10);
    zero[3] = 1;
    expect(evaluate(zero, [5]).loss).toBeCloseTo(-Math.log(1e-7), 6);
  });

  it('a cell opens its digits; mistakes come most confident first; the most mixed-up pairs', () => {
    const e = evaluate(probs, labels);
    expect(cellDigits(labels, e.predicted, 9, 4)).toEqual([3]);
    expect(cellDigits(labels, e.predicted, 9, 9)).toEqual([2, 4]);
    expect(cellDigits(labels, e.predicted, 0, 0)).toEqual([]);
    expect(misclassified(labels, e.predicted, probs, 10)).toEqual([3, 1, 5]);
    expect(misclassified(labels, e.predicted, probs, 1)).toEqual([3]);
    expect(confusedPairs(e.confusion, 2)).toEqual([
      { truth: 4, read: 9, count: 1 },
      { truth: 7, read: 1, count: 1 },
    ]);
    expect(confusedText(confusedPairs(e.confusion, 1))).toBe('Most mixed up: 4 read as 9 (1).');
    expect(confusedText([])).toBe('No mistakes on the test digits.');
  });

  it('topThree: the three most probable digits, ties to the smaller digit', () => {
    const p = new Float32Array([0.1, 0.5, 0.1, 0.2, 0, 0, 0, 0, 0, 0.1]);
    expect(topThree(p).map((t) => t.digit)).toEqual([1, 3, 0]);
  });
});

describe('the words', () => {
  it('status: loading, failure, untrained, training, done', () => {
    const report = {
      step: 250,
      epoch: 2,
      trainLoss: 0.2,
      trainAccuracy: 0.951,
      testLoss: 0.25,
      testAccuracy: 0.9345,
    };
    expect(statusText('loading', null, 10)).toBe('Loading 10,000 handwritten digits…');
    expect(statusText('failed', null, 10, 'It broke.')).toBe('It broke.');
    expect(statusText('ready', { ...report, step: 0, testAccuracy: 0.1 }, 10)).toBe(
      'Untrained: test accuracy 10.0% (guessing gives about 10%). Press Train.',
    );
    expect(statusText('playing', report, 10)).toBe(
      'Epoch 2.0 of 10 · test accuracy 93.5% · training 95.1%',
    );
    expect(statusText('ready', report, 10)).toMatch(/· paused$/);
    expect(statusText('done', report, 2)).toBe('Done: 2 epochs, test accuracy 93.5%.');
    expect(statusText('playing', { ...report, testAccuracy: Number.NaN }, 10)).not.toMatch(/NaN/);
  });

  it('a test digit, the pad and a confusion cell, in sentences', () => {
    const top = [
      { digit: 9, p: 0.62 },
      { digit: 4, p: 0.3 },
      { digit: 7, p: 0.032 },
    ];
    expect(testDigitText(16, 4, top)).toBe(
      'Test digit 17 of 2,000 is a 4. The network reads 9: wrong. Its top three: 9 (62.0%), 4 (30.0%), 7 (3.2%).',
    );
    expect(testDigitText(0, 9, top)).toMatch(/reads 9: right\./);
    expect(testDigitText(0, 9, null)).toBe(
      'Test digit 1 of 2,000 is a 9. The network has not read it yet.',
    );
    expect(padText(null)).toBe('Draw a digit.');
    expect(padText(top)).toBe('The network reads 9 (62.0%); then 4 (30.0%), 7 (3.2%).');
    expect(cellLabel(4, 9, 1)).toBe('4 read as 9: 1 test digit');
    expect(cellLabel(3, 3, 1234)).toBe('3 read as 3, right: 1,234 test digits');
    expect(cellHeading(4, 9, 12)).toBe('12 test digits of 4 read as 9');
    expect(cellHeading(4, 9, 0)).toBe('No 4 was read as 9.');
  });
});
