import { describe, expect, it } from 'vitest';
import { Value } from '../../src/math/autodiff';
import { checkGradient } from '../../src/math/gradient-check';
import type { GraphLayout } from '../../src/charts/graph-layout';
import {
  MAX_NODES,
  NETWORK_DEFAULTS,
  buildModel,
  checkRows,
  clampStep,
  displayName,
  gradKnown,
  missingKeys,
  paramList,
  passEnd,
  phaseOf,
  readExpression,
  stepAt,
  structureOf,
  totalSteps,
  updateStep,
  valueKnown,
  variableGradients,
  variableValues,
} from '../../src/widgets/backprop-graph/model';
import type { WalkModel, WalkNode } from '../../src/widgets/backprop-graph/model';
import { neighbour, scrollTo } from '../../src/widgets/backprop-graph/navigation';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The default network with its values and gradients computed, as the widget builds it. */
function network(values = ''): WalkModel {
  return buildModel('', values, '').model!;
}

function expression(source: string, values = '', params = ''): WalkModel {
  return buildModel(source, values, params).model!;
}

const node = (model: WalkModel, name: string): WalkNode => {
  const found = model.nodes.find((n) => n.name === name);
  if (!found) throw new Error(`no node ${name}`);
  return found;
};

const names = (model: WalkModel, ids: readonly number[]): string =>
  ids.map((id) => model.nodes[id]!.name).join(' ');

describe('the default network', () => {
  it('computes the loss of 2 inputs → 2 sigmoid units → a sigmoid output → squared error', () => {
    const m = network();
    // By hand from NETWORK_DEFAULTS: z₁ = 0.5·1 − 1·0.5 + 0 = 0, z₂ = 1·1 + 0.5·0.5 − 0.5 = 0.75.
    const h1 = sigmoid(0);
    const h2 = sigmoid(0.75);
    const yHat = sigmoid(1 * h1 - 1 * h2 + 0.5);
    expect(node(m, 'h₁').value.data).toBe(0.5);
    expect(node(m, 'h₂').value.data).toBeCloseTo(h2, 12);
    expect(node(m, 'ŷ').value.data).toBeCloseTo(yHat, 12);
    expect(m.output.value.data).toBeCloseTo((yHat - 1) ** 2, 12);
    expect(m.output.name).toBe('L');
    expect(m.nodes).toHaveLength(29);
  });

  it('holds the chain rule’s gradients, worked out by hand, for weights, biases and inputs', () => {
    const m = network();
    const h1 = 0.5;
    const h2 = sigmoid(0.75);
    const yHat = sigmoid(h1 - h2 + 0.5);
    const dz = 2 * (yHat - 1) * yHat * (1 - yHat); // ∂L/∂z at the output = ∂L/∂c
    const dz1 = dz * 1 * h1 * (1 - h1); // through v₁ = 1
    const dz2 = dz * -1 * h2 * (1 - h2); // through v₂ = −1
    const g = variableGradients(m);
    expect(g.c).toBeCloseTo(dz, 12);
    expect(g.v1).toBeCloseTo(dz * h1, 12);
    expect(g.v2).toBeCloseTo(dz * h2, 12);
    expect(g.w11).toBeCloseTo(dz1 * 1, 12);
    expect(g.w12).toBeCloseTo(dz1 * 0.5, 12);
    expect(g.b2).toBeCloseTo(dz2, 12);
    // x₁ feeds both hidden units: the two paths add up.
    expect(g.x1).toBeCloseTo(dz1 * 0.5 + dz2 * 1, 12);
    expect(g.t).toBeCloseTo(-2 * (yHat - 1), 12);
  });

  it('takes its values from `values`, the defaults for the rest', () => {
    const m = network('x1=2 t=0');
    expect(variableValues(m)).toEqual({ ...NETWORK_DEFAULTS, x1: 2, t: 0 });
    expect(node(m, 'p₁₁').value.data).toBe(0.5 * 2);
    // The network never reports missing values: every one has a default.
    expect(buildModel('', 'x1=2', '').missing).toEqual([]);
  });

  it('lists its variables in the order of the fields, and updates weights and biases only', () => {
    const m = network();
    expect(m.variables.map((v) => v.key)).toEqual(Object.keys(NETWORK_DEFAULTS));
    expect(m.params).toEqual(['w11', 'w12', 'w21', 'w22', 'b1', 'b2', 'v1', 'v2', 'c']);
    expect(node(m, 't').kind).toBe('target');
    expect(node(m, 'x₂').role).toBe('input 2');
    expect(node(m, 'w₂₁').role).toBe('weight from x₁ into h₂');
  });
});

