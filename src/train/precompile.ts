/**
 * WebGL's shaders, compiled ahead of the first step without freezing the page.
 *
 * Compiling shader programs is slow (over half a second in all on a software renderer), and tfjs
 * checks each one synchronously on first use, which freezes the page on the first step. Instead we
 * run a throwaway copy of the network's work — a report, a 100 × 100 grid prediction and a step —
 * in tfjs's "compile only" mode, which only *issues* the compilations (the GPU process works
 * through them on its own), then wait for them one program at a time, yielding in between: with
 * KHR_parallel_shader_compile we ask without blocking; without it each check blocks only until
 * that one program is ready, while the rest keep compiling in the background.
 */
import { tf, useBackend } from './backend.ts';
import { Network } from './network.ts';
import type { EvalSet, NetworkState } from './network.ts';
import { batchRows, inputsOf } from './spec.ts';
import type { ModelSpec } from './types.ts';

/** What precompile() reaches into: the webgl backend's program cache and GL context. */
interface WebglInternals {
  gpgpu?: { gl?: WebGL2RenderingContext; parallelCompilationExtension?: unknown };
  binaryCache?: Record<string, { webGLProgram: WebGLProgram }>;
  getUniformLocations?: () => void;
}

/** Until the next animation frame (or 16 ms where there are none). */
const nextFrame = (): Promise<void> =>
  new Promise((resolve) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => resolve())
      : setTimeout(resolve, 16),
  );

/** The decision-boundary grid the widget predicts every frame (100 × 100), compiled ahead. */
const GRID_POINTS = 100 * 100;

/**
 * Compile every shader that `spec`'s steps, reports and grid predictions need on the active webgl
 * backend; stops early (without error) once `cancelled()` says so or the context is lost.
 */
export async function compileShaders(
  spec: ModelSpec,
  initial: NetworkState,
  tensors: { train: EvalSet; test: EvalSet | null },
  cancelled: () => boolean,
): Promise<void> {
  if (cancelled()) return;
  useBackend('webgl');
  const backend = tf.backend() as unknown as WebglInternals;
  const gl = backend.gpgpu?.gl;
  if (!gl || !backend.binaryCache || !backend.getUniformLocations) return;
  const before = new Set(Object.keys(backend.binaryCache));
  const scratch = new Network(spec, initial);
  const { train, test } = tensors;
  const rows = batchRows(spec, train.rows);
  const inputs = inputsOf(spec);
  const outputs = train.y.shape[1];
  // Three phases, each its own task: issuing ~70 compilations at once is itself a long task.
  // The step goes last: in this mode it leaves the scratch variables without values.
  // (Each phase returns nothing: tf.tidy would keep a returned tensor.)
  const phases = [
    (): void => void scratch.statsAndState(train, test),
    (): void => void scratch.predict(tf.zeros([GRID_POINTS, inputs])),
    (): void => {
      if (rows === 0) return;
      const x = rows < train.rows ? tf.slice(train.x, [0, 0], [rows, inputs]) : train.x;
      const y = rows < train.rows ? tf.slice(train.y, [0, 0], [rows, outputs]) : train.y;
      scratch.step(x, y, rows);
    },
  ];
  try {
    for (const phase of phases) {
      tf.env().set('ENGINE_COMPILE_ONLY', true);
      try {
        tf.tidy(phase);
      } finally {
        tf.env().set('ENGINE_COMPILE_ONLY', false);
      }
      await nextFrame();
      if (cancelled() || gl.isContextLost()) return;
      useBackend('webgl');
    }
  } finally {
    scratch.dispose();
  }
  const parallel = backend.gpgpu?.parallelCompilationExtension as
    { COMPLETION_STATUS_KHR: number } | null | undefined;
  for (const [key, binary] of Object.entries(backend.binaryCache)) {
    if (before.has(key)) continue;
    if (parallel) {
      while (!gl.getProgramParameter(binary.webGLProgram, parallel.COMPLETION_STATUS_KHR)) {
        await nextFrame();
      }
    } else {
      await nextFrame();
    }
    if (cancelled() || gl.isContextLost()) return;
    if (!gl.getProgramParameter(binary.webGLProgram, gl.LINK_STATUS)) {
      throw new Error(
        `A WebGL shader failed to compile: ${gl.getProgramInfoLog(binary.webGLProgram)}`,
      );
    }
  }
  useBackend('webgl');
  // Where each program's inputs live: tfjs looks these up once, after compiling.
  backend.getUniformLocations();
}
