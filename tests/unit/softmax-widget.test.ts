import { describe, expect, it } from 'vitest';
import {
  canShift,
  changeDetail,
  classCount,
  classNames,
  exponentials,
  readField,
  readLabels,
  readLogits,
  scoresInUse,
  shifted,
  sliderToTemperature,
  stateOf,
  stepped,
  temperatureToSlider,
  withScore,
} from '../../src/widgets/softmax/model';
import {
  gradientRule,
  logitsWarning,
  lossSteps,
  nudge,
  percent,
  probabilitySteps,
  problemText,
  readable,
  scoreName,
  scoreSpoken,
  signed,
  summary,
  sumText,
  tableRows,
} from '../../src/widgets/softmax/describe';
import { expectWritten } from './fixtures/written';

const catDogBird = (target = 1, temperature = 1, scores = [2, 1, 0.1]) =>
  stateOf(scores, ['cat', 'dog', 'bird'], target, temperature);

describe('<nn-softmax> model', () => {
  it('uses 2 to 10 classes, filling missing scores with 0 and keeping extra ones', () => {
    expect(classCount(1)).toBe(2);
    expect(classCount(12)).toBe(10);
    expect(classCount(Number.NaN)).toBe(3);
    expect(scoresInUse([2, 1], 4)).toEqual([2, 1, 0, 0]);
    expect(scoresInUse([2, 1, 0.1, 5], 3)).toEqual([2, 1, 0.1]);
    expect(withScore([2, 1, 0.1, 5], 3, 1, -4)).toEqual([2, -4, 0.1, 5]);
    expect(withScore([2], 3, 2, 1)).toEqual([2, 0, 1]);
  });

  it('reads the logits and labels attributes, or null for anything it cannot use', () => {
    expect(readLogits('2 1 0.1')).toEqual([2, 1, 0.1]);
    expect(readLogits(' −1.5, 2 ')).toEqual([-1.5, 2]);
    expect(readLogits('1 2 abc')).toBeNull();
    expect(readLogits('11')).toBeNull();
    expect(readLogits('1 2 3 4 5 6 7 8 9 10 11')).toBeNull();
    expect(readLogits('')).toBeNull();
    expect(readLabels('cat, dog ,  big   bird')).toEqual(['cat', 'dog', 'big bird']);
    expect(readLabels('')).toEqual([]);
    expect(readLabels('cat,,dog')).toBeNull();
    expect(readLabels('x'.repeat(25))).toBeNull();
    expect(readLabels('a,b,c,d,e,f,g,h,i,j,k')).toBeNull();
    expect(classNames(['cat'], 3)).toEqual(['cat', 'class 2', 'class 3']);
  });

  it('reads a typed score: a dot, a typographic minus, within ±10', () => {
    expect(readField('−2.5')).toEqual({ ok: true, value: -2.5 });
    expect(readField('.5')).toEqual({ ok: true, value: 0.5 });
    expect(readField('1,5')).toMatchObject({ ok: false, problem: 'decimal-comma' });
    expect(readField('12')).toMatchObject({ ok: false, problem: 'out-of-range' });
    expect(readField('')).toMatchObject({ ok: false, problem: 'empty' });
    expect(readField('two')).toMatchObject({ ok: false, problem: 'not-a-number' });
    expect(stepped(0.2, true)).toBe(0.3);
    expect(stepped(10, true)).toBe(10);
  });

  it('shifts every score in use by a constant, within ±10, keeping the rest', () => {
    expect(shifted([2, 1, 0.1, 7], 3, 1)).toEqual([3, 2, 1.1, 7]);
    expect(canShift([9.5, 0], 1)).toBe(false);
    expect(canShift([9, 0], 1)).toBe(true);
    expect(canShift([-10, 0], -1)).toBe(false);
    // and the probabilities do not move
    const before = catDogBird().reading.probabilities;
    const after = catDogBird(1, 1, shifted([2, 1, 0.1], 3, 1)).reading.probabilities;
    after.forEach((p, i) => expect(p).toBeCloseTo(before[i]!, 12));
  });

  it('maps the temperature slider on a log scale: 0.1, 1 and 10 evenly spaced', () => {
    expect(temperatureToSlider(0.1)).toBe(-1);
    expect(temperatureToSlider(1)).toBe(0);
    expect(temperatureToSlider(10)).toBe(1);
    expect(sliderToTemperature(0)).toBe(1);
    expect(sliderToTemperature(1)).toBe(10);
    expect(sliderToTemperature(-1)).toBe(0.1);
    expect(sliderToTemperature(0.3)).toBe(2);
    for (let v = -1; v <= 1; v += 0.05) {
      const t = sliderToTemperature(v);
      expect(t).toBeGreaterThanOrEqual(0.1);
      expect(t).toBeLessThanOrEqual(10);
      expect(Math.abs(temperatureToSlider(t) - v)).toBeLessThan(0.03);
    }
  });

  it('reads cat, dog, bird = 2, 1, 0.1: p = 0.659, 0.242, 0.099; loss 0.417', () => {
    const s = catDogBird();
    const [p1, p2, p3] = s.reading.probabilities;
    expect(p1).toBeCloseTo(0.659, 3);
    expect(p2).toBeCloseTo(0.242, 3);
    expect(p3).toBeCloseTo(0.099, 3);
    expect(s.reading.loss).toBeCloseTo(0.417, 3);
    expect(s.reading.gradient[0]).toBeCloseTo(0.659 - 1, 3);
    expect(exponentials(s)[0]).toBeCloseTo(Math.E ** 2, 12);
    expect(changeDetail(s)).toMatchObject({ target: 1, predicted: 1, logits: [2, 1, 0.1] });
  });

  it('a right class beyond the classes, or a bad temperature, falls back (class 1, T = 1)', () => {
    expect(stateOf([1, 2], ['a', 'b'], 5, 1).target).toBe(0);
    expect(stateOf([1, 2], ['a', 'b'], 1.5, 1).target).toBe(0);
    expect(stateOf([1, 2], ['a', 'b'], 2, 0).temperature).toBe(1);
  });
});

