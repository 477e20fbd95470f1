/**
 * Checking a gradient from backpropagation against a numerical estimate: nudge one node of an
 * autodiff graph by ±h, evaluate the output again with everything else held, and compare the
 * central difference (out(+h) − out(−h)) / 2h with the gradient `backward()` left in the node.
 */
import type { Value } from './autodiff';
import { centralDifference } from './derivative';

/** The step of the central difference: small enough for its O(h²) error to vanish in float64. */
export const CHECK_STEP = 1e-5;

/** How close the two must be, relative to the estimate (absolute below 1), to agree. */
export const AGREE_TOLERANCE = 1e-6;

export interface GradientCheck {
  /** The central-difference estimate of ∂output/∂node. */
  estimate: number;
  /** |estimate − node.grad|. */
  difference: number;
  /** Whether the difference is within AGREE_TOLERANCE × max(1, |estimate|). */
  agree: boolean;
}

/**
 * Compare `node.grad` (as the last `output.backward()` left it) with a central difference of
 * `output` in `node`'s value. Nothing in the graph changes.
 */
export function checkGradient(output: Value, node: Value, h = CHECK_STEP): GradientCheck {
  const estimate = centralDifference(
    (v) => output.evaluateWith(new Map([[node, v]])),
    node.data,
    h,
  );
  const difference = Math.abs(estimate - node.grad);
  return {
    estimate,
    difference,
    agree: difference <= AGREE_TOLERANCE * Math.max(1, Math.abs(estimate)),
  };
}
