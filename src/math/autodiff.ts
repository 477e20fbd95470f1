/**
 * Scalar reverse-mode automatic differentiation: the whole idea of backpropagation on single
 * numbers, small enough to read in one sitting.
 *
 * Every arithmetic step creates a `Value` that remembers its operation and its inputs, so an
 * expression such as L = (σ(w·x + b) − t)² becomes a graph of nodes. `L.backward()` then walks
 * that graph from L back to the leaves, and at each node applies the chain rule:
 *
 *   ∂L/∂input = ∂node/∂input · ∂L/∂node
 *               (local derivative)  (upstream gradient)
 *
 * summing over every path when a node feeds more than one other node.
 *
 * ```ts
 * const w = new Value(0.5, 'w'), x = new Value(2, 'x'), b = new Value(0, 'b');
 * const L = w.mul(x).add(b).sigmoid().sub(1).pow(2);
 * L.backward();
 * w.grad; // ∂L/∂w
 * ```
 *
 * Gradients ACCUMULATE, like PyTorch's `.grad`: each call to `backward()` adds the gradient of
 * its output to the `grad` of every node it depends on (twice the call, twice the gradient; two
 * outputs, the sum of their gradients). Call `zeroGrad()` to reset them first. Unlike a naive
 * implementation, a second `backward()` is exact for intermediate nodes too: each pass computes
 * its own gradients from scratch, then adds them.
 *
 * Pure TypeScript: no DOM, no tensors.
 */
import { sigmoid } from './activations';

/** The operations a node can be the result of. 'input' is a leaf: a variable or a constant. */
export type Op =
  | 'input'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'neg'
  | 'exp'
  | 'log'
  | 'tanh'
  | 'sigmoid'
  | 'relu';

/** Something an operation accepts as its other operand: a node, or a plain number (a constant). */
export type Operand = Value | number;

export class Value {
  /** The number this node holds (its forward value). */
  data: number;
  /**
   * ∂(output)/∂(this node), summed over every `backward()` call since the last `zeroGrad()`.
   * 0 until a `backward()` reaches this node.
   */
  grad = 0;
  /** A name for people: "w₁", "z", "L". Empty for unnamed nodes. */
  label: string;
  /** The operation that produced this node ('input' for a leaf). */
  readonly op: Op;
  /** The nodes this one was computed from, in order (a − b: [a, b]). Empty for a leaf. */
  readonly inputs: readonly Value[];
  /** For 'pow': the (constant) exponent k of inputᵏ. */
  readonly exponent: number | undefined;
  /**
   * Whether this leaf is a constant (a plain number written into an expression, like the 2 in
   * 2·x) rather than a variable: drawings may show it differently and skip its gradient.
   */
  readonly constant: boolean;

  /** The adjoint ∂(output)/∂(this) during one backward pass (see `backward`). */
  private adjoint = 0;

  /**
   * A leaf holding `data` (`new Value(0.5, 'w')`). The operations below pass `origin` to build the
   * nodes they return; then `data` is ignored and computed from the inputs.
   */
  constructor(data: number, label = '', origin?: Origin) {
    this.label = label;
    this.op = origin?.op ?? 'input';
    this.inputs = origin?.inputs ?? [];
    this.exponent = origin?.exponent;
    this.constant = origin?.constant ?? false;
    this.data =
      this.op === 'input'
        ? data
        : evaluate(
            this,
            this.inputs.map((v) => v.data),
          );
  }

  /** A constant leaf: a number written into an expression. */
  static constant(x: number): Value {
    return new Value(x, String(x), { op: 'input', inputs: [], constant: true });
  }

  /** Set the label (chainable): `x.mul(w).named('z')`. */
  named(label: string): this {
    this.label = label;
    return this;
  }

  add(other: Operand): Value {
    return node('add', [this, lift(other)]);
  }
  sub(other: Operand): Value {
    return node('sub', [this, lift(other)]);
  }
  mul(other: Operand): Value {
    return node('mul', [this, lift(other)]);
  }
  div(other: Operand): Value {
    return node('div', [this, lift(other)]);
  }
  /** thisᵏ for a constant exponent k. */
  pow(k: number): Value {
    return node('pow', [this], k);
  }
  neg(): Value {
    return node('neg', [this]);
  }
  exp(): Value {
    return node('exp', [this]);
  }
  /** The natural logarithm. */
  log(): Value {
    return node('log', [this]);
  }
  tanh(): Value {
    return node('tanh', [this]);
  }
  sigmoid(): Value {
    return node('sigmoid', [this]);
  }
  relu(): Value {
    return node('relu', [this]);
  }

