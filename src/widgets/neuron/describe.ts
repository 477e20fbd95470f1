/**
 * `<nn-neuron>` in words: the activations' names, numbers as a parameter and as a field show
 * them, what is wrong with a field's text, the weighted sum written out, the output, the
 * diagram's accessible name, the live summary and the rows of the data table. Pure strings of
 * the numbers in model.ts: no DOM, no Lit.
 */
import { decimalsOf } from '../../charts/neuron-diagram';
import { formatNumber, formatPercent } from '../../math/format';
import {
  LIMIT,
  MAX_INPUTS,
  activationOf,
  compute,
  readField,
  strongestInput,
  terms,
} from './model';
import type { FieldProblem, ListName, NeuronActivation, NeuronState } from './model';
import { fieldProblemText } from '../shared/number-field';
import { negativeAs } from '../shared/written';

/** The activations' names beside their radio buttons. */
export const ACTIVATION_LABEL: Record<NeuronActivation, string> = {
  sigmoid: 'sigmoid σ',
  none: 'none (linear)',
};

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** 12 → "₁₂". */
export function sub(i: number): string {
  return String(i).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);
}

/** A parameter as the user would write it: as many decimals as it has, up to 3. */
export function num(v: number): string {
  return formatNumber(v, decimalsOf(v));
}

/** A number in its field: every decimal it has (up to 10), so a typed 0.1234 stays 0.1234. */
export function fieldText(v: number): string {
  for (let d = 0; d < 10; d++) {
    if (Math.abs(Number(v.toFixed(d)) - v) < 1e-12) return formatNumber(v, d);
  }
  return formatNumber(v, 10);
}

/** A negative factor in parentheses: 0.8 · (−0.4). */
export function paren(v: number): string {
  const text = num(v);
  return negativeAs(text, v) ? `(${text})` : text;
}

/** How sure the sigmoid neuron is that the answer is "yes": never a false 100% or 0%. */
export function reading(p: number): string {
  if (p >= 0.995) return 'more than 99%';
  if (p <= 0.005) return 'less than 1%';
  return formatPercent(p);
}

/** What to do about a field's text that is not a number the neuron takes. */
export function problemText(problem: FieldProblem, text: string): string {
  return fieldProblemText(problem, text, LIMIT, '0.5');
}

type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** Read a number typed in a field, with the message to show when it is not one. */
export function parseField(text: string): Parsed {
  const read = readField(text);
  return read.ok ? read : { ok: false, message: problemText(read.problem, read.text) };
}

/** The console warning for a list attribute that is not 1 to 4 numbers. */
export function listWarning(tag: string, name: ListName, value: string, fallback: string): string {
  return (
    `<${tag}> ${name}="${value}" is not 1 to ${MAX_INPUTS} numbers from −${LIMIT} to ${LIMIT} ` +
    `separated by spaces; using the default "${fallback}".`
  );
}

/** The weighted sum with its numbers: "0.8 · 1 + (−0.4) · 0.5", then "+ 0.1" for the bias. */
export function numericSum(state: NeuronState): { products: string; bias: string } {
  const products = state.xs
    .map((x, i) => `${i > 0 ? ' + ' : ''}${paren(state.ws[i]!)} · ${paren(x)}`)
    .join('');
  const bias = state.bias < 0 ? `− ${num(-state.bias)}` : `+ ${num(state.bias)}`;
  return { products, bias };
}

/** "a = σ(z) = 0.711" or "a = z = 0.50". */
export function outputText(state: NeuronState): string {
  const act = activationOf(state.activation);
  const value = formatNumber(compute(state).output, act.digits);
  return act.symbol ? `a = ${act.symbol}(z) = ${value}` : `a = z = ${value}`;
}

/** The diagram's accessible name: every input with its weight, the bias, z and the output. */
export function diagramLabel(state: NeuronState): string {
  const { xs, ws } = state;
  const edges = xs.map((x, i) => `x${i + 1} = ${num(x)} with weight ${num(ws[i]!)}`).join(', ');
  return (
    `Diagram of one neuron with ${xs.length} inputs: ${edges}; bias ${num(state.bias)}; ` +
    `weighted sum z = ${formatNumber(compute(state).z, 2)}; output ${outputText(state)}`
  );
}

/** The live summary: z, the output, and which input pushes hardest. */
export function summary(state: NeuronState): string {
  const biggest = strongestInput(state);
  const push = terms(state)[biggest]!;
  const strongest =
    Math.abs(push) < 0.005
      ? 'Every input contributes almost nothing.'
      : `The biggest ${push > 0 ? 'push up' : 'push down'} comes from input ${biggest + 1}: ` +
        `w${sub(biggest + 1)}·x${sub(biggest + 1)} = ${formatNumber(push, 2)}.`;
  return `Weighted sum z = ${formatNumber(compute(state).z, 2)}, output ${outputText(state)}. ${strongest}`;
}

/** The data table: each input's x, w and w · x, then the bias, the sum z and the output. */
export interface TermTable {
  inputs: { x: string; w: string; product: string }[];
  bias: string;
  z: string;
  /** After "output a": " = σ(z)" or " = z". */
  output: { formula: string; value: string };
}

export function termTable(state: NeuronState): TermTable {
  const act = activationOf(state.activation);
  const { z, output } = compute(state);
  return {
    inputs: state.xs.map((x, i) => ({
      x: num(x),
      w: num(state.ws[i]!),
      product: formatNumber(state.ws[i]! * x, 2),
    })),
    bias: formatNumber(state.bias, 2),
    z: formatNumber(z, 2),
    output: {
      formula: act.symbol ? ` = ${act.symbol}(z)` : ' = z',
      value: formatNumber(output, act.digits),
    },
  };
}