describe('the walk: forward column by column, then backward from the output', () => {
  const m = network();
  const F = m.forward.length;

  it('computes each operation once going forward and reaches each non-constant node going back', () => {
    expect(names(m, m.forward)).toBe('p₁₁ p₁₂ p₂₁ p₂₂ s₁ s₂ z₁ z₂ h₁ h₂ q₁ q₂ s z ŷ e L');
    expect(m.backward).toHaveLength(29);
    expect(names(m, m.backward.slice(0, 7))).toBe('L e ŷ t z s c');
    expect(totalSteps(m)).toBe(17 + 29);
  });

  it('names the node and pass of every step', () => {
    expect(stepAt(m, 0)).toBeUndefined();
    expect(phaseOf(m, 0)).toBe('start');
    expect(stepAt(m, 1)).toMatchObject({ phase: 'forward', index: 1, node: { name: 'p₁₁' } });
    expect(stepAt(m, F)).toMatchObject({ phase: 'forward', index: F, node: { name: 'L' } });
    // The backward pass starts where the forward one ended: at the output.
    expect(stepAt(m, F + 1)).toMatchObject({ phase: 'backward', index: 1, node: { name: 'L' } });
    expect(phaseOf(m, F + 1)).toBe('backward');
    expect(stepAt(m, totalSteps(m))!.node.name).toBe('w₂₂');
  });

  it('keeps a requested step inside the walk, rounded', () => {
    expect(clampStep(m, -3)).toBe(0);
    expect(clampStep(m, 2.6)).toBe(3);
    expect(clampStep(m, 999)).toBe(46);
  });

  it('finishes the forward pass, then the backward one', () => {
    expect(passEnd(m, 0)).toBe(F);
    expect(passEnd(m, F - 1)).toBe(F);
    expect(passEnd(m, F)).toBe(46);
  });

  it('reveals a value when its step comes, and a gradient only in the backward pass', () => {
    const h1 = node(m, 'h₁');
    const step = m.forward.indexOf(h1.id) + 1;
    expect(valueKnown(m, node(m, 'x₁'), 0)).toBe(true);
    expect(valueKnown(m, h1, step - 1)).toBe(false);
    expect(valueKnown(m, h1, step)).toBe(true);
    expect(gradKnown(m, m.output, F)).toBe(false);
    expect(gradKnown(m, m.output, F + 1)).toBe(true);
    expect(gradKnown(m, h1, F + 1)).toBe(false);
    expect(gradKnown(m, h1, totalSteps(m))).toBe(true);
  });
});

describe('an expression', () => {
  it('names its operations u₁, u₂, … and takes the name it gives itself', () => {
    const m = expression('L = (w*x - t)^2', 'w=2 x=3 t=1');
    expect(m.nodes.map((n) => `${n.name}:${n.kind}`).join(' ')).toBe(
      'w:param x:input u₁:op t:input u₂:op L:output',
    );
    expect(m.output.value.data).toBe(25);
    expect(variableGradients(m)).toEqual({ w: 2 * 5 * 3, x: 2 * 5 * 2, t: -2 * 5 });
    expect(m.description).toBe('the expression L = (w*x - t)^2');
    expect(expression('w*x').outputName).toBe('f');
    expect(expression('w*x').description).toBe('the expression f = w*x');
  });

  it('updates the names starting with w or b, or those `params` lists', () => {
    expect(expression('w1*x + b - a').params).toEqual(['w1', 'b']);
    expect(expression('w1*x + b - a', '', 'a, x').params).toEqual(['a', 'x']);
    expect(paramList(' a  b,c ')).toEqual(['a', 'b', 'c']);
  });

  it('sums the chain rule over every use of a node', () => {
    const m = expression('x*x + 3*x', 'x=2');
    const x = node(m, 'x');
    expect(x.users).toHaveLength(2); // u₁ = x·x and u₂ = 3·x, each once
    expect(x.value.grad).toBe(2 * 2 + 3);
    expect(node(m, '3').kind).toBe('constant');
    expect(m.backward.map((id) => m.nodes[id]!.kind)).not.toContain('constant');
  });

  it('says why an expression cannot be read, and where', () => {
    const built = buildModel('w*x +', '', '');
    expect(built.model).toBeUndefined();
    expect(built.problem).toMatchObject({ source: 'w*x +', index: 5 });
    expect(built.problem!.message).toMatch(/ends too early/);
  });

  it(`refuses to draw more than ${MAX_NODES} nodes`, () => {
    const long = Array.from({ length: 30 }, (_, i) => `w${i}*x${i}`).join(' + ');
    const built = buildModel(long, '', '');
    expect(built.model).toBeUndefined();
    expect(built.tooBig).toBe(30 * 3 + 29); // 30 weights, 30 inputs, 30 products, 29 sums
  });

  it('reports values it could not read, names it does not know, and variables left at 0', () => {
    const built = buildModel('w*x + b', 'w=2 q=3 junk', '');
    expect(built.valueProblems).toEqual(['"junk" is not name=number (like w1=0.5)']);
    expect(built.unknown).toEqual(['q']);
    expect(built.missing).toEqual(['x', 'b']);
    expect(missingKeys(built.model!, { w: 1, x: 1, b: 1 })).toEqual([]);
  });

  it('reads a typed expression, keeping the values of the names still there', () => {
    expect(readExpression('  a*b ', { a: 2, c: 5 }, [])).toEqual({
      ok: true,
      source: 'a*b',
      values: { a: 2, b: 0 },
    });
    expect(readExpression('   ', {}, [])).toEqual({
      ok: false,
      problem: { source: '   ', message: 'the expression is empty', index: 0 },
    });
    expect(readExpression('a*', {}, [])).toMatchObject({ ok: false, problem: { index: 2 } });
  });

  it('has the same structure string when it draws the same nodes and edges', () => {
    expect(structureOf(expression('w*x', 'w=1'))).toBe(structureOf(expression('w*x', 'w=5')));
    // Same boxes and edges (only the operation differs): the focused node can stay.
    expect(structureOf(expression('w*x'))).toBe(structureOf(expression('w+x')));
    expect(structureOf(expression('w*x'))).not.toBe(structureOf(expression('w*x + b')));
  });
});

