/**
 * The studio's compiler, off the main thread: typing never waits for a large lesson to compile.
 * In: `{ id, source, file }`. Out: `{ id, ms, result }` (see ./compiler.ts).
 */
import { compileSource, type CompileRequest } from './compile-source';

self.addEventListener('message', (e: MessageEvent<CompileRequest>) => {
  const started = performance.now();
  const result = compileSource(e.data.source, e.data.file);
  self.postMessage({ id: e.data.id, ms: performance.now() - started, result });
});
