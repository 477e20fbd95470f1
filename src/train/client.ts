/**
 * The page's side of the training engine: starts the engine's host in a dedicated Web Worker (or,
 * where there is none, on the page's own thread), sends it the student's commands, and hands each
 * frame it sends back to the widget. No tfjs here, and no training: this module is small, and the
 * widget imports it lazily, on the first Train.
 *
 * A worker that dies (an uncaught error, or silence while a frame is due) is replaced by a new one,
 * which resumes from the last state the old one sent (about once a second) — and the widget is told,
 * in words. A worker that cannot start at all (no Worker, a Content-Security-Policy without
 * `worker-src 'self'`, a chunk that did not download) leaves the same engine on the main thread.
 *
 * The API, for a widget (see protocol.ts for the data's shapes):
 *
 *   const engine = new EngineClient({ onReady, onFrame, onRunning, onProblem, onError });
 *   await engine.setup({ spec, train, test, engine: 'auto', grids });   // first frame: step 0
 *   engine.play(stopAtEpoch?) · pause() · await step(n) · await reset() · setData(train, test)
 *   await engine.predict(rows)  → Float32Array: p(class 1) per row, or k probabilities a row
 *   await engine.weights()      → LayerWeights[]: each layer's kernel (inputs × units) and bias
 *   confusionMatrix(probabilities, labels, k) (classify.ts) → counts [true · k + predicted]
 *   engine.dispose()
 *
 * `spec.inputs` and `spec.classes` size the network (e.g. 784 inputs and 10 classes: rows of
 * pixels as a Uint8Array, labels 0 … 9; `grids` then empty); each frame's report has the loss,
 * train/test accuracy and per-class accuracy. `setup({ …, transfer: true })` hands the data's
 * buffers to the worker instead of copying them; the page's arrays are then empty, so a worker
 * that dies cannot be replaced with the same data: `onError` says so.
 */
import { Pending } from './client-pending.ts';
import type { Answer } from './client-pending.ts';
import { messageOf, startMainThreadHost, startWorker, whyNoWorker } from './client-host.ts';
import type {
  EngineChoice,
  FrameMessage,
  HostMessage,
  PageMessage,
  ResumePoint,
  SetupMessage,
} from './protocol.ts';
import { rowBuffers } from './protocol.ts';
import { knownRates, rateKey, rememberRate } from './rates.ts';
import { inputsOf } from './spec.ts';
import type { EngineCallbacks, EngineThread, SetupRequest } from './client-types.ts';
import type { EngineName, LayerWeights, Rows } from './types.ts';

// The client's public types live in client-types.ts (the widgets import them from here).
export type { EngineCallbacks, EngineLost, EngineThread, SetupRequest } from './client-types.ts';

/**
 * Nothing from the worker for this long — not even its heartbeat, sent every second whatever it
 * is doing — while a frame or an answer is due: the worker is taken for dead (or hung).
 */
const SILENCE_MS = 8000;

/** Live engines on this page (in workers or on the main thread), for tests and the memory bench. */
const live = new Set<EngineClient>();
export function liveEngines(): readonly EngineClient[] {
  return [...live];
}

export class EngineClient {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private thread: EngineThread = 'worker';
  private run = 0;
  private setupRequest: SetupRequest | null = null;
  private engine: EngineName | null = null;
  private resume: ResumePoint | null = null;
  private playing = false;
  private stopAtEpoch = 0;
  /** Commands waiting for their frame, questions for their answer. */
  private readonly pending = new Pending();
  /** Whether the setup's data went to the engine (transferred): it cannot be sent again. */
  private handedOver = false;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private ackFrame = 0;
  private disposed = false;
  /** Why the engine is on the main thread, when it is (for the widget's badge). */
  fallbackReason: string | null = null;

  constructor(
    private readonly callbacks: EngineCallbacks,
    /** 'main-thread' runs the engine on the page's thread even where a worker could (tests). */
    private readonly prefer: EngineThread = 'worker',
  ) {
    live.add(this);
  }

