/**
 * Expressions written as text — `tanh(w1*x1 + w2*x2 + b)` — turned into autodiff graphs, so that
 * an author can draw the computational graph of any formula by writing it in an attribute.
 *
 * The grammar, loosest-binding first (the usual precedence, `^` binds tighter than a unary minus,
 * so −x² is −(x²) as in mathematics):
 *
 *   sum     = product (("+" | "−") product)*
 *   product = unary (("*" | "/") unary)*
 *   unary   = ("−" | "+") unary | power
 *   power   = atom ("^" unary)?          the exponent must be a number: x^2, x^-1, x^(1/2)
 *   atom    = number | name | name "(" sum ")" | "(" sum ")"
 *
 * The functions are exp, log (natural), tanh, sigmoid (also σ) and relu. `·` and `×` may be written
 * for `*`, `−` for `-`, `**` for `^`. Every mistake is reported as an `ExpressionError` carrying the
 * position of the character at fault, so a widget can point at it with a caret.
 *
 * Pure TypeScript: no DOM.
 */
import { Value } from './autodiff';

/** The functions an expression may call, and the autodiff operation each one is. */
export const FUNCTIONS = ['exp', 'log', 'tanh', 'sigmoid', 'relu'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/** A syntax tree. `start`/`end` are the character offsets (0-based, end exclusive) in the source. */
export type Expr =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'variable'; name: string; start: number; end: number }
  | { kind: 'unary'; op: 'neg'; arg: Expr; start: number; end: number }
  | {
      kind: 'binary';
      op: '+' | '-' | '*' | '/';
      left: Expr;
      right: Expr;
      start: number;
      end: number;
    }
  | { kind: 'power'; base: Expr; exponent: number; start: number; end: number }
  | { kind: 'call'; fn: FunctionName; arg: Expr; start: number; end: number };

/**
 * A mistake in an expression. `index` is the 0-based offset of the character at fault (the
 * source's length when the expression ends too early); the message counts characters from 1, as
 * people do: "unexpected ')' at character 14".
 */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

type TokenKind = 'number' | 'name' | 'op' | '(' | ')' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  value?: number;
}

/**
 * Characters people type for the same operator. A Map, not an object: a name such as `toString` or
 * `__proto__` must find nothing here, not a property of Object.prototype.
 */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['·', '*'],
  ['×', '*'],
  ['−', '-'],
  ['–', '-'],
  ['σ', 'sigmoid'],
]);

/**
 * The value `record` holds for `key` as its own property, else undefined: never one inherited from
 * Object.prototype (`record['toString']` is a function, `record['__proto__']` an object). Variable
 * names are the author's words, so every lookup by name goes through this.
 */
export const ownValue = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[\p{L}_][\p{L}\p{N}_]*/u;

/** "character 14" for the 0-based offset 13. */
const at = (index: number): string => `character ${index + 1}`;

/** How a token is quoted in a message. */
function quote(token: Token): string {
  if (token.kind === 'end') return 'the end of the expression';
  if (token.kind === 'number') return `the number ${token.text}`;
  if (token.kind === 'name') return `'${token.text}'`;
  return `'${token.text}'`;
}

function tokenize(source: string, start = 0): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const number = NUMBER.exec(rest);
    if (number) {
      const text = number[0];
      tokens.push({ kind: 'number', text, start: i, end: i + text.length, value: Number(text) });
      i += text.length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      const text = name[0];
      tokens.push({
        kind: 'name',
        text: SYNONYMS.get(text) ?? text,
        start: i,
        end: i + text.length,
      });
      i += text.length;
      continue;
    }
    if (rest.startsWith('**')) {
      tokens.push({ kind: 'op', text: '^', start: i, end: i + 2 });
      i += 2;
      continue;
    }
    const op = SYNONYMS.get(ch) ?? ch;
    if ('+-*/^'.includes(op)) {
      tokens.push({ kind: 'op', text: op, start: i, end: i + 1 });
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch, text: ch, start: i, end: i + 1 });
    } else {
      throw new ExpressionError(`unexpected '${ch}' at ${at(i)}`, i);
    }
    i++;
  }
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}

/**
 * Parse `source` into a syntax tree. Throws an `ExpressionError` (with the position) for the first
 * mistake.
 */
export function parseExpression(source: string): Expr {
  return parseFrom(source, 0);
}

/** What `parseDefinition` reads: an optional name for the whole expression, and the expression. */
export interface Definition {
  /** The name before "=" ("L" in "L = (y − t)^2"), or undefined when there is none. */
  name: string | undefined;
  expr: Expr;
}

/**
 * Parse an expression that may start by naming itself, `L = (sigmoid(w*x + b) - t)^2`, so a
 * drawing can call its output L. Positions in errors count from the start of the whole text.
 */
