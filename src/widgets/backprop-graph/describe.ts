/**
 * `<nn-backprop-graph>` in words, as plain strings and data (no DOM, no Lit): the accessible name
 * of each node, the sentence a screen reader hears for each step, what the explanation box and the
 * line about the selected node say, the update's lines, the fields' groups, the rows of the two
 * tables, and the messages for what a student types. The formulas are in formulas.ts, the numbers
 * in model.ts.
 */
import { formatNumber } from '../../math/format';
import { CHECK_STEP } from '../../math/gradient-check';
import type { GraphNodeView, GraphView } from '../../charts/graph-layout';
import {
  backwardLines,
  backwardSentence,
  definition,
  factor,
  fmt,
  forwardFormula,
  gradName,
  opSymbol,
  opWords,
} from './formulas';
import {
  MAX_NODES,
  activeEdges,
  checkRows,
  displayName,
  gradKnown,
  stepAt,
  totalSteps,
  valueKnown,
} from './model';
import type {
  BuiltModel,
  ExpressionProblem,
  ParamUpdate,
  WalkModel,
  WalkNode,
  WalkStep,
} from './model';

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

/**
 * Text in runs: the template writes each run as its own text node, split where the widget's
 * markup has always split it (around a name or a number), so the page renders glyph for glyph as
 * it did (one joined text node moves some glyphs by a fraction of a pixel). `join('')` reads it.
 */
export type Runs = readonly string[];