  /** The step of the last state saved for a restart (null: none yet). */
  get savedStep(): number | null {
    return this.resume?.step ?? null;
  }

  /** Where the engine runs now. */
  get where(): EngineThread {
    return this.thread;
  }

  /**
   * Build the engine for a new setup; resolves once its first report (step 0) has been delivered
   * through `onFrame`. Everything of an earlier setup still in flight is dropped.
   */
  setup(request: SetupRequest): Promise<void> {
    this.setupRequest = request;
    this.handedOver = false;
    this.resume = null;
    this.engine = null;
    this.playing = false;
    return this.sendSetup(request.engine, undefined);
  }

  /** Train continuously; with `stopAtEpoch` > 0, pause exactly on that epoch. */
  play(stopAtEpoch = 0): void {
    this.playing = true;
    this.stopAtEpoch = stopAtEpoch;
    this.send({ type: 'play', run: this.run, stopAtEpoch });
    this.arm();
  }

  pause(): void {
    this.playing = false;
    this.send({ type: 'pause', run: this.run });
  }

  /** Exactly `steps` more steps; resolves once their frame has been delivered. */
  step(steps = 1): Promise<void> {
    this.playing = false;
    return this.ask({ type: 'step', run: this.run, steps });
  }

  reset(): Promise<void> {
    this.playing = false;
    this.resume = null;
    return this.ask({ type: 'reset', run: this.run });
  }

  /** New data, same weights (with `transfer`, the buffers are handed over, not copied). */
  setData(train: Rows, test: Rows, transfer = false): void {
    if (this.setupRequest) this.setupRequest = { ...this.setupRequest, train, test };
    if (transfer) this.handedOver = true;
    this.send(
      { type: 'data', run: this.run, train, test },
      transfer ? rowBuffers(train, test) : [],
    );
  }

  /**
   * Set one weight by hand: dense layer `layer`, from input `from` (−1: the bias) to unit `to`.
   * The engine applies it at once, playing or paused, and sends a frame measured on it.
   */
  setWeight(layer: number, from: number, to: number, value: number): void {
    this.send({ type: 'set-weight', run: this.run, layer, from, to, value });
  }

  /**
   * The network's output for rows of `spec.inputs` numbers (or pixels): p(class 1) per row with
   * two classes, the k probabilities of each row in turn with k ≥ 3. Answered while training
   * too; rejected when the network is replaced (a new setup) or the engine closes.
   */
  async predict(x: Float32Array | Uint8Array): Promise<Float32Array> {
    const spec = this.setupRequest?.spec;
    if (spec && x.length % inputsOf(spec) !== 0) {
      throw new RangeError(`predict: expected rows of ${inputsOf(spec)} numbers, got ${x.length}`);
    }
    const answer = await this.question((id) => ({ type: 'predict', run: this.run, id, x }));
    return answer.values ?? new Float32Array(0);
  }

  /** Every layer's weights now: kernel (inputs × units, row-major) and bias. */
  async weights(): Promise<LayerWeights[]> {
    const answer = await this.question((id) => ({ type: 'weights', run: this.run, id }));
    return answer.weights ?? [];
  }

  /**
   * Forget the current network: what the engine still sends for it is dropped, and every command
   * waiting for an answer resolves now. (The engine learns of it with the next setup.)
   */
  abandon(): void {
    this.run++;
    this.playing = false;
    clearTimeout(this.watchdog);
    this.pending.resolveCommands();
    this.pending.dropQuestions('The network was replaced before it could answer.');
  }

  /** Tests: lose the engine's WebGL context, as a GPU reset would. */
  loseContext(): void {
    this.send({ type: 'lose-context', run: this.run });
  }