  /**
   * The local derivatives ∂this/∂inputᵢ, one per input, at the current values. These are the
   * factors the chain rule multiplies along each edge of the graph.
   */
  localGradients(): number[] {
    const [a, b] = this.inputs.map((v) => v.data) as [number, number];
    const out = this.data;
    switch (this.op) {
      case 'input':
        return [];
      case 'add': // ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1
        return [1, 1];
      case 'sub': // ∂(a − b)/∂a = 1, ∂(a − b)/∂b = −1
        return [1, -1];
      case 'mul': // ∂(ab)/∂a = b, ∂(ab)/∂b = a
        return [b, a];
      case 'div': // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²
        return [1 / b, -a / (b * b)];
      case 'pow': {
        // ∂(aᵏ)/∂a = k·aᵏ⁻¹
        const k = this.exponent ?? 1;
        return [k * a ** (k - 1)];
      }
      case 'neg':
        return [-1];
      case 'exp': // (eᵃ)′ = eᵃ, which is this node's own value
        return [out];
      case 'log': // (ln a)′ = 1/a
        return [1 / a];
      case 'tanh': // tanh′ = 1 − tanh²
        return [1 - out * out];
      case 'sigmoid': // σ′ = σ(1 − σ)
        return [out * (1 - out)];
      case 'relu': // 1 where a > 0, else 0 (the same convention as TensorFlow at a = 0)
        return [a > 0 ? 1 : 0];
    }
  }

  /**
   * Every node this one depends on (itself included), each once, inputs before the nodes that
   * use them: a topological order. Iterative, so deep graphs cannot overflow the call stack.
   */
  topologicalOrder(): Value[] {
    const order: Value[] = [];
    const seen = new Set<Value>();
    // Depth-first, post-order: a node is emitted after all of its inputs.
    const stack: { node: Value; next: number }[] = [{ node: this, next: 0 }];
    seen.add(this);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const input = top.node.inputs[top.next];
      if (input === undefined) {
        order.push(top.node);
        stack.pop();
        continue;
      }
      top.next++;
      if (!seen.has(input)) {
        seen.add(input);
        stack.push({ node: input, next: 0 });
      }
    }
    return order;
  }

  /**
   * Backpropagation: add ∂this/∂node to `node.grad` for every node this one depends on.
   *
   * One pass, in reverse topological order, so that when we reach a node every node that uses
   * it has already passed its share back:
   *
   *   adjoint(this) = 1                                  (∂this/∂this)
   *   adjoint(input) += local derivative · adjoint(node)  (the chain rule, summed over uses)
   *
   * Then each node's adjoint is added to its `grad` (accumulation; see the file's comment).
   */
  backward(): void {
    const order = this.topologicalOrder();
    for (const node of order) node.adjoint = 0;
    this.adjoint = 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i]!;
      if (node.inputs.length === 0) continue;
      const local = node.localGradients();
      node.inputs.forEach((input, k) => {
        input.adjoint += local[k]! * node.adjoint;
      });
    }
    for (const node of order) node.grad += node.adjoint;
  }

  /** Set `grad` to 0 on this node and every node it depends on. */
  zeroGrad(): void {
    for (const node of this.topologicalOrder()) node.grad = 0;
  }

  /**
   * Recompute every node's `data` from the leaves, in topological order: after changing a leaf
   * (`w.data = 0.7`), this brings the whole graph up to date. Returns this node's new value.
   */
  recompute(): number {
    for (const node of this.topologicalOrder()) {
      if (node.op !== 'input')
        node.data = evaluate(
          node,
          node.inputs.map((v) => v.data),
        );
    }
    return this.data;
  }

  /**
   * This node's value if some nodes held other values, without changing the graph: nodes in
   * `overrides` take the given value instead of being computed from their inputs. This is what a
   * numerical gradient check needs: the output with one node nudged by ±h.
   */
  evaluateWith(overrides: ReadonlyMap<Value, number>): number {
    const values = new Map<Value, number>();
    for (const node of this.topologicalOrder()) {
      const given = overrides.get(node);
      const value =
        given !== undefined
          ? given
          : node.op === 'input'
            ? node.data
            : evaluate(
                node,
                node.inputs.map((v) => values.get(v)!),
              );
      values.set(node, value);
    }
    return values.get(this)!;
  }
}

/** How a node was made: its operation, its inputs, and for 'pow' its exponent. */
export interface Origin {
  op: Op;
  inputs: readonly Value[];
  exponent?: number;
  /** For a leaf: whether it is a constant rather than a variable. */
  constant?: boolean;
}

/** A new node: the result of `op` applied to `inputs`. */
function node(op: Op, inputs: readonly Value[], exponent?: number): Value {
  return new Value(0, '', exponent === undefined ? { op, inputs } : { op, inputs, exponent });
}

/** A number becomes a constant leaf; a Value stays itself. */
function lift(x: Operand): Value {
  return x instanceof Value ? x : Value.constant(x);
}

/** The forward value of `node`'s operation applied to the input values `xs`. */
function evaluate(node: Value, xs: readonly number[]): number {
  const [a = 0, b = 0] = xs;
  switch (node.op) {
    case 'input':
      return node.data;
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
    case 'pow':
      return a ** (node.exponent ?? 1);
    case 'neg':
      return -a;
    case 'exp':
      return Math.exp(a);
    case 'log':
      return Math.log(a);
    case 'tanh':
      return Math.tanh(a);
    case 'sigmoid':
      return sigmoid(a);
    case 'relu':
      return a > 0 ? a : 0;
  }
}
