/**
 * Numerical derivatives, used to check exact ones ("numeric vs exact") in widgets and tests.
 *
 * The central difference f′(x) ≈ (f(x + h) − f(x − h)) / 2h has error O(h²): the h-terms of the
 * two Taylor expansions cancel. The one-sided (forward) difference (f(x + h) − f(x)) / h — the
 * slope of a secant — has error O(h), which is why the widget shows both shrinking as h → 0.
 */
export function centralDifference(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** The slope of the secant through (x, f(x)) and (x + h, f(x + h)). */
export function secantSlope(f: (x: number) => number, x: number, h: number): number {
  return (f(x + h) - f(x)) / h;
}