/** The console warnings about the `values` attribute: entries not read, names not in the graph. */
export function valuesWarnings(built: BuiltModel): string[] {
  const names = built.model?.variables.map((v) => v.key).join(', ');
  return [
    ...built.valueProblems.map((problem) => `values: ${problem}; ignoring it.`),
    ...built.unknown.map(
      (key) => `values: "${key}" is not a variable here (the variables are ${names}); ignoring it.`,
    ),
  ];
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

/** A variable's field: the number typed, or its message by key ("w₁: type a number"). */
export function readField(
  key: string,
  text: string,
): { value: number; error?: undefined } | { value?: undefined; error: Record<string, string> } {
  const result = readNumber(text);
  return result.ok
    ? { value: result.value }
    : { error: { [key]: `${displayName(key)}: ${result.message}` } };
}

/** What the learning-rate field says about the text typed into it. */
export function readLearningRate(
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const result = readNumber(text);
  if (!result.ok) return { ok: false, message: `Learning rate: ${result.message}` };
  if (result.value < 0 || result.value > 10) {
    return { ok: false, message: 'Learning rate: choose a number from 0 to 10' };
  }
  return result;
}

// ——— the walk in words ———

/** "Forward pass: step 3 of 17", over the step buttons. */
export function progressText(model: WalkModel, step: number): string {
  const F = model.forward.length;
  if (step === 0) return 'Ready: nothing computed yet.';
  if (step <= F) return `Forward pass: step ${step} of ${F}`;
  return `Backward pass: step ${step - F} of ${totalSteps(model) - F}`;
}

/** The step in words, for the live region (what a screen reader announces) and `nn-step`. */
export function stepSentence(model: WalkModel, step: number): string {
  const F = model.forward.length;
  const B = model.backward.length;
  const out = model.outputName;
  if (step === 0) {
    return 'Nothing computed yet: only the leaves hold numbers. Next step starts the forward pass.';
  }
  const node = stepAt(model, step)!.node;
  if (step <= F) {
    const done =
      step === F
        ? ` The forward pass is complete: ${out} = ${fmt(model.output.value.data)}. Next, the backward pass.`
        : '';
    return `Forward pass, step ${step} of ${F}: ${forwardFormula(model, node)}.${done}`;
  }
  const k = step - F;
  const update = model.params.length ? ' You can update the weights.' : '';
  const done = k === B ? ` The backward pass is complete: every gradient is known.${update}` : '';
  return `Backward pass, step ${k} of ${B}: ${backwardSentence(model, node)}${done}`;
}

/** What the explanation box shows for a step of the walk (the update has its own lines). */
export type StepExplanation =
  | { phase: 'start' }
  | {
      phase: 'forward';
      title: Runs;
      formula: string;
      /** On the last forward step: the output's value, else null. */
      done: { output: string; value: string } | null;
    }
  | {
      phase: 'backward';
      title: Runs;
      /** The chain rule in symbols. */
      rule: string;
      /** The local derivatives, then the rule with numbers. */
      rest: string[];
      /** On the last backward step: what comes next, else null. */
      done: Runs | null;
    };

export function stepExplanation(model: WalkModel, current: WalkStep | undefined): StepExplanation {
  if (!current) return { phase: 'start' };
  const node = current.node;
  if (current.phase === 'forward') {
    return {
      phase: 'forward',
      title: ['Forward: the value of ', node.name],
      formula: forwardFormula(model, node),
      done:
        current.index === model.forward.length
          ? { output: model.outputName, value: fmt(model.output.value.data) }
          : null,
    };
  }
  const [rule, ...rest] = backwardLines(model, node);
  return {
    phase: 'backward',
    title: ['Backward: the gradient arrives at ', node.name],
    rule: rule!,
    rest,
    done:
      current.index === model.backward.length
        ? [
            'The backward pass is complete: every gradient is known.',
            model.params.length ? ' Update the weights next.' : '',
          ]
        : null,
  };
}

/** The line under the graph about the selected node. */
export interface NodeDetails {
  /** "h₁ = σ(z₁)", or a leaf's name and role. */
  what: string;
  value: string;
  /** The gradient's name and value; null for a constant. */
  grad: { name: string; value: string } | null;
}

export function nodeDetails(model: WalkModel, node: WalkNode, step: number): NodeDetails {
  const what = node.inputs.length
    ? definition(model, node)
    : node.name + (node.role ? ` (${node.role})` : '');
  return {
    what,
    value: valueKnown(model, node, step) ? fmt(node.value.data) : 'not computed yet',
    grad:
      node.kind === 'constant'
        ? null
        : {
            name: gradName(model, node),
            value: gradKnown(model, node, step) ? fmt(node.value.grad) : 'not computed yet',
          },
  };
}

/** What the graph draws after `step` steps, with node `focusId` in the tab order. */
export function graphView(model: WalkModel, step: number, focusId: number): GraphView {
  const current = stepAt(model, step);
  return {
    nodes: nodeViews(model, step, current),
    focusId,
    activeEdges: activeEdges(current),
    label: `Nodes of ${model.description}`,
  };
}

/** Every node as the graph draws it after `step` steps: its texts and accessible name. */
export function nodeViews(
  model: WalkModel,
  step: number,
  current: WalkStep | undefined,
): GraphNodeView[] {
  return model.nodes.map((node) => {
    const vk = valueKnown(model, node, step);
    const gk = gradKnown(model, node, step);
    return {
      id: node.id,
      inputs: node.inputs,
      name: node.name,
      op: opSymbol(node.value),
      kind: node.kind,
      value: vk ? fmt(node.value.data) : null,
      grad: gk && node.kind !== 'constant' ? fmt(node.value.grad) : null,
      label: nodeLabel(model, node, vk, gk),
      current: current?.node === node ? current.phase : null,
    };
  });
}

// ——— the update ———

/** The update's lines (each parameter's arithmetic, then the output before and after) and sentence. */
export function updateSummary(
  outputName: string,
  changes: readonly ParamUpdate[],
  eta: number,
  before: number,
  after: number,
): { lines: string[]; sentence: string } {
  const lines = changes.map(
    (c) => `${c.name} = ${fmt(c.old)} − ${fmt(eta)} × ${factor(c.grad)} = ${fmt(c.next)}`,
  );
  const verdict =
    after < before
      ? 'lower'
      : after > before
        ? 'higher: the step overshot, try a smaller learning rate'
        : 'unchanged';
  const sentence = `Updated ${changes.length} parameters with learning rate ${fmt(eta)}. ${outputName} went from ${fmt(before)} to ${fmt(after)}: ${verdict}.`;
  lines.push(`${outputName}: ${fmt(before)} → ${fmt(after)} (${verdict})`);
  return { lines, sentence };
}

/**
 * The hint under the update button: why it cannot be pressed yet, or null when it can (the
 * template then writes the rule p ← p − η × ∂out/∂p).
 */
export function updateHint(model: WalkModel, ready: boolean): string | null {
  if (model.params.length === 0) {
    return 'Nothing to update: only weights and biases change (names starting with w or b), and this expression has none.';
  }
  return ready ? null : 'The update needs every gradient: finish the backward pass first.';
}

// ——— the fields ———

/** The fields for the variables, in groups with a legend (empty groups left out). */
export function fieldGroups(
  model: WalkModel,
  network: boolean,
): { legend: string; nodes: WalkNode[] }[] {
  const of = (test: (v: WalkNode) => boolean) => model.variables.filter(test);
  const groups = network
    ? [
        { legend: 'Inputs', nodes: of((v) => v.kind === 'input') },
        { legend: 'Weights and biases', nodes: of((v) => v.kind === 'param') },
        { legend: 'Target', nodes: of((v) => v.kind === 'target') },
      ]
    : [
        { legend: 'Parameters (the update changes these)', nodes: of((v) => v.kind === 'param') },
        { legend: 'Other variables', nodes: of((v) => v.kind !== 'param') },
      ];
  return groups.filter((g) => g.nodes.length > 0);
}

/** The note under the fields about variables given no value (none when every one was). */
export function missingNote(keys: readonly string[]): Runs | null {
  const missing = keys.map(displayName);
  if (missing.length === 0) return null;
  const start = missing.length > 1 ? 'they start' : 'it starts';
  return ['No value was given for ', missing.join(', '), ': ', start, ' at 0.'];
}

// ——— the expression field ———

/** Characters of the expression shown around a mistake, so the caret line fits a phone. */
const ERROR_WINDOW = 28;

/** The message for an expression that cannot be read. */
export function problemMessage(problem: ExpressionProblem, showingLastGraph: boolean): Runs {
  const showing = showingLastGraph
    ? ' The graph below is the last expression that could be read.'
    : '';
  return ['This expression cannot be read: ', problem.message, '.', showing];
}

/** A window of the expression around the mistake, and a line with a caret under it. */
export function problemWindow(problem: ExpressionProblem): { shown: string; caret: string } {
  const { source, index } = problem;
  const start = Math.max(0, Math.min(index - ERROR_WINDOW / 2, source.length - ERROR_WINDOW));
  const end = Math.min(source.length, start + ERROR_WINDOW);
  const before = start > 0 ? '…' : '';
  const shown = before + source.slice(start, end) + (end < source.length ? '…' : '');
  const caret = ' '.repeat(before.length + index - start) + '^';
  return { shown, caret };
}

/** The message for an expression too large to draw. */
export const tooBigMessage = (nodes: number): Runs => [
  'This expression has ',
  String(nodes),
  ' nodes: too many to draw clearly (at most ',
  String(MAX_NODES),
  ').',
];

// ——— the tables ———

/** The node table's caption. */
export const nodeTableCaption = (model: WalkModel): Runs => [
  'Every node of ',
  model.description,
  ', in the order the forward pass computes them',
];

/** One row of the node table: name, definition, value and gradient as shown after `step` steps. */
export interface NodeRow {
  name: string;
  definition: string;
  value: string;
  grad: string;
}

export function nodeRows(model: WalkModel, step: number): NodeRow[] {
  return model.nodes.map((node) => ({
    name: node.name,
    definition: node.inputs.length ? definition(model, node) : node.role || node.kind,
    value: valueKnown(model, node, step) ? fmt(node.value.data) : 'not yet',
    grad:
      node.kind === 'constant'
        ? '—'
        : gradKnown(model, node, step)
          ? fmt(node.value.grad)
          : 'not yet',
  }));
}

/** The check table's caption: what the numerical estimate is. */
export const checkCaption = (model: WalkModel): Runs => [
  'Each gradient from backpropagation next to a numerical estimate: nudge the node by h = ',
  formatNumber(CHECK_STEP, 5),
  ' both ways and measure the change, (',
  model.outputName,
  '(+h) − ',
  model.outputName,
  '(−h)) / 2h',
];

/** One row of the check table. */
export interface CheckTableRow {
  name: string;
  backprop: string;
  estimate: string;
  difference: string;
  verdict: '✓ agree' | '✗ differ';
}

/** The numerical check of every gradient known after `step` steps, as the table shows it. */
export function checkTableRows(model: WalkModel, step: number): CheckTableRow[] {
  return checkRows(model, step).map((r) => ({
    name: r.node.name,
    backprop: fmt(r.node.value.grad),
    estimate: fmt(r.estimate),
    difference: r.difference < 1e-6 ? '< 0.000001' : fmt(r.difference),
    verdict: r.agree ? '✓ agree' : '✗ differ',
  }));
}

/** The check table's only row before the backward pass has begun. */
export const NO_CHECK_YET =
  'No gradient yet: step through the backward pass, and each gradient appears here as it arrives.';
