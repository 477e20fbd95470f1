/**
 * Where the page's engine client (client.ts) starts its host: a dedicated module Web Worker, or,
 * where one cannot run, the same host (host.ts, loaded lazily as the worker's chunk would be) on
 * the page's own thread behind a MessageChannel.
 */
import type { HostPort } from './host.ts';
import type { EngineChoice, HostMessage, PageMessage } from './protocol.ts';

/** Why the engine cannot run in a worker here, or null when it can try. */
export function whyNoWorker(mainThread: boolean, engine: EngineChoice): string | null {
  if (mainThread) return 'it was asked to run there';
  if (typeof Worker === 'undefined') return 'this browser has no Web Workers';
  // WebGL in a worker needs OffscreenCanvas; without it, the page's own canvas will do.
  if (engine === 'webgl' && typeof OffscreenCanvas === 'undefined') {
    return 'this browser cannot use WebGL in a worker';
  }
  return null;
}

/**
 * Start the engine's worker; its messages go to `receive`, and `failed` hears why it failed (it
 * could not be loaded, or a message was lost). Throws where a worker cannot be created.
 */
export function startWorker(
  receive: (message: HostMessage) => void,
  failed: (reason: string) => void,
): Worker {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'gradient-trail training engine',
  });
  worker.addEventListener('message', (event: MessageEvent<HostMessage>) => receive(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failed(event.message || 'it could not be loaded');
  });
  worker.addEventListener('messageerror', () => failed('a message was lost'));
  return worker;
}

/**
 * Start the host on this thread; returns the page's end of the channel (its messages go to
 * `receive`). Messages sent before the host module has loaded are handed to it once it has;
 * `failed` hears why it could not be loaded, unless `closed()` by then.
 */
export function startMainThreadHost(
  receive: (message: HostMessage) => void,
  failed: (message: string) => void,
  closed: () => boolean,
): MessagePort {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<HostMessage>) => receive(event.data);
  const hostPort = channel.port2;
  const pending: PageMessage[] = [];
  const early = (event: MessageEvent<PageMessage>): void => void pending.push(event.data);
  hostPort.addEventListener('message', early);
  hostPort.start();
  import('./host.ts').then(
    ({ EngineHost }) => {
      if (closed()) return;
      hostPort.removeEventListener('message', early);
      // Shorter slices than in a worker: here training shares the thread with drawing.
      const host = new EngineHost(hostPort as unknown as HostPort, {
        sliceMs: 6,
        mainThread: true,
      });
      for (const message of pending) {
        hostPort.dispatchEvent(new MessageEvent('message', { data: message }));
      }
      void host;
    },
    (error: unknown) => failed(`The training engine could not be loaded: ${messageOf(error)}`),
  );
  return channel.port1;
}

/** An error's message, or the thing thrown as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
