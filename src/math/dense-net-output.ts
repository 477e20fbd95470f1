/**
 * The output layer of `DenseNet` (dense-net.ts): its three kinds, the gradient of the batch's mean
 * loss at the output's z (where backpropagation starts), and one example's loss for the reports.
 * Pure loops over typed arrays; no DOM, no tensors.
 *
 * One sigmoid unit (two classes, labels 0/1, p = σ(z) = p(class 1)):
 *
 *   cross-entropy   ℓ = −y ln p − (1 − y) ln(1 − p)    ⇒  ∂L/∂z = (p − y)/n
 *   squared error   ℓ = (p − y)²                       ⇒  ∂L/∂z = 2(p − y)·p(1 − p)/n
 *
 * A softmax over k ≥ 2 units, with e = onehot(y) (1 at the label, 0 elsewhere):
 *
 *   cross-entropy   ℓ = −ln p_y = logΣexp(z) − z_y      ⇒  ∂L/∂z_j = (p_j − e_j)/n
 *   squared error   ℓ = Σ_j (p_j − e_j)²                 ⇒  ∂L/∂z_j = p_j (g_j − Σ_m p_m g_m)/n,
 *                                                           g = 2(p − e)
 *
 * (the softmax's Jacobian ∂p_m/∂z_j = p_m([m = j] − p_j)). One linear unit (regression, real
 * labels y, the prediction ŷ = z; the `loss` setting is not used):
 *
 *   squared error   ℓ = ½(ŷ − y)²                       ⇒  ∂L/∂z = (ŷ − y)/n
 *
 * L, the loss of a batch or a set, is the plain mean of its examples' ℓ (each example weighs 1/n):
 * the reports' trainLoss and testLoss are that mean over the whole set.
 */
import type { DenseLoss } from './dense-net-types';
import { rowMax, shiftedExps } from './softmax';

/** What the output layer is. */
export type OutputKind = 'sigmoid' | 'softmax' | 'linear';

/** softplus(x) = ln(1 + eˣ), without overflow: max(x, 0) + ln(1 + e^(−|x|)). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** Row by row, p_j = e^{z_j − max} / Σ_m e^{z_m − max} (the max keeps every e^… ≤ 1). */
export function softmaxRows(z: Float64Array, p: Float64Array, rows: number, k: number): void {
  for (let r = 0; r < rows; r++) {
    const zr = r * k;
    const inv = 1 / shiftedExps(z, zr, k, rowMax(z, zr, k), p, zr);
    for (let j = 0; j < k; j++) p[zr + j]! *= inv;
  }
}

/**
 * ∂L/∂z at the output for a batch of `rows` examples with labels `y`, into `dz` (row-major,
 * k values a row): see the module comment. `p` is the output (p, or ŷ = z for regression).
 */
export function outputGradient(
  kind: OutputKind,
  loss: DenseLoss,
  p: Float64Array,
  y: Float64Array,
  dz: Float64Array,
  rows: number,
  k: number,
): void {
  const inv = 1 / rows;
  if (kind === 'softmax') {
    for (let r = 0; r < rows; r++) {
      const at = r * k;
      const label = at + y[r]!;
      if (loss === 'cross-entropy') {
        for (let q = at; q < at + k; q++) dz[q] = p[q]! * inv;
        dz[label]! -= inv;
      } else {
        let dot = 0;
        for (let q = at; q < at + k; q++) {
          const gq = 2 * (p[q]! - (q === label ? 1 : 0));
          dz[q] = gq;
          dot += p[q]! * gq;
        }
        for (let q = at; q < at + k; q++) dz[q] = p[q]! * (dz[q]! - dot) * inv;
      }
    }
  } else if (kind === 'linear' || loss === 'cross-entropy') {
    // Regression: (ŷ − y)/n; a σ unit with cross-entropy: (p − y)/n (σ′ cancels against ∂ℓ/∂p).
    for (let r = 0; r < rows; r++) dz[r] = (p[r]! - y[r]!) * inv;
  } else {
    for (let r = 0; r < rows; r++) {
      const pr = p[r]!;
      dz[r] = 2 * (pr - y[r]!) * pr * (1 - pr) * inv;
    }
  }
}

/**
 * The loss ℓ of row r (label y) from its logits z and output p (row-major, k a row). Cross-entropy
 * straight from the logits, which never overflows: one σ unit, with s = 1 − 2y,
 * −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = softplus(s·z); a softmax,
 * −ln p_y = max + ln Σ e^{z_m − max} − z_y.
 */
export function rowLoss(
  kind: OutputKind,
  loss: DenseLoss,
  z: Float64Array,
  p: Float64Array,
  r: number,
  y: number,
  k: number,
): number {
  if (kind === 'linear') {
    const e = z[r]! - y;
    return 0.5 * e * e;
  }
  if (kind === 'sigmoid') {
    if (loss === 'cross-entropy') return softplus((1 - 2 * y) * z[r]!);
    const e = p[r]! - y;
    return e * e;
  }
  const at = r * k;
  if (loss === 'cross-entropy') {
    const max = rowMax(z, at, k);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(z[at + j]! - max);
    return max + Math.log(sum) - z[at + y]!;
  }
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const e = p[at + j]! - (j === y ? 1 : 0);
    sum += e * e;
  }
  return sum;
}
