import { describe, expect, it } from 'vitest';
import { layersOf } from '../../src/train/state';
import { engineSpec, loadLayers, pageNet } from '../../src/widgets/digits/page-net';
import { layerSizes, type DigitsSetup } from '../../src/widgets/digits/model';

const SETUP: DigitsSetup = {
  hidden: 8,
  hidden2: 4,
  learningRate: 0.01,
  batchSize: 4,
  seed: 2,
  epochs: 1,
};

/** `count` random-ish digits (bytes) and labels 0…9. */
function digits(count: number): { pixels: Uint8Array; labels: Uint8Array } {
  const pixels = new Uint8Array(count * 784);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 256;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { pixels, labels };
}

describe("the page's copy of the digits network", () => {
  it("after loading a trained network's layers, reads a digit exactly as that network does", () => {
    const sizes = layerSizes(SETUP);
    const { pixels, labels } = digits(40);
    const trained = pageNet(sizes, SETUP, pixels, labels);
    trained.train(30);
    const copy = pageNet(sizes, SETUP, pixels, labels);
    const x = new Float32Array(784).map((_, i) => ((i * 31) % 17) / 16);
    const want = trained.predictInto(x, new Float32Array(10));
    const before = copy.predictInto(x, new Float32Array(10));
    expect([...before]).not.toEqual([...want]);

    expect(loadLayers(copy, sizes, layersOf(sizes, trained.state().values))).toBe(true);
    const got = copy.predictInto(x, new Float32Array(10));
    for (let d = 0; d < 10; d++) expect(got[d]).toBeCloseTo(want[d]!, 6);
    expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('refuses layers of another shape and keeps its own weights', () => {
    const sizes = layerSizes(SETUP);
    const { pixels, labels } = digits(10);
    const net = pageNet(sizes, SETUP, pixels, labels);
    const x = new Float32Array(784).fill(0.5);
    const before = [...net.predictInto(x, new Float32Array(10))];
    const other = layerSizes({ hidden: 16, hidden2: 0 });
    const wrong = layersOf(other, pageNet(other, SETUP, pixels, labels).state().values);
    expect(loadLayers(net, sizes, wrong)).toBe(false);
    expect(loadLayers(net, sizes, [])).toBe(false);
    expect([...net.predictInto(x, new Float32Array(10))]).toEqual(before);
  });

  it("the engine's spec is the same network: 784 inputs, the hidden layers, ten classes", () => {
    const spec = engineSpec(layerSizes(SETUP), SETUP);
    expect(spec.inputs).toBe(784);
    expect(spec.classes).toBe(10);
    expect(spec.hidden).toEqual([
      { units: 8, activation: 'relu' },
      { units: 4, activation: 'relu' },
    ]);
    expect(spec.seed).toBe(2);
    expect(spec.batchSize).toBe(4);
  });
});
