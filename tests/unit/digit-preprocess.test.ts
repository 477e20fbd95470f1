import { describe, expect, it } from 'vitest';
import {
  MNIST_SIDE,
  centreOfMass,
  digitPixels,
  inkBox,
  rasterizeStrokes,
  toMnist,
  type GreyImage,
} from '../../src/math/digit-preprocess';

/** A blank `size`² image with a filled rectangle of ink. */
function rect(size: number, x: number, y: number, w: number, h: number): GreyImage {
  const data = new Float32Array(size * size);
  for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) data[j * size + i] = 1;
  return { width: size, height: size, data };
}

/** A `size`² image of one straight stroke from (x0, y0) to (x1, y1) in 0…1, pen width `pen`. */
function line(x0: number, y0: number, x1: number, y1: number, size: number, pen: number) {
  return rasterizeStrokes(
    [
      [
        { x: x0, y: y0 },
        { x: x1, y: y1 },
      ],
    ],
    size,
    pen,
  );
}

function bboxOf(pixels: Float32Array) {
  return inkBox({ width: MNIST_SIDE, height: MNIST_SIDE, data: pixels })!;
}

describe('toMnist: a drawing in MNIST’s form', () => {
  it('an empty pad is "empty", not a guess', () => {
    expect(toMnist({ width: 50, height: 50, data: new Float32Array(2500) })).toEqual({
      empty: true,
    });
    // A faint smudge below the ink threshold is still empty.
    expect(toMnist({ width: 4, height: 4, data: new Float32Array(16).fill(0.01) })).toEqual({
      empty: true,
    });
  });

  it('an off-centre stroke is moved so that its centre of mass is the centre of 28×28', () => {
    // A vertical bar in the top-left corner of a 100×100 pad.
    const result = toMnist(rect(100, 5, 3, 8, 30));
    expect(result.empty).toBe(false);
    if (result.empty) return;
    expect(Math.abs(result.centre.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(result.centre.y - 14)).toBeLessThanOrEqual(0.5);
    expect(result.box).toEqual({ x: 5, y: 3, width: 8, height: 30 });
  });

  it('keeps the aspect ratio: the long side becomes 20 pixels', () => {
    const tall = toMnist(rect(100, 40, 10, 10, 60));
    if (tall.empty) throw new Error('not empty');
    const box = bboxOf(tall.pixels);
    expect(box.height).toBe(20);
    expect(box.width).toBeGreaterThanOrEqual(3);
    expect(box.width).toBeLessThanOrEqual(5); // 10/60 of 20 = 3.3, plus a grey edge
    const wide = toMnist(rect(100, 10, 40, 80, 20));
    if (wide.empty) throw new Error('not empty');
    expect(bboxOf(wide.pixels).width).toBe(20);
    expect(bboxOf(wide.pixels).height).toBe(5);
  });

  it('the same shape drawn small or large, here or there, gives the same 28×28 input', () => {
    const a = toMnist(rect(200, 10, 10, 20, 80));
    const b = toMnist(rect(200, 120, 90, 20, 80));
    const c = toMnist(rect(100, 60, 5, 10, 40));
    if (a.empty || b.empty || c.empty) throw new Error('not empty');
    expect(Array.from(b.pixels)).toEqual(Array.from(a.pixels));
    for (let i = 0; i < 784; i++) expect(c.pixels[i]).toBeCloseTo(a.pixels[i]!, 5);
  });

  it('gives values in 0…1 with the darkest pixel at 1, never NaN', () => {
    const r = toMnist(line(0.2, 0.2, 0.8, 0.7, 64, 0.06));
    if (r.empty) throw new Error('not empty');
    expect(r.pixels).toHaveLength(784);
    expect(Math.max(...r.pixels)).toBe(1);
    expect(r.pixels.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
  });

  it('a single dot becomes a centred blob, not an error', () => {
    const r = toMnist(rect(50, 7, 40, 1, 1));
    if (r.empty) throw new Error('not empty');
    expect(r.centre).toEqual({ x: 14, y: 14 } as never);
  });
});

describe('rasterizeStrokes and the small helpers', () => {
  it('draws a round-pen line where the stroke goes and nowhere else', () => {
    const img = line(0.5, 0.1, 0.5, 0.9, 40, 0.1);
    const at = (x: number, y: number) => img.data[y * 40 + x]!;
    expect(at(20, 20)).toBe(1);
    expect(at(5, 20)).toBe(0);
    expect(at(20, 1)).toBe(0);
    const box = inkBox(img)!;
    expect(box.x).toBeGreaterThanOrEqual(17);
    expect(box.x + box.width).toBeLessThanOrEqual(23);
  });

  it('a stroke of one point is a dot; no strokes is a blank image', () => {
    expect(inkBox(rasterizeStrokes([[{ x: 0.5, y: 0.5 }]], 20, 0.1))).not.toBeNull();
    expect(inkBox(rasterizeStrokes([], 20, 0.1))).toBeNull();
    expect(inkBox(rasterizeStrokes([[{ x: Number.NaN, y: 0.5 }]], 20, 0.1))).toBeNull();
  });

  it('centreOfMass and digitPixels', () => {
    expect(centreOfMass([0, 0, 0, 1], 2, 2)).toEqual({ x: 1.5, y: 1.5 });
    expect(centreOfMass([0, 0], 2, 1)).toBeNull();
    const bytes = new Uint8Array(784 * 2);
    bytes[784 + 3] = 255;
    const px = digitPixels(bytes, 1);
    expect(px[3]).toBe(1);
    expect(px[4]).toBe(0);
  });
});
