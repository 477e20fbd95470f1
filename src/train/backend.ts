/**
 * The tfjs backends: which ones work in this browser, starting them, switching between them.
 *
 * tfjs keeps ONE global engine with one active backend. Several trainers on a page (a lesson with a
 * logistic neuron and a network trainer) may each live on a different backend, so every piece of
 * tensor work first calls `useBackend(name)`; switching to a backend that is already started is
 * synchronous and cheap.
 *
 * - cpu is always there (plain JavaScript kernels).
 * - webgl runs kernels as shaders on the GPU. We allow software renderers (SwiftShader, llvmpipe):
 *   tfjs refuses them by default, but a slow backend is never chosen by the measured 'auto' choice
 *   (see choose.ts), and a student who picks it explicitly gets what they asked for.
 * - wasm (XNNPACK kernels compiled to WebAssembly) is loaded on first use, in its own chunk. Its
 *   `.wasm` binaries are imported with `?url`, so Vite copies them into the build, the service worker
 *   precaches them, and the backend starts offline. Threads need cross-origin isolation (COOP/COEP
 *   headers), which a static host cannot promise: we switch them off and never ship that binary.
 */
// tfjs-core and the backends we use, not the whole `@tensorflow/tfjs` (layers, converter and data
// are not used): the training chunk is about a third smaller. Importing a backend registers it.
import * as tf from '@tensorflow/tfjs-core';
// The gradient of every op, for tf.grads / tf.variableGrads (the whole package registers them).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import type { BackendName } from './types.ts';

export { tf };

// For measurement scripts (bench/memory.mjs): the live tensor count, without exposing tfjs itself.
(globalThis as { __gradientTrailTensorCount?: () => number }).__gradientTrailTensorCount = () =>
  tf.memory().numTensors;

/** Every backend the engine knows, fastest-to-start first. */
export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export function isBackendName(name: unknown): name is BackendName {
  return typeof name === 'string' && (BACKEND_NAMES as readonly string[]).includes(name);
}

/** Why a backend could not be started. */
export class BackendUnavailableError extends Error {
  constructor(
    readonly backend: BackendName,
    readonly reason: string,
  ) {
    super(`The ${backend} backend is not available: ${reason}`);
    this.name = 'BackendUnavailableError';
  }
}

// Software WebGL (see above). Set before the webgl backend creates its context.
tf.env().set('SOFTWARE_WEBGL_ENABLED', true);

/** One start attempt per backend per page; a failed start is remembered with its reason. */
const starting = new Map<BackendName, Promise<void>>();
/** Backends whose WebGL context was lost: not offered again until re-created on request. */
const lost = new Set<BackendName>();

let queue: Promise<void> = Promise.resolve();
let wasmLoaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmLoaded ??= import('@tensorflow/tfjs-backend-wasm').then((wasm) => {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlainUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      // Never fetched: multithreading is off (above). setWasmPaths insists on all three names.
      'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
    });
  });
  return wasmLoaded;
}

/** Why a backend failed to start, by name. */
const failures = new Map<BackendName, string>();

/** Why `name` is not available here, or null when it started (or was never tried). */
export function backendFailure(name: BackendName): string | null {
  if (lost.has(name)) return 'its context was lost earlier on this page';
  return failures.get(name) ?? null;
}

async function start(name: BackendName): Promise<void> {
  try {
    await startOnce(name);
  } catch (error) {
    failures.set(name, error instanceof BackendUnavailableError ? error.reason : String(error));
    throw error;
  }
}

async function startOnce(name: BackendName): Promise<void> {
  if (name === 'wasm') await loadWasm();
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (error) {
    throw new BackendUnavailableError(name, error instanceof Error ? error.message : String(error));
  }
  if (!ok || !tf.engine().registry[name]) {
    throw new BackendUnavailableError(
      name,
      name === 'webgl' ? 'this browser could not create a WebGL context' : 'it failed to start',
    );
  }
  if (name === 'webgl') watchContext();
}

/**
 * Start `name` (once per page) and make it the active backend.
 * Rejects with a `BackendUnavailableError` when it cannot start here.
 */
export async function ensureBackend(name: BackendName): Promise<void> {
  if (lost.has(name)) recreateWebgl();
  let started = starting.get(name);
  if (!started) {
    // One start at a time: tfjs's engine has a single "backend being initialised" slot.
    started = queue.then(() => start(name));
    queue = started.catch(() => undefined);
    starting.set(name, started);
  }
  await started;
  useBackend(name);
}

