/** The trainer heatmap's colours for k classes (src/charts/trainer-heatmap.ts). */
import { describe, expect, it } from 'vitest';
import { CLASS_COLORS, blendFor, classColor, tintFor } from '../../src/charts/trainer-heatmap';
import type { Rgb } from '../../src/charts/trainer-heatmap';

const BG: Rgb = [255, 255, 255];
const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 255, 0];
const BLUE: Rgb = [0, 0, 255];

describe('the heatmap with k classes', () => {
  it('blends the classes by probability, as strongly as the network is sure', () => {
    const palette = [RED, GREEN, BLUE];
    // Undecided (1/3 each): the background itself.
    expect(blendFor([1 / 3, 1 / 3, 1 / 3], 0, 3, palette, BG)).toEqual(BG);
    // Certain of class 1: the class colour at the full tint (0.55).
    expect(blendFor([0, 1, 0], 0, 3, palette, BG)).toEqual([115, 255, 115]);
    // Leaning to class 2 with some class 0: bluish with a little red, paler than certainty.
    const [r, g, b] = blendFor([0.3, 0, 0.7], 0, 3, palette, BG);
    expect(b).toBeGreaterThan(r);
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(115); // paler than a certain class
    // Reads k numbers from `at`; non-finite numbers give the background.
    expect(blendFor([9, 9, 0, 1, 0], 2, 3, palette, BG)).toEqual([115, 255, 115]);
    expect(blendFor([NaN, 0.5, 0.5], 0, 3, palette, BG)).toEqual(BG);
  });

  it('two classes keep the σ tint of p(class 1)', () => {
    expect(tintFor(1, BLUE, RED, BG)).toEqual([255, 115, 115]);
    expect(tintFor(0.5, BLUE, RED, BG)).toEqual(BG);
  });

  it("gives each of ten classes its own colour: the theme's two, then Okabe–Ito's", () => {
    const theme = { class0: 'var-blue', class1: 'var-orange' };
    const colours = Array.from({ length: 10 }, (_, c) => classColor(c, theme));
    expect(colours.slice(0, 2)).toEqual(['var-blue', 'var-orange']);
    expect(colours.slice(2)).toEqual([...CLASS_COLORS]);
    expect(new Set(colours).size).toBe(10);
  });
});
