/**
 * A widget taken out of the page must let go of everything it set up: listeners on window,
 * document and media queries, Resize/Intersection/Mutation observers, requestAnimationFrame
 * loops and intervals — and then be garbage-collected. Leaving a lesson removes its widgets, so
 * anything left here would pile up each time a student opens a lesson (bench/memory.mjs measures
 * the same on the whole course). Each widget is checked at rest and, where it animates or trains,
 * while it is running.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { WIDGETS } from '../../src/widgets/catalog';
import { loadWidgets } from '../../src/widgets/loaders';

type Observed = ResizeObserver | IntersectionObserver | MutationObserver;
interface ObserverProto {
  observe(this: Observed, target: Node, ...rest: unknown[]): void;
  unobserve?(this: Observed, target: Node): void;
  disconnect(this: Observed): void;
}
const pick = ({ observe, unobserve, disconnect }: ObserverProto): ObserverProto => ({
  observe,
  unobserve,
  disconnect,
});

interface Registration {
  target: EventTarget;
  type: string;
  listener: unknown;
  capture: boolean;
}

/** What a widget has set up and not yet taken down, recorded while `track()` is on. */
interface Tracker {
  listeners: Registration[];
  observers: Map<Observed, Set<Node>>;
  intervals: Set<number>;
  /** Where each requestAnimationFrame call came from. */
  frames: string[];
  stop(): void;
}

const nativeFrame = window.requestAnimationFrame.bind(window);
const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const tick = (left: number) => (left <= 0 ? resolve() : nativeFrame(() => tick(left - 1)));
    tick(n);
  });

const watched = (target: EventTarget) =>
  target === window || target === document || target instanceof MediaQueryList;
const captureOf = (options: boolean | EventListenerOptions | undefined) =>
  typeof options === 'boolean' ? options : !!options?.capture;

function track(): Tracker {
  const t: Tracker = {
    listeners: [],
    observers: new Map(),
    intervals: new Set(),
    frames: [],
    stop: () => {},
  };
  const forget = (r: Registration) => {
    const i = t.listeners.findIndex(
      (x) =>
        x.target === r.target &&
        x.type === r.type &&
        x.listener === r.listener &&
        x.capture === r.capture,
    );
    if (i >= 0) t.listeners.splice(i, 1);
  };
  const proto = EventTarget.prototype;
  const { addEventListener: add, removeEventListener: remove } = proto;
  proto.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (listener && watched(this)) {
      const r = { target: this, type, listener, capture: captureOf(options) };
      forget(r);
      t.listeners.push(r);
      const signal = typeof options === 'object' ? options.signal : undefined;
      signal?.addEventListener('abort', () => forget(r));
    }
    add.call(this, type, listener, options);
  };
  proto.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    if (listener && watched(this))
      forget({ target: this, type, listener, capture: captureOf(options) });
    remove.call(this, type, listener, options);
  };
  const mql = MediaQueryList.prototype;
  const { addListener, removeListener } = mql;
  mql.addListener = function (this: MediaQueryList, listener) {
    if (listener) t.listeners.push({ target: this, type: 'change', listener, capture: false });
    addListener.call(this, listener);
  };
  mql.removeListener = function (this: MediaQueryList, listener) {
    forget({ target: this, type: 'change', listener, capture: false });
    removeListener.call(this, listener);
  };

  // Observers: what each one observes now (observe adds, unobserve removes, disconnect clears).
  const observerProtos = [
    ResizeObserver.prototype,
    IntersectionObserver.prototype,
    MutationObserver.prototype,
  ] as unknown as ObserverProto[];
  const saved = observerProtos.map(pick);
  for (const p of observerProtos) {
    const { observe, unobserve, disconnect } = pick(p);
    p.observe = function (this: Observed, target: Node, ...rest: unknown[]) {
      const targets = t.observers.get(this) ?? new Set<Node>();
      targets.add(target);
      t.observers.set(this, targets);
      observe.call(this, target, ...rest);
    };
    if (unobserve)
      p.unobserve = function (this: Observed, target: Node) {
        t.observers.get(this)?.delete(target);
        unobserve.call(this, target);
      };
    p.disconnect = function (this: Observed) {
      t.observers.delete(this);
      disconnect.call(this);
    };
  }

  const timers = window as unknown as {
    setInterval: (...args: unknown[]) => number;
    clearInterval: (id?: number) => void;
  };
  const { requestAnimationFrame: raf } = window;
  const { setInterval: every, clearInterval: clear } = timers;
  window.requestAnimationFrame = (callback) => {
    t.frames.push(new Error().stack ?? '');
    return raf.call(window, callback);
  };
  timers.setInterval = (...args: unknown[]) => {
    const id = every.apply(window, args);
    t.intervals.add(id);
    return id;
  };
  timers.clearInterval = (id?: number) => {
    if (id !== undefined) t.intervals.delete(id);
    clear.call(window, id);
  };

  t.stop = () => {
    t.listeners.length = 0;
    t.observers.clear();
    proto.addEventListener = add;
    proto.removeEventListener = remove;
    mql.addListener = addListener;
    mql.removeListener = removeListener;
    observerProtos.forEach((p, i) => {
      const { observe, unobserve, disconnect } = saved[i]!;
      Object.assign(p, { observe, disconnect }, unobserve ? { unobserve } : {});
    });
    window.requestAnimationFrame = raf;
    timers.setInterval = every;
    timers.clearInterval = clear;
  };
  return t;
}