/**
 * Make an already started backend the active one. Synchronous: tfjs's `setBackend` only awaits
 * when the backend still has to be initialised, which `ensureBackend` has done.
 */
export function useBackend(name: BackendName): void {
  const engine = tf.engine();
  if (engine.backendName === name && engine.registry[name]) return;
  if (!engine.registry[name]) {
    throw new BackendUnavailableError(name, 'it has not been started (call ensureBackend first)');
  }
  void tf.setBackend(name);
  if (engine.backendName !== name) {
    throw new BackendUnavailableError(name, 'it has not been started (call ensureBackend first)');
  }
}

/**
 * Activate a started backend for the tensor work that follows, once no backend is being
 * initialised. While tfjs initialises one (the wasm backend compiles asynchronously), it refuses
 * every op ("Backend 'cpu' has not yet been initialized"), so a trainer already training on another
 * backend must wait for that start instead of failing. Synchronous (returns nothing) when nothing
 * is starting, so a training step still runs in the same task as the call that asked for it.
 */
export function activate(name: BackendName): Promise<void> | undefined {
  const pending = (tf.engine() as unknown as { pendingBackendInit: Promise<unknown> | null })
    .pendingBackendInit;
  if (!pending) {
    useBackend(name);
    return undefined;
  }
  return pending.then(
    () => activate(name),
    () => activate(name),
  );
}

/** The backends that start in this browser (started here, once), in the order webgl, wasm, cpu. */
export async function availableBackends(): Promise<BackendName[]> {
  const previous = tf.engine().backendName as BackendName | null;
  const names: BackendName[] = [];
  for (const name of BACKEND_NAMES) {
    if (lost.has(name)) continue;
    try {
      await ensureBackend(name);
      names.push(name);
    } catch {
      // Not available here: simply not listed.
    }
  }
  if (previous && isBackendName(previous) && tf.engine().registry[previous]) useBackend(previous);
  return names;
}

// ---------------------------------------------------------------------------------------------
// The WebGL context: its canvas, its loss, and starting over after one.

type GL = WebGLRenderingContext | WebGL2RenderingContext;

/** The webgl backend's GL context, or null when webgl has not been started (or was removed). */
export function webglContext(): GL | null {
  const backend = tf.engine().registry['webgl'] as { gpgpu?: { gl?: GL } } | undefined;
  return backend?.gpgpu?.gl ?? null;
}

/** Whether the webgl backend's context is gone (then nothing computed on it can be trusted). */
export function isWebglLost(): boolean {
  if (lost.has('webgl')) return true;
  const gl = webglContext();
  return gl !== null && gl.isContextLost();
}

let compiling: Promise<void> | null = null;

/**
 * Run `work` (which compiles shaders in tfjs's "compile only" mode, see TfTrainer.precompile) as
 * the only such work on the page. Until it is done, programs it compiled cannot run yet, so any
 * other WebGL work waits for `webglCompilation()` first.
 */
export async function exclusiveWebglCompile(work: () => Promise<void>): Promise<void> {
  while (compiling) await compiling;
  const done = work();
  compiling = done.then(
    () => undefined,
    () => undefined,
  );
  try {
    await done;
  } finally {
    compiling = null;
  }
}

/** The shader compilation in progress on the page, or null. */
export function webglCompilation(): Promise<void> | null {
  return compiling;
}

const lostListeners = new Set<() => void>();

/**
 * Call `listener` when the webgl backend's context is lost (the `webglcontextlost` event on its
 * canvas, e.g. after a GPU reset or `WEBGL_lose_context.loseContext()`). Returns the unsubscriber.
 */
export function onWebglLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

function watchContext(): void {
  const canvas = webglContext()?.canvas as EventTarget | undefined;
  canvas?.addEventListener('webglcontextlost', () => markWebglLost(), { once: true });
}

/** Remember that webgl's context is lost and tell every listener (once per loss). */
export function markWebglLost(): void {
  if (lost.has('webgl')) return;
  lost.add('webgl');
  for (const listener of [...lostListeners]) listener();
}

/**
 * After a loss, a new request for webgl gets a fresh backend with a fresh context. tfjs caches the
 * context and compiled shader programs; removing the backend drops both (its dispose clears the
 * program cache; the lost context was already dropped by tfjs's own listener).
 */
function recreateWebgl(): void {
  lost.delete('webgl');
  starting.delete('webgl');
  try {
    tf.removeBackend('webgl');
  } catch {
    // Disposing a backend whose context is gone can throw; it is being replaced either way.
  }
  tf.registerBackend('webgl', () => new MathBackendWebGL(), 2);
}
