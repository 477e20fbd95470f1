import { describe, expect, it } from 'vitest';
import {
  checkCaption,
  checkTableRows,
  fieldGroups,
  graphView,
  missingNote,
  nodeDetails,
  nodeLabel,
  nodeRows,
  nodeTableCaption,
  problemMessage,
  problemWindow,
  progressText,
  readField,
  readLearningRate,
  readNumber,
  stepExplanation,
  stepSentence,
  tooBigMessage,
  updateHint,
  updateSummary,
  valuesWarnings,
} from '../../src/widgets/backprop-graph/describe';
import {
  backwardLines,
  fmt,
  forwardFormula,
  opSymbol,
} from '../../src/widgets/backprop-graph/formulas';
import { buildModel, stepAt, totalSteps, updateStep } from '../../src/widgets/backprop-graph/model';
import type { WalkModel, WalkNode } from '../../src/widgets/backprop-graph/model';

const network = (values = ''): WalkModel => buildModel('', values, '').model!;
const expression = (source: string, values = ''): WalkModel =>
  buildModel(source, values, '').model!;

const node = (model: WalkModel, name: string): WalkNode => {
  const found = model.nodes.find((n) => n.name === name);
  if (!found) throw new Error(`no node ${name}`);
  return found;
};

describe('numbers as the widget writes them', () => {
  it('shows at least three significant digits, never NaN, with a real minus sign', () => {
    expect(fmt(0.5)).toBe('0.500');
    expect(fmt(-0.8409)).toBe('−0.841');
    expect(fmt(0.00096)).toBe('0.000960');
    expect(fmt(0.04472)).toBe('0.0447');
    expect(fmt(1234.5)).toBe('1234.500');
    expect(fmt(0)).toBe('0.000');
    expect(fmt(Number.NaN)).toBe('undefined');
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('too large');
  });
});

describe('the formulas of a step, with the numbers substituted', () => {
  const m = network();

  it('writes a forward step as definition = numbers = value', () => {
    expect(forwardFormula(m, node(m, 'p₁₁'))).toBe('p₁₁ = w₁₁ · x₁ = 0.500 · 1.000 = 0.500');
    expect(forwardFormula(m, node(m, 'h₁'))).toBe('h₁ = σ(z₁) = σ(0.000) = 0.500');
    expect(forwardFormula(m, m.output)).toBe('L = e² = (−0.420)² = 0.177');
  });

  it('writes the chain rule: symbols, each local derivative, then the products', () => {
    expect(backwardLines(m, m.output)).toEqual([
      '∂L/∂L = 1',
      'The gradient of L with respect to itself is 1: this starts the backward pass.',
    ]);
    expect(backwardLines(m, node(m, 'e'))).toEqual([
      '∂L/∂e = ∂L/∂e × ∂L/∂L',
      'local derivative ∂L/∂e = 2e = 2 × (−0.420) = −0.841',
      '∂L/∂e = (−0.841) × 1.000 = −0.841',
    ]);
    // x₁ feeds both hidden units: two terms, added.
    expect(backwardLines(m, node(m, 'x₁'))).toEqual([
      '∂L/∂x₁ = ∂p₁₁/∂x₁ × ∂L/∂p₁₁ + ∂p₂₁/∂x₁ × ∂L/∂p₂₁',
      'local derivative ∂p₁₁/∂x₁ = w₁₁ = 0.500',
      'local derivative ∂p₂₁/∂x₁ = w₂₁ = 1.000',
      '∂L/∂x₁ = 0.500 × (−0.0512) + 1.000 × 0.0447 = 0.0190',
    ]);
  });

  it('knows the local derivative of every operation', () => {
    const ops = expression('exp(a) / log(b) - tanh(c)^3 + a^0.5', 'a=1 b=2 c=0.5');
    const lines = (name: string) => backwardLines(ops, node(ops, name))[1];
    expect(lines('u₁')).toBe('local derivative ∂u₃/∂u₁ = 1/u₂ = 1/0.693 = 1.443');
    expect(lines('u₂')).toBe('local derivative ∂u₃/∂u₂ = −u₁/u₂² = −2.718/0.693² = −5.658');
    expect(lines('u₄')).toBe('local derivative ∂u₅/∂u₄ = 3·u₄² = 3 × 0.462² = 0.641');
    expect(lines('c')).toBe('local derivative ∂u₄/∂c = 1 − u₄² = 1 − 0.462² = 0.786');
    expect(lines('b')).toBe('local derivative ∂u₂/∂b = 1/b = 1/2.000 = 0.500');
    expect(backwardLines(ops, node(ops, 'a')).slice(1, 3)).toEqual([
      'local derivative ∂u₁/∂a = exp(a) = u₁ = 2.718',
      'local derivative ∂u₇/∂a = 0.5·a^−0.5 = 0.5 × 1.000^−0.5 = 0.500',
    ]);
    const relu = expression('relu(w*x)', 'w=-1 x=2');
    expect(backwardLines(relu, node(relu, 'u₁'))[1]).toBe(
      'local derivative ∂f/∂u₁ = 0 (since u₁ ≤ 0) = 0.000',
    );
    expect(ops.nodes.map((n) => opSymbol(n.value)).filter(Boolean)).toEqual([
      'exp',
      'log',
      '÷',
      'tanh',
      'x³',
      '−',
      'x^0.5',
      '+',
    ]);
  });
});

