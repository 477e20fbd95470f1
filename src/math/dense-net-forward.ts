/**
 * The forward half of `DenseNet` (dense-net.ts): the packed parameters' layout, the forward pass
 * (with inverted dropout in training steps) and everything read from it — loss and accuracy of a
 * set, predictions, confusion counts, every unit's activation. `DenseNet` adds training to it: the
 * data, backpropagation and the optimizer. See dense-net.ts for the maths.
 *
 * Pure TypeScript: no DOM, no tensors.
 */
import { ACTIVATION_CODE, LINEAR, SIGMOID, SOFTMAX, activate, dropOut } from './dense-net-layers';
import { denseSlotCount } from './dense-net-optimizer';
import type { DenseOptimizer } from './dense-net-optimizer';
import { rowLoss } from './dense-net-output';
import type { OutputKind } from './dense-net-output';
import { loadRows } from './dense-net-rows';
import { checkDenseConfig } from './dense-net-types';
import type {
  DenseInputs,
  DenseLoss,
  DenseNetConfig,
  DenseStats,
  DenseTask,
} from './dense-net-types';
import { createRng } from './rng';
import type { Rng } from './rng';

/** Rows evaluated at a time by `stats` and the predictions (at least; more with a larger batch). */
const MIN_CHUNK = 256;

export class DenseForward {
  readonly sizes: readonly number[];
  readonly loss: DenseLoss;
  readonly optimizer: DenseOptimizer;
  readonly learningRate: number;
  readonly l2: number;
  readonly l1: number;
  readonly task: DenseTask;
  /** Dropout rate of each hidden layer (0: none). */
  readonly dropout: readonly number[];
  readonly batchSize: number;
  readonly shuffleSeed: number;
  /**
   * Classes told apart: 2 with one sigmoid output unit, k with a softmax over k units (2 also for
   * regression, which has none).
   */
  readonly classes: number;
  /** Whether the output layer is a softmax (k ≥ 2 output units) rather than one σ unit. */
  readonly softmax: boolean;
  /** Weights and biases (not counting the optimizer slots). */
  readonly parameterCount: number;

  /** The packed state: parameters, then optimizer slots. */
  protected readonly values: Float32Array;
  /** Where layer ℓ's kernel and bias start in `values`. */
  protected readonly kernelAt: Int32Array;
  protected readonly biasAt: Int32Array;
  /** Activation code of layer ℓ (hidden layers; the output's is handled apart). */
  protected readonly act: Int32Array;
  /** The kernels transposed, in Float64, at their packed offsets (forward's scratch). */
  private readonly kernelsT: Float64Array;
  /** The output layer: one σ unit, a softmax, or one linear unit (regression). */
  protected readonly output: OutputKind;
  /** Whether some hidden layer has dropout, and the stream its masks are drawn from. */
  protected readonly dropping: boolean;
  protected readonly dropoutSeed: number;
  protected dropRng: Rng;

  /** Rows the scratch below holds. */
  protected capacity = 0;
  /** A⁽ℓ⁾ for a batch, row-major [rows × sizes[ℓ]]; a[0] is the input, a[L] is p. */
  protected a: Float64Array[] = [];
  /**
   * For a hidden layer with dropout (else empty), indexed like `a`: its outputs f(z) before the
   * mask (for f′), and the mask M of the last training step (0 or 1/(1 − r)).
   */
  protected pre: Float64Array[] = [];
  protected mask: Float64Array[] = [];
  /** z of the output units, row-major (the loss is computed from it, without log(0)). */
  protected zOut = new Float64Array(0);
  /** What `evaluate` found: Σ loss, right answers. */
  private readonly evaluation = new Float64Array(2);
  /** What `evaluate` found per class: points labelled c, and those classified c among them. */
  private readonly classCount: Float64Array;
  private readonly classRight: Float64Array;

