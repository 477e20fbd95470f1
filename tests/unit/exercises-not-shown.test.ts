import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sigmoidPrime } from '../../src/math/activations';
import { initialState } from '../../src/math/descent';
import { formatValues } from '../../src/math/expression';
import { Matrix } from '../../src/math/matrix';
import { surfaceById } from '../../src/math/surfaces';
import { buildModel, updateStep, variableValues } from '../../src/widgets/backprop-graph/model';
import { chainOf, changeDetail as derivativeDetail } from '../../src/widgets/derivative/model';
import type { ChainVariable, DerivativeMode } from '../../src/widgets/derivative/model';
import { descentOptions, nextPosition } from '../../src/widgets/gradient-descent/model';
import { changeDetail as sigmoidDetail } from '../../src/widgets/sigmoid-explorer/model';
import { layerOf, productOf } from '../../src/widgets/matrix-multiply/model';
import type { ActivationChoice } from '../../src/widgets/matrix-multiply/model';
import { matrixMultiplyDoc } from '../../src/widgets/matrix-multiply/meta';
import { backpropGraphDoc } from '../../src/widgets/backprop-graph/meta';
import { derivativeDoc } from '../../src/widgets/derivative/meta';
import { gradientDescentDoc } from '../../src/widgets/gradient-descent/meta';
import { sigmoidExplorerDoc } from '../../src/widgets/sigmoid-explorer/meta';
import {
  classCount,
  exponentials,
  readLogits,
  scoresInUse,
  stateOf,
} from '../../src/widgets/softmax/model';
import { softmaxDoc } from '../../src/widgets/softmax/meta';
import type { WidgetDoc } from '../../src/widgets/catalog';

/**
 * Issue 14 item 10: an exercise must not ask for a number that the widget right above it already
 * prints (lesson 6's two-parameter step asked for w₁ after one step while the widget showed the
 * next point, (−1.60, 0.80)). For every numeric exercise, this computes what the widget above it
 * shows on arrival, or after its one button (Next step, Update the weights), with the widget's own
 * model, and fails when the answer is among those numbers.
 */
const LESSONS = new URL('../../lessons/', import.meta.url);

interface Found {
  lesson: string;
  step: number;
  id: string;
  answer: number;
  tolerance: number;
  widget: string | undefined;
}

/** Every numeric exercise and the last widget tag above it in its step (not inside an exercise). */
function numericExercises(): Found[] {
  const found: Found[] = [];
  for (const file of readdirSync(LESSONS).filter((f) => f.endsWith('.md'))) {
    const steps = readFileSync(new URL(file, LESSONS), 'utf8').split(/\n## /).slice(1);
    steps.forEach((text, i) => {
      for (const match of text.matchAll(/```exercise\n([\s\S]*?)\n```/g)) {
        const body = match[1]!;
        if (!/^kind: numeric$/m.test(body)) continue;
        const above = text.slice(0, match.index).replace(/```exercise\n[\s\S]*?\n```/g, '');
        const widgets = [...above.matchAll(/<nn-[^>]*>/g)].map((m) => m[0]);
        found.push({
          lesson: file,
          step: i + 1,
          id: /^id: (.*)$/m.exec(body)![1]!,
          answer: Number(/^answer: (.*)$/m.exec(body)![1]),
          tolerance: Number(/^tolerance: (.*)$/m.exec(body)?.[1] ?? 0),
          widget: widgets.at(-1),
        });
      }
    });
  }
  return found;
}

/** The attributes of a tag as written, with the widget's documented defaults for the rest. */
function attributes(tag: string, doc: WidgetDoc): (name: string) => string | undefined {
  const given = new Map(
    [...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1]!, m[2] ?? '']),
  );
  return (name) => {
    if (given.has(name)) return given.get(name);
    const def = doc.attributes.find((a) => a.name === name)?.default;
    return def === undefined ? undefined : String(def);
  };
}

const num = (text: string | undefined, fallback = 0): number =>
  text === undefined || text === '' ? fallback : Number(text);