describe('the walk in words', () => {
  const m = network();
  const F = m.forward.length;
  const total = totalSteps(m);

  it('says where the walk is', () => {
    expect(progressText(m, 0)).toBe('Ready: nothing computed yet.');
    expect(progressText(m, 3)).toBe('Forward pass: step 3 of 17');
    expect(progressText(m, F + 2)).toBe('Backward pass: step 2 of 29');
  });

  it('announces each step, and the end of each pass', () => {
    expect(stepSentence(m, 0)).toBe(
      'Nothing computed yet: only the leaves hold numbers. Next step starts the forward pass.',
    );
    expect(stepSentence(m, 1)).toBe(
      'Forward pass, step 1 of 17: p₁₁ = w₁₁ · x₁ = 0.500 · 1.000 = 0.500.',
    );
    expect(stepSentence(m, F)).toBe(
      'Forward pass, step 17 of 17: L = e² = (−0.420)² = 0.177. The forward pass is complete: L = 0.177. Next, the backward pass.',
    );
    expect(stepSentence(m, F + 2)).toBe(
      'Backward pass, step 2 of 29: the gradient of L with respect to e is local derivative −0.841 from L times its gradient 1.000, which makes −0.841.',
    );
    expect(stepSentence(m, total)).toBe(
      'Backward pass, step 29 of 29: the gradient of L with respect to w₂₂ is local derivative 0.500 from p₂₂ times its gradient 0.0447, which makes 0.0223. The backward pass is complete: every gradient is known. You can update the weights.',
    );
    // An expression without weights has nothing to update.
    const sq = expression('x*x + 3*x', 'x=2');
    expect(stepSentence(sq, totalSteps(sq))).toMatch(/which makes 7\.000\. .* is known\.$/);
  });

  it('fills the explanation box for the first, a forward, a backward and the last step', () => {
    expect(stepExplanation(m, undefined)).toEqual({ phase: 'start' });
    expect(stepExplanation(m, stepAt(m, F))).toEqual({
      phase: 'forward',
      title: ['Forward: the value of ', 'L'],
      formula: 'L = e² = (−0.420)² = 0.177',
      done: { output: 'L', value: '0.177' },
    });
    expect(stepExplanation(m, stepAt(m, F + 3))).toEqual({
      phase: 'backward',
      title: ['Backward: the gradient arrives at ', 'ŷ'],
      rule: '∂L/∂ŷ = ∂e/∂ŷ × ∂L/∂e',
      rest: ['local derivative ∂e/∂ŷ = 1', '∂L/∂ŷ = 1.000 × (−0.841) = −0.841'],
      done: null,
    });
    const last = stepExplanation(m, stepAt(m, total));
    expect(last.phase === 'backward' && last.done?.join('')).toBe(
      'The backward pass is complete: every gradient is known. Update the weights next.',
    );
  });

  it('describes the selected node with what is known so far', () => {
    expect(nodeDetails(m, node(m, 'h₁'), 0)).toEqual({
      what: 'h₁ = σ(z₁)',
      value: 'not computed yet',
      grad: { name: '∂L/∂h₁', value: 'not computed yet' },
    });
    expect(nodeDetails(m, node(m, 'x₁'), total)).toEqual({
      what: 'x₁ (input 1)',
      value: '1.000',
      grad: { name: '∂L/∂x₁', value: '0.0190' },
    });
    const c = expression('2*x', 'x=1');
    expect(nodeDetails(c, node(c, '2'), 0).grad).toBeNull();
  });

  it('gives each node an accessible name that starts with what its box shows', () => {
    const h1 = node(m, 'h₁');
    expect(nodeLabel(m, h1, false, false)).toBe(
      'h₁ ?: h₁ = σ(z₁), a sigmoid; value not computed yet',
    );
    expect(nodeLabel(m, h1, true, false)).toBe(
      'h₁ 0.500: h₁ = σ(z₁), a sigmoid; gradient not computed yet',
    );
    expect(nodeLabel(m, h1, true, true)).toBe('h₁ 0.500 grad −0.205: h₁ = σ(z₁), a sigmoid');
    expect(nodeLabel(m, m.output, true, true)).toBe(
      'L 0.177 grad 1.000: L = e², a power 2, the output',
    );
    expect(nodeLabel(m, node(m, 'x₁'), true, false)).toBe(
      'x₁ 1.000: input 1; gradient not computed yet',
    );
  });

  it('draws values as the walk reveals them, and marks the current node and its edges', () => {
    const view = graphView(m, 1, 7);
    expect(view.focusId).toBe(7);
    expect(view.label).toMatch(/^Nodes of the network: inputs x₁ and x₂/);
    const p11 = view.nodes.find((n) => n.name === 'p₁₁')!;
    expect(p11).toMatchObject({ op: '×', value: '0.500', grad: null, current: 'forward' });
    expect(view.nodes.find((n) => n.name === 'h₁')).toMatchObject({ value: null, current: null });
    expect([...view.activeEdges]).toEqual([
      [`${node(m, 'w₁₁').id}>${p11.id}`, 'forward'],
      [`${node(m, 'x₁').id}>${p11.id}`, 'forward'],
    ]);
    expect(graphView(m, total, 0).nodes.every((n) => n.kind === 'constant' || n.grad)).toBe(true);
  });
});