  constructor(config: DenseNetConfig) {
    const { sizes, l1, task, dropout } = checkDenseConfig(config);
    const L = sizes.length - 1;
    this.sizes = sizes;
    this.loss = config.loss;
    this.optimizer = config.optimizer;
    this.learningRate = config.learningRate;
    this.l2 = config.l2;
    this.l1 = l1;
    this.task = task;
    this.dropout = dropout;
    this.dropping = dropout.some((r) => r > 0);
    this.dropoutSeed = config.dropoutSeed ?? config.shuffleSeed + 0.25;
    this.dropRng = createRng(this.dropoutSeed);
    this.batchSize = config.batchSize;
    this.shuffleSeed = config.shuffleSeed;
    this.softmax = sizes[L]! > 1;
    this.output = task === 'regression' ? 'linear' : this.softmax ? 'softmax' : 'sigmoid';
    this.classes = this.softmax ? sizes[L]! : 2;
    this.classCount = new Float64Array(this.classes);
    this.classRight = new Float64Array(this.classes);

    this.act = new Int32Array(L);
    config.activations.forEach((name, l) => {
      const code = ACTIVATION_CODE[name];
      if (code === undefined) throw new RangeError(`DenseNet: unknown activation "${name}"`);
      this.act[l] = code;
    });
    this.act[L - 1] = this.output === 'linear' ? LINEAR : this.softmax ? SOFTMAX : SIGMOID;
    this.kernelAt = new Int32Array(L);
    this.biasAt = new Int32Array(L);
    let offset = 0;
    for (let l = 0; l < L; l++) {
      this.kernelAt[l] = offset;
      offset += sizes[l]! * sizes[l + 1]!;
      this.biasAt[l] = offset;
      offset += sizes[l + 1]!;
    }
    this.parameterCount = offset;
    this.kernelsT = new Float64Array(offset);
    this.values = new Float32Array(offset * (1 + denseSlotCount(config.optimizer)));
    this.ensureCapacity(MIN_CHUNK);
  }

  /**
   * Mean loss and accuracy on the training set and on the test set (0 and 0 when it is empty or
   * missing), per-class accuracy, and the largest |weight or bias|. Cross-entropy straight from
   * the logits, which never overflows: one σ unit, with s = 1 − 2y,
   * −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = softplus(s·z), right when s·z < 0; a softmax,
   * −ln p_y = max + ln Σ e^{z_m − max} − z_y, right when z_y is the largest logit (the first
   * largest on a tie).
   */
  stats(
    trainX: DenseInputs,
    trainY: ArrayLike<number>,
    testX?: DenseInputs,
    testY?: ArrayLike<number>,
  ): DenseStats {
    const nTrain = trainY.length;
    this.evaluate(trainX, trainY);
    const trainLoss = this.evaluation[0]!;
    const trainRight = this.evaluation[1]!;
    const regression = this.output === 'linear';
    const perClass = (): number[] =>
      regression ? [] : Array.from(this.classCount, (count, c) => this.classRight[c]! / count);
    const trainClassAccuracy = perClass();
    const nTest = testX && testY ? testY.length : 0;
    let testLoss = 0;
    let testRight = 0;
    let testClassAccuracy: number[] = [];
    if (nTest > 0) {
      this.evaluate(testX!, testY!);
      testLoss = this.evaluation[0]!;
      testRight = this.evaluation[1]!;
      testClassAccuracy = perClass();
    }
    // The largest |θ|, NaN as soon as one parameter is NaN (so a broken run never looks fine).
    let maxWeight = 0;
    const v = this.values;
    for (let p = 0; p < this.parameterCount; p++) {
      const w = Math.abs(v[p]!);
      if (!(w <= maxWeight)) maxWeight = w;
    }
    return {
      trainLoss: nTrain > 0 ? trainLoss / nTrain : 0,
      trainAccuracy: nTrain > 0 ? trainRight / nTrain : 0,
      testLoss: nTest > 0 ? testLoss / nTest : 0,
      testAccuracy: nTest > 0 ? testRight / nTest : 0,
      maxWeight,
      trainClassAccuracy,
      testClassAccuracy,
    };
  }

  /**
   * The output for each row of `xy` (sizes[0] numbers a row) into `out`: one σ unit, p(class 1)
   * per row; a softmax, the k probabilities of each row in turn (`out[r·k + j]` = p(class j) of
   * row r). Returns `out`.
   */
  predictInto<T extends Float32Array | Float64Array>(xy: DenseInputs, out: T): T {
    const k = this.sizes[this.sizes.length - 1]!;
    const n = this.pointCount(xy, out.length / k);
    const L = this.sizes.length - 1;
    const p = this.a[L]!;
    for (let start = 0; start < n; start += this.capacity) {
      const count = Math.min(this.capacity, n - start);
      loadRows(xy, start, count, this.sizes[0]!, this.a[0]!);
      this.forward(count);
      const from = start * k;
      for (let q = 0; q < count * k; q++) out[from + q] = p[q]!;
    }
    return out;
  }

