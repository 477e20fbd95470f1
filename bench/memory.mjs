// Memory: open and leave every lesson (each step) `rounds` times in the production build and check
// that nothing accumulates. After each round, back on the course map, the heap is sampled after
// forced garbage collections (CDP HeapProfiler.collectGarbage, three times, then
// Runtime.getHeapUsage: the V8 heap, exact, not the bucketed performance.memory).
//
// The first rounds are warm-up: lazily loaded widget and lesson chunks, tfjs, Lit's template
// cache and V8's optimised code all arrive then. From the end of warm-up (round `rounds / 2`) to
// the last round the bench reports the growth, split with two heap snapshots into compiled code
// (V8 keeps optimising hot functions for a while; this is bounded) and JS objects (what a leak
// would add), and counts what the last round left behind: widget instances no longer in the page,
// ResizeObservers / IntersectionObservers / MutationObservers, listeners on window and document,
// live MediaQueryLists, detached DOM trees and tfjs tensors.
//
// Chromium's autofill keeps the last <select> whose value changed under watch after a same-document
// navigation (FormTracker's WebFormElementObserver), which holds that element's whole detached
// tree — one lesson — until another form control changes. That is the browser's, bounded, and not
// growth; the bench turns it off (--enable-features=AutofillReplaceFormElementObserver) so that
// "left behind" counts only what the course itself keeps.
//
// A lesson with `<nn-digits>` (lesson 11) is used as a student would: on its step, Train is pressed
// and the round goes on only after the first reading of the trained network (an
// nn-train-progress event), so every round starts the training engine's worker, trains, draws
// the pictures — and leaves while it trains. After each round the bench also counts the live
// workers (Playwright's page.workers()) and the tfjs tensors.
//
// Run by `npm run bench` (`npm run bench -- memory`; one lesson only: `npm run bench -- memory 11`,
// by its number on the course map or its id), or alone against a running preview:
// `node bench/memory.mjs <baseUrl> [rounds] [lesson]`.
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const KiB = 1024;
const MiB = 1024 * 1024;
/** JS objects may wobble by a few KiB between snapshots; a leaked widget is far bigger. */
export const JS_OBJECT_GROWTH_LIMIT_KIB_PER_ROUND = 16;

/** Self sizes of one heap snapshot by kind: compiled code, JS objects, Blink (DOM) objects. */
function snapshotSizes(text) {
  const s = JSON.parse(text);
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const n = fields.length;
  const iType = fields.indexOf('type');
  const iSize = fields.indexOf('self_size');
  const out = { code: 0, js: 0, native: 0 };
  for (let i = 0; i < s.nodes.length; i += n) {
    const type = types[s.nodes[i + iType]];
    const size = s.nodes[i + iSize];
    if (type === 'code') out.code += size;
    else if (type === 'native' || type === 'synthetic') out.native += size;
    else out.js += size;
  }
  return out;
}

/** Press Train on the step's `<nn-digits>` (if any) and wait for its first trained reading. */
async function trainDigits(page) {
  const found = await page.evaluate(() => {
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'nn-digits') return el;
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    const el = find(document);
    if (!el) return false;
    window.__digitsTrained = el.session.data && el.session.report?.step > 0 ? 1 : 0;
    el.addEventListener('nn-train-progress', () => window.__digitsTrained++, { once: true });
    el.play();
    return true;
  });
  if (!found) return false;
  await page.waitForFunction(() => window.__digitsTrained > 0, null, { timeout: 120_000 });
  return true;
}

/** What `after` holds that `before` does not, counting repeats (a multiset difference). */
function added(before, after) {
  const left = new Map();
  for (const x of before) left.set(x, (left.get(x) ?? 0) + 1);
  return after.filter((x) => {
    const n = left.get(x) ?? 0;
    left.set(x, n - 1);
    return n <= 0;
  });
}

