/**
 * Compiles the studio's text in a Web Worker, newest text first: a request made while another is
 * running waits, and only the latest waiting one is sent (older ones are dropped), so a burst of
 * typing costs one compile after the one in progress. Without a worker (a CSP without
 * `worker-src`, an old browser) the page compiles itself, after the next idle moment.
 */
import type { CompileRequest, CompileResult } from './compile-source';

export interface Compiled {
  result: CompileResult;
  /** How long the compile took, in milliseconds. */
  ms: number;
  source: string;
}

export class StudioCompiler {
  private worker: Worker | null = null;
  private nextId = 1;
  private running: { id: number; source: string; file: string } | null = null;
  private waiting: { source: string; file: string } | null = null;

  constructor(private readonly onResult: (compiled: Compiled) => void) {
    try {
      this.worker = new Worker(new URL('./compile.worker.ts', import.meta.url), { type: 'module' });
      this.worker.addEventListener(
        'message',
        (e: MessageEvent<{ id: number; ms: number; result: CompileResult }>) => {
          const running = this.running;
          if (!running || e.data.id !== running.id) return;
          this.running = null;
          this.onResult({ result: e.data.result, ms: e.data.ms, source: running.source });
          this.pump();
        },
      );
      this.worker.addEventListener('error', () => this.fallBack());
    } catch {
      this.worker = null;
    }
  }

  compile(source: string, file: string): void {
    this.waiting = { source, file };
    this.pump();
  }

  private pump(): void {
    if (this.running || !this.waiting) return;
    const { source, file } = this.waiting;
    this.waiting = null;
    const request: CompileRequest = { id: this.nextId++, source, file };
    this.running = { id: request.id, source, file };
    if (this.worker) {
      this.worker.postMessage(request);
      return;
    }
    void this.onPage(request);
  }

  private async onPage(request: CompileRequest): Promise<void> {
    await new Promise<void>((resolve) =>
      'requestIdleCallback' in window
        ? requestIdleCallback(() => resolve(), { timeout: 200 })
        : setTimeout(resolve),
    );
    const { compileSource } = await import('./compile-source');
    const started = performance.now();
    const result = compileSource(request.source, request.file);
    if (this.running?.id !== request.id) return;
    this.running = null;
    this.onResult({ result, ms: performance.now() - started, source: request.source });
    this.pump();
  }

  /** The worker could not start or crashed: compile on the page from now on. */
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    const running = this.running;
    this.running = null;
    if (running && !this.waiting) this.waiting = { source: running.source, file: running.file };
    this.pump();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.waiting = null;
    this.running = null;
  }
}
