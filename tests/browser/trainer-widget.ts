/**
 * What the tests of <nn-network-trainer> share: waiting for its engine's first report, and the
 * `nn-train-progress` events it sends.
 */
import { expect } from 'vitest';
import type {
  NnNetworkTrainer,
  TrainProgressDetail,
} from '../../src/widgets/network-trainer/index';
import { collectDetails } from './harness';

/** Wait until the engine has built the network and measured it (the first report). */
export async function ready(el: NnNetworkTrainer): Promise<void> {
  await expect.poll(() => el.report, { timeout: 30_000, interval: 50 }).not.toBeNull();
  await el.updateComplete;
}

/** The detail of every `nn-train-progress` event `el` sends from now on, in order. */
export const progress = (el: NnNetworkTrainer): TrainProgressDetail[] =>
  collectDetails<TrainProgressDetail>(el, 'nn-train-progress');