describe('the update and the numerical check', () => {
  it('moves every parameter by −η × its gradient, to 6 significant digits, and lowers the loss', () => {
    const m = network();
    const g = variableGradients(m);
    const { values, changes } = updateStep(m, 0.5);
    expect(changes.map((c) => c.key)).toEqual(m.params);
    expect(values.c).toBe(Number((0.5 - 0.5 * g.c!).toPrecision(6)));
    expect(values.w12).toBe(Number((-1 - 0.5 * g.w12!).toPrecision(6)));
    // Inputs and the target stay.
    expect(values.x1).toBe(1);
    expect(values.t).toBe(1);
    // The model itself is unchanged until the widget rebuilds it from the new values.
    expect(variableValues(m).c).toBe(0.5);
    const after = buildModel(
      '',
      Object.entries(values)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
      '',
    );
    expect(after.model!.output.value.data).toBeLessThan(m.output.value.data);
  });

  it('finds every revealed gradient in agreement with a central difference', () => {
    const m = network();
    expect(checkRows(m, m.forward.length)).toEqual([]);
    const rows = checkRows(m, totalSteps(m));
    expect(rows).toHaveLength(29);
    expect(rows[0]!.node.name).toBe('w₂₂'); // from the leaves on the left, as the table lists them
    expect(rows.every((r) => r.agree)).toBe(true);
    expect(Math.max(...rows.map((r) => r.difference))).toBeLessThan(1e-9);
  });

  it('flags a gradient that disagrees with the estimate', () => {
    const x = new Value(3, 'x');
    const f = x.mul(x);
    f.backward();
    expect(checkGradient(f, x)).toMatchObject({ agree: true });
    expect(checkGradient(f, x).estimate).toBeCloseTo(6, 8);
    x.grad = 5; // wrong on purpose
    expect(checkGradient(f, x)).toMatchObject({ agree: false });
    expect(checkGradient(f, x).difference).toBeCloseTo(1, 8);
  });
});

describe('moving through the drawn graph', () => {
  // Two columns: 0 and 1 on the left (0 above 1), 2 on the right at the height of 1.
  const layout: GraphLayout = {
    width: 300,
    height: 200,
    columns: [[0, 1], [], [2]],
    positions: new Map([
      [0, { x: 50, y: 20, column: 0, row: 0 }],
      [1, { x: 50, y: 100, column: 0, row: 1 }],
      [2, { x: 250, y: 90, column: 2, row: 0 }],
    ]),
  };

  it('goes across to the nearest node, down a column and on, and to the ends', () => {
    expect(neighbour(0, 'ArrowRight', layout)).toBe(2);
    expect(neighbour(2, 'ArrowLeft', layout)).toBe(1); // nearer in height than 0
    expect(neighbour(2, 'ArrowRight', layout)).toBe(2); // the last column: stays
    expect(neighbour(0, 'ArrowDown', layout)).toBe(1);
    expect(neighbour(1, 'ArrowDown', layout)).toBe(2);
    expect(neighbour(2, 'ArrowUp', layout)).toBe(1);
    expect(neighbour(0, 'ArrowUp', layout)).toBe(0);
    expect(neighbour(2, 'Home', layout)).toBe(0);
    expect(neighbour(0, 'End', layout)).toBe(2);
    expect(neighbour(0, 'a', layout)).toBeUndefined();
  });

  it('scrolls a node into the middle of the box only when it is near an edge or outside', () => {
    expect(scrollTo(200, 0, 375)).toBeNull();
    expect(scrollTo(350, 0, 375)).toBe(350 - 187.5);
    expect(scrollTo(30, 0, 375)).toBe(30 - 187.5);
    expect(scrollTo(500, 200, 375)).toBeNull();
  });
});

describe('names', () => {
  it('writes trailing digits as subscripts', () => {
    expect(displayName('w11')).toBe('w₁₁');
    expect(displayName('x_2')).toBe('x₂');
    expect(displayName('b')).toBe('b');
    expect(displayName('12')).toBe('12');
  });
});
