// The processes the benchmarks start, and making sure they stop.
//
// Every child is started in its own process group (`detached`), because `npx vite preview` is a
// tree (npm → node → vite) and killing the top one leaves the server running, serving a stale
// build to the next run. `stopAll()` ends every group we started — SIGTERM, then SIGKILL for any
// left after a moment — and runs on success, on error, and on Ctrl-C / SIGTERM (then the process
// exits 130 / 143). A process group we did not start is never touched.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Children still running, by pid (each one leads its own process group). */
const running = new Map();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Start `cmd args` as the leader of a new process group that stopAll() will end. */
export function start(cmd, args, options = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, ...options, detached: true });
  running.set(child.pid, child);
  child.once('exit', () => running.delete(child.pid));
  return child;
}

/** Run `cmd args` to the end (output shown); reject unless it exits 0. */
export function runToEnd(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = start(cmd, args, { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} exited ${signal ?? code}`)),
    );
  });
}

/** End one started process's whole group (and wait up to `graceMs` for it to go). */
export async function stop(child, graceMs = 3000) {
  if (!running.has(child.pid)) {
    killGroup(child.pid, 'SIGKILL'); // the leader is gone; anything it left in its group is not
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child.pid, 'SIGTERM');
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') killGroup(child.pid, 'SIGKILL');
  killGroup(child.pid, 'SIGKILL'); // grandchildren that outlived their parent
}

/** End every process group started here. */
export async function stopAll() {
  await Promise.all([...running.values()].map((child) => stop(child)));
}

/**
 * Runs a benchmark's `body(open)`, which keeps what it opens in `open` (`browser`, `dev`,
 * `preview`); then, however it ended, closes the browser, stops both servers and every process
 * started here. An error is printed and makes the exit status 1.
 */
export async function runThenStop(body) {
  const open = {};
  try {
    await body(open);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await open.browser?.close();
    await open.dev?.stop();
    await open.preview?.stop();
    await stopAll();
  }
}

/**
 * A Vite dev server of this repository (its own vite.config.ts) on `port`, in this process. It
 * watches no files and reloads no page, so nothing interrupts a measurement; `optimizeDeps`
 * (Vite's option) pre-bundles a page's dependencies up front.
 */
export async function startDevServer(port, optimizeDeps) {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: ROOT,
    logLevel: 'warn',
    server: { port, strictPort: true, watch: null, hmr: false },
    ...(optimizeDeps ? { optimizeDeps } : {}),
  });
  await server.listen();
  return { url: `http://localhost:${port}`, stop: () => server.close() };
}

/** Synchronous last resort (process 'exit', signals): SIGKILL every group still running. */
function killAllNow() {
  for (const pid of running.keys()) killGroup(pid, 'SIGKILL');
  running.clear();
}

let installed = false;
/** On Ctrl-C, SIGTERM or an exit by any path, end every process group started here. */
export function stopAllOnExit() {
  if (installed) return;
  installed = true;
  process.once('exit', killAllNow);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the benchmark's servers.`);
      stopAll().finally(() => process.exit(code));
    });
  }
}

/** Whether something already accepts connections on `port` of localhost (IPv4 or IPv6). */
async function portTaken(port) {
  const tryHost = (host) =>
    new Promise((resolve) => {
      const socket = net.connect({ port, host });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.setTimeout(1000, () => {
        socket.destroy();
        resolve(false);
      });
    });
  return (await tryHost('127.0.0.1')) || (await tryHost('::1'));
}

/** Throws when something already listens on `port` (checked before building, to fail fast). */
export async function assertPortFree(port, variable = 'BENCH_PORT') {
  if (await portTaken(port)) {
    throw new Error(
      `Port ${port} is already in use (a vite preview left running by an earlier run would serve ` +
        `an old build). Stop whatever listens there, or choose another port with ${variable}.`,
    );
  }
}

/**
 * `vite preview` of the production build on `port`, strictly that port: fails loudly when the port
 * is taken (often a preview left running by an earlier run, which would serve an old build), when
 * the server exits, or when it does not answer within `timeoutMs`.
 */
export async function startPreview(port, timeoutMs = 30_000, variable = 'BENCH_PORT') {
  await assertPortFree(port, variable);
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const child = start(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const up = fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    const result = await Promise.race([up, exited.then((code) => ({ code }))]);
    if (result === true) break;
    if (typeof result === 'object') {
      throw new Error(`vite preview exited (${result.code}) before serving:\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => stop(child) };
}
