/**
 * Starting a `TfTrainer` (trainer.ts) on a backend: falling back when it will not start, and
 * compiling WebGL's shaders first (abandoned with the caller's signal).
 */
import { BackendUnavailableError, ensureBackend } from './backend.ts';
import { TfTrainer } from './trainer.ts';
import { firstWorking } from './trainer-data.ts';
import type { BackendName, TrainerOptions } from './types.ts';

/**
 * Start a trainer on exactly `backend`; when that backend cannot start, fall back (webgl → wasm →
 * cpu) and say so through `onProblem`.
 */
export async function trainerOn(options: TrainerOptions, backend: BackendName): Promise<TfTrainer> {
  try {
    await ensureBackend(backend);
    options.signal?.throwIfAborted();
    const trainer = new TfTrainer(options, backend);
    await precompileUnlessAborted(trainer, options.signal);
    return trainer;
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    const order: BackendName[] = ['webgl', 'wasm', 'cpu'];
    const rest = order.slice(order.indexOf(backend) + 1);
    const to = await firstWorking(rest);
    options.signal?.throwIfAborted();
    const trainer = new TfTrainer(options, to);
    options.onProblem?.({
      kind: 'backend-failed',
      message: `${error.message}. Training runs on the ${to} backend instead.`,
      fellBackTo: to,
    });
    return trainer;
  }
}

/**
 * `trainer.precompile()`, abandoned when `signal` aborts: the trainer is disposed at once (its
 * compilation stops at the next frame instead of waiting for every shader) and the abort reason
 * is thrown.
 */
export async function precompileUnlessAborted(
  trainer: TfTrainer,
  signal: AbortSignal | undefined,
): Promise<void> {
  const stop = (): void => trainer.dispose();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await trainer.precompile();
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (signal?.aborted) {
    trainer.dispose();
    signal.throwIfAborted();
  }
}
