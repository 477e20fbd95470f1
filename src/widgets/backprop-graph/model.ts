/**
 * The numbers behind `<nn-backprop-graph>`, without any DOM or Lit: the graph (the default network
 * or an author's expression, as autodiff nodes), the walk through it (forward one node at a time,
 * then backward: which node each step computes and what is known so far), the update step, the
 * numerical check, and moving between the drawn nodes with the keyboard. The words and formulas
 * the widget shows for all this are in describe.ts.
 */
import { Value } from '../../math/autodiff';
import {
  ExpressionError,
  buildGraph,
  ownValue,
  parseDefinition,
  parseValues,
} from '../../math/expression';
import { checkGradient } from '../../math/gradient-check';
import type { GradientCheck } from '../../math/gradient-check';
import { assignColumns, edgeKey } from '../../charts/graph-layout';
import type { GraphNodeKind } from '../../charts/graph-layout';

/** Expressions with more nodes than this are not drawn: the graph would be unreadable. */
export const MAX_NODES = 80;

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

/** Digits as subscripts: 12 → "₁₂". */
const subscript = (digits: string): string => [...digits].map((d) => SUBSCRIPT[Number(d)]).join('');

/** "w11" → "w₁₁", "x_2" → "x₂": trailing digits as subscripts. */
export function displayName(key: string): string {
  const match = /^(.*?)_?(\d+)$/.exec(key);
  if (!match || match[1] === '') return key;
  return match[1] + subscript(match[2]!);
}

/** A constant as written in the expression: 2, 0.5, −1. */
export const constantName = (x: number): string => String(x).replace('-', '−');

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
  const v = (key: string) => ownValue(values, key) ?? NETWORK_DEFAULTS[key]!;
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
      node.label = `u${subscript(String(++u))}`;
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

/** Recompute every value and gradient after a leaf changed. */
export function refresh(model: WalkModel): void {
  const out = model.output.value;
  out.recompute();
  out.zeroGrad();
  out.backward();
}

/** The `detail` of `nn-change`. */
export interface BackpropChangeDetail {
  /** The expression drawn ('' for the network). */
  expression: string;
  /** Every variable's value, by name. */
  values: Record<string, number>;
  learningRate: number;
  /** The output (the loss L, or f). */
  output: number;
  /** ∂output/∂variable for every variable, by name. */
  gradients: Record<string, number>;
}

/** The `detail` of `nn-step`. */
export interface BackpropStepDetail {
  step: number;
  total: number;
  phase: 'start' | 'forward' | 'backward';
  /** The node of this step ("h₁"), or null at step 0. */
  node: string | null;
  /** The step in words, as announced. */
  text: string;
}

/** An expression that cannot be read: the text, the parser's message and where it stopped. */
export interface ExpressionProblem {
  source: string;
  message: string;
  index: number;
}

/** What the attributes `expression`, `values` and `params` make. */
export interface BuiltModel {
  /** The graph, its values and gradients computed; undefined when there is none to draw. */
  model: WalkModel | undefined;
  /** Why the expression cannot be read, if it cannot. */
  problem: ExpressionProblem | undefined;
  /** The node count of an expression too large to draw (more than MAX_NODES), else 0. */
  tooBig: number;
  /** Expression mode: the variables `values` gave no number (they start at 0). */
  missing: string[];
  /** The entries of `values` that could not be read, in words. */
  valueProblems: string[];
  /** Names in `values` that are not variables of the graph. */
  unknown: string[];
}

/** Build the graph the attributes describe and compute every value and gradient. */
export function buildModel(expression: string, values: string, params: string): BuiltModel {
  const parsed = parseValues(values);
  const source = expression.trim();
  const built: BuiltModel = {
    model: undefined,
    problem: undefined,
    tooBig: 0,
    missing: [],
    valueProblems: parsed.problems,
    unknown: [],
  };
  if (source === '') {
    built.model = networkModel(parsed.values);
  } else {
    try {
      built.model = expressionModel(source, parsed.values, paramList(params));
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      built.problem = { source, message: error.message, index: error.index };
    }
    if (built.model && built.model.nodes.length > MAX_NODES) {
      built.tooBig = built.model.nodes.length;
      built.model = undefined;
    }
  }
  const model = built.model;
  if (model) {
    built.unknown = unknownKeys(model, parsed.values);
    if (source !== '') built.missing = missingKeys(model, parsed.values);
    refresh(model);
  }
  return built;
}

/**
 * An expression typed into the field: its problem if it cannot be read (or is empty), else the
 * trimmed text and the values of its variables (those of `values` that are still there; new
 * names start at 0).
 */
export function readExpression(
  draft: string,
  values: Readonly<Record<string, number>>,
  params: readonly string[],
):
  | { ok: false; problem: ExpressionProblem }
  | { ok: true; source: string; values: Record<string, number> } {
  const source = draft.trim();
  if (source === '') {
    return { ok: false, problem: { source: draft, message: 'the expression is empty', index: 0 } };
  }
  try {
    expressionModel(source, values, params);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { ok: false, problem: { source: draft, message: error.message, index: error.index } };
  }
  const model = expressionModel(source, values);
  const kept = model.variables.map((v) => [v.key!, ownValue(values, v.key!) ?? 0] as const);
  return { ok: true, source, values: Object.fromEntries(kept) };
}

