/**
 * A small catalogue of functions of one real variable, each with its exact derivative, for the
 * lesson on derivatives: the widget plots f, draws its tangent with slope f′(x₀), and compares
 * that exact slope with the numerical ones from `derivative.ts`.
 *
 * Pure data and functions: no DOM. The labels are plain Unicode so that they read well both on
 * screen and in a screen reader's accessible name.
 */
import { sigmoid, sigmoidPrime } from './activations';

/** The functions the catalogue offers, by id (also the values of `<nn-derivative fn="…">`). */
export const FUNCTION_IDS = ['square', 'cube', 'sin', 'sigmoid', 'exp'] as const;
export type FunctionId = (typeof FUNCTION_IDS)[number];

export interface RealFunction {
  id: FunctionId;
  /** How the function is written: "x²". */
  label: string;
  /** How it is said, for accessible names: "x squared". */
  spoken: string;
  f: (x: number) => number;
  /** The exact derivative f′. */
  df: (x: number) => number;
  /** The derivative written as a formula in x: "2x". */
  dfLabel: string;
  /** The derivative with a number written in for x: "2 · 1.5", "cos(1.5)". */
  dfAt: (x: string) => string;
}

export const FUNCTIONS: readonly RealFunction[] = [
  {
    id: 'square',
    label: 'x²',
    spoken: 'x squared',
    f: (x) => x * x,
    // (x + h)² − x² = 2xh + h², so the secant slope is 2x + h → 2x.
    df: (x) => 2 * x,
    dfLabel: '2x',
    dfAt: (x) => `2 · ${paren(x)}`,
  },
  {
    id: 'cube',
    label: 'x³',
    spoken: 'x cubed',
    f: (x) => x * x * x,
    // (x + h)³ − x³ = 3x²h + 3xh² + h³, so the secant slope is 3x² + 3xh + h² → 3x².
    df: (x) => 3 * x * x,
    dfLabel: '3x²',
    dfAt: (x) => `3 · ${paren(x)}²`,
  },
  {
    id: 'sin',
    label: 'sin x',
    spoken: 'sine of x',
    f: Math.sin,
    df: Math.cos,
    dfLabel: 'cos x',
    dfAt: (x) => `cos(${x})`,
  },
  {
    id: 'sigmoid',
    label: 'σ(x)',
    spoken: 'sigmoid of x',
    f: sigmoid,
    // σ′ = σ(1 − σ): see activations.ts for the derivation.
    df: sigmoidPrime,
    dfLabel: 'σ(x)(1 − σ(x))',
    dfAt: (x) => `σ(${x})(1 − σ(${x}))`,
  },
  {
    id: 'exp',
    label: 'eˣ',
    spoken: 'e to the x',
    f: Math.exp,
    // The one function that is its own derivative.
    df: Math.exp,
    dfLabel: 'eˣ',
    dfAt: (x) => `e^(${x})`,
  },
];

/** The catalogue entry for `id`; undefined for an unknown id. */
export function functionById(id: string): RealFunction | undefined {
  return FUNCTIONS.find((fn) => fn.id === id);
}

/** "(−1.5)" for a negative number written in, so that "2 · (−1.5)" and "(−1.5)²" read right. */
function paren(x: string): string {
  return /^[−-]/.test(x) ? `(${x})` : x;
}
