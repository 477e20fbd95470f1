// Where the page's main thread spends its time in long tasks: a V8 CPU profile (CDP Profiler,
// sampled every 0.5 ms) of the page while something runs, cut into busy stretches (samples that
// are not "(idle)", back to back), and the self time of every stretch longer than `longMs`
// summed per line of the original source (the production build's source maps, read with Node's
// own `module.SourceMap`; minified names say nothing). Used by `npm run bench -- digits` with
// DIGITS_PROFILE=1. The worker's threads are not in it: only what blocks drawing and input.
import { readFileSync, existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';

/** Start sampling the page of `cdp` (a CDP session of a page). */
export async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}

const maps = new Map();
/** The source map of a built file served from `distDir` (null when there is none). */
function mapOf(url, distDir) {
  if (maps.has(url)) return maps.get(url);
  let map = null;
  try {
    const file = path.join(distDir, new URL(url).pathname);
    if (existsSync(`${file}.map`)) {
      const payload = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
      map = { map: new SourceMap(payload), payload };
    }
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** "src/charts/digit-image.ts:112 name" for a profile node's position, or its minified name. */
function placeOf(frame, distDir) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const m = mapOf(frame.url, distDir);
  if (!m) return `${name} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
  const entry = m.map.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry || !entry.originalSource) return `${name} ${path.basename(frame.url)}`;
  const source = entry.originalSource.replace(/^.*?\/(src|node_modules)\//, '$1/');
  const index = m.payload.sources.indexOf(entry.originalSource);
  const text = m.payload.sourcesContent?.[index]?.split('\n')[entry.originalLine]?.trim() ?? '';
  return `${source}:${entry.originalLine + 1} ${text.slice(0, 60)}`;
}

/**
 * Stop sampling and summarise: the busy stretches over `longMs` (count, longest, total) and the
 * `top` places by self time within them, each with its share.
 */
export async function stopProfile(cdp, distDir, { longMs = 50, top = 15 } = {}) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const stretches = [];
  let current = null;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    if (node.callFrame.functionName === '(idle)') {
      if (current) stretches.push(current);
      current = null;
      return;
    }
    current ??= { ms: 0, samples: [] };
    current.ms += ms;
    current.samples.push([node, ms]);
  });
  if (current) stretches.push(current);
  const long = stretches.filter((s) => s.ms > longMs);
  const self = new Map();
  let total = 0;
  for (const s of long) {
    for (const [node, ms] of s.samples) {
      const place = placeOf(node.callFrame, distDir);
      self.set(place, (self.get(place) ?? 0) + ms);
      total += ms;
    }
  }
  const busy = stretches.reduce((sum, s) => sum + s.ms, 0);
  return {
    busyMs: busy,
    longCount: long.length,
    longestMs: long.length ? Math.max(...long.map((s) => s.ms)) : 0,
    longTotalMs: total,
    top: [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([place, ms]) => ({ 'self ms in long tasks': +ms.toFixed(1), place })),
  };
}

/** Print a summary from `stopProfile`. */
export function printProfile(title, p) {
  console.log(
    `\n${title}: main thread busy ${p.busyMs.toFixed(0)} ms; ${p.longCount} busy stretch(es) ` +
      `over 50 ms, longest ${p.longestMs.toFixed(0)} ms, ${p.longTotalMs.toFixed(0)} ms in all. ` +
      'Self time within them, by line of source:',
  );
  console.table(p.top);
}
