/**
 * The formulas of `<nn-backprop-graph>` as text: how its numbers are written, each node's
 * operation and definition in symbols, the forward formula of a step with the numbers substituted,
 * and the chain rule of a backward step (local derivatives, upstream gradients, their products).
 * Pure strings, no DOM; the numbers come from the autodiff nodes of model.ts.
 */
import type { Op, Value } from '../../math/autodiff';
import { formatNumber, superscript } from '../../math/format';
import { constantName } from './model';
import type { WalkModel, WalkNode } from './model';

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
export const factor = (x: number): string => (fmt(x).startsWith('−') ? `(${fmt(x)})` : fmt(x));

/** An exponent as superscript when it is a small whole number: x², x⁻¹; else x^0.5. */
function power(base: string, k: number): string {
  if (Number.isInteger(k) && Math.abs(k) < 100) {
    return base + superscript(k);
  }
  return `${base}^${constantName(k)}`;
}

/**
 * Each operation's badge symbol and its words for screen readers; a power's come from its exponent
 * (`opSymbol`, `opWords`).
 */
const OP_TEXT: Record<Exclude<Op, 'pow'>, readonly [symbol: string, words: string]> = {
  input: ['', 'a leaf'],
  add: ['+', 'a sum'],
  sub: ['−', 'a difference'],
  mul: ['×', 'a product'],
  div: ['÷', 'a quotient'],
  neg: ['−x', 'a negation'],
  exp: ['exp', 'an exponential'],
  log: ['log', 'a logarithm'],
  tanh: ['tanh', 'a tanh'],
  sigmoid: ['σ', 'a sigmoid'],
  relu: ['ReLU', 'a ReLU'],
};

/** The symbol drawn in an operation's badge. */
export function opSymbol(v: Value): string {
  return v.op === 'pow' ? power('x', v.exponent ?? 1) : OP_TEXT[v.op][0];
}

/** The operation in words, for screen readers. */
export function opWords(v: Value): string {
  return v.op === 'pow' ? `a power ${constantName(v.exponent ?? 1)}` : OP_TEXT[v.op][1];
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
