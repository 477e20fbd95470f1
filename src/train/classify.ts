/**
 * Reading the engine's predictions as classes: the predicted class of each row, and the confusion
 * matrix of a labelled set. Pure, no tfjs: what `EngineClient.predict` (client.ts) or a trainer's
 * `predict` returns goes straight in.
 *
 * The predictions are p(class 1) per row for two classes (one σ unit: class 1 when p > 0.5), or
 * the k probabilities of each row in turn for k ≥ 3 (the most probable class; the first on a tie,
 * as both engines count a right answer).
 */

/** The predicted class of each row of `probabilities` (see the module comment). */
export function predictedClasses(probabilities: ArrayLike<number>, classes: number): Int32Array {
  const k = classes > 2 ? classes : 1;
  if (probabilities.length % k !== 0) {
    throw new RangeError(`expected ${k} probabilities a row, got ${probabilities.length} numbers`);
  }
  const n = probabilities.length / k;
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    if (k === 1) {
      out[r] = probabilities[r]! > 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let j = 1; j < k; j++)
      if (probabilities[r * k + j]! > probabilities[r * k + best]!) best = j;
    out[r] = best;
  }
  return out;
}

/**
 * The confusion matrix of `labels` against the predictions: `[t·classes + c]` counts the rows of
 * class t predicted as c (the diagonal holds the right answers).
 */
export function confusionMatrix(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): Uint32Array {
  const predicted = predictedClasses(probabilities, classes);
  if (predicted.length !== labels.length) {
    throw new RangeError(`${labels.length} labels for ${predicted.length} predictions`);
  }
  const out = new Uint32Array(classes * classes);
  for (let r = 0; r < labels.length; r++) out[labels[r]! * classes + predicted[r]!]! += 1;
  return out;
}
