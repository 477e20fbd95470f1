/**
 * The host's pacing (host.ts): how many steps fit a slice, how fast it trains (examples per
 * second), how much of the time it trains while the page is short of CPU (`Pace`), and the two
 * ways it waits between slices.
 */

/** Yield to the event loop (a macrotask): pending messages are handled before we go on. */
export function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Wait `ms` milliseconds without using the CPU. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * How much of the time the host trains, adapted to the page. The page acknowledges each frame
 * after the animation frame that drew it, and says how long the frame waited for it (`waitedMs`):
 * at most one frame interval (~16.7 ms) while the page draws on time. On a machine with cores to
 * spare that holds and the host trains all the time. Where training takes the CPU the page needs
 * to draw — two cores, a GPU emulated on the CPU, other programs — frames wait longer: then the
 * host trains a smaller share of the time (down to a third), resting between slices, and takes
 * the time back as soon as frames come on time.
 *
 * (The time between two acknowledgements is not the page's frame interval: the host sends a frame
 * only between slices of training, so acknowledgements come every slice plus a wait for the next
 * frame, ~40 ms here even at 60 frames per second. Reading that as late frames kept training at a
 * third of the time: the widget trained at 0.28× its engine's rate on an idle machine.)
 */
export class Pace {
  /** The share of time spent training, 1/3 … 1. */
  share = 1;

  /** An acknowledgement: the frame waited `waitedMs` on the page; `playing`: training runs. */
  ack(waitedMs: number, playing: boolean): void {
    if (!playing || !Number.isFinite(waitedMs)) return;
    if (waitedMs > PACE.lateFrameMs) this.share = Math.max(PACE.minShare, this.share * 0.85);
    else this.share = Math.min(1, this.share + 0.02);
  }

  /** Milliseconds to rest after a slice of `ms` of training. */
  restAfter(ms: number): number {
    return this.share >= 1 ? 0 : (ms * (1 - this.share)) / this.share;
  }
}

/** A frame later than this (ms) means the page is short of CPU; training never drops below minShare. */
export const PACE = { lateFrameMs: 22, minShare: 1 / 3 } as const;

/** The most steps one slice may take. */
const MAX_STEPS = 100_000;
/** The examples-per-second figure is renewed after this many milliseconds of training. */
const RATE_EVERY_MS = 250;

/**
 * Slices of about `sliceMs`: the steps the next slice takes (from the time per step of the last
 * one, at most doubling), and the examples per second over the current stretch of training.
 */
export class SliceMeter {
  /** Steps the next slice takes. */
  steps = 1;
  /** Examples per second, the last figure (kept across pauses). */
  rate = 0;
  private examples = 0;
  private ms = 0;

  constructor(private readonly sliceMs: number) {}

  /**
   * A slice took `ms` for `taken` steps and `examples` examples: size the next one and count them.
   * `renew`: the steps were measured (a report came), so the rate figure may be renewed.
   */
  slice(ms: number, taken: number, examples: number, renew: boolean): void {
    if (taken > 0) {
      const perStep = Math.max(ms, 0.01) / taken;
      const next = Math.min(this.sliceMs / perStep, this.steps * 2);
      this.steps = Math.max(1, Math.min(MAX_STEPS, Math.floor(next)));
    }
    this.examples += examples;
    this.ms += ms;
    if (renew && this.ms >= RATE_EVERY_MS) {
      this.rate = (this.examples / this.ms) * 1000;
      this.examples = 0;
      this.ms = 0;
    }
  }

  /** A new stretch of training (play or pause): the rate counts afresh, the last figure stays. */
  restart(): void {
    this.examples = 0;
    this.ms = 0;
  }
}
