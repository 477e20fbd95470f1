import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DIGIT_PIXELS,
  DigitsAssetError,
  HEADER_BYTES,
  decodeDigits,
  encodeDigits,
  fnv1a,
  stratifiedTestCounts,
  toByte,
} from '../../src/math/digits-asset';
import { DIGITS_SPLIT, buildDigitsAsset } from '../../scripts/digits-plugin';

/** The `mnist` package's class sizes, 0…9 (issue 15). */
const PACKAGE_SIZES = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

/** Tiny fake classes: digit d's images are filled with d·10 + i, so a split can be traced. */
function fakeClasses(sizes: number[]): Uint8Array[][] {
  return sizes.map((n, d) =>
    Array.from({ length: n }, (_, i) => new Uint8Array(DIGIT_PIXELS).fill(d * 10 + i)),
  );
}

describe('the digits asset built from the mnist package', () => {
  let asset: Uint8Array;
  beforeAll(() => {
    asset = buildDigitsAsset(process.cwd());
  }, 60_000);

  it('holds 8,000 training and 2,000 test digits, every class in its share', () => {
    const data = decodeDigits(asset);
    expect(data.train.count).toBe(8000);
    expect(data.test.count).toBe(2000);
    const both = data.train.perClass.map((n, d) => n + data.test.perClass[d]!);
    expect(both).toEqual(PACKAGE_SIZES);
    // Stratified: each class gives 20 % of its digits to the test set (±1 for rounding).
    data.test.perClass.forEach((n, d) =>
      expect(Math.abs(n - PACKAGE_SIZES[d]! * 0.2)).toBeLessThan(1),
    );
    // The counts in the header are the counts of the labels.
    for (const split of [data.train, data.test]) {
      const seen = new Array(10).fill(0);
      for (const l of split.labels) seen[l]++;
      expect(seen).toEqual(split.perClass);
    }
  });

  it('is the same bytes on every build, and its checksum is the body’s FNV-1a', () => {
    const again = buildDigitsAsset(process.cwd());
    // (Buffer.compare: toEqual walks 7.9 million bytes one by one.)
    expect(Buffer.compare(again, asset)).toBe(0);
    const data = decodeDigits(asset);
    expect(data.checksum).toBe(fnv1a(asset, HEADER_BYTES));
  }, 60_000);

  it('keeps real ink: a digit has dark and light pixels, and the classes are shuffled together', () => {
    const data = decodeDigits(asset);
    const first = data.train.pixels.subarray(0, DIGIT_PIXELS);
    expect(Math.max(...first)).toBeGreaterThan(200);
    expect(first.filter((p) => p === 0).length).toBeGreaterThan(400);
    expect(new Set(data.train.labels.subarray(0, 50)).size).toBeGreaterThan(5);
  });

  it('is at most 2 MB gzipped', () => {
    const gz = gzipSync(asset, { level: 9 }).length;
    expect(asset.length).toBe(HEADER_BYTES + 10000 * (DIGIT_PIXELS + 1));
    expect(gz).toBeLessThanOrEqual(2 * 1024 * 1024);
  }, 30_000); // gzip -9 of 7.9 MB: ~3 s alone, more on a busy machine

  it('uses the documented split', () => {
    expect(DIGITS_SPLIT).toMatchObject({ trainCount: 8000, testCount: 2000 });
  });
});

describe('decodeDigits refuses a damaged file, in words', () => {
  const small = encodeDigits(fakeClasses([3, 4, 3, 3, 3, 3, 3, 3, 3, 3]), {
    trainCount: 24,
    testCount: 7,
    seed: 1,
  });

  it('reads back what was encoded', () => {
    const data = decodeDigits(small);
    expect(data.train.count + data.test.count).toBe(31);
    expect(data.test.perClass.reduce((a, b) => a + b)).toBe(7);
    // Each image still belongs to its label (filled with label·10 + i).
    for (const split of [data.train, data.test]) {
      for (let k = 0; k < split.count; k++) {
        const value = split.pixels[k * DIGIT_PIXELS]!;
        expect(Math.floor(value / 10)).toBe(split.labels[k]);
      }
    }
  });

  it.each([
    ['empty', 0, /cut short: 0 bytes/],
    ['only the header', HEADER_BYTES, /cut short: 64 of/],
    ['missing its last byte', -1, /cut short/],
  ])('a file %s is "cut short"', (_name, length, message) => {
    const cut = small.slice(0, length < 0 ? small.length + length : length);
    expect(() => decodeDigits(cut)).toThrow(DigitsAssetError);
    expect(() => decodeDigits(cut)).toThrow(message);
  });

  it('a changed pixel fails the checksum', () => {
    const bad = small.slice();
    bad[HEADER_BYTES + 100]! ^= 0xff;
    expect(() => decodeDigits(bad)).toThrow(/checksum does not match/);
  });

  it('another file format, another version, or counts that do not add up', () => {
    const notOurs = small.slice();
    notOurs[0] = 0x89;
    expect(() => decodeDigits(notOurs)).toThrow(/not the digits file/);
    const v2 = small.slice();
    v2[4] = 2;
    expect(() => decodeDigits(v2)).toThrow(/version 2/);
    const counts = small.slice();
    counts[16]! += 1;
    expect(() => decodeDigits(counts)).toThrow(/do not add up/);
    const longer = new Uint8Array(small.length + 5);
    longer.set(small);
    expect(() => decodeDigits(longer)).toThrow(/longer than its header/);
  });

  it('a label outside 0…9 is refused even with a recomputed checksum', () => {
    const bad = small.slice();
    const data = decodeDigits(small);
    const labelAt = HEADER_BYTES + data.train.count * DIGIT_PIXELS;
    bad[labelAt] = 12;
    new DataView(bad.buffer).setUint32(56, fnv1a(bad, HEADER_BYTES), true);
    expect(() => decodeDigits(bad)).toThrow(/label reads 12/);
  });
});

describe('the split helpers', () => {
  it('stratifiedTestCounts sums exactly and keeps each class’s share', () => {
    const counts = stratifiedTestCounts(PACKAGE_SIZES, 2000);
    expect(counts.reduce((a, b) => a + b)).toBe(2000);
    counts.forEach((n, d) => expect(Math.abs(n - PACKAGE_SIZES[d]! / 5)).toBeLessThan(1));
    expect(() => stratifiedTestCounts([1, 1], 3)).toThrow(RangeError);
  });

  it('toByte maps 0…1 to 0…255 and never gives NaN', () => {
    expect([0, 1, 0.5, -1, 2, Number.NaN].map(toByte)).toEqual([0, 255, 128, 0, 255, 0]);
  });
});