  /**
   * The confusion matrix of `labels` against the predicted classes of `xy`, counted into `out`
   * (classes × classes, zeroed first): `out[t·classes + c]` = points of class t predicted as c.
   */
  confusionInto<T extends Float32Array | Float64Array | Int32Array | Uint32Array>(
    xy: DenseInputs,
    labels: ArrayLike<number>,
    out: T,
  ): T {
    const k = this.classes;
    if (this.output === 'linear')
      throw new RangeError('DenseNet.confusionInto: regression has no classes');
    if (out.length !== k * k) {
      throw new RangeError(`DenseNet.confusionInto: out must hold ${k}×${k} counts`);
    }
    const n = labels.length;
    this.pointCount(xy, n);
    if (xy.length !== n * this.sizes[0]!) {
      throw new RangeError(`DenseNet.confusionInto: ${n} labels need ${n * this.sizes[0]!} inputs`);
    }
    this.checkLabels(labels, 'confusionInto');
    out.fill(0);
    for (let start = 0; start < n; start += this.capacity) {
      const count = Math.min(this.capacity, n - start);
      loadRows(xy, start, count, this.sizes[0]!, this.a[0]!);
      this.forward(count);
      for (let r = 0; r < count; r++) out[labels[start + r]! * k + this.predicted(r)]! += 1;
    }
    return out;
  }