describe('the update', () => {
  it('writes each parameter’s step and whether the loss went down', () => {
    const m = network();
    const { values, changes } = updateStep(m, 0.5);
    const after = network(
      Object.entries(values)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
    ).output.value.data;
    const summary = updateSummary('L', changes, 0.5, m.output.value.data, after);
    expect(summary.lines[0]).toBe('w₁₁ = 0.500 − 0.500 × (−0.0512) = 0.526');
    expect(summary.lines[8]).toBe('c = 0.500 − 0.500 × (−0.205) = 0.602');
    expect(summary.lines[9]).toBe('L: 0.177 → 0.139 (lower)');
    expect(summary.sentence).toBe(
      'Updated 9 parameters with learning rate 0.500. L went from 0.177 to 0.139: lower.',
    );
    expect(updateSummary('L', changes, 10, 0.2, 0.3).lines.at(-1)).toBe(
      'L: 0.200 → 0.300 (higher: the step overshot, try a smaller learning rate)',
    );
  });

  it('explains why the button cannot be pressed', () => {
    const m = network();
    expect(updateHint(m, false)).toBe(
      'The update needs every gradient: finish the backward pass first.',
    );
    expect(updateHint(m, true)).toBeNull();
    expect(updateHint(expression('x*x'), true)).toMatch(/^Nothing to update/);
  });
});

describe('the fields and what is typed into them', () => {
  it('groups the network’s fields, and an expression’s by whether the update changes them', () => {
    const groups = (m: WalkModel, network: boolean) =>
      fieldGroups(m, network).map((g) => [g.legend, g.nodes.map((n) => n.name).join(' ')]);
    expect(groups(network(), true)).toEqual([
      ['Inputs', 'x₁ x₂'],
      ['Weights and biases', 'w₁₁ w₁₂ w₂₁ w₂₂ b₁ b₂ v₁ v₂ c'],
      ['Target', 't'],
    ]);
    expect(groups(expression('w*x + b - t'), false)).toEqual([
      ['Parameters (the update changes these)', 'w b'],
      ['Other variables', 'x t'],
    ]);
    expect(groups(expression('x*y'), false)).toEqual([['Other variables', 'x y']]);
  });

  it('reads numbers the way people type them, and says what is wrong otherwise', () => {
    expect(readNumber(' −2.5 ')).toEqual({ ok: true, value: -2.5 });
    expect(readNumber('.5e1')).toEqual({ ok: true, value: 5 });
    expect(readNumber('')).toEqual({ ok: false, message: 'type a number' });
    expect(readNumber('1,5')).toEqual({
      ok: false,
      message: 'write decimals with a point, as in 1.5',
    });
    expect(readNumber('abc')).toEqual({ ok: false, message: '“abc” is not a number' });
    expect(readNumber('1e999')).toEqual({ ok: false, message: '“1e999” is too large' });
    expect(readField('w11', 'x')).toEqual({ error: { w11: 'w₁₁: “x” is not a number' } });
    expect(readField('w11', '3')).toEqual({ value: 3 });
  });

  it('keeps the learning rate between 0 and 10', () => {
    expect(readLearningRate('0.1')).toEqual({ ok: true, value: 0.1 });
    expect(readLearningRate('11')).toEqual({
      ok: false,
      message: 'Learning rate: choose a number from 0 to 10',
    });
    expect(readLearningRate('-1')).toMatchObject({ ok: false });
    expect(readLearningRate('fast')).toEqual({
      ok: false,
      message: 'Learning rate: “fast” is not a number',
    });
  });

  it('names the variables given no value', () => {
    expect(missingNote([])).toBeNull();
    expect(missingNote(['x1'])?.join('')).toBe('No value was given for x₁: it starts at 0.');
    expect(missingNote(['x1', 'b'])?.join('')).toBe(
      'No value was given for x₁, b: they start at 0.',
    );
  });

  it('warns about `values` entries it ignores', () => {
    expect(valuesWarnings(buildModel('w*x', 'w=2 q=3 junk', ''))).toEqual([
      'values: "junk" is not name=number (like w1=0.5); ignoring it.',
      'values: "q" is not a variable here (the variables are w, x); ignoring it.',
    ]);
  });
});