export async function measureMemory(base, rounds = 10, lesson = undefined) {
  const warmup = Math.max(1, Math.ceil(rounds / 2));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--enable-features=AutofillReplaceFormElementObserver'],
  });
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('Debugger.enable'); // for the listeners' source lines
  await page.goto(base + '/');
  await page.locator('gt-course-map').waitFor();

  const collect = async () => {
    await page.waitForTimeout(200); // let frames and timers that clean up run first
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(50);
    }
  };
  /** Evaluate `expression` to an object, call `fn` on the array of objects with it as prototype. */
  const instances = async (expression, fn = 'function () { return this.length; }') => {
    const { result: proto } = await cdp.send('Runtime.evaluate', { expression });
    if (!proto.objectId) return 0;
    const { objects } = await cdp.send('Runtime.queryObjects', {
      prototypeObjectId: proto.objectId,
    });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    });
    await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: proto.objectId });
    return result.value;
  };
  /** A script's source lines, fetched once a script (the bundle holds many listeners). */
  const sources = new Map();
  const scriptLines = (scriptId) => {
    if (!sources.has(scriptId))
      sources.set(
        scriptId,
        cdp
          .send('Debugger.getScriptSource', { scriptId })
          .then(({ scriptSource }) => scriptSource.split('\n'))
          .catch(() => []),
      );
    return sources.get(scriptId);
  };
  /** The listeners on window or document, each as "target type: the handler's first words". */
  const listeners = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'listeners' });
    const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId,
    });
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'listeners' });
    const handlers = [];
    for (const l of list) {
      const { scriptId, lineNumber, columnNumber } = l;
      const line = (await scriptLines(scriptId))[lineNumber] ?? '';
      const where = line.slice(columnNumber, columnNumber + 70).replace(/\s+/g, ' ');
      handlers.push(`${expression} ${l.type}: ${where}`);
    }
    return handlers;
  };
  const heapSnapshot = async () => {
    const chunks = [];
    const onChunk = (e) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    return snapshotSizes(chunks.join(''));
  };

  // Every custom element tag seen in a lesson (widgets, the runner, exercises, menus).
  const tags = new Set();
  /** What is alive after a garbage collection: things the last round should not have left. */
  const leftovers = async () => {
    let widgets = 0;
    for (const tag of tags)
      widgets += await instances(
        `customElements.get(${JSON.stringify(tag)})?.prototype`,
        'function () { return this.filter((e) => !e.isConnected).length; }',
      );
    const observerList = [];
    for (const kind of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver'])
      for (let n = await instances(`${kind}.prototype`); n > 0; n--) observerList.push(kind);
    const observers = observerList.length;
    // Detached trees retained from JS, without Lit's cached <template>s (one per template literal).
    await cdp.send('DOM.enable');
    const { detachedNodes } = await cdp.send('DOM.getDetachedDomNodes');
    await cdp.send('DOM.disable'); // releases the nodes the DOM agent was handed
    const trees = detachedNodes.filter((d) => d.treeNode.nodeName !== 'TEMPLATE');
    const roots = {};
    for (const d of trees) roots[d.treeNode.localName] = (roots[d.treeNode.localName] ?? 0) + 1;
    return {
      widgets,
      observers,
      observerList,
      listenerList: [...(await listeners('window')), ...(await listeners('document'))],
      get listeners() {
        return this.listenerList.length;
      },
      mediaQueryLists: await instances('MediaQueryList.prototype'),
      detachedTrees: trees.length,
      detachedNodes: trees.reduce((sum, d) => sum + d.retainedNodeIds.length, 0),
      detachedRoots: Object.entries(roots)
        .map(([name, n]) => `${n}×<${name}>`)
        .join(' '),
      litTemplates: detachedNodes.length - trees.length,
    };
  };

  const all = await page.evaluate(() =>
    [
      ...document
        .querySelector('gt-app')
        .shadowRoot.querySelector('gt-course-map')
        .shadowRoot.querySelectorAll('h3 a'),
    ].map((a) => a.getAttribute('href').split('/')[2]),
  );
  const ids =
    lesson === undefined
      ? all
      : /^\d+$/.test(String(lesson))
        ? all.slice(Number(lesson) - 1, Number(lesson))
        : all.filter((id) => id === lesson);
  if (ids.length === 0)
    throw new Error(`No lesson ${lesson} on the course map (${all.join(', ')}).`);
  // Playwright's first waitForFunction puts its injected script into the page's own world, with a
  // dozen pointer and mouse listeners on window and a MutationObserver, once (the rounds call it):
  // let it do so before counting what is here.
  await page.waitForFunction(() => true);
  await collect();
  const atStart = await leftovers();

  const heaps = [];
  const workersByRound = [];
  const tensorsByRound = [];
  let trainedRounds = 0;
  let tensors = null;
  let warm;
  let warmSizes;
  for (let round = 1; round <= rounds; round++) {
    for (const id of ids) {
      await page.goto(`${base}/#/lesson/${id}/1`);
      const steps = await page.evaluate(async () => {
        const lesson = document.querySelector('gt-app').shadowRoot.querySelector('nn-lesson');
        await lesson?.updateComplete;
        return lesson?.lesson?.steps.length ?? 1;
      });
      for (let s = 1; s <= steps; s++) {
        await page.evaluate((h) => (location.hash = h), `#/lesson/${id}/${s}`);
        await page.waitForTimeout(60);
        if (await trainDigits(page)) trainedRounds++;
        if (round === 1) {
          const seen = await page.evaluate(() => {
            const found = new Set();
            const walk = (root) => {
              for (const el of root.querySelectorAll('*')) {
                if (el.localName.includes('-')) found.add(el.localName);
                if (el.shadowRoot) walk(el.shadowRoot);
              }
            };
            walk(document);
            return [...found];
          });
          for (const tag of seen) if (tag !== 'gt-app' && tag !== 'gt-course-map') tags.add(tag);
        }
      }
      await page.evaluate(() => (location.hash = '#/'));
      await page.waitForTimeout(60);
    }
    await collect();
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    heaps.push(usedSize);
    tensors = await page.evaluate(() => globalThis.__gradientTrailTensorCount?.() ?? null);
    tensorsByRound.push(tensors);
    workersByRound.push(page.workers().length);
    if (round === warmup) {
      warmSizes = await heapSnapshot();
      warm = await leftovers();
    }
  }
  const lastSizes = await heapSnapshot();
  const atEnd = await leftovers();
  const workersAtEnd = page.workers().length;
  await browser.close();

  const after = rounds - warmup;
  const growth = heaps[rounds - 1] - heaps[warmup - 1];
  const jsGrowth = lastSizes.js - warmSizes.js;
  const codeGrowth = lastSizes.code - warmSizes.code;
  const problems = [];
  if (atEnd.widgets > 0) problems.push(`${atEnd.widgets} widget instance(s) outlived their lesson`);
  if (atEnd.observers > atStart.observers)
    problems.push(
      `${atEnd.observers - atStart.observers} observer(s) more than on arrival: ` +
        added(atStart.observerList, atEnd.observerList).join(', '),
    );
  if (atEnd.listeners > atStart.listeners)
    problems.push(
      `${atEnd.listeners - atStart.listeners} window/document listener(s) more: ` +
        added(atStart.listenerList, atEnd.listenerList).join('; '),
    );
  if (atEnd.mediaQueryLists > atStart.mediaQueryLists)
    problems.push(`${atEnd.mediaQueryLists - atStart.mediaQueryLists} MediaQueryList(s) more`);
  if (atEnd.detachedTrees > warm.detachedTrees)
    problems.push(`detached DOM trees grew from ${warm.detachedTrees} to ${atEnd.detachedTrees}`);
  if (tensors) problems.push(`${tensors} tfjs tensor(s) still allocated`);
  if (workersAtEnd > 0) problems.push(`${workersAtEnd} worker(s) still running on the course map`);
  if (after > 0 && jsGrowth / after / KiB > JS_OBJECT_GROWTH_LIMIT_KIB_PER_ROUND)
    problems.push(
      `JS objects grew ${(jsGrowth / after / KiB).toFixed(1)} KiB per round after warm-up`,
    );

  const mib = (b) => +(b / MiB).toFixed(2);
  const kib = (b) => +(b / KiB).toFixed(1);
  return {
    lessons: ids.length,
    lessonIds: ids,
    trainedRounds,
    workersByRound,
    tensorsByRound,
    rounds,
    warmup,
    heapByRoundMiB: heaps.map(mib),
    samples: [1, 2, warmup, rounds]
      .filter((r, i, all) => r <= rounds && all.indexOf(r) === i)
      .map((round) => ({ round, 'JS heap MiB': mib(heaps[round - 1]) })),
    growthKiB: kib(growth),
    growthPerRoundKiB: after > 0 ? kib(growth / after) : 0,
    codeGrowthKiB: kib(codeGrowth),
    jsObjectGrowthKiB: kib(jsGrowth),
    jsObjectGrowthPerRoundKiB: after > 0 ? kib(jsGrowth / after) : 0,
    tensors,
    leftovers: { atStart, warm, atEnd },
    customElements: [...tags].sort(),
    problems,
  };
}

