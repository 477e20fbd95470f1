import { describe, expect, it } from 'vitest';
import { startLoop, xorSpec } from './train-fixtures';
import { xorTrainers } from './xor-trainers';

describe('two trainers on one page', () => {
  const trainer = xorTrainers();

  it('a trainer keeps training while another one starts a backend that was not started yet', async () => {
    const first = await trainer(xorSpec(), 'cpu');
    const { loop, reports, errors } = startLoop(first);
    await new Promise((r) => setTimeout(r, 200));
    // Starting the wasm backend is asynchronous; tfjs refuses every op meanwhile.
    const second = await trainer(xorSpec({ seed: 8 }), 'wasm');
    const before = reports.length;
    await new Promise((r) => setTimeout(r, 300));
    const secondReport = await second.train(20);
    loop.pause();
    await new Promise((r) => setTimeout(r, 50));

    expect(errors).toEqual([]);
    expect(loop.isRunning()).toBe(false);
    expect(reports.length).toBeGreaterThan(before);
    expect(reports.at(-1)!.backend).toBe('cpu');
    expect(Number.isFinite(reports.at(-1)!.trainLoss)).toBe(true);
    expect(second.backend).toBe('wasm');
    expect(secondReport.step).toBe(20);
    loop.dispose();
  }, 60_000);
});
