/**
 * The tfjs engine's public face, loaded lazily (`await import('./index.ts')`) so tfjs stays out of
 * pages and workers that do not need it. The trainer widget reaches it through the engine worker
 * (client.ts → engine.worker.ts → host.ts), which imports it only when a tfjs backend is chosen;
 * tests and the benchmarks use it directly:
 *
 *   const trainer = await createTrainer({ spec, train, test, onProblem });
 *   const loop = new TrainingLoop(trainer, { onReport: (r) => draw(r) });
 *   loop.start();            // …pause(), singleStep(), isRunning()
 *   const p = await trainer.predict(grid);
 *   loop.dispose(); trainer.dispose();
 */
import {
  BACKEND_NAMES,
  availableBackends,
  backendFailure,
  ensureBackend,
  webglContext,
} from './backend.ts';
import { chooseBackend } from './choose.ts';
import { createJsTrainer } from './js-trainer.ts';
import { TfTrainer } from './trainer.ts';
import { precompileUnlessAborted, trainerOn } from './trainer-start.ts';
import type { BackendName, Trainer, TrainerOptions } from './types.ts';

export type * from './types.ts';
export { availableBackends, BACKEND_NAMES };
export { clearBackendChoices, chooseBackend } from './choose.ts';
export { TrainingLoop } from './loop.ts';
export type { TrainingLoopOptions } from './loop.ts';

/**
 * A trainer for `options.spec` on `options.data`, on the requested backend — or, with 'auto' (the
 * default), on the backend measured fastest for this model here (see choose.ts). When the
 * requested backend cannot start, or WebGL is not available to 'auto', training falls back and
 * `onProblem` receives a 'backend-failed' notice naming the backend it runs on. With
 * `options.signal`, aborting stops the measurement and the compilation and rejects.
 */
export async function createTrainer(options: TrainerOptions): Promise<Trainer> {
  const requested = options.backend ?? 'auto';
  if (requested === 'js') return createJsTrainer(options);
  if (requested !== 'auto') return trainerOn(options, requested);
  const { backend, available } = await chooseBackend(options);
  if (!available.includes('webgl')) {
    const reason = backendFailure('webgl') ?? 'it did not start';
    options.onProblem?.({
      kind: 'backend-failed',
      message: `WebGL is not available (${reason}). Training runs on the ${backend} backend.`,
      fellBackTo: backend,
    });
  }
  await ensureBackend(backend);
  options.signal?.throwIfAborted();
  const trainer = new TfTrainer(options, backend);
  await precompileUnlessAborted(trainer, options.signal);
  return trainer;
}

/** Tests: lose the webgl backend's context, as a GPU reset would (nothing when it has none). */
export function loseWebglContext(): void {
  webglContext()?.getExtension('WEBGL_lose_context')?.loseContext();
}

/** Whether `name` is one of the engine's backends. */
export function isBackend(name: string): name is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(name);
}
