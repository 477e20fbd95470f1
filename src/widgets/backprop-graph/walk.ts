/**
 * The model behind `<nn-backprop-graph>`, without any DOM: the graph (the default network or an
 * author's expression, as autodiff nodes), the walk through it (forward one node at a time, then
 * backward), and every sentence and formula the widget shows, with the numbers substituted.
 */
import { Value } from '../../math/autodiff';
import { buildGraph, parseDefinition } from '../../math/expression';
import { formatNumber } from '../../math/format';
import { assignColumns } from '../../charts/graph-layout';
import type { GraphNodeKind } from '../../charts/graph-layout';

export interface WalkNode {
  /** Index in topological order. */
  id: number;
  value: Value;
  /** Display name: "w₁₁", "h₁", "L". */
  name: string;
  /** For variables: the name in `values` ("w11"). */
  key: string | undefined;
  kind: GraphNodeKind;
  /** Ids of the inputs, in order (repeated if the same node is used twice). */
  inputs: number[];
  /** Ids of the nodes that use this one, each once. */
  users: number[];
  /** For the network's leaves: what the number is, in words ("weight from x₁ into h₁"). */
  role: string;
}

export interface WalkModel {
  nodes: WalkNode[];
  output: WalkNode;
  /** Variables by key, in the order they are listed for editing. */
  variables: WalkNode[];
  /** Keys of the variables the update step changes. */
  params: string[];
  /** Node ids in the order the forward pass computes them (operations only), column by column. */
  forward: number[];
  /** Node ids in the order the backward pass reaches them (constants skipped), right to left. */
  backward: number[];
  /** The node that starts with the keyboard focus: the top of the leftmost column. */
  first: number;
  /** "L" for the network's loss, "f" for an expression. */
  outputName: string;
  /** The graph in one line of words, for its accessible name. */
  description: string;
}

/** The variables of the default network and their starting values. */
export const NETWORK_DEFAULTS: Readonly<Record<string, number>> = {
  x1: 1,
  x2: 0.5,
  w11: 0.5,
  w12: -1,
  w21: 1,
  w22: 0.5,
  b1: 0,
  b2: -0.5,
  v1: 1,
  v2: -1,
  c: 0.5,
  t: 1,
};

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** "w11" → "w₁₁", "x_2" → "x₂": trailing digits as subscripts. */
export function displayName(key: string): string {
  const match = /^(.*?)_?(\d+)$/.exec(key);
  if (!match || match[1] === '') return key;
  return match[1] + [...match[2]!].map((d) => SUBSCRIPT[Number(d)]).join('');
}

/**
 * A number for the formulas and the graph: three significant digits at least, more for small
 * numbers (0.000960, not 0.001), and never NaN or Infinity (formatNumber's words instead).
 */
export function fmt(x: number): string {
  if (!Number.isFinite(x) || x === 0) return formatNumber(x, 3);
  const decimals = Math.min(6, Math.max(3, 2 - Math.floor(Math.log10(Math.abs(x)))));
  return formatNumber(x, decimals);
}

/** A number as a factor: negative ones in parentheses, 2 × (−0.5). */
const factor = (x: number): string => (fmt(x).startsWith('−') ? `(${fmt(x)})` : fmt(x));

/** A constant as written in the expression: 2, 0.5, −1. */
const constantName = (x: number): string => String(x).replace('-', '−');