describe('an expression that cannot be read or drawn', () => {
  it('shows a phone-sized window of the expression with a caret under the mistake', () => {
    const source = 'tanh(w1*x1 + w2*x2 + w3*x3 + b) + ) + w4*x4';
    const { shown, caret } = problemWindow({ source, message: '', index: 34 }); // the stray ')'
    expect(shown).toBe('…*x2 + w3*x3 + b) + ) + w4*x4');
    expect(shown[caret.length - 1]).toBe(')');
    expect(caret.trim()).toBe('^');
    expect(problemWindow({ source: 'a +', message: '', index: 3 })).toEqual({
      shown: 'a +',
      caret: '   ^',
    });
  });

  it('says what is wrong, and that the graph shown is the last good one', () => {
    const problem = { source: 'a +', message: 'the expression ends too early', index: 3 };
    expect(problemMessage(problem, false).join('')).toBe(
      'This expression cannot be read: the expression ends too early.',
    );
    expect(problemMessage(problem, true).join('')).toBe(
      'This expression cannot be read: the expression ends too early. The graph below is the last expression that could be read.',
    );
    expect(tooBigMessage(119).join('')).toBe(
      'This expression has 119 nodes: too many to draw clearly (at most 80).',
    );
  });
});

describe('the tables', () => {
  const m = network();

  it('lists every node with its definition, and its numbers once the walk reaches them', () => {
    expect(nodeTableCaption(expression('w*x')).join('')).toBe(
      'Every node of the expression f = w*x, in the order the forward pass computes them',
    );
    const rows = nodeRows(m, 3);
    expect(rows[0]).toEqual({
      name: 'v₁',
      definition: 'weight from h₁ into the output',
      value: '1.000',
      grad: 'not yet',
    });
    expect(rows.find((r) => r.name === 'p₁₂')).toEqual({
      name: 'p₁₂',
      definition: 'p₁₂ = w₁₂ · x₂',
      value: '−0.500',
      grad: 'not yet',
    });
    expect(rows.find((r) => r.name === 's₁')!.value).toBe('not yet');
    expect(nodeRows(m, totalSteps(m)).find((r) => r.name === 'h₁')!.grad).toBe('−0.205');
    const c = expression('2*x', 'x=1');
    expect(nodeRows(c, totalSteps(c)).find((r) => r.name === '2')).toMatchObject({
      definition: 'constant',
      grad: '—',
    });
  });

  it('checks each revealed gradient against a central difference', () => {
    expect(checkCaption(m).join('')).toBe(
      'Each gradient from backpropagation next to a numerical estimate: nudge the node by h = 0.00001 both ways and measure the change, (L(+h) − L(−h)) / 2h',
    );
    expect(checkTableRows(m, m.forward.length)).toEqual([]);
    expect(checkTableRows(m, m.forward.length + 2)).toEqual([
      {
        name: 'e',
        backprop: '−0.841',
        estimate: '−0.841',
        difference: '< 0.000001',
        verdict: '✓ agree',
      },
      {
        name: 'L',
        backprop: '1.000',
        estimate: '1.000',
        difference: '< 0.000001',
        verdict: '✓ agree',
      },
    ]);
  });
});
