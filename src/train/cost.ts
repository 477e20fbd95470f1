/**
 * 'auto': which engine trains this model fastest here, decided at once from a cost model — never
 * by timing every backend before the first step (that took 4–5 s and blocked the page).
 *
 * A step costs each engine two things: a fixed price per op it dispatches, and the arithmetic.
 *
 *   from-scratch JS   no dispatch; ≈ c_js per multiply-add (plain loops over Float32Arrays)
 *   tfjs · wasm       ≈ 5–15 µs per op (a step is 25–80 ops), ≈ c_wasm per multiply-add (XNNPACK)
 *   tfjs · cpu        like wasm, with slower arithmetic
 *   tfjs · WebGL      ≈ 50+ µs per op (a shader dispatch and a texture), almost free arithmetic —
 *                     on a real GPU; emulated on the CPU (SwiftShader, llvmpipe) it is the slowest
 *
 * A step of an L-layer network on n rows does about 3·n·M multiply-adds (M = Σ inputs × units:
 * the forward product, and the two products of the backward pass). Small networks — everything
 * the course's trainer offers — are all dispatch, and plain JS wins by 10–50×; tfjs wins once the
 * arithmetic dominates (2-64-64-64-1 on 4,000 points, full batch).
 *
 * The constants are rough (measured here with `npm run bench -- train`); what the page measured
 * itself on earlier runs of the same model size (`known`, examples per second) overrides them.
 * Pure: the device's facts come in as data.
 *
 * A report (the losses and accuracies on the whole training and test sets: one forward pass of
 * `evalRows` rows) costs `evalPerMac` a multiply-add. On the plane's few hundred points it is
 * nothing; on images it is far more than a step: 784-64-10 on 8,000 + 2,000 digits is 5·10⁸
 * multiply-adds, ~1 s in plain JS. The host then measures only every few steps (`reportEvery`),
 * so reports take at most a fifth of the time, and the choice counts that fifth too.
 *
 * Measured for 784-64-10 (Adam, 2,048 training rows, 256 test rows of pixels) in headless Chromium
 * on the 2-core shared machine, load average ~15, best of 6 (tests/browser, a throwaway script):
 *   batch 32:   js 7.6–14 ms a step,  wasm 9.0–21 ms;  cpu 96–130 ms;  WebGL (SwiftShader) 19–30 ms
 *   batch 128:  js 55–88 ms,          wasm 61–73 ms;   cpu 320 ms;      WebGL (SwiftShader) 76–93 ms
 *   a report of 2,304 rows: js 250–560 ms, wasm 9–60 ms, cpu 1.1–1.6 s, WebGL (SwiftShader) 130–280 ms
 * And in the widget itself (`npm run bench -- digits`, <nn-digits> on the production build, batches
 * of 32, load 5–11): js 1.8 s an epoch, wasm 6.3–8.2 s. XNNPACK's matrix kernels pay off on tall
 * matrices only: a step of 32 rows is far from its best, one of 4,000 rows (task (c) of
 * `npm run bench -- train`, where wasm is ~9× Playground's engine) close to it. So wasm's cost per
 * multiply-add falls with the rows of a step: `perMac + perMacRows / rows` — at 32 rows ≈ 6.6 ns,
 * about 4× plain JS's 1.6 ns (as in the widget), at 128 rows ≈ 1.9 ns (the two are close, as in the
 * step times above), at 4,000 rows ≈ 0.4 ns. 'auto' therefore picks plain JS for the digits at the
 * course's batch sizes, and wasm for full batches of thousands of rows; a hardware GPU where there is
 * one (not measurable on this machine). The page's own measurements (`known`) correct the estimate
 * on the next run.
 */
import { engineLabel } from './protocol.ts';
import { layerSizes } from './spec.ts';
import type { EngineName, ModelSpec } from './types.ts';

/** Seconds per multiply-add, and per dispatched op, for each engine (see the module comment). */
export const COSTS = {
  js: { perMac: 1.6e-9, perMacRows: 0, perOp: 0, evalPerMac: 2.5e-9 },
  wasm: { perMac: 0.35e-9, perMacRows: 2e-7, perOp: 8e-6, evalPerMac: 0.25e-9 },
  cpu: { perMac: 2.5e-9, perMacRows: 0, perOp: 12e-6, evalPerMac: 8e-9 },
  webgl: { perMac: 0.01e-9, perMacRows: 0, perOp: 60e-6, evalPerMac: 0.01e-9 },
} as const satisfies Record<
  EngineName,
  { perMac: number; perMacRows: number; perOp: number; evalPerMac: number }
>;

/** Reports take at most this share of the training time (see `reportEvery`). */
export const REPORT_SHARE = 0.2;

/** What is known of this device. */
export interface DeviceFacts {
  wasm: boolean;
  /** 'hardware': a real GPU; 'software': emulated (SwiftShader, llvmpipe); 'none'; 'unknown'. */
  webgl: 'hardware' | 'software' | 'none' | 'unknown';
}

