/**
 * A digit drawn on a pad, brought into the form MNIST's digits have (LeCun et al.): the ink's
 * bounding box is scaled to fit 20×20 pixels keeping its aspect ratio (grey levels by area
 * averaging), then placed in a 28×28 field so that its centre of mass is the field's centre. A
 * network trained on MNIST only understands digits in that form: a small "7" in a corner of the pad
 * would otherwise look like nothing it has seen.
 *
 * Pure: grids of numbers in, grids out. Ink is 1, paper is 0.
 */

export const MNIST_SIDE = 28;
/** The box the ink's bounding box is scaled into. */
export const MNIST_BOX = 20;
/** A pixel counts as ink above this (a faint anti-aliased edge alone is not a digit). */
export const INK_THRESHOLD = 0.05;

/** A grey image, row by row, values in 0…1 (1 = ink). */
export interface GreyImage {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

/** A point of a stroke, in the pad's unit square: (0, 0) top left, (1, 1) bottom right. */
export interface StrokePoint {
  x: number;
  y: number;
}

export type Preprocessed =
  | { empty: true }
  | {
      empty: false;
      /** 784 values in 0…1, row by row: what the network is given. */
      pixels: Float32Array;
      /** The ink's bounding box in the source image, in pixels. */
      box: { x: number; y: number; width: number; height: number };
      /** Where the centre of mass ended up in the 28×28 field (14, 14 up to half a pixel). */
      centre: { x: number; y: number };
    };

/**
 * For each of `dstLen` output cells covering `srcLen` input cells, which input cells it covers and
 * how much (area averaging: weights sum to 1).
 */
function coverage(srcLen: number, dstLen: number): { index: number; weight: number }[][] {
  const ratio = srcLen / dstLen;
  const out: { index: number; weight: number }[][] = [];
  for (let d = 0; d < dstLen; d++) {
    const from = d * ratio;
    const to = (d + 1) * ratio;
    const cells: { index: number; weight: number }[] = [];
    for (let s = Math.floor(from); s < Math.min(srcLen, Math.ceil(to)); s++) {
      const overlap = Math.min(to, s + 1) - Math.max(from, s);
      if (overlap > 0) cells.push({ index: s, weight: overlap / ratio });
    }
    out.push(cells);
  }
  return out;
}

/** The bounding box of the pixels above `INK_THRESHOLD`, or null when there are none. */
export function inkBox(
  image: GreyImage,
): { x: number; y: number; width: number; height: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const v = image.data[y * image.width + x]!;
      if (v > INK_THRESHOLD) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Centre of mass of a grid (pixel centres at i + 0.5); null for a grid with no mass. */
export function centreOfMass(
  data: ArrayLike<number>,
  width: number,
  height: number,
): { x: number; y: number } | null {
  let m = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x]!;
      m += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return m > 0 ? { x: mx / m, y: my / m } : null;
}

/**
 * The MNIST form of a drawn image: crop to the ink, scale to fit 20×20 keeping the aspect ratio,
 * centre by centre of mass in 28×28, darkest pixel scaled to 1. An image without ink is `{ empty:
 * true }`: there is nothing to classify, and the caller should say "draw a digit".
 */
export function toMnist(image: GreyImage): Preprocessed {
  const box = inkBox(image);
  if (!box) return { empty: true };
  const scale = MNIST_BOX / Math.max(box.width, box.height);
  const w = Math.max(1, Math.min(MNIST_BOX, Math.round(box.width * scale)));
  const h = Math.max(1, Math.min(MNIST_BOX, Math.round(box.height * scale)));
  const cols = coverage(box.width, w);
  const rows = coverage(box.height, h);
  // Scale rows first (height × w), then columns (h × w).
  const wide = new Float32Array(box.height * w);
  for (let y = 0; y < box.height; y++) {
    const rowAt = (box.y + y) * image.width + box.x;
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (const c of cols[x]!)
        v += c.weight * Math.max(0, Math.min(1, image.data[rowAt + c.index]!));
      wide[y * w + x] = v;
    }
  }
  const small = new Float32Array(h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (const r of rows[y]!) v += r.weight * wide[r.index * w + x]!;
      small[y * w + x] = v;
    }
  }
  let max = 0;
  for (const v of small) if (v > max) max = v;
  if (!(max > 0)) return { empty: true };
  for (let i = 0; i < small.length; i++) small[i] = small[i]! / max;

  const com = centreOfMass(small, w, h)!;
  const half = MNIST_SIDE / 2;
  const dx = Math.round(half - com.x);
  const dy = Math.round(half - com.y);
  const pixels = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  for (let y = 0; y < h; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= MNIST_SIDE) continue;
    for (let x = 0; x < w; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= MNIST_SIDE) continue;
      pixels[ty * MNIST_SIDE + tx] = small[y * w + x]!;
    }
  }
  const centre = centreOfMass(pixels, MNIST_SIDE, MNIST_SIDE) ?? { x: half, y: half };
  return { empty: false, pixels, box, centre };
}

/**
 * Strokes (polylines in the unit square) drawn with a round pen of `penWidth` (a fraction of the
 * side) into a `size`×`size` grey image, anti-aliased by distance to the stroke. What the drawing
 * pad holds, without a canvas: the same strokes give the same image everywhere.
 */
export function rasterizeStrokes(
  strokes: readonly (readonly StrokePoint[])[],
  size: number,
  penWidth: number,
): GreyImage {
  const data = new Float32Array(size * size);
  const r = (penWidth * size) / 2;
  const dab = (ax: number, ay: number, bx: number, by: number): void => {
    const minX = Math.max(0, Math.floor(Math.min(ax, bx) - r - 1));
    const maxX = Math.min(size - 1, Math.ceil(Math.max(ax, bx) + r + 1));
    const minY = Math.max(0, Math.floor(Math.min(ay, by) - r - 1));
    const maxY = Math.min(size - 1, Math.ceil(Math.max(ay, by) + r + 1));
    const vx = bx - ax;
    const vy = by - ay;
    const len2 = vx * vx + vy * vy;
    const reach2 = (r + 0.5) * (r + 0.5);
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const px = x + 0.5 - ax;
        const py = y + 0.5 - ay;
        const t = len2 > 0 ? Math.max(0, Math.min(1, (px * vx + py * vy) / len2)) : 0;
        const qx = px - t * vx;
        const qy = py - t * vy;
        const d2 = qx * qx + qy * qy;
        if (d2 >= reach2) continue; // beyond the pen's soft edge: adds nothing
        // 1 inside the pen, fading to 0 over one pixel at its edge.
        const v = Math.max(0, Math.min(1, r + 0.5 - Math.sqrt(d2)));
        const i = y * size + x;
        if (v > data[i]!) data[i] = v;
      }
    }
  };
  for (const stroke of strokes) {
    const pts = stroke.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (pts.length === 0) continue;
    for (let i = 0; i < pts.length; i++) {
      const a = pts[Math.max(0, i - 1)]!;
      const b = pts[i]!;
      dab(a.x * size, a.y * size, b.x * size, b.y * size);
    }
  }
  return { width: size, height: size, data };
}

/** Test digit `index` of a byte split (0…255) as 784 values in 0…1. */
export function digitPixels(
  bytes: Uint8Array,
  index: number,
  out = new Float32Array(784),
): Float32Array {
  const at = index * 784;
  for (let p = 0; p < 784; p++) out[p] = bytes[at + p]! / 255;
  return out;
}
