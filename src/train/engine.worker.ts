/**
 * The training engine's Web Worker: a host (host.ts) on the worker's own thread, so that the page's
 * main thread only draws and answers the student. Started by client.ts with
 * `new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' })`; Vite bundles it
 * as its own chunk (under a CSP it needs `worker-src 'self'`).
 *
 * tfjs runs here too when a tfjs engine is chosen: wasm and cpu as on the page, WebGL on an
 * OffscreenCanvas (tfjs creates one itself where `document` is missing).
 */
import { EngineHost } from './host.ts';
import type { HostPort } from './host.ts';

new EngineHost(self as unknown as HostPort, { sliceMs: 12, mainThread: false });