let tracker: Tracker | undefined;
afterEach(() => {
  tracker?.stop();
  tracker = undefined;
  document.body.innerHTML = '';
});

const text = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What a widget left behind once it was taken out of the page: plain data, no references. */
interface Leftovers {
  listeners: string[];
  observers: number;
  element: WeakRef<HTMLElement>;
  /** Frames requested and intervals running since shortly after the removal, until now. */
  running(): { frames: string[]; intervals: number };
}

/**
 * Mount `tag` (optionally pressing the button that starts it running), take it out of the page,
 * and report what it left behind. Only a WeakRef to the element leaves this function, and the
 * tracker lets go of the listeners and nodes it recorded: the test's own frame must not keep the
 * widget alive. It goes on counting frames and intervals until `running()` is read.
 */
async function leftoversOf(tag: string, start?: RegExp): Promise<Leftovers> {
  const t = track();
  tracker = t;
  const host = document.createElement('div');
  host.style.width = '800px';
  document.body.append(host);
  let el: (HTMLElement & { updateComplete: Promise<unknown> }) | undefined = document.createElement(
    tag,
  ) as HTMLElement & { updateComplete: Promise<unknown> };
  host.append(el);
  await el.updateComplete;
  await frames(3); // resize observers fire, the embed menu is added
  if (start) {
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => start.test(text(b)));
    if (!button) throw new Error(`no button ${start} in <${tag}>`);
    t.frames.length = 0;
    button.click();
    // Running: it has asked for an animation frame (the trainer first loads its engine).
    for (let i = 0; i < 600 && t.frames.length === 0; i++) await frames(1);
    if (t.frames.length === 0) throw new Error(`<${tag}> did not start running`);
    await frames(2);
  }
  host.remove();
  const element = new WeakRef<HTMLElement>(el);
  el = undefined;
  await frames(3); // a frame requested before the removal may still run once
  t.frames.length = 0;
  await frames(5);
  const report: Leftovers = {
    listeners: t.listeners.map((r) => {
      const where =
        r.target === window ? 'window' : r.target === document ? 'document' : 'a media query';
      return `${r.type} on ${where}`;
    }),
    observers: [...t.observers.values()].filter((targets) => targets.size > 0).length,
    element,
    running: () => {
      const running = { frames: [...t.frames], intervals: t.intervals.size };
      t.stop();
      tracker = undefined;
      return running;
    },
  };
  // What the tracker recorded (listeners, observed nodes) would keep the widget alive.
  t.listeners.length = 0;
  t.observers.clear();
  return report;
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  const session = cdp();
  for (let i = 0; i < 10 && ref.deref(); i++) {
    await frames(2);
    await new Promise((r) => setTimeout(r, 50));
    await session.send('HeapProfiler.collectGarbage');
  }
  return ref.deref() === undefined;
}

/** Widgets that run on their own after a press: the button that starts them. */
const RUNNING: Record<string, RegExp> = {
  'nn-derivative': /^Shrink h$/,
  'nn-digits': /^Train$/,
  'nn-gradient-descent': /^Play$/,
  'nn-logistic-neuron': /^Play$/,
  'nn-network-trainer': /^Train$/,
};

const cases = WIDGETS.flatMap((w) => [
  [`<${w.tag}>`, w.tag, undefined] as const,
  ...(RUNNING[w.tag] ? [[`<${w.tag}> while running`, w.tag, RUNNING[w.tag]] as const] : []),
]);

describe('a widget taken out of the page', () => {
  it.each(cases)(
    '%s leaves no listener, observer, frame loop or interval behind and is collected',
    async (_name, tag, start) => {
      await loadWidgets([tag]);
      const left = await leftoversOf(tag, start);
      expect(left.listeners, 'listeners still registered').toEqual([]);
      expect(left.observers, 'observers still observing').toBe(0);
      // Frames and intervals are counted until the widget is collected, not for a fixed number
      // of frames: work still in flight when it left (a read-back from tfjs, a module loading)
      // holds it until that work ends, so its collection is the sign that nothing is left to run.
      const gone = await collected(left.element);
      const { frames, intervals } = left.running();
      expect(frames, 'animation frames requested after removal').toEqual([]);
      expect(intervals, 'intervals still running').toBe(0);
      expect(gone, `<${tag}> garbage-collected`).toBe(true);
    },
  );
});