export interface CostQuestion {
  spec: ModelSpec;
  /** Rows per step. */
  rows: number;
  /** Rows of every report (train + test), measured after each slice of steps. */
  evalRows: number;
  /** Examples per second measured earlier for this model size, per engine. */
  known: Partial<Record<EngineName, number>>;
  device: DeviceFacts;
}

/** Multiply-adds of one forward pass of one example. */
export function macsPerExample(spec: ModelSpec): number {
  const sizes = layerSizes(spec);
  let macs = 0;
  for (let l = 1; l < sizes.length; l++) macs += sizes[l - 1]! * sizes[l]!;
  return macs;
}

/** Ops a tfjs step dispatches (forward, backward, update), as network.ts writes it. */
export function opsPerStep(spec: ModelSpec): number {
  const layers = spec.hidden.length + 1;
  const tanh = spec.hidden.filter((layer) => layer.activation === 'tanh').length;
  const perUpdate = spec.optimizer === 'adam' ? 9 : spec.optimizer === 'momentum' ? 3 : 1;
  // forward: 1 fused op per layer (+1 per tanh); backward: 2–3 per layer and 2 for the chain rule;
  // update: per parameter tensor (2 per layer).
  return layers + tanh + 5 * layers + 2 * layers * (perUpdate + (spec.l2 > 0 ? 2 : 0)) + 4;
}

/** Estimated seconds per step on `engine`. */
export function stepSeconds(engine: EngineName, question: CostQuestion): number {
  const { perMac, perMacRows, perOp } = COSTS[engine];
  const rows = Math.max(question.rows, 1);
  const macs = 3 * rows * macsPerExample(question.spec);
  const ops = engine === 'js' ? 0 : opsPerStep(question.spec);
  return ops * perOp + macs * (perMac + perMacRows / rows);
}

/** Estimated seconds of one report (losses and accuracies on `evalRows` rows) on `engine`. */
export function reportSeconds(engine: EngineName, question: CostQuestion): number {
  const { perOp, evalPerMac } = COSTS[engine];
  return 20 * perOp + question.evalRows * macsPerExample(question.spec) * evalPerMac;
}

/**
 * Seconds of training between two reports: 0 (every slice) when a report is cheap (under 2 ms),
 * otherwise enough that reports take at most REPORT_SHARE of the time.
 */
export function reportEvery(engine: EngineName, question: CostQuestion): number {
  const report = reportSeconds(engine, question);
  return report < 0.002 ? 0 : (report * (1 - REPORT_SHARE)) / REPORT_SHARE;
}

/** The engines 'auto' may pick here. */
export function candidates(device: DeviceFacts): EngineName[] {
  const names: EngineName[] = ['js', device.wasm ? 'wasm' : 'cpu'];
  if (device.webgl === 'hardware') names.push('webgl');
  return names;
}

/** The fastest engine for the question, and why, in words a student can read. */
export function chooseEngine(question: CostQuestion): { engine: EngineName; why: string } {
  const names = candidates(question.device);
  const rows = Math.max(question.rows, 1);
  // Examples per second: a measurement when there is one, the model's estimate otherwise (less
  // the share of the time its reports take).
  const rate = (name: EngineName): number =>
    question.known[name] ??
    (rows / stepSeconds(name, question)) * (reportEvery(name, question) > 0 ? 1 - REPORT_SHARE : 1);
  const best = names.reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const measured = question.known[best] !== undefined;
  const macs = macsPerExample(question.spec);
  const why =
    best === 'js'
      ? `a small network (${macs} multiply-adds per example): plain code beats tfjs's cost per operation`
      : `a large step (${rows} rows × ${macs} multiply-adds): ${engineLabel(best)} does the arithmetic faster`;
  return { engine: best, why: measured ? `${why} (measured here before)` : why };
}

let webglKind: DeviceFacts['webgl'] | undefined;

/**
 * The facts of this device. With `gpu`, the GPU is looked at too, through a throwaway WebGL 2
 * context's renderer string (once per page or worker: creating a context costs milliseconds, so
 * only a model large enough for a GPU to matter asks).
 */
export function deviceFacts(gpu = false): DeviceFacts {
  if (gpu) webglKind ??= probeWebgl();
  return { wasm: typeof WebAssembly === 'object', webgl: webglKind ?? 'unknown' };
}

/** Steps slower than this on the CPU engines make a GPU worth asking about. */
export const GPU_WORTH_SECONDS = 0.004;

function probeWebgl(): DeviceFacts['webgl'] {
  try {
    const canvas =
      typeof OffscreenCanvas !== 'undefined'
        ? new OffscreenCanvas(1, 1)
        : typeof document !== 'undefined'
          ? document.createElement('canvas')
          : null;
    const gl = canvas?.getContext('webgl2') as WebGL2RenderingContext | null | undefined;
    if (!gl) return 'none';
    // Chromium masks RENDERER ("WebKit WebGL"); the unmasked name says whether it is SwiftShader.
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|basic render/i.test(renderer) ? 'software' : 'hardware';
  } catch {
    return 'unknown';
  }
}
