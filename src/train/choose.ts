/**
 * The measured backend choice ('auto').
 *
 * Which backend trains a model fastest depends on the model and on the machine: a tiny network is
 * dominated by per-op overhead, where WebGL's (a shader dispatch, a texture) is the largest and
 * wasm's the smallest; a wide network on a real GPU turns that around. So we do not guess: we time
 * a few steps of THIS model on each backend that starts, after warming each one up (WebGL compiles
 * its shaders on the first step, which is slow and must not count), and keep the fastest. The
 * choice is cached per model size (see `sizeKey`) in memory and in localStorage, so a page that
 * creates the same model again, or a reload, starts at once.
 */
import { availableBackends, isBackendName } from './backend.ts';
import { sizeKey } from './spec.ts';
import { TfTrainer } from './trainer.ts';
import { precompileUnlessAborted } from './trainer-start.ts';
import type { BackendName, TrainerOptions } from './types.ts';

const STORAGE_KEY = 'gradient-trail:backend-choice:v1';
/** A choice is measured again after a week: browsers, drivers and machines change. */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** Time each backend for at least this long (after its warm-up). */
const MEASURE_MS = 60;

interface Choice {
  backend: BackendName;
  /** Steps per second measured on each backend (empty when the choice came from the cache). */
  rates: Partial<Record<BackendName, number>>;
}

const memory = new Map<string, BackendName>();

function stored(): Record<string, { backend: string; at: number }> {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as ReturnType<typeof stored>) : {};
  } catch {
    return {}; // storage blocked (sandboxed iframe) or damaged: measure again
  }
}

function remember(key: string, backend: BackendName): void {
  memory.set(key, backend);
  try {
    const all = stored();
    all[key] = { backend, at: Date.now() };
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Storage blocked or full: the in-memory cache still serves this page.
  }
}

function recalled(key: string): BackendName | null {
  const inMemory = memory.get(key);
  if (inMemory) return inMemory;
  const entry = stored()[key];
  if (entry && isBackendName(entry.backend) && Date.now() - entry.at < MAX_AGE_MS) {
    memory.set(key, entry.backend);
    return entry.backend;
  }
  return null;
}

/** Forget every cached choice (tests, or a "measure again" button). */
export function clearBackendChoices(): void {
  memory.clear();
  try {
    globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}

/**
 * Steps per second of `trainer` on its backend, after a warm-up that does not count. Throws the
 * abort reason between chunks once `signal` aborts.
 */
export async function measureRate(
  trainer: TfTrainer,
  budgetMs = MEASURE_MS,
  signal?: AbortSignal,
): Promise<number> {
  signal?.throwIfAborted();
  await trainer.train(1); // the first report: uploads, and on WebGL compiles the forward shaders
  signal?.throwIfAborted();
  await trainer.train(2); // the backward and update shaders
  let steps = 0;
  let elapsed = 0;
  for (let chunk = 2; elapsed < budgetMs && chunk <= 4096; chunk *= 2) {
    signal?.throwIfAborted();
    const t0 = performance.now();
    await trainer.train(chunk);
    elapsed += performance.now() - t0;
    steps += chunk;
  }
  return steps / (elapsed / 1000);
}

/**
 * The fastest backend for this model here: from the cache, or measured now. With `measure`, the
 * cache is ignored and every backend is timed (the benchmarks use this to print the rates).
 */
export async function chooseBackend(
  options: TrainerOptions,
  { measure = false }: { measure?: boolean } = {},
): Promise<Choice & { available: BackendName[] }> {
  const available = await availableBackends();
  const key = sizeKey(options.spec, options.train.y.length);
  const cached = measure ? null : recalled(key);
  if (cached && available.includes(cached)) return { backend: cached, rates: {}, available };
  if (available.length === 1) return { backend: available[0]!, rates: {}, available };
  const rates: Partial<Record<BackendName, number>> = {};
  const { signal } = options;
  for (const name of available) {
    signal?.throwIfAborted();
    // No onProblem: a learning rate that diverges while we time it is the caller's to discover.
    const trainer = new TfTrainer({ ...options, onProblem: undefined }, name);
    try {
      // WebGL's shaders, off the main thread where the driver can.
      await precompileUnlessAborted(trainer, signal);
      rates[name] = await measureRate(trainer, MEASURE_MS, signal);
    } finally {
      trainer.dispose();
    }
  }
  const backend = available.reduce((best, name) =>
    (rates[name] ?? 0) > (rates[best] ?? 0) ? name : best,
  );
  remember(key, backend);
  return { backend, rates, available };
}