export function parseDefinition(source: string): Definition {
  const named = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*=(?!=)/u.exec(source);
  if (!named) return { name: undefined, expr: parseExpression(source) };
  const name = named[1]!;
  const start = named[0].length;
  if (source.slice(start).trim() === '') {
    throw new ExpressionError(
      `nothing follows '=' at ${at(start - 1)}: write the expression after it`,
      start,
    );
  }
  const expr = parseFrom(source, start);
  if (variablesOf(expr).includes(name)) {
    throw new ExpressionError(
      `'${name}' names the whole expression, so it cannot also be a variable inside it`,
      named.index + named[0].indexOf(name),
    );
  }
  return { name, expr };
}

/** The operators of a `binary` node. */
type BinaryOp = Extract<Expr, { kind: 'binary' }>['op'];

function parseFrom(source: string, start: number): Expr {
  if (source.trim() === '') throw new ExpressionError('the expression is empty', 0);
  const tokens = tokenize(source, start);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const take = (): Token => tokens[pos++]!;
  const isOp = (token: Token, ...ops: string[]) => token.kind === 'op' && ops.includes(token.text);

  /** The error for a token that cannot start an operand. */
  const expectedOperand = (token: Token): ExpressionError => {
    if (token.kind === 'end') {
      return new ExpressionError(
        `the expression ends too early at ${at(token.start)}: a number, a name or '(' should follow`,
        token.start,
      );
    }
    return new ExpressionError(`unexpected ${quote(token)} at ${at(token.start)}`, token.start);
  };

  /** One level of left-associative operators: an operand, then (op operand) while `ops` follow. */
  function binaryLevel(ops: readonly BinaryOp[], operand: () => Expr): Expr {
    let left = operand();
    while (isOp(peek(), ...ops)) {
      const op = take().text as BinaryOp;
      const right = operand();
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  function sum(): Expr {
    return binaryLevel(['+', '-'], product);
  }

  function product(): Expr {
    return binaryLevel(['*', '/'], unary);
  }

  function unary(): Expr {
    const token = peek();
    if (isOp(token, '-', '+')) {
      take();
      const arg = unary();
      if (token.text === '+') return { ...arg, start: token.start };
      // A minus sign in front of a number is part of the number: −2, not neg(2).
      if (arg.kind === 'number') return { ...arg, value: -arg.value, start: token.start };
      return { kind: 'unary', op: 'neg', arg, start: token.start, end: arg.end };
    }
    return power();
  }

  function power(): Expr {
    const base = atom();
    if (!isOp(peek(), '^')) return base;
    const caret = take();
    const exponent = unary();
    const k = constantValue(exponent);
    if (k === undefined) {
      throw new ExpressionError(
        `the exponent after '^' at ${at(caret.start)} must be a number, like x^2: ` +
          'it cannot contain names',
        exponent.start,
      );
    }
    return { kind: 'power', base, exponent: k, start: base.start, end: exponent.end };
  }

  function atom(): Expr {
    const token = take();
    if (token.kind === 'number') {
      const value = token.value!;
      return { kind: 'number', value, start: token.start, end: token.end };
    }
    if (token.kind === '(') {
      const inner = sum();
      closing(token);
      return { ...inner, start: token.start, end: tokens[pos - 1]!.end };
    }
    if (token.kind === 'name') {
      const fn = token.text;
      if (peek().kind === '(') {
        if (!(FUNCTIONS as readonly string[]).includes(fn)) {
          throw new ExpressionError(
            `unknown function '${fn}' at ${at(token.start)}: the functions are ${FUNCTIONS.join(', ')}`,
            token.start,
          );
        }
        const open = take();
        if (peek().kind === ')') {
          throw new ExpressionError(
            `${fn}() at ${at(token.start)} needs something inside the parentheses`,
            peek().start,
          );
        }
        const arg = sum();
        closing(open);
        return {
          kind: 'call',
          fn: fn as FunctionName,
          arg,
          start: token.start,
          end: tokens[pos - 1]!.end,
        };
      }
      if ((FUNCTIONS as readonly string[]).includes(fn)) {
        throw new ExpressionError(
          `'${fn}' at ${at(token.start)} is a function: write ${fn}(…) with parentheses`,
          token.start,
        );
      }
      return { kind: 'variable', name: token.text, start: token.start, end: token.end };
    }
    pos--;
    throw expectedOperand(token);
  }

  /** Consume the ')' matching `open`, or explain what is wrong. */
  function closing(open: Token): void {
    const token = peek();
    if (token.kind === ')') {
      take();
      return;
    }
    if (token.kind === 'end') {
      throw new ExpressionError(`missing ')' to close the '(' at ${at(open.start)}`, token.start);
    }
    throw unexpectedAfterOperand(token);
  }

  /** A token that cannot follow a complete operand: a missing operator, or a stray symbol. */
  function unexpectedAfterOperand(token: Token): ExpressionError {
    if (token.kind === 'number' || token.kind === 'name' || token.kind === '(') {
      const previous = tokens[pos - 1]!;
      return new ExpressionError(
        `missing operator before ${quote(token)} at ${at(token.start)}: write ` +
          `${previous.text}*${token.text}, for example`,
        token.start,
      );
    }
    return new ExpressionError(`unexpected ${quote(token)} at ${at(token.start)}`, token.start);
  }

  const tree = sum();
  const last = peek();
  if (last.kind !== 'end') throw unexpectedAfterOperand(last);
  return tree;
}

/** The value of a subtree without names (for exponents such as 1/2); undefined if it has names. */
function constantValue(expr: Expr): number | undefined {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'variable':
      return undefined;
    case 'unary': {
      const v = constantValue(expr.arg);
      return v === undefined ? undefined : -v;
    }
    case 'power': {
      const v = constantValue(expr.base);
      return v === undefined ? undefined : v ** expr.exponent;
    }
    case 'call': {
      const v = constantValue(expr.arg);
      return v === undefined ? undefined : new Value(v)[expr.fn]().data;
    }
    case 'binary': {
      const a = constantValue(expr.left);
      const b = constantValue(expr.right);
      if (a === undefined || b === undefined) return undefined;
      return expr.op === '+' ? a + b : expr.op === '-' ? a - b : expr.op === '*' ? a * b : a / b;
    }
  }
}

/** The names of the variables in `expr`, each once, in order of first appearance. */
export function variablesOf(expr: Expr): string[] {
  const names: string[] = [];
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'variable':
        if (!names.includes(e.name)) names.push(e.name);
        return;
      case 'number':
        return;
      case 'unary':
      case 'call':
        visit(e.arg);
        return;
      case 'power':
        visit(e.base);
        return;
      case 'binary':
        visit(e.left);
        visit(e.right);
    }
  };
  visit(expr);
  return names;
}