  /**
   * Every hidden and output unit's activation at each row of `xy`: `out[ℓ][j][k]` is unit j of
   * layer ℓ + 1 (0 = the first hidden layer, the last = the output's p) at point k. Returns `out`.
   */
  activationsInto<T extends Float32Array | Float64Array>(
    xy: DenseInputs,
    out: readonly (readonly T[])[],
  ): readonly (readonly T[])[] {
    const L = this.sizes.length - 1;
    if (out.length !== L || out.some((units, l) => units.length !== this.sizes[l + 1])) {
      throw new RangeError(`DenseNet.activationsInto: out must be [layer][unit] arrays`);
    }
    let room = Infinity;
    for (const units of out) for (const unit of units) room = Math.min(room, unit.length);
    const n = this.pointCount(xy, room);
    for (let start = 0; start < n; start += this.capacity) {
      const count = Math.min(this.capacity, n - start);
      loadRows(xy, start, count, this.sizes[0]!, this.a[0]!);
      this.forward(count);
      for (let l = 0; l < L; l++) {
        const units = this.sizes[l + 1]!;
        const a = this.a[l + 1]!;
        for (let j = 0; j < units; j++) {
          const target = out[l]![j]!;
          for (let r = 0; r < count; r++) target[start + r] = a[r * units + j]!;
        }
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------

  /** Make the scratch hold at least `rows` rows (allocates only when it grows). */
  protected ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    const sizes = this.sizes;
    this.capacity = rows;
    this.a = sizes.map((units) => new Float64Array(rows * units));
    const dropped = (l: number): boolean =>
      l >= 1 && l < sizes.length - 1 && this.dropout[l - 1]! > 0;
    this.pre = sizes.map((units, l) => new Float64Array(dropped(l) ? rows * units : 0));
    this.mask = sizes.map((units, l) => new Float64Array(dropped(l) ? rows * units : 0));
    this.zOut = new Float64Array(rows * sizes[sizes.length - 1]!);
  }

  /** The class predicted for row r of the last forward pass: the largest logit's (first on a tie). */
  private predicted(r: number): number {
    if (!this.softmax) return this.zOut[r]! > 0 ? 1 : 0;
    const k = this.classes;
    const z = this.zOut;
    let best = 0;
    for (let j = 1; j < k; j++) if (z[r * k + j]! > z[r * k + best]!) best = j;
    return best;
  }

  /** Labels must be whole numbers 0 … classes − 1 (finite numbers for regression). */
  protected checkLabels(labels: ArrayLike<number>, where: string): void {
    if (this.output === 'linear') {
      for (let r = 0; r < labels.length; r++) {
        if (!Number.isFinite(labels[r])) {
          throw new RangeError(
            `DenseNet.${where}: regression labels must be finite numbers; label ${r} is ${labels[r]}`,
          );
        }
      }
      return;
    }
    const k = this.classes;
    for (let r = 0; r < labels.length; r++) {
      const c = labels[r]!;
      if (!(Number.isInteger(c) && c >= 0 && c < k)) {
        throw new RangeError(
          `DenseNet.${where}: labels must be whole numbers 0 … ${k - 1}; label ${r} is ${c}`,
        );
      }
    }
  }

  /**
   * Z⁽ℓ⁾ = A⁽ℓ⁻¹⁾W⁽ℓ⁾ + b⁽ℓ⁾, A⁽ℓ⁾ = f(Z⁽ℓ⁾) for the first `rows` rows of a[0]; with `train`, the
   * hidden layers' dropout masks are drawn and applied.
   */
  protected forward(rows: number, train = false): void {
    const sizes = this.sizes;
    const v = this.values;
    const wT = this.kernelsT;
    const L = sizes.length - 1;
    // Wᵀ in Float64 (unit j's incoming weights contiguous): each z is then one dot product summed
    // in a register, instead of a read-modify-write of z for every input.
    for (let l = 0; l < L; l++) {
      const nIn = sizes[l]!;
      const units = sizes[l + 1]!;
      const k0 = this.kernelAt[l]!;
      for (let i = 0; i < nIn; i++) {
        for (let j = 0; j < units; j++) wT[k0 + j * nIn + i] = v[k0 + i * units + j]!;
      }
    }
    for (let l = 0; l < L; l++) {
      const nIn = sizes[l]!;
      const units = sizes[l + 1]!;
      const k0 = this.kernelAt[l]!;
      const b0 = this.biasAt[l]!;
      const input = this.a[l]!;
      // The output layer keeps z (for the loss) apart from p = σ(z).
      const z = l === L - 1 ? this.zOut : this.a[l + 1]!;
      for (let r = 0; r < rows; r++) {
        const zr = r * units;
        const ar = r * nIn;
        for (let j = 0; j < units; j++) {
          const wj = k0 + j * nIn;
          let sum = v[b0 + j]!;
          for (let i = 0; i < nIn; i++) sum += input[ar + i]! * wT[wj + i]!;
          z[zr + j] = sum;
        }
      }
      const a = this.a[l + 1]!;
      activate(this.act[l]!, z, a, rows, units);
      const rate = l < L - 1 ? this.dropout[l]! : 0;
      if (train && rate > 0) {
        // Inverted dropout: f(z) kept for f′, each output zeroed with probability r, the rest
        // scaled by 1/(1 − r).
        const count = rows * units;
        dropOut(a, this.pre[l + 1]!, this.mask[l + 1]!, count, rate, this.dropRng);
      }
    }
  }

  /**
   * Σ loss and the number of right answers over `xy`/`labels`, into `evaluation` (run forward in
   * chunks of the scratch's rows).
   */
  private evaluate(xy: DenseInputs, labels: ArrayLike<number>): void {
    const n = labels.length;
    if (xy.length !== n * this.sizes[0]!) {
      throw new RangeError(`DenseNet.stats: ${n} labels need ${n * this.sizes[0]!} inputs`);
    }
    this.checkLabels(labels, 'stats');
    const L = this.sizes.length - 1;
    const p = this.a[L]!;
    const z = this.zOut;
    const k = this.sizes[L]!;
    const kind = this.output;
    const classCount = this.classCount.fill(0);
    const classRight = this.classRight.fill(0);
    let loss = 0;
    let right = 0;
    for (let start = 0; start < n; start += this.capacity) {
      const count = Math.min(this.capacity, n - start);
      loadRows(xy, start, count, this.sizes[0]!, this.a[0]!);
      this.forward(count);
      for (let r = 0; r < count; r++) {
        const y = labels[start + r]!;
        loss += rowLoss(kind, this.loss, z, p, r, y, k);
        if (kind === 'linear') continue; // regression: no classes, no accuracy
        classCount[y]! += 1;
        // One σ unit: right when s·z < 0 (z = 0 is wrong for either label, as on tfjs).
        if (this.softmax ? this.predicted(r) === y : (1 - 2 * y) * z[r]! < 0) {
          right++;
          classRight[y]! += 1;
        }
      }
    }
    this.evaluation[0] = loss;
    this.evaluation[1] = right;
  }

  /** Points in `xy`, after checking it holds whole rows and `room` has space for them. */
  private pointCount(xy: ArrayLike<number>, room: number): number {
    const inputs = this.sizes[0]!;
    const n = xy.length / inputs;
    if (!Number.isInteger(n)) {
      throw new RangeError(`DenseNet: expected rows of ${inputs} inputs, got ${xy.length} numbers`);
    }
    if (room < n) throw new RangeError(`DenseNet: ${n} points do not fit an output of ${room}`);
    return n;
  }
}