/** An exponent as superscript when it is a small whole number: x², x⁻¹; else x^0.5. */
function power(base: string, k: number): string {
  if (Number.isInteger(k) && Math.abs(k) < 100) {
    return base + [...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('');
  }
  return `${base}^${constantName(k)}`;
}

/** The symbol drawn in an operation's badge. */
export function opSymbol(v: Value): string {
  switch (v.op) {
    case 'input':
      return '';
    case 'add':
      return '+';
    case 'sub':
      return '−';
    case 'mul':
      return '×';
    case 'div':
      return '÷';
    case 'pow':
      return power('x', v.exponent ?? 1);
    case 'neg':
      return '−x';
    case 'exp':
      return 'exp';
    case 'log':
      return 'log';
    case 'tanh':
      return 'tanh';
    case 'sigmoid':
      return 'σ';
    case 'relu':
      return 'ReLU';
  }
}

/** The operation in words, for screen readers. */
function opWords(v: Value): string {
  switch (v.op) {
    case 'input':
      return 'a leaf';
    case 'add':
      return 'a sum';
    case 'sub':
      return 'a difference';
    case 'mul':
      return 'a product';
    case 'div':
      return 'a quotient';
    case 'pow':
      return `a power ${constantName(v.exponent ?? 1)}`;
    case 'neg':
      return 'a negation';
    case 'exp':
      return 'an exponential';
    case 'log':
      return 'a logarithm';
    case 'tanh':
      return 'a tanh';
    case 'sigmoid':
      return 'a sigmoid';
    case 'relu':
      return 'a ReLU';
  }
}

/** Build the walk model around an autodiff output whose nodes are already named. */
function modelOf(
  output: Value,
  kinds: (v: Value) => { kind: GraphNodeKind; key?: string; role?: string },
  keyOrder: readonly string[],
  params: string[],
  outputName: string,
  description: string,
): WalkModel {
  const order = output.topologicalOrder();
  const index = new Map(order.map((v, i) => [v, i]));
  const nodes: WalkNode[] = order.map((value, id) => {
    const info = value === output ? { kind: 'output' as const } : kinds(value);
    return {
      id,
      value,
      name: value === output ? outputName : value.label,
      key: info.key,
      kind: info.kind,
      inputs: value.inputs.map((v) => index.get(v)!),
      users: [],
      role: info.role ?? '',
    };
  });
  for (const node of nodes) {
    for (const input of new Set(node.inputs)) nodes[input]!.users.push(node.id);
  }
  const rank = (n: WalkNode) => keyOrder.indexOf(n.key!);
  const variables = nodes.filter((n) => n.key !== undefined).sort((a, b) => rank(a) - rank(b));
  // Walk the drawing's columns: left to right going forward, right to left going back, so the
  // numbers sweep across the picture (any order with inputs before users would be as correct).
  const column = assignColumns(nodes);
  const byColumn = [...nodes].sort((a, b) => column.get(a.id)! - column.get(b.id)! || a.id - b.id);
  const backward = [...nodes]
    .filter((n) => n.kind !== 'constant')
    .sort((a, b) => column.get(b.id)! - column.get(a.id)! || a.id - b.id);
  return {
    nodes,
    output: nodes[nodes.length - 1]!,
    variables,
    params: params.filter((p) => variables.some((v) => v.key === p)),
    forward: byColumn.filter((n) => n.inputs.length > 0).map((n) => n.id),
    backward: backward.map((n) => n.id),
    first: byColumn[0]!.id,
    outputName,
    description,
  };
}

/**
 * The default network: inputs x₁, x₂ → two sigmoid hidden units h₁, h₂ → one sigmoid output ŷ →
 * the squared error L = (ŷ − t)² against the target t. Every multiplication and sum is its own
 * node, exactly as autodiff records it.
 */
export function networkModel(values: Readonly<Record<string, number>>): WalkModel {
  const v = (key: string) => values[key] ?? NETWORK_DEFAULTS[key]!;
  const leaf = (key: string) => new Value(v(key), displayName(key));
  const x = [leaf('x1'), leaf('x2')];
  const roles = new Map<Value, { kind: GraphNodeKind; key: string; role: string }>();
  x.forEach((xi, i) => roles.set(xi, { kind: 'input', key: `x${i + 1}`, role: `input ${i + 1}` }));
  const hidden = [1, 2].map((j) => {
    const w = [1, 2].map((i) => {
      const key = `w${j}${i}`;
      const node = leaf(key);
      roles.set(node, {
        kind: 'param',
        key,
        role: `weight from x${SUBSCRIPT[i]} into h${SUBSCRIPT[j]}`,
      });
      return node;
    });
    const b = leaf(`b${j}`);
    roles.set(b, { kind: 'param', key: `b${j}`, role: `bias of hidden unit h${SUBSCRIPT[j]}` });
    const p = w.map((wi, i) => wi.mul(x[i]!).named(`p${SUBSCRIPT[j]}${SUBSCRIPT[i + 1]}`));
    const s = p[0]!.add(p[1]!).named(`s${SUBSCRIPT[j]}`);
    const z = s.add(b).named(`z${SUBSCRIPT[j]}`);
    return z.sigmoid().named(`h${SUBSCRIPT[j]}`);
  });
  const out = [1, 2].map((j) => {
    const node = leaf(`v${j}`);
    roles.set(node, {
      kind: 'param',
      key: `v${j}`,
      role: `weight from h${SUBSCRIPT[j]} into the output`,
    });
    return node;
  });
  const c = leaf('c');
  roles.set(c, { kind: 'param', key: 'c', role: 'bias of the output unit' });
  const t = leaf('t');
  roles.set(t, { kind: 'target', key: 't', role: 'the target: the answer we want' });
  const q = out.map((vj, j) => vj.mul(hidden[j]!).named(`q${SUBSCRIPT[j + 1]}`));
  const s = q[0]!.add(q[1]!).named('s');
  const z = s.add(c).named('z');
  const yHat = z.sigmoid().named('ŷ');
  const e = yHat.sub(t).named('e');
  const L = e.pow(2);
  return modelOf(
    L,
    (node) => roles.get(node) ?? { kind: 'op' },
    Object.keys(NETWORK_DEFAULTS),
    ['w11', 'w12', 'w21', 'w22', 'b1', 'b2', 'v1', 'v2', 'c'],
    'L',
    'the network: inputs x₁ and x₂, two sigmoid hidden units h₁ and h₂, a sigmoid output ŷ, and the squared error L = (ŷ − t)² against the target t',
  );
}

/**
 * The graph of an expression: variables are the leaves (shared by name), operations are named
 * u₁, u₂, … in the order they are computed, and the whole expression is f — or the name it gives
 * itself, as in "L = (sigmoid(w*x + b) - t)^2". Throws the parser's
 * `ExpressionError` for a malformed expression. `params` are the variables the update changes;
 * empty means every variable whose name starts with w or b (weights and biases).
 */
export function expressionModel(
  source: string,
  values: Readonly<Record<string, number>>,
  params: readonly string[] = [],
): WalkModel {
  const { name, expr: tree } = parseDefinition(source);
  const { output, variables } = buildGraph(tree, values, source);
  const keys = new Map([...variables].map(([key, leaf]) => [leaf, key]));
  let u = 0;
  for (const node of output.topologicalOrder()) {
    if (node.op === 'input') {
      const key = keys.get(node);
      node.label = key !== undefined ? displayName(key) : constantName(node.data);
    } else if (node !== output) {
      node.label = `u${[...String(++u)].map((d) => SUBSCRIPT[Number(d)]).join('')}`;
    }
  }
  const chosen = params.length
    ? [...params]
    : [...variables.keys()].filter((k) => /^[wb]/i.test(k));
  const model = modelOf(
    output,
    (node) => {
      const key = keys.get(node);
      if (key === undefined) return { kind: node.op === 'input' ? 'constant' : 'op' };
      return { kind: chosen.includes(key) ? 'param' : 'input', key };
    },
    [...variables.keys()],
    chosen,
    name ?? 'f',
    name ? `the expression ${source.trim()}` : `the expression f = ${source.trim()}`,
  );
  return model;
}

/** A node's definition in symbols, "h₁ = σ(z₁)"; for a leaf, just its name. */
export function definition(model: WalkModel, node: WalkNode): string {
  const [a, b] = node.inputs.map((i) => model.nodes[i]!.name);
  return node.inputs.length ? `${node.name} = ${applyOp(node.value, a!, b!)}` : node.name;
}

/** An operand as the base of a power: a name or a parenthesised number stays, e + 1 becomes (e + 1). */
function wrap(a: string): string {
  return /^[\p{L}\p{N}_.₀-₉]+$/u.test(a) || /^\(.*\)$/.test(a) ? a : `(${a})`;
}

/** The operation written with the given operands: applyOp(+, "a", "b") = "a + b". */
function applyOp(v: Value, a: string, b: string): string {
  switch (v.op) {
    case 'input':
      return a;
    case 'add':
      return `${a} + ${b}`;
    case 'sub':
      return `${a} − ${b}`;
    case 'mul':
      return `${a} · ${b}`;
    case 'div':
      return `${a} / ${b}`;
    case 'pow':
      return power(wrap(a), v.exponent ?? 1);
    case 'neg':
      return `−${a}`;
    case 'exp':
      return `exp(${a})`;
    case 'log':
      return `log(${a})`;
    case 'tanh':
      return `tanh(${a})`;
    case 'sigmoid':
      return `σ(${a})`;
    case 'relu':
      return `ReLU(${a})`;
  }
}

/** The forward computation of `node` with numbers: "h₁ = σ(z₁) = σ(0.250) = 0.562". */
export function forwardFormula(model: WalkModel, node: WalkNode): string {
  const values = node.inputs.map((i) => model.nodes[i]!.value.data);
  const [a, b] = values.map(factor);
  const numeric = applyOp(node.value, a!, b!);
  return `${definition(model, node)} = ${numeric} = ${fmt(node.value.data)}`;
}

/** A local derivative ∂node/∂input, in symbols and with numbers. */
export interface LocalDerivative {
  /** "∂h₁/∂z₁" */
  name: string;
  /** "h₁(1 − h₁)" */
  symbolic: string;
  /** "0.562 × (1 − 0.562)", or '' when the symbolic form is already a number. */
  numeric: string;
  value: number;
}

/** ∂user/∂(its k-th input), written out. */
export function localDerivative(model: WalkModel, user: WalkNode, k: number): LocalDerivative {
  const v = user.value;
  const inputs = user.inputs.map((i) => model.nodes[i]!);
  const [a, b] = inputs;
  const local = v.localGradients()[k]!;
  const name = `∂${user.name}/∂${inputs[k]!.name}`;
  const out = (symbolic: string, numeric = '') => ({ name, symbolic, numeric, value: local });
  switch (v.op) {
    case 'input':
      return out('1');
    case 'add':
      return out('1');
    case 'sub':
      return out(k === 0 ? '1' : '−1');
    case 'mul': {
      const other = k === 0 ? b! : a!;
      return out(other.name, other.kind === 'constant' ? '' : fmt(other.value.data));
    }
    case 'div':
      return k === 0
        ? out(`1/${b!.name}`, `1/${factor(b!.value.data)}`)
        : out(`−${a!.name}/${b!.name}²`, `−${factor(a!.value.data)}/${factor(b!.value.data)}²`);
    case 'pow': {
      const kk = v.exponent ?? 1;
      const base = wrap(a!.name);
      if (kk === 1) return out('1');
      const symbolic = kk === 2 ? `2${base}` : `${constantName(kk)}·${power(base, kk - 1)}`;
      const numeric =
        kk === 2
          ? `2 × ${factor(a!.value.data)}`
          : `${constantName(kk)} × ${power(factor(a!.value.data), kk - 1)}`;
      return out(symbolic, numeric);
    }
    case 'neg':
      return out('−1');
    case 'exp':
      return out(`exp(${a!.name}) = ${user.name}`, fmt(v.data));
    case 'log':
      return out(`1/${a!.name}`, `1/${factor(a!.value.data)}`);
    case 'tanh':
      return out(`1 − ${user.name}²`, `1 − ${factor(v.data)}²`);
    case 'sigmoid':
      return out(`${user.name}(1 − ${user.name})`, `${fmt(v.data)} × (1 − ${fmt(v.data)})`);
    case 'relu':
      return out(a!.value.data > 0 ? `1 (since ${a!.name} > 0)` : `0 (since ${a!.name} ≤ 0)`);
  }
}

/** One path of the chain rule: ∂out/∂node through one use of the node by `user`. */
export interface ChainTerm {
  user: WalkNode;
  local: LocalDerivative;
  /** ∂out/∂user. */
  upstream: number;
}

/** Every use of `node`: the terms the chain rule sums to give ∂out/∂node. */
export function chainTerms(model: WalkModel, node: WalkNode): ChainTerm[] {
  return node.users.flatMap((id) => {
    const user = model.nodes[id]!;
    return user.inputs
      .map((input, k) => (input === node.id ? k : -1))
      .filter((k) => k >= 0)
      .map((k) => ({ user, local: localDerivative(model, user, k), upstream: user.value.grad }));
  });
}

/** "∂L/∂h₁" */
export const gradName = (model: WalkModel, node: WalkNode): string =>
  `∂${model.outputName}/∂${node.name}`;

/** The lines of the chain rule at `node`, symbols then numbers, for the explanation box. */
export function backwardLines(model: WalkModel, node: WalkNode): string[] {
  const g = gradName(model, node);
  if (node === model.output) {
    return [
      `${g} = 1`,
      `The gradient of ${model.outputName} with respect to itself is 1: this starts the backward pass.`,
    ];
  }
  const terms = chainTerms(model, node);
  const lines: string[] = [];
  const symbolic = terms.map((t) => `${t.local.name} × ${gradName(model, t.user)}`).join(' + ');
  lines.push(`${g} = ${symbolic}`);
  for (const t of terms) {
    const numeric = t.local.numeric ? ` = ${t.local.numeric}` : '';
    // The value, unless the line already ends with it ("= x = 3.000", "= 1").
    const last = t.local.numeric || t.local.symbolic;
    const value =
      last === fmt(t.local.value) || /^−?[\d.]+$/.test(last) ? '' : ` = ${fmt(t.local.value)}`;
    lines.push(`local derivative ${t.local.name} = ${t.local.symbolic}${numeric}${value}`);
  }
  const products = terms.map((t) => `${factor(t.local.value)} × ${factor(t.upstream)}`).join(' + ');
  lines.push(`${g} = ${products} = ${fmt(node.value.grad)}`);
  return lines;
}

/** The step's sentence for screen readers, in words. */
export function backwardSentence(model: WalkModel, node: WalkNode): string {
  const out = model.outputName;
  if (node === model.output) return `the gradient of ${out} with respect to itself is 1.`;
  const terms = chainTerms(model, node);
  const parts = terms.map(
    (t) =>
      `local derivative ${fmt(t.local.value)} from ${t.user.name} times its gradient ${fmt(t.upstream)}`,
  );
  return (
    `the gradient of ${out} with respect to ${node.name} is ${parts.join(', plus ')}, ` +
    `which makes ${fmt(node.value.grad)}.`
  );
}

/**
 * The accessible name of a node, given what the walk has revealed. It starts with the node's
 * visible text ("h₁ 0.562 grad −0.105"), so that what a sighted user sees is what is read out,
 * then says what the node is.
 */
export function nodeLabel(
  model: WalkModel,
  node: WalkNode,
  valueKnown: boolean,
  gradKnown: boolean,
): string {
  const showGrad = gradKnown && node.kind !== 'constant';
  const visible = [
    node.name,
    valueKnown ? fmt(node.value.data) : '?',
    ...(showGrad ? ['grad', fmt(node.value.grad)] : []),
  ].join(' ');
  const what =
    node.kind === 'op' || node.kind === 'output'
      ? `${definition(model, node)}, ${opWords(node.value)}${node.kind === 'output' ? ', the output' : ''}`
      : node.kind === 'constant'
        ? 'a constant'
        : node.role || (node.kind === 'param' ? 'a parameter' : 'a variable');
  const pending = !valueKnown
    ? '; value not computed yet'
    : !showGrad && node.kind !== 'constant'
      ? '; gradient not computed yet'
      : '';
  return `${visible}: ${what}${pending}`;
}

/** Recompute every value and gradient after a leaf changed. */
export function refresh(model: WalkModel): void {
  const out = model.output.value;
  out.recompute();
  out.zeroGrad();
  out.backward();
}

/** A number typed into a field, or what is wrong with the text, in words. */
export function readNumber(
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim().replace(/[−–]/g, '-');
  if (t === '') return { ok: false, message: 'type a number' };
  if (/^[+-]?\d+,\d+$/.test(t)) {
    return { ok: false, message: `write decimals with a point, as in ${t.replace(',', '.')}` };
  }
  const shown = text.trim().length > 20 ? `${text.trim().slice(0, 20)}…` : text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    return { ok: false, message: `“${shown}” is not a number` };
  }
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, message: `“${shown}” is too large` };
  return { ok: true, value };
}
