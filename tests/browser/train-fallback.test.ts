/**
 * A browser without WebGL (disabled, blocklisted GPU, no context to spare): asking for WebGL falls
 * back to a backend that works, and says so. (In its own file: WebGL is switched off for the page.)
 */
import { describe, expect, it } from 'vitest';
import { availableBackends } from '../../src/train/index';
import type { TrainProblem } from '../../src/train/index';
import { xorSpec } from './train-fixtures';
import { xorTrainers } from './xor-trainers';

// No WebGL context for anyone on this page, before tfjs ever asks for one.
for (const Canvas of [HTMLCanvasElement, OffscreenCanvas]) {
  const getContext = Canvas.prototype.getContext as (this: unknown, ...args: unknown[]) => unknown;
  Object.defineProperty(Canvas.prototype, 'getContext', {
    value(this: unknown, type: string, ...rest: unknown[]) {
      return /webgl/i.test(type) ? null : getContext.call(this, type, ...rest);
    },
  });
}

describe('without WebGL', () => {
  const trainer = xorTrainers();

  it('is not listed among the available backends', async () => {
    expect(await availableBackends()).toEqual(['wasm', 'cpu']);
  });

  it('asking for webgl falls back to wasm, says so, and trains', async () => {
    const problems: TrainProblem[] = [];
    const t = await trainer(xorSpec(), 'webgl', (p) => problems.push(p));
    expect(t.backend).toBe('wasm');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'backend-failed', fellBackTo: 'wasm' });
    expect(problems[0]!.message).toMatch(/webgl.*not available.*runs on the wasm backend instead/i);
    const report = await t.train(50);
    expect(report.backend).toBe('wasm');
    expect(Number.isFinite(report.trainLoss)).toBe(true);
  });

  it("'auto' picks among the others and says WebGL is missing", async () => {
    const problems: TrainProblem[] = [];
    const t = await trainer(xorSpec(), 'auto', (p) => problems.push(p));
    expect(['wasm', 'cpu']).toContain(t.backend);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'backend-failed', fellBackTo: t.backend }),
    ]);
  }, 30_000);
});
