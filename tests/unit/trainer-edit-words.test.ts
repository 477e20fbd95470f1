import { describe, expect, it } from 'vitest';
import {
  MAX_EDIT,
  earlyStopMarkers,
  earlyStopText,
  neuronName,
  parseWeight,
  weightName,
  weightText,
} from '../../src/widgets/network-trainer/edit-words';

const sizes = [2, 4, 3, 1];
const labels = ['x₁', 'x₂'];

describe('the trainer’s words for editing weights', () => {
  it('names every neuron by its column: inputs by their label, hidden units by layer and unit', () => {
    expect(neuronName(0, 1, sizes, labels)).toBe('x₂');
    expect(neuronName(1, 1, sizes, labels)).toBe('hidden 1 unit 2');
    expect(neuronName(2, 0, sizes, labels)).toBe('hidden 2 unit 1');
    expect(neuronName(3, 0, sizes, labels)).toBe('output');
    expect(neuronName(2, 2, [2, 4, 3], labels)).toBe('output unit 3');
  });

  it('names a weight by the two neurons it joins, and a bias by its neuron', () => {
    expect(weightName({ layer: 0, from: 0, to: 1 }, sizes, labels)).toBe(
      'weight from x₁ to hidden 1 unit 2',
    );
    expect(weightName({ layer: 2, from: 2, to: 0 }, sizes, labels)).toBe(
      'weight from hidden 2 unit 3 to output',
    );
    expect(weightName({ layer: 1, from: -1, to: 0 }, sizes, labels)).toBe(
      'bias of hidden 2 unit 1',
    );
  });

  it('writes a value with up to three decimals and a real minus sign', () => {
    expect(weightText(0.43125)).toBe('0.431');
    expect(weightText(-1.2)).toBe('−1.2');
    expect(weightText(-0.0001)).toBe('0');
    expect(weightText(Number.NaN)).toBe('not a number');
  });

  it('reads what was typed: numbers (with − or a comma) or a clear error', () => {
    expect(parseWeight(' 0.5 ')).toEqual({ value: 0.5 });
    expect(parseWeight('−1,25')).toEqual({ value: -1.25 });
    expect(parseWeight('.5')).toEqual({ value: 0.5 });
    expect(parseWeight('2e-1')).toEqual({ value: 0.2 });
    expect(parseWeight('abc')).toEqual({ error: expect.stringMatching(/“abc” is not a number/) });
    expect(parseWeight('1.2.3')).toHaveProperty('error');
    expect(parseWeight('0x10')).toHaveProperty('error');
    expect(parseWeight('Infinity')).toHaveProperty('error');
    expect(parseWeight('')).toEqual({ error: expect.stringMatching(/Type a number/) });
    expect(parseWeight(String(MAX_EDIT + 1))).toEqual({
      error: expect.stringMatching(/too large.*between −100 and 100/),
    });
    expect(parseWeight(String(-MAX_EDIT))).toEqual({ value: -MAX_EDIT });
  });
});

describe('the trainer’s words for early stopping', () => {
  const stop = { step: 840, epoch: 84, bestStep: 640, bestEpoch: 64, bestValidationLoss: 0.2134 };

  it('says where it stopped, why, and which weights it kept', () => {
    expect(earlyStopText(stop, 20)).toBe(
      'Stopped early at epoch 84: the validation loss had not improved for 20 epochs; kept the weights of epoch 64 (validation loss 0.213).',
    );
    expect(earlyStopText({ ...stop, epoch: 8.44, bestEpoch: 6.4 }, 1)).toMatch(
      /^Stopped early at epoch 8\.4: .* for 1 epoch; kept the weights of epoch 6\.4/,
    );
  });

  it('marks the kept step (solid) and the stop (dashed) on the loss chart, with sentences', () => {
    const [kept, stopped] = earlyStopMarkers(stop);
    expect(kept).toMatchObject({ step: 640, label: 'kept weights', line: 'solid' });
    expect(kept!.description).toMatch(/kept the weights of step 640 \(epoch 64\)/);
    expect(stopped).toMatchObject({ step: 840, label: 'stopped' });
    expect(stopped!.description).toMatch(/stopped training at step 840 \(epoch 84\)/);
  });
});
