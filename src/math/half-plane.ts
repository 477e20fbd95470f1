/**
 * A line w₁x₁ + w₂x₂ + b = 0 and the square [−e, e]²: where the line crosses the square, and the
 * part of the square on its positive side (w₁x₁ + w₂x₂ + b > 0). A sigmoid neuron with two inputs
 * says "yes" (σ > 0.5) exactly on that side, so these are its decision line and its "yes" region
 * as drawn on a plot of the square.
 */

/** A point (x₁, x₂) of the plane. */
export type PlanePair = [number, number];

/**
 * The part of the square [−e, e]² where w₁x₁ + w₂x₂ + b > 0, as a polygon (one step of
 * Sutherland–Hodgman clipping). Empty when the neuron says "no" everywhere in the square.
 */
export function yesRegion(w1: number, w2: number, b: number, e: number): PlanePair[] {
  const corners: PlanePair[] = [
    [-e, -e],
    [e, -e],
    [e, e],
    [-e, e],
  ];
  const z = ([p, q]: PlanePair) => w1 * p + w2 * q + b;
  const out: PlanePair[] = [];
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!;
    const c = corners[(i + 1) % 4]!;
    const za = z(a);
    const zc = z(c);
    if (za > 0) out.push(a);
    if (za > 0 !== zc > 0) {
      const t = za / (za - zc); // where z = 0 along the edge a → c
      out.push([a[0] + t * (c[0] - a[0]), a[1] + t * (c[1] - a[1])]);
    }
  }
  return out;
}

/** The segment of the line w₁x₁ + w₂x₂ + b = 0 inside the square, or null if it misses it. */
export function lineSegment(
  w1: number,
  w2: number,
  b: number,
  e: number,
): [PlanePair, PlanePair] | null {
  if (w1 === 0 && w2 === 0) return null; // σ(b) everywhere: no line
  const hits: PlanePair[] = [];
  const add = (p: number, q: number) => {
    if (p >= -e - 1e-9 && p <= e + 1e-9 && q >= -e - 1e-9 && q <= e + 1e-9) {
      if (!hits.some(([a, c]) => Math.abs(a - p) < 1e-9 && Math.abs(c - q) < 1e-9)) {
        hits.push([p, q]);
      }
    }
  };
  if (w2 !== 0) {
    add(-e, (-b + w1 * e) / w2);
    add(e, (-b - w1 * e) / w2);
  }
  if (w1 !== 0) {
    add((-b + w2 * e) / w1, -e);
    add((-b - w2 * e) / w1, e);
  }
  return hits.length >= 2 ? [hits[0]!, hits[1]!] : null;
}