  /** Tests: the worker dies as a crash would kill it (no goodbye). */
  crashForTest(): void {
    this.worker?.terminate();
    this.worker = null;
    this.died('it was stopped');
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    live.delete(this);
    clearTimeout(this.watchdog);
    cancelAnimationFrame(this.ackFrame);
    this.send({ type: 'dispose' });
    this.worker?.terminate();
    this.worker = null;
    this.port?.close();
    this.port = null;
    this.pending.rejectCommands(new Error('The training engine was closed.'));
    this.pending.dropQuestions('The training engine was closed.');
  }

  // -------------------------------------------------------------------------------------------

  /** Send a question and resolve with its answer (matched by id). */
  private question(make: (id: number) => PageMessage): Promise<Answer> {
    if (this.disposed) return Promise.reject(new Error('The training engine was closed.'));
    const { id, answer } = this.pending.question();
    this.send(make(id));
    this.arm();
    return answer;
  }

  private sendSetup(engine: EngineChoice, resume: ResumePoint | undefined): Promise<void> {
    const request = this.setupRequest!;
    this.run++;
    this.pending.dropQuestions('The network was replaced before it could answer.');
    const rows = request.train.y.length;
    const message: SetupMessage = {
      type: 'setup',
      run: this.run,
      spec: request.spec,
      train: request.train,
      test: request.test,
      engine,
      grids: request.grids,
      known: knownRates(rateKey(request.spec, rows)),
      resume,
    };
    this.ensureHost(engine);
    // Earlier commands were for an older run: they will never be answered.
    this.pending.resolveCommands();
    const transfer = request.transfer === true;
    if (transfer) this.handedOver = true;
    return this.ask(message, transfer ? rowBuffers(request.train, request.test) : []);
  }

  /** Send a command and resolve when the frame that answers it arrives. */
  private ask(message: PageMessage & { run: number }, transfer: ArrayBuffer[] = []): Promise<void> {
    if (this.disposed) return Promise.reject(new Error('The training engine was closed.'));
    const done = this.pending.command();
    this.send(message, transfer);
    this.arm();
    return done;
  }

  /** Start a worker (once), or the main-thread host where a worker cannot run. */
  private ensureHost(engine: EngineChoice): void {
    if (this.worker || this.port) return;
    const noWorker = whyNoWorker(this.prefer === 'main-thread', engine);
    if (noWorker) {
      this.fallbackReason = noWorker;
    } else {
      try {
        this.worker = startWorker(
          (message) => this.receive(message),
          (reason) => this.workerFailed(reason),
        );
        this.thread = 'worker';
        return;
      } catch (error) {
        this.fallbackReason = `the worker could not start (${messageOf(error)})`;
      }
    }
    this.startMainThread();
  }

  private startMainThread(): void {
    this.thread = 'main-thread';
    this.port = startMainThreadHost(
      (message) => this.receive(message),
      (message) => this.fatal(message),
      () => this.disposed,
    );
  }

  /** The worker failed: before its first answer, run on the main thread; later, restart it. */
  private workerFailed(reason: string): void {
    if (this.disposed) return;
    this.worker?.terminate();
    this.worker = null;
    if (this.handedOver) {
      this.fatal(dataLost(reason));
      return;
    }
    if (this.engine === null && this.resume === null) {
      // It never answered: most likely it cannot be loaded here at all.
      this.fallbackReason = `the worker could not start (${reason})`;
      this.startMainThread();
      this.replay();
      return;
    }
    this.died(reason);
  }

  /** The worker is gone mid-run: a new one resumes from the last state it sent. */
  private died(reason: string): void {
    if (this.disposed || !this.setupRequest) return;
    clearTimeout(this.watchdog);
    this.pending.dropQuestions(`The training engine stopped (${reason}) before it could answer.`);
    if (this.handedOver) {
      this.fatal(dataLost(reason));
      return;
    }
    const wasPlaying = this.playing;
    const resume = this.resume ?? undefined;
    const at = resume ? `step ${resume.step}` : 'the start';
    this.callbacks.onProblem({
      kind: 'engine-lost',
      message:
        `The training engine stopped (${reason}), so a new one took over from the weights ` +
        `saved at ${at}.`,
    });
    const engine = this.engine ?? this.setupRequest.engine;
    void this.sendSetup(engine, resume).then(
      () => {
        if (wasPlaying && !this.disposed) this.play(this.stopAtEpoch);
      },
      () => undefined,
    );
  }

