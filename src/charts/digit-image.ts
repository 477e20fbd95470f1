/**
 * 28×28 pictures on canvases: a digit (ink on paper), and weights (a diverging palette: one colour
 * for positive, another for negative, the paper colour for zero), one image or a grid of tiles.
 * The canvas holds the pixels at their own size; CSS scales it up (`image-rendering: pixelated`).
 * Pure drawing: no Lit, no widget state.
 */
import { color } from 'd3';
import { paintPixels } from './common';

export const SIDE = 28;

/** A colour as [r, g, b] 0…255; anything d3 cannot read is black. */
export function rgbOf(css: string): [number, number, number] {
  const c = color(css.trim())?.rgb();
  return c ? [c.r, c.g, c.b] : [0, 0, 0];
}

export interface DigitColors {
  ink: string;
  paper: string;
}

export interface WeightColors {
  positive: string;
  negative: string;
  zero: string;
}

/** Fill `image` at tile (tx, ty) of a grid of (SIDE + gap) cells with `rgba(i)` for pixel i. */
function paintTile(
  image: ImageData,
  tx: number,
  ty: number,
  gap: number,
  pixel: (i: number, out: Uint8ClampedArray, at: number) => void,
): void {
  const x0 = tx * (SIDE + gap);
  const y0 = ty * (SIDE + gap);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      pixel(y * SIDE + x, image.data, ((y0 + y) * image.width + x0 + x) * 4);
    }
  }
}

/**
 * One digit: `pixels` are 784 values, 0…1 (or 0…255 bytes with `bytes`), from `first`·784 on.
 */
export function drawDigit(
  canvas: HTMLCanvasElement,
  pixels: ArrayLike<number>,
  colors: DigitColors,
  options: { first?: number; bytes?: boolean } = {},
): void {
  const ink = rgbOf(colors.ink);
  const paper = rgbOf(colors.paper);
  const from = (options.first ?? 0) * SIDE * SIDE;
  const scale = options.bytes ? 1 / 255 : 1;
  paintPixels(canvas, SIDE, SIDE, (image) =>
    paintTile(image, 0, 0, 0, (i, out, at) => {
      const v = Math.max(0, Math.min(1, (pixels[from + i] ?? 0) * scale)) || 0;
      for (let c = 0; c < 3; c++) out[at + c] = paper[c]! + (ink[c]! - paper[c]!) * v;
      out[at + 3] = 255;
    }),
  );
}

/**
 * The incoming weights of `units` hidden units as tiles, `columns` to a row, one pixel of `zero`
 * between them. `values` is layer 1's kernel, row-major [784 × units]: unit j's weight from pixel
 * i is values[i·units + j]. Each tile is scaled by its own largest |weight|, so every unit's
 * pattern shows, however small its weights.
 */
export function drawWeightTiles(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  units: number,
  columns: number,
  colors: WeightColors,
): void {
  const gap = 1;
  const rows = Math.ceil(units / columns);
  const width = columns * (SIDE + gap) - gap;
  const height = rows * (SIDE + gap) - gap;
  const pos = rgbOf(colors.positive);
  const neg = rgbOf(colors.negative);
  const zero = rgbOf(colors.zero);
  paintPixels(canvas, width, height, (image) => {
    // The gaps (and empty tiles) in the zero colour.
    for (let at = 0; at < image.data.length; at += 4) {
      image.data[at] = zero[0];
      image.data[at + 1] = zero[1];
      image.data[at + 2] = zero[2];
      image.data[at + 3] = 255;
    }
    for (let j = 0; j < units; j++) {
      let scale = 0;
      for (let i = 0; i < SIDE * SIDE; i++) {
        scale = Math.max(scale, Math.abs(values[i * units + j]!));
      }
      const inv = scale > 0 && Number.isFinite(scale) ? 1 / scale : 0;
      paintTile(image, j % columns, Math.floor(j / columns), gap, (i, out, at) => {
        const w = values[i * units + j]! * inv || 0;
        const target = w >= 0 ? pos : neg;
        const t = Math.min(1, Math.abs(w));
        for (let c = 0; c < 3; c++) out[at + c] = zero[c]! + (target[c]! - zero[c]!) * t;
        out[at + 3] = 255;
      });
    }
  });
}
