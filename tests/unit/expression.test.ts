import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  buildGraph,
  formatValues,
  parseDefinition,
  parseExpression,
  parseValues,
  variablesOf,
} from '../../src/math/expression';
import { thrownBy } from './fixtures/errors';

/** The value of `source` with the given variables. */
const evaluate = (source: string, values: Record<string, number> = {}): number =>
  buildGraph(parseExpression(source), values).output.data;

const errorOf = (source: string): ExpressionError =>
  thrownBy(() => parseExpression(source), ExpressionError);

describe('parseExpression + buildGraph', () => {
  it('builds the graph of a neuron and backpropagates through it', () => {
    const source = 'tanh(w1*x1 + w2*x2 + b)';
    const { output, variables } = buildGraph(
      parseExpression(source),
      { w1: 0.5, x1: 2, w2: -1, x2: 0.25, b: 0.1 },
      source,
    );
    const z = 0.5 * 2 - 1 * 0.25 + 0.1;
    expect(output.data).toBeCloseTo(Math.tanh(z), 12);
    expect(output.op).toBe('tanh');
    expect([...variables.keys()]).toEqual(['w1', 'x1', 'w2', 'x2', 'b']);

    output.backward();
    const slope = 1 - Math.tanh(z) ** 2;
    expect(variables.get('w1')!.grad).toBeCloseTo(slope * 2, 12);
    expect(variables.get('x2')!.grad).toBeCloseTo(slope * -1, 12);
    expect(variables.get('b')!.grad).toBeCloseTo(slope, 12);
    // Each operation node is labelled with its own piece of the source.
    const labels = output.topologicalOrder().map((n) => n.label);
    expect(labels).toEqual([
      'w1',
      'x1',
      'w1*x1',
      'w2',
      'x2',
      'w2*x2',
      'w1*x1 + w2*x2',
      'b',
      'w1*x1 + w2*x2 + b',
      source,
    ]);
  });

  it.each([
    ['2 + 3 * 4', 14],
    ['(2 + 3) * 4', 20],
    ['2 * 3 ^ 2', 18],
    ['-2 ^ 2', -4], // as in mathematics: −(2²)
    ['2 ^ 3 ^ 2', 512], // right-associative: 2^(3^2)
    ['8 / 4 / 2', 1], // left-associative
    ['7 - 2 - 1', 4],
    ['4 ^ (1/2)', 2],
    ['2 ^ -1', 0.5],
    ['2**3', 8],
    ['3 · 2 − 1', 5],
    ['3 × 2', 6],
    ['--3', 3],
    ['+3', 3],
    ['.5 + 1e1 + 2.', 12.5],
    ['exp(0) + log(1) + relu(-3) + sigmoid(0) + tanh(0)', 1.5],
    ['σ(0)', 0.5],
  ])('%s = %d', (source, value) => {
    expect(evaluate(source)).toBeCloseTo(value, 12);
  });

  it('a name used twice is one leaf used twice, so its gradient sums both uses', () => {
    const { output, variables } = buildGraph(parseExpression('x*x + 3*x'), { x: 2 });
    output.backward();
    expect(variables.size).toBe(1);
    expect(variables.get('x')!.grad).toBe(7);
    expect(variablesOf(parseExpression('b + a*b + c'))).toEqual(['b', 'a', 'c']);
  });

  it('a variable without a value starts at the fallback', () => {
    expect(evaluate('a + 1')).toBe(1);
    expect(buildGraph(parseExpression('a + 1'), {}, '', 5).output.data).toBe(6);
  });
});

describe('parseExpression: mistakes, in words, with their position', () => {
  it.each([
    ['tanh(w1*x1 + w2*x2 + b))', "unexpected ')' at character 24", 23],
    ['w1*x1 +)', "unexpected ')' at character 8", 7],
    ['(w + b', "missing ')' to close the '(' at character 1", 6],
    ['w * ', 'the expression ends too early at character 5', 4],
    ['2x + 1', "missing operator before 'x' at character 2: write 2*x", 1],
    ['w $ x', "unexpected '$' at character 3", 2],
    [
      'sin(x)',
      "unknown function 'sin' at character 1: the functions are exp, log, tanh, sigmoid, relu",
      0,
    ],
    ['tanh + 1', "'tanh' at character 1 is a function: write tanh(…)", 0],
    ['exp()', 'exp() at character 1 needs something inside the parentheses', 4],
    ['2 ^ x', "the exponent after '^' at character 3 must be a number", 4],
    ['   ', 'the expression is empty', 0],
    ['w * * x', "unexpected '*' at character 5", 4],
  ])('%j', (source, message, index) => {
    const error = errorOf(source);
    expect(error.message).toContain(message);
    expect(error.index).toBe(index);
  });
});

describe('parseDefinition: an expression that names itself', () => {
  it('reads the name before "=" and the expression after it', () => {
    const { name, expr } = parseDefinition('L = (sigmoid(w*x + b) - t)^2');
    expect(name).toBe('L');
    expect(buildGraph(expr, { w: 0.5, x: 2, b: -1, t: 1 }).output.data).toBeCloseTo(0.25, 12);
    expect(parseDefinition('w*x').name).toBeUndefined();
  });

  it('counts error positions from the start of the whole text', () => {
    const cases: [string, string, number][] = [
      ['L = (w + b', "missing ')' to close the '(' at character 5", 10],
      ['L = w $ b', "unexpected '$' at character 7", 6],
      ['L =   ', "nothing follows '=' at character 3", 3],
      ['x = x + 1', "'x' names the whole expression, so it cannot also be a variable inside it", 0],
    ];
    for (const [source, message, index] of cases) {
      try {
        parseDefinition(source);
        throw new Error(`expected "${source}" to be refused`);
      } catch (error) {
        expect(error).toBeInstanceOf(ExpressionError);
        expect((error as ExpressionError).message).toContain(message);
        expect((error as ExpressionError).index).toBe(index);
      }
    }
    // Without a name in front, "=" is simply a character that does not belong.
    expect(() => parseExpression('L = w')).toThrow("unexpected '=' at character 3");
  });
});

describe('parseValues / formatValues', () => {
  it('reads name=number pairs separated by spaces, commas or semicolons', () => {
    expect(parseValues('w1=0.5 x1=2, b=-1;t=−0.25  ')).toEqual({
      values: { w1: 0.5, x1: 2, b: -1, t: -0.25 },
      problems: [],
    });
  });

  it('skips what it cannot read and says why', () => {
    const parsed = parseValues('w=abc x=1 oops b= c=0x10 d=1e999');
    expect(parsed.values).toEqual({ x: 1 });
    expect(parsed.problems).toEqual([
      '"w=abc" is not name=number (like w1=0.5)',
      '"oops" is not name=number (like w1=0.5)',
      '"b=" is not name=number (like w1=0.5)',
      '"c=0x10" is not name=number (like w1=0.5)',
      '"d=1e999" is not name=number (like w1=0.5)',
    ]);
  });

  it('writes values back in the same form, without floating-point noise', () => {
    const text = formatValues([
      ['w', 0.1 + 0.2],
      ['b', -1.5],
      ['x', 2],
    ]);
    expect(text).toBe('w=0.3 b=-1.5 x=2');
    expect(parseValues(text).values).toEqual({ w: 0.3, b: -1.5, x: 2 });
  });
});
