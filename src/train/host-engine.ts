/**
 * The trainer a setup gets (host.ts): which engine ('auto' asks the cost model, cost.ts), built
 * how, and how often its losses are measured.
 *
 * The from-scratch engine ('js') is imported here statically: it is small and starts at once. tfjs
 * is imported only when a tfjs backend is asked for or chosen, so a student training a small
 * network downloads none of it.
 */
import { GPU_WORTH_SECONDS, chooseEngine, deviceFacts, reportEvery, stepSeconds } from './cost.ts';
import type { CostQuestion } from './cost.ts';
import { createJsTrainer } from './js-trainer.ts';
import type { SetupMessage } from './protocol.ts';
import { batchRows } from './spec.ts';
import type { EngineName, Trainer, TrainerOptions } from './types.ts';

/** The cost model's question about a setup's model and data, on this device. */
function question(message: SetupMessage, gpu = false): CostQuestion {
  return {
    spec: message.spec,
    rows: batchRows(message.spec, message.train.y.length),
    evalRows: message.train.y.length + message.test.y.length,
    known: message.known ?? {},
    device: deviceFacts(gpu),
  };
}

/** The engine to build: the one asked for, or the cost model's choice for 'auto'. */
export function decideEngine(message: SetupMessage): { engine: EngineName; why: string } {
  if (message.engine !== 'auto') return { engine: message.engine, why: 'chosen in the settings' };
  const cpu = question(message);
  const first = chooseEngine(cpu);
  // Only a step slow on the CPU makes the GPU worth a look (creating a context costs time).
  if (stepSeconds(first.engine, cpu) < GPU_WORTH_SECONDS) return first;
  return chooseEngine(question(message, true));
}

/** Build the trainer on `engine`: the from-scratch one at once, a tfjs one after its import. */
export async function buildTrainer(engine: EngineName, options: TrainerOptions): Promise<Trainer> {
  if (engine === 'js') return createJsTrainer(options);
  const tfjs = await import('./index.ts');
  return tfjs.createTrainer({ ...options, backend: engine });
}

/** Milliseconds of training between two measured reports on `trainer` (0: every slice). */
export function reportEveryMs(trainer: Trainer, message: SetupMessage): number {
  return 1000 * reportEvery(trainer.backend, { ...question(message), known: {} });
}
