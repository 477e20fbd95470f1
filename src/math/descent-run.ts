/**
 * Reading a gradient-descent run (the states of descent.ts) the way a teacher would: did the last
 * step jump over the bottom, is the run still going steadily downhill, which minimum did it reach.
 */
import type { DescentState } from './descent';
import type { Minimum, Vector } from './surfaces';

/**
 * Whether the gradient turned around between two states (their dot product is negative): the step
 * between them jumped over the bottom. In 1D, the slope changed sign.
 */
export function overshot(prev: DescentState, state: DescentState): boolean {
  const dot = prev.gradient.reduce((sum, g, i) => sum + g * (state.gradient[i] ?? 0), 0);
  return dot < 0;
}

/**
 * Whether each of the last `steps` steps lowered the loss: a run that is slow, not one bouncing
 * between the walls. Needs at least one step.
 */
export function fallingSteadily(states: readonly DescentState[], steps = 10): boolean {
  const recent = states.slice(-(steps + 1));
  return recent.length > 1 && recent.every((s, i) => i === 0 || s.loss < recent[i - 1]!.loss);
}

/** The first of `minima` closer than `radius` (Euclidean distance) to `point`, if any. */
export function minimumNear(
  minima: readonly Minimum[],
  point: Vector,
  radius = 0.1,
): Minimum | undefined {
  return minima.find((m) => Math.hypot(...m.point.map((q, i) => q - (point[i] ?? 0))) < radius);
}