  /** Send the current setup again (after moving to the main thread before any answer). */
  private replay(): void {
    if (!this.setupRequest) return;
    const waiters = this.pending.takeCommands();
    const wasPlaying = this.playing;
    void this.sendSetup(this.setupRequest.engine, undefined).then(
      () => {
        for (const waiter of waiters) waiter.resolve();
        if (wasPlaying && !this.disposed) this.play(this.stopAtEpoch);
      },
      (error: Error) => {
        for (const waiter of waiters) waiter.reject(error);
      },
    );
  }

  private receive(message: HostMessage): void {
    if (this.disposed) return;
    if (message.type === 'alive') {
      // Alive, whichever run it is on: the silence watchdog starts again.
      this.arm();
      return;
    }
    if (message.type === 'answer') {
      this.pending.answered(message);
      return;
    }
    if (message.run !== this.run) return;
    switch (message.type) {
      case 'ready':
        this.engine = message.engine;
        this.callbacks.onReady(message.engine, this.thread, message.why);
        return;
      case 'frame':
        this.frame(message);
        return;
      case 'running':
        this.playing = message.running;
        this.arm();
        this.callbacks.onRunning(message.running);
        return;
      case 'problem':
        this.callbacks.onProblem(message.problem);
        return;
      case 'error': {
        clearTimeout(this.watchdog);
        this.playing = false;
        this.pending.rejectCommands(new Error(message.message));
        this.pending.dropQuestions(message.message);
        this.callbacks.onError(message.message);
        return;
      }
    }
  }

  private frame(message: FrameMessage): void {
    if (message.resume) this.resume = message.resume;
    if (message.report.backend !== this.engine) this.engine = message.report.backend;
    if (message.rate > 0 && this.setupRequest) {
      const key = rateKey(this.setupRequest.spec, this.setupRequest.train.y.length);
      rememberRate(key, message.report.backend, message.rate);
    }
    this.callbacks.onFrame(message);
    this.pending.resolveCommands();
    clearTimeout(this.watchdog);
    // Acknowledge once the page has had a frame to draw this one: the host sends the next then.
    const run = message.run;
    const arrived = performance.now();
    cancelAnimationFrame(this.ackFrame);
    this.ackFrame = requestAnimationFrame(() => {
      this.send({ type: 'ack', run, waitedMs: performance.now() - arrived });
      // A frame is due now (while training). In a hidden tab no animation frame comes, so no
      // acknowledgement either, and a quiet worker is not mistaken for a dead one.
      this.arm();
    });
  }

  /** (Re)start the silence watchdog while an answer or a frame is due. */
  private arm(): void {
    clearTimeout(this.watchdog);
    if (this.disposed || this.thread !== 'worker') return;
    if (!this.playing && !this.pending.any) return;
    this.watchdog = setTimeout(() => {
      if (!this.worker) return;
      this.worker.terminate();
      this.worker = null;
      this.died(`it did not answer for ${SILENCE_MS / 1000} s`);
    }, SILENCE_MS);
  }

  private fatal(message: string): void {
    this.pending.rejectCommands(new Error(message));
    this.callbacks.onError(message);
  }

  private send(message: PageMessage, transfer: ArrayBuffer[] = []): void {
    if (this.worker) this.worker.postMessage(message, transfer);
    else this.port?.postMessage(message, transfer);
  }
}

/** Why a restart is impossible: the data was handed over to the engine that stopped. */
function dataLost(reason: string): string {
  const stopped = `The training engine stopped (${reason})`;
  return `${stopped} and the data handed to it went with it: set it up again.`;
}