/** The report `npm run bench -- memory` prints. */
export function printMemoryReport(m) {
  console.log(
    `\nMemory: ${m.lessons === 1 ? `lesson ${m.lessonIds[0]}` : `${m.lessons} lessons`}, every ` +
      `step opened and left ${m.rounds} times (JS heap after forced GC, back on the course map; ` +
      `warm-up: rounds 1–${m.warmup}).` +
      (m.trainedRounds
        ? ` <nn-digits> trained to its first reading ${m.trainedRounds} time(s), once a round.`
        : ''),
  );
  console.table(m.samples);
  console.log(`JS heap by round (MiB): ${m.heapByRoundMiB.join(', ')}`);
  console.log(
    `Rounds ${m.warmup} → ${m.rounds}: JS heap ${m.growthKiB >= 0 ? '+' : ''}${m.growthKiB} KiB ` +
      `(${m.growthPerRoundKiB} KiB per round) = compiled code ${m.codeGrowthKiB} KiB ` +
      `+ JS objects ${m.jsObjectGrowthKiB} KiB (${m.jsObjectGrowthPerRoundKiB} KiB per round; ` +
      `limit ${JS_OBJECT_GROWTH_LIMIT_KIB_PER_ROUND}). Compiled code is V8 optimising functions as ` +
      'they become hot: bounded by the functions in the bundle, it slows down round after round.',
  );
  const { atStart, warm, atEnd } = m.leftovers;
  console.table(
    [
      ['course map on arrival', atStart],
      [`after round ${m.warmup}`, warm],
      [`after round ${m.rounds}`, atEnd],
    ].map(([when, l]) => ({
      when,
      'widgets out of the page': l.widgets,
      observers: l.observers,
      'window+document listeners': l.listeners,
      MediaQueryLists: l.mediaQueryLists,
      'detached DOM trees (nodes)': `${l.detachedTrees} (${l.detachedNodes})${l.detachedRoots ? ` ${l.detachedRoots}` : ''}`,
      "Lit's cached templates": l.litTemplates,
    })),
  );
  console.log(`tfjs tensors after the last round: ${m.tensors ?? 'tfjs never loaded'}`);
  console.log(
    `Back on the course map after each round: workers ${m.workersByRound.join(', ')}; ` +
      `tfjs tensors ${m.tensorsByRound.map((t) => t ?? '–').join(', ')}.`,
  );
  console.log(
    m.problems.length
      ? `Memory: GROWTH — ${m.problems.join('; ')}.`
      : `Memory: no growth after warm-up — no JS-object growth beyond ${JS_OBJECT_GROWTH_LIMIT_KIB_PER_ROUND} KiB per round, ` +
          'no widget, observer, listener, MediaQueryList or detached tree left behind, no tensors.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = await measureMemory(
    process.argv[2] ?? 'http://localhost:4173',
    Number(process.argv[3] ?? 10),
    process.argv[4],
  );
  printMemoryReport(m);
  if (m.problems.length) process.exit(1);
}
