/**
 * The examples per second the page measured, per model size and engine, kept in localStorage so
 * that a later 'auto' choice (cost.ts) can use them instead of the cost model's estimate.
 */
import { inputsOf, outputUnits } from './spec.ts';
import type { EngineName, ModelSpec } from './types.ts';

const RATES_KEY = 'gradient-trail:engine-rates:v1';

type Rates = Record<string, Partial<Record<EngineName, number>>>;

function stored(): Rates {
  return JSON.parse(globalThis.localStorage?.getItem(RATES_KEY) ?? '{}') as Rates;
}

/** Measured examples per second for the model size `key`, per engine. */
export function knownRates(key: string): Partial<Record<EngineName, number>> {
  try {
    const all = stored();
    return all && typeof all === 'object' && all[key] ? all[key] : {};
  } catch {
    return {}; // blocked or damaged storage: the cost model alone decides
  }
}

/** Keep a measured rate of `engine` for the model size `key`. */
export function rememberRate(key: string, engine: EngineName, rate: number): void {
  try {
    const all = stored();
    all[key] = { ...all[key], [engine]: Math.round(rate) };
    globalThis.localStorage?.setItem(RATES_KEY, JSON.stringify(all));
  } catch {
    // Storage blocked or full: the figure only helps a later choice.
  }
}

/**
 * The cache key of a model size: layer widths (inputs and outputs too, when they are not the
 * plane's 2 and 1), optimizer and rows per step.
 */
export function rateKey(spec: ModelSpec, rows: number): string {
  const inputs = inputsOf(spec);
  const outputs = outputUnits(spec);
  const hidden = spec.hidden.map((layer) => layer.units);
  const widths = (inputs === 2 && outputs === 1 ? hidden : [inputs, ...hidden, outputs]).join('-');
  const perStep = spec.batchSize === 0 ? rows : Math.min(spec.batchSize, rows);
  return `${widths}|${spec.optimizer}|${perStep}`;
}
