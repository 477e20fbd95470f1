/**
 * The messages between a training engine's host (host.ts: in a Web Worker, or on the main thread
 * where there is none) and the page's client (client.ts). Plain, structured-cloneable data only.
 *
 * The page asks; the host trains continuously while playing and sends what the page needs to draw:
 *
 *   page → host   setup · play · pause · step · reset · data · ack · predict · weights · dispose
 *   host → page   ready · frame · running · problem · error · alive · answer
 *
 * The data are rows of any width (`spec.inputs` numbers each: points of the plane by default, 784
 * pixels for a digit), as a Float32Array or a Uint8Array of pixels 0 … 255 read as v/255, with
 * integer labels 0 … k − 1 (`spec.classes`; k ≥ 3 trains a softmax output of k units). With
 * `transfer` the page hands the buffers over instead of copying them (they are then empty on the
 * page). Each report carries the loss, train/test accuracy and per-class accuracy.
 *
 * Questions with an answer, at any time (while training too), matched by `id`:
 *   predict {x}   → answer {values}: for each row of x, p(class 1) (two classes) or the k
 *                    probabilities of the row in turn (k ≥ 3) — a drawing pad, a confusion matrix
 *   weights       → answer {weights}: every layer's kernel (inputs × units, row-major: unit j's
 *                    incoming weights are kernel[i·units + j]) and bias — what hidden units look for
 * An answer with `message` instead says why there is none (no network yet, a wrong width).
 *
 * Back-pressure: the host sends a `frame` (the latest report and a picture to draw) only once the
 * page has acknowledged the previous one (`ack`, sent after the page's next animation frame), so
 * the page draws at most once per frame, whatever the training rate, and a slow page receives
 * fewer frames instead of a queue. Training never waits for the page.
 *
 * Every message carries the `run` number of the setup it belongs to: after a new setup the page
 * drops whatever an older run still had in flight.
 */
import type {
  BackendName,
  EngineName,
  LayerWeights,
  ModelSpec,
  ResumePoint,
  Rows,
  TrainProblem,
  TrainReport,
} from './types.ts';

/** What the page may ask for: a fixed engine, or 'auto' (the cost model in cost.ts). */
export type EngineChoice = EngineName | 'auto';

export type { ResumePoint };

export interface SetupMessage {
  type: 'setup';
  run: number;
  spec: ModelSpec;
  train: Rows;
  test: Rows;
  engine: EngineChoice;
  /**
   * Points where the picture is computed: the heatmap grid and the neurons' small grid (rows of
   * `spec.inputs` numbers; empty where there is no picture to draw, e.g. for images).
   */
  grids: { heatmap: Float32Array; maps: Float32Array };
  /** Measured examples per second of earlier runs (from the page's storage), for 'auto'. */
  known?: Partial<Record<EngineName, number>>;
  resume?: ResumePoint;
}

export type PageMessage =
  | SetupMessage
  /** Train continuously; with `stopAtEpoch` > 0, stop exactly at that epoch. */
  | { type: 'play'; run: number; stopAtEpoch: number }
  | { type: 'pause'; run: number }
  /** Pause, then take exactly `steps` steps and send a frame with the whole picture. */
  | { type: 'step'; run: number; steps: number }
  | { type: 'reset'; run: number }
  /** New data, same weights (the student added a point). */
  | { type: 'data'; run: number; train: Rows; test: Rows }
  /**
   * One weight set by hand (dense layer `layer`, from input `from`, −1 for the bias, to unit `to`),
   * playing or paused; answered with a frame measured on the new weights, with the whole picture.
   */
  | { type: 'set-weight'; run: number; layer: number; from: number; to: number; value: number }
  /** The network's output for the rows of `x` (answered by an `answer` with `values`). */
  | { type: 'predict'; run: number; id: number; x: Float32Array | Uint8Array }
  /** Every layer's weights now (answered by an `answer` with `weights`). */
  | { type: 'weights'; run: number; id: number }
  /** The page has drawn the last frame: the host may send the next. */
  /**
   * `waitedMs`: how long the frame waited on the page for the animation frame that drew it — at
   * most a frame interval (~16.7 ms) when the page draws on time, longer when it is short of CPU.
   */
  | { type: 'ack'; run: number; waitedMs?: number }
  /** Tests only: make the WebGL context of the engine be lost, as a GPU reset would. */
  | { type: 'lose-context'; run: number }
  | { type: 'dispose' };

/**
 * What the page draws: the output over the heatmap grid — p(class 1) per point, or the k
 * probabilities of each point in turn with k ≥ 3 classes — and (sometimes) the diagram's data.
 */
export interface Picture {
  grid: Float32Array;
  /** Each hidden and output unit over the small grid: maps[layer][unit]. Absent: unchanged. */
  maps?: Float32Array[][];
  weights?: LayerWeights[];
}

export interface FrameMessage {
  type: 'frame';
  run: number;
  report: TrainReport;
  picture: Picture;
  /** Whether the host is still training after this frame. */
  running: boolean;
  /** Examples per second over the last second of continuous training (0 when not measured). */
  rate: number;
  /** The whole state, now and then (about once a second), so a dead worker can be replaced. */
  resume?: ResumePoint;
}

export type HostMessage =
  | {
      type: 'ready';
      run: number;
      engine: EngineName;
      /** Why this engine ('auto': the cost model's reasoning, in words). */
      why: string;
    }
  | FrameMessage
  | { type: 'running'; run: number; running: boolean }
  /** Once a second, whatever the host is doing: a worker that stops sending these is dead or hung. */
  | { type: 'alive'; run: number }
  | { type: 'problem'; run: number; problem: TrainProblem }
  | { type: 'error'; run: number; message: string }
  | AnswerMessage;

/** The answer to a `predict` or `weights` question: its values, or why there are none. */
export interface AnswerMessage {
  type: 'answer';
  run: number;
  id: number;
  values?: Float32Array;
  weights?: LayerWeights[];
  message?: string;
}

/** What the student may choose, in the order offered. */
export const ENGINE_CHOICES: readonly EngineChoice[] = ['auto', 'js', 'wasm', 'cpu', 'webgl'];

/** How the course names each engine: "from-scratch JS", "tfjs · wasm", "tfjs · WebGL", … */
export function engineLabel(engine: EngineName): string {
  return engine === 'js' ? 'from-scratch JS' : `tfjs · ${engine === 'webgl' ? 'WebGL' : engine}`;
}

/** The tfjs backend behind an engine name, or null for the from-scratch engine. */
export function backendOf(engine: EngineName): BackendName | null {
  return engine === 'js' ? null : engine;
}

/** The buffers of some rows of data, each once (to transfer rather than copy). */
export function rowBuffers(...sets: Rows[]): ArrayBuffer[] {
  const buffers = sets.flatMap((set) => [set.x.buffer, set.y.buffer]);
  return [...new Set(buffers)] as ArrayBuffer[];
}

/** Every Float32Array buffer in a picture, to transfer rather than copy. */
export function pictureBuffers(picture: Picture): ArrayBuffer[] {
  const buffers = [picture.grid.buffer];
  for (const layer of picture.maps ?? []) for (const unit of layer) buffers.push(unit.buffer);
  for (const layer of picture.weights ?? []) buffers.push(layer.kernel.buffer, layer.bias.buffer);
  // A buffer listed twice cannot be transferred: keep each once (views may share one).
  return [...new Set(buffers)] as ArrayBuffer[];
}