/** A copy of `record` without `key`. */
export function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** The variables the update changes, from the `params` attribute: "w b", "w, b" → ["w", "b"]. */
export const paramList = (params: string): string[] => params.split(/[\s,]+/).filter(Boolean);

/** The graph's shape in one string: equal for two models that draw the same graph. */
export const structureOf = (model: WalkModel): string =>
  model.nodes.map((n) => `${n.name}:${n.inputs.join(',')}`).join(' ');

/** Keys given a value that are not variables of `model` (they are ignored). */
export const unknownKeys = (model: WalkModel, values: Readonly<Record<string, number>>): string[] =>
  Object.keys(values).filter((key) => !model.variables.some((v) => v.key === key));

/** Keys of the variables `values` says nothing about (they start at 0 in an expression). */
export const missingKeys = (model: WalkModel, values: Readonly<Record<string, number>>): string[] =>
  model.variables.map((v) => v.key!).filter((key) => !Object.hasOwn(values, key));

/** Every variable's value, by key. */
export const variableValues = (model: WalkModel): Record<string, number> =>
  Object.fromEntries(model.variables.map((v) => [v.key!, v.value.data]));

/** ∂output/∂variable for every variable, by key. */
export const variableGradients = (model: WalkModel): Record<string, number> =>
  Object.fromEntries(model.variables.map((v) => [v.key!, v.value.grad]));

// ——— the walk: step 0 is the start, then one step per forward node, then one per backward node ———

export type Phase = 'forward' | 'backward';

/** The node a step computes, the pass it belongs to, and its number within that pass (from 1). */
export interface WalkStep {
  node: WalkNode;
  phase: Phase;
  index: number;
}

/** How many steps the whole walk has. */
export const totalSteps = (model: WalkModel): number =>
  model.forward.length + model.backward.length;

/** A requested step as one of the walk's: rounded, from 0 to the end. */
export const clampStep = (model: WalkModel, step: number): number =>
  Math.min(Math.max(0, Math.round(step)), totalSteps(model));

/** What step `step` (1 to the end) computes; undefined at step 0. */
export function stepAt(model: WalkModel, step: number): WalkStep | undefined {
  if (step === 0) return undefined;
  const F = model.forward.length;
  if (step <= F)
    return { node: model.nodes[model.forward[step - 1]!]!, phase: 'forward', index: step };
  return {
    node: model.nodes[model.backward[step - F - 1]!]!,
    phase: 'backward',
    index: step - F,
  };
}

/** The pass a step belongs to, as the `nn-step` event says it. */
export const phaseOf = (model: WalkModel, step: number): 'start' | Phase =>
  step === 0 ? 'start' : step <= model.forward.length ? 'forward' : 'backward';

/** Where "Finish the pass" leads: the end of the forward pass, or the end of the walk. */
export const passEnd = (model: WalkModel, step: number): number =>
  step < model.forward.length ? model.forward.length : totalSteps(model);

/** Whether the node's value is known after `step` steps (leaves always are). */
export function valueKnown(model: WalkModel, node: WalkNode, step: number): boolean {
  if (node.inputs.length === 0) return true;
  return model.forward.indexOf(node.id) < step;
}

/** Whether the node's gradient is known after `step` steps. */
export function gradKnown(model: WalkModel, node: WalkNode, step: number): boolean {
  const done = step - model.forward.length;
  return done > 0 && model.backward.indexOf(node.id) < done;
}

/** The edges to highlight at a step: into its node going forward, out of it going back. */
export function activeEdges(current: WalkStep | undefined): Map<string, Phase> {
  const edges = new Map<string, Phase>();
  if (current?.phase === 'forward') {
    for (const input of current.node.inputs) edges.set(edgeKey(input, current.node.id), 'forward');
  } else if (current) {
    for (const user of current.node.users) edges.set(edgeKey(current.node.id, user), 'backward');
  }
  return edges;
}

// ——— the update and the check ———

/** One parameter moved by the update: p ← p − η × ∂out/∂p. */
export interface ParamUpdate {
  key: string;
  name: string;
  old: number;
  grad: number;
  /** old − η × grad, to 6 significant digits (what the `values` attribute shows). */
  next: number;
}

/** The values after one gradient-descent step with learning rate `eta`; the model is unchanged. */
export function updateStep(
  model: WalkModel,
  eta: number,
): { values: Record<string, number>; changes: ParamUpdate[] } {
  // A Map, made a record by Object.fromEntries (own properties): assigning values['__proto__']
  // would change the record's prototype instead of setting a variable named __proto__.
  const values = new Map(model.variables.map((v) => [v.key!, v.value.data]));
  const changes = model.params.map((key) => {
    const node = model.variables.find((v) => v.key === key)!;
    const old = node.value.data;
    const grad = node.value.grad;
    const next = Number((old - eta * grad).toPrecision(6));
    values.set(key, next);
    return { key, name: node.name, old, grad, next };
  });
  return { values: Object.fromEntries(values), changes };
}

/** A gradient the walk has revealed, next to its numerical estimate. */
export interface CheckRow extends GradientCheck {
  node: WalkNode;
}

/** The numerical check of every gradient known after `step` steps, from the output leftwards. */
export function checkRows(model: WalkModel, step: number): CheckRow[] {
  const out = model.output.value;
  return [...model.backward]
    .reverse()
    .map((id) => model.nodes[id]!)
    .filter((node) => gradKnown(model, node, step))
    .map((node) => ({ node, ...checkGradient(out, node.value) }));
}