/** The numbers a widget computes and shows (not the ones its attributes give it). */
function shownBy(tag: string): number[] | undefined {
  const name = /^<(nn-[\w-]+)/.exec(tag)![1];
  if (name === 'nn-gradient-descent') {
    const a = attributes(tag, { ...gradientDescentDoc, attributes: [] });
    const surface = surfaceById(a('surface') ?? 'parabola')!;
    const start = surface.suggestedStart.map((s, i) => num(a(i === 0 ? 'start-x' : 'start-y'), s));
    const rate = num(a('rate'), surface.suggestedRate);
    const state = initialState(surface, start);
    const next = nextPosition(state, descentOptions(rate, num(a('momentum'))));
    return [state.loss, ...state.gradient, ...next, surface.f(next)];
  }
  if (name === 'nn-backprop-graph') {
    const a = attributes(tag, backpropGraphDoc);
    const built = buildModel(a('expression') ?? '', a('values') ?? '', a('params') ?? '');
    const model = built.model!;
    // Every value it computes (the leaves' values are given) and every gradient, once walked.
    const shown = model.nodes.flatMap((n) =>
      n.inputs.length > 0 ? [n.value.data, n.value.grad] : [n.value.grad],
    );
    // "Update the weights", once the walk is done: the new parameters and the new output.
    const { changes } = updateStep(model, num(a('learning-rate'), 0.5));
    const updated = Object.fromEntries(changes.map((c) => [c.key, c.next]));
    const values = { ...variableValues(model), ...updated };
    const after = buildModel(
      a('expression') ?? '',
      formatValues(Object.entries(values)),
      a('params') ?? '',
    ).model!;
    return [...shown, ...changes.map((c) => c.next), after.output.value.data];
  }
  if (name === 'nn-sigmoid-explorer') {
    const a = attributes(tag, sigmoidExplorerDoc);
    const d = sigmoidDetail({
      plane: a('mode') === 'plane',
      weight: num(a('weight')),
      weight2: num(a('weight2')),
      bias: num(a('bias')),
      input: num(a('input')),
      input2: num(a('input2')),
      derivative: a('derivative') !== undefined,
    });
    return [d.z, d.output, sigmoidPrime(d.z)];
  }
  if (name === 'nn-derivative') {
    const a = attributes(tag, derivativeDoc);
    const params = {
      mode: (a('mode') ?? 'slope') as DerivativeMode,
      fn: a('fn') ?? 'square',
      x0: num(a('x0')),
      h: num(a('h'), 1),
      weight: num(a('weight'), 1),
      bias: num(a('bias')),
      wrt: (a('wrt') ?? 'x') as ChainVariable,
    };
    const d = derivativeDetail(params);
    const chain = chainOf(params);
    return [d.exact, d.secant, d.central, chain.z, chain.a, chain.dadz, chain.slope];
  }
  if (name === 'nn-softmax') {
    const a = attributes(tag, softmaxDoc);
    const k = classCount(num(a('classes'), 3));
    const scores = scoresInUse(readLogits(a('logits') ?? '') ?? [], k);
    const s = stateOf(scores, [], num(a('target'), 1), num(a('temperature'), 1));
    const r = s.reading;
    return [...r.probabilities, r.loss, ...r.gradient, ...exponentials(s)];
  }
  if (name === 'nn-matrix-multiply') {
    const a = attributes(tag, matrixMultiplyDoc);
    const read = (attr: string): Matrix => {
      const parsed = Matrix.parse(a(attr) ?? '');
      if (!parsed.ok) throw new Error(`${attr}="${a(attr)}" is not a matrix`);
      return parsed.matrix;
    };
    if (a('mode') === 'layer') {
      const l = layerOf(
        read('weights'),
        read('input'),
        read('bias'),
        (a('activation') ?? 'none') as ActivationChoice,
      );
      return [...l.z.data, ...l.a.data];
    }
    // C = AB, every cell.
    return [...productOf(read('a'), read('b')).C.data];
  }
  return undefined;
}

/**
 * Answers equal to a number the widget shows by coincidence, each with why the widget does not
 * answer the exercise.
 */
const COINCIDENCES: Record<string, string> = {
  'decision-line-crossing':
    "the widget's z = 1 is the weighted sum of another neuron at another point, not where a line crosses an axis",
};

describe('numeric exercises ask for a number the widget above does not show', () => {
  const exercises = numericExercises().filter((e) => !Object.hasOwn(COINCIDENCES, e.id));

  it('finds the exercises and the widgets above them', () => {
    expect(exercises.length).toBeGreaterThan(20);
    const checked = exercises.filter((e) => e.widget && shownBy(e.widget));
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });

  it.each(exercises.filter((e) => e.widget && shownBy(e.widget)))(
    '$lesson step $step, $id',
    ({ answer, tolerance, widget }) => {
      const shown = shownBy(widget!)!.filter(Number.isFinite);
      // Shown numbers are rounded to 3 significant digits or so: a near match counts.
      const close = shown.filter((x) => Math.abs(x - answer) <= Math.max(tolerance, 5e-4));
      expect(close, `the widget above shows ${close.join(', ')}`).toEqual([]);
    },
  );
});