describe('<nn-softmax> in words', () => {
  it('probabilities as percentages, never a false 0% or 100%', () => {
    expectWritten(
      percent,
      [0.659, 0.0001, 0.99999],
      ['65.9%', 'less than 0.1%', 'more than 99.9%'],
    );
    expectWritten(signed, [0.2424, -0.341, 0.00001], ['+0.242', '−0.341', '0.000']);
  });

  it('very large and very small numbers in powers of ten, not 2.69e+43', () => {
    expectWritten(readable, [Math.exp(2), 11.21, 0.0987], ['7.39', '11.2', '0.0987']);
    expectWritten(readable, [Math.exp(100), Math.exp(-100)], ['2.69 × 10⁴³', '3.72 × 10⁻⁴⁴']);
  });

  it('writes p of the right class and the loss out with the numbers', () => {
    const s = catDogBird();
    expect(probabilitySteps(s).join(' ')).toBe(
      'p₁ = e^(z₁) / Σⱼ e^(zⱼ) = 7.39 / (7.39 + 2.72 + 1.11) = 7.39 / 11.2 = 0.659',
    );
    expect(lossSteps(s).join(' ')).toBe('L = −log p₁ = −log 0.659 = 0.417');
    expect(probabilitySteps(catDogBird(2, 2)).join(' ')).toMatch(/^p₂ = e\^\(z₂\/T\)/);
    expect(gradientRule(catDogBird(1, 2))).toContain('divided by T = 2.00');
    expect(sumText(s)).toBe('The 3 probabilities add up to 1.000.');
  });

  it('writes no Infinity when e^(z/T) overflows: only the definition and the result', () => {
    const s = stateOf([10, -10], ['a', 'b'], 1, 0.01);
    expect(s.temperature).toBe(1); // 0.01 is below the range: T = 1
    const hot = stateOf([10, -10], ['a', 'b'], 2, 0.1);
    const steps = probabilitySteps(hot).join(' ');
    expect(steps).not.toMatch(/Infinity|too large|NaN/);
    expect(lossSteps(hot).join(' ')).toBe('L = −log p₂ = −log 1.38 × 10⁻⁸⁷ = 200.000');
  });

  it('summarises the probabilities, the answer, the loss and what descent does', () => {
    expect(summary(catDogBird())).toBe(
      'Probabilities: cat 65.9%, dog 24.2%, bird 9.9%. The most likely class is cat, the right one. ' +
        'Loss −log p of cat = 0.417. A step of gradient descent raises the score of cat and lowers the others.',
    );
    expect(summary(catDogBird(3, 2))).toContain(
      'at temperature 2.00: cat 50.2%, dog 30.4%, bird 19.4%. The most likely class is cat, but the right one is bird.',
    );
    expect(summary(catDogBird(1, 1, [10, -10, -10]))).toContain('The loss is almost 0');
  });

  it('names and speaks each score; says which way descent moves it', () => {
    const s = catDogBird();
    expect(scoreName(s, 1)).toBe('score z₂ of dog');
    expect(scoreSpoken(s, 0)).toBe('2.0, probability 65.9%');
    expect(nudge(s, 0)).toBe('raise');
    expect(nudge(s, 2)).toBe('lower');
    expect(tableRows(s)[0]).toEqual({
      name: 'cat',
      right: true,
      score: '2.0',
      probability: '0.6590',
      gradient: '−0.341',
    });
    expect(problemText('out-of-range', '12')).toBe('Use a number from −10 to 10.');
    expect(logitsWarning('nn-softmax', 'x', '2 1 0.1')).toContain('using the default "2 1 0.1"');
  });
});