/** An expression built as an autodiff graph. */
export interface ExpressionGraph {
  /** The node of the whole expression: call `output.backward()` for every gradient. */
  output: Value;
  /** One leaf per variable name, shared by every use of the name (so x·x is one x used twice). */
  variables: Map<string, Value>;
}

/**
 * Build the autodiff graph of `expr`. `values` gives each variable its value; a variable with no
 * value starts at `fallback` (0 unless given). Each operation node is labelled with its own piece of
 * `source` (e.g. "w1*x1"), when the source is given.
 */
export function buildGraph(
  expr: Expr,
  values: Readonly<Record<string, number>> = {},
  source = '',
  fallback = 0,
): ExpressionGraph {
  const variables = new Map<string, Value>();
  const label = (node: Value, e: Expr): Value =>
    node.named(source ? source.slice(e.start, e.end).trim() : '');
  const build = (e: Expr): Value => {
    switch (e.kind) {
      case 'number':
        return Value.constant(e.value);
      case 'variable': {
        let leaf = variables.get(e.name);
        if (!leaf) {
          leaf = new Value(ownValue(values, e.name) ?? fallback, e.name);
          variables.set(e.name, leaf);
        }
        return leaf;
      }
      case 'unary':
        return label(build(e.arg).neg(), e);
      case 'power':
        return label(build(e.base).pow(e.exponent), e);
      case 'call':
        return label(build(e.arg)[e.fn](), e);
      case 'binary': {
        const left = build(e.left);
        const right = build(e.right);
        const node =
          e.op === '+'
            ? left.add(right)
            : e.op === '-'
              ? left.sub(right)
              : e.op === '*'
                ? left.mul(right)
                : left.div(right);
        return label(node, e);
      }
    }
  };
  const output = build(expr);
  return { output, variables };
}

/** What `parseValues` found: the numbers, and a message for each entry it could not read. */
export interface ParsedValues {
  values: Record<string, number>;
  problems: string[];
}

/**
 * Read variable values written as `name=number` pairs separated by spaces, commas or semicolons:
 * `"w1=0.5 x1=2, b=-1"`. An entry that is not `name=number` is skipped and described in `problems`.
 */
export function parseValues(text: string): ParsedValues {
  // Collected in a Map and made a record by Object.fromEntries, which defines own properties: an
  // entry "__proto__=1" is a value named __proto__, not a change of the record's prototype.
  const values = new Map<string, number>();
  const problems: string[] = [];
  for (const entry of text.split(/[\s,;]+/).filter((e) => e !== '')) {
    const match = /^([\p{L}_][\p{L}\p{N}_]*)=(.*)$/u.exec(entry);
    const number = match ? readNumber(match[2]!) : undefined;
    if (!match || number === undefined) {
      problems.push(`"${entry}" is not name=number (like w1=0.5)`);
      continue;
    }
    values.set(match[1]!, number);
  }
  return { values: Object.fromEntries(values), problems };
}

/**
 * A number as written in `values`: accepts the minus sign "−" as well as "-", and refuses anything
 * that is not a finite decimal number (undefined). "" is not 0, and "0x10" is not 16.
 */
function readNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/[−–]/g, '-');
  if (cleaned === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

/** Values written back as text, in the form `parseValues` reads: "w1=0.5 x1=2". */
export function formatValues(values: Iterable<readonly [string, number]>): string {
  return [...values].map(([name, v]) => `${name}=${Number(v.toPrecision(6))}`).join(' ');
}
