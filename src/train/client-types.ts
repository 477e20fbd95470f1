/** The public types of the page's engine client (client.ts), which re-exports them. */
import type { EngineChoice, FrameMessage } from './protocol.ts';
import type { EngineName, ModelSpec, Rows, TrainProblem } from './types.ts';

/** Where the engine runs. */
export type EngineThread = 'worker' | 'main-thread';

/** The engine stopped answering and was restarted (or moved to the main thread). */
export interface EngineLost {
  kind: 'engine-lost';
  message: string;
}

export interface EngineCallbacks {
  /** The engine for a setup is built; `why` says why this one (for 'auto'). */
  onReady(engine: EngineName, thread: EngineThread, why: string): void;
  /** A report and its picture, to draw. The client acknowledges it after the next frame. */
  onFrame(frame: FrameMessage): void;
  onRunning(running: boolean): void;
  onProblem(problem: TrainProblem | EngineLost): void;
  /** Something failed that the engine could not carry on from (training has stopped). */
  onError(message: string): void;
}

export interface SetupRequest {
  spec: ModelSpec;
  train: Rows;
  test: Rows;
  engine: EngineChoice;
  /** Rows where the picture is computed; empty arrays for no picture (e.g. images). */
  grids: { heatmap: Float32Array; maps: Float32Array };
  /**
   * Hand the data's buffers to the engine instead of copying them (see client.ts's module
   * comment).
   */
  transfer?: boolean;
}
