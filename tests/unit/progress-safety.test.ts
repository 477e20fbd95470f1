/**
 * "Nothing a student earns is ever lost": the progress store under failing writes, damaged data
 * too big to copy, two tabs writing at once, and imports that merge or replace.
 */
import { describe, expect, it } from 'vitest';
import {
  MemoryStorage,
  ProgressStore,
  STORAGE_KEY,
  type ProgressBackup,
  type ProgressStoreOptions,
  type StoreNotice,
} from '../../src/lesson/progress';
import {
  diffProgress,
  emptyProgress,
  mergeProgress,
  readProgress,
} from '../../src/lesson/progress-data';

let tick = 0;
/** A clock that moves on a second per reading, as time does between a student's clicks. */
const clock = () => new Date(Date.UTC(2026, 10, 21, 10, 0, tick++));

/**
 * localStorage with its quota: at most `limit` characters of keys and values in all, and a
 * QuotaExceededError (a DOMException, as browsers throw) beyond it.
 */
class QuotaStorage extends MemoryStorage {
  constructor(public limit = 5_000_000) {
    super();
  }
  used(except?: string): number {
    let n = 0;
    for (const [k, v] of this.data) if (k !== except) n += k.length + v.length;
    return n;
  }
  /** Take every character that is left (another app, or big downloads, filled storage up). */
  fill(key = 'filler'): void {
    this.data.set(key, 'x'.repeat(this.limit - this.used(key) - key.length));
  }
  override setItem(key: string, value: string): void {
    if (this.used(key) + key.length + value.length > this.limit)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

/** A database for copies of damaged data, in memory; `failing` makes every call reject. */
class MemoryBackup implements ProgressBackup {
  readonly data = new Map<string, string>();
  constructor(private readonly failing = false) {}
  keep(name: string, text: string): Promise<void> {
    if (this.failing) return Promise.reject(new Error('no database'));
    this.data.set(name, text);
    return Promise.resolve();
  }
  list() {
    return Promise.resolve([...this.data].map(([name, t]) => ({ name, size: t.length })));
  }
  read(name: string) {
    return Promise.resolve(this.data.get(name));
  }
  remove(name: string) {
    this.data.delete(name);
    return Promise.resolve();
  }
}

/** Timers run by hand: `fire()` runs what is due, as the event loop would later. */
class ManualTimers {
  pending: { run: () => void; ms: number }[] = [];
  readonly setTimer = (run: () => void, ms: number) => {
    const entry = { run, ms };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  };
  fire(): void {
    const due = this.pending;
    this.pending = [];
    for (const p of due) p.run();
  }
}

function open(storage: MemoryStorage, options: ProgressStoreOptions = {}) {
  const store = new ProgressStore(storage, STORAGE_KEY, clock, options);
  const notices: StoreNotice[] = [];
  store.onNotice((n) => notices.push(n));
  return { store, notices };
}

const stored = (storage: MemoryStorage) => {
  const read = readProgress(storage.getItem(STORAGE_KEY) ?? '');
  if (!read.ok) throw new Error(read.message);
  return read.progress;
};

const flushPromises = () => new Promise((r) => setTimeout(r, 0));

describe('a write that fails', () => {
  it('is reported at once, kept in memory, and retried on the next write', () => {
    const storage = new QuotaStorage(2_000);
    const timers = new ManualTimers();
    const { store, notices } = open(storage, { setTimer: timers.setTimer });
    store.visitStep('derivatives', 1, 8);
    expect(notices).toEqual([]);

    storage.fill('someone else');
    store.visitStep('derivatives', 2, 8);
    expect(notices.map((n) => n.kind)).toEqual(['save-failed']);
    expect(notices[0]!.message).toBe(
      'Progress is not being saved: storage is full — export it now. It is kept in this tab, and saving is tried again with each step and every few seconds.',
    );
    expect(store.saveProblem).toBe('full');
    expect(store.lesson('derivatives')?.seen).toEqual([1, 2]);
    expect(stored(storage).lessons.derivatives?.seen).toEqual([1]);
    expect(JSON.parse(store.exportJson()).lessons.derivatives.seen).toEqual([1, 2]);

    // Still full: one notice, not one per step.
    store.recordAnswer('derivatives', 'slope', true);
    expect(notices).toHaveLength(1);

    storage.removeItem('someone else'); // space frees up
    store.visitStep('derivatives', 3, 8);
    expect(notices.map((n) => n.kind)).toEqual(['save-failed', 'save-recovered']);
    expect(notices[1]!.message).toBe('Progress is being saved again.');
    expect(store.saveProblem).toBeNull();
    expect(stored(storage).lessons.derivatives?.seen).toEqual([1, 2, 3]);
    expect(stored(storage).exercises['derivatives/slope']).toEqual({ wrong: 0, solved: true });
    expect(timers.pending).toEqual([]);
  });

  it('is retried by itself once storage frees, without another step', () => {
    const storage = new QuotaStorage(2_000);
    const timers = new ManualTimers();
    const { store, notices } = open(storage, {
      setTimer: timers.setTimer,
      retryDelays: [100, 200],
    });
    storage.fill();
    store.visitStep('loss', 4, 6);
    expect(store.saveProblem).toBe('full');
    expect(timers.pending.map((p) => p.ms)).toEqual([100]);
    timers.fire(); // still full: tried, failed, next try later
    expect(timers.pending.map((p) => p.ms)).toEqual([200]);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();

    storage.removeItem('filler');
    timers.fire();
    expect(store.saveProblem).toBeNull();
    expect(stored(storage).lessons.loss?.seen).toEqual([4]);
    expect(notices.map((n) => n.kind)).toEqual(['save-failed', 'save-recovered']);
    expect(timers.pending).toEqual([]);
  });

  it('says so when the browser refuses for another reason', () => {
    const storage = new MemoryStorage();
    const { store, notices } = open(storage);
    storage.setItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    store.visitStep('l', 1, 2);
    expect(store.saveProblem).toBe('blocked');
    expect(notices[0]!.message).toMatch(/^Progress is not being saved: the browser refused/);
  });

  it('tells status listeners when saving stops and starts again', () => {
    const storage = new QuotaStorage(1_000);
    const { store } = open(storage, { setTimer: new ManualTimers().setTimer });
    const states: (string | null)[] = [];
    store.subscribeStatus((p) => states.push(p));
    storage.fill();
    store.visitStep('l', 1, 2);
    storage.removeItem('filler');
    store.visitStep('l', 2, 2);
    expect(states).toEqual(['full', null]);
  });
});

describe('damaged data', () => {
  /** 3 MB of broken JSON under the progress key: no room for a second copy in 5 MB. */
  const damaged = `{"format":"gradient-trail-progress","lessons":{${'"x":1,'.repeat(500_000)}`;

  it('too big to copy in storage is kept in the database before it is replaced, and the notice says so', async () => {
    expect(damaged.length).toBeGreaterThan(3_000_000);
    const storage = new QuotaStorage();
    storage.setItem(STORAGE_KEY, damaged);
    const backup = new MemoryBackup();
    const { store, notices } = open(storage, { backup });

    // Until the copy is made the original stays where it is, and steps are kept in memory.
    expect(storage.getItem(STORAGE_KEY)).toBe(damaged);
    expect(store.saveProblem).toBe('held');
    store.visitStep('sigmoid-neuron', 1, 6);
    expect(storage.getItem(STORAGE_KEY)).toBe(damaged);
    expect(notices).toEqual([]);

    await flushPromises();
    const [name, text] = [...backup.data][0]!;
    expect(text).toBe(damaged);
    expect(name).toMatch(new RegExp(`^${STORAGE_KEY}:damaged:`));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/^Your saved progress could not be read \(The file/);
    expect(notices[0]!.message).toContain(
      `There was no room for a copy in storage, so a copy was kept in this browser's database (IndexedDB) as “${name}”, and progress starts afresh.`,
    );
    expect(notices[0]!.damaged?.text).toBe(damaged);
    // No backup key in storage: the notice does not claim one.
    expect([...storage.data.keys()]).toEqual([STORAGE_KEY]);
    // Replaced only now, by the progress made meanwhile.
    expect(store.saveProblem).toBeNull();
    expect(stored(storage).lessons['sigmoid-neuron']?.seen).toEqual([1]);
    expect(await store.keptCopies()).toEqual([{ name, where: 'database', size: damaged.length }]);
  });

  it('that cannot be copied anywhere is left in place until the student chooses', async () => {
    const storage = new QuotaStorage();
    storage.setItem(STORAGE_KEY, damaged);
    const { store, notices } = open(storage, { backup: new MemoryBackup(true) });
    store.visitStep('loss', 2, 6);
    await flushPromises();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.replaceable).toBe(true);
    expect(notices[0]!.message).toContain(
      'No copy of it could be made in this browser, so it is left as it was, and progress is not saved until you choose: download it to keep it, then replace it.',
    );
    expect(notices[0]!.damaged?.text).toBe(damaged);
    expect(storage.getItem(STORAGE_KEY)).toBe(damaged);
    expect(store.saveProblem).toBe('held');

    store.replaceDamaged();
    expect(store.saveProblem).toBeNull();
    expect(stored(storage).lessons.loss?.seen).toEqual([2]);
    expect(notices.at(-1)!.kind).toBe('damaged-replaced');
  });

  it('without a database at all is not claimed to be kept', () => {
    const storage = new QuotaStorage();
    storage.setItem(STORAGE_KEY, damaged);
    const { notices } = open(storage);
    expect(notices.map((n) => n.replaceable)).toEqual([true]);
    expect(notices[0]!.message).not.toMatch(/set aside|was kept/);
  });

  it('written by another tab is kept before this tab writes over it', () => {
    const storage = new MemoryStorage();
    const { store, notices } = open(storage);
    store.visitStep('l', 1, 3);
    storage.setItem(STORAGE_KEY, '{broken');
    store.sync();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(
      /could not be read.*set aside in this browser's storage as .*the progress of this tab was saved in its place\.$/,
    );
    const backup = [...storage.data.keys()].find((k) => k.includes(':damaged:'))!;
    expect(storage.getItem(backup)).toBe('{broken');
    expect(stored(storage).lessons.l?.seen).toEqual([1]);
  });
});

describe('two tabs writing at the same time', () => {
  it('lose neither’s steps or answers', () => {
    const storage = new MemoryStorage();
    const a = open(storage).store;
    const b = open(storage).store;
    a.visitStep('derivatives', 1, 8);
    b.visitStep('loss', 1, 6);
    a.visitStep('derivatives', 2, 8);
    b.recordAnswer('loss', 'mse', false);
    a.recordAnswer('derivatives', 'slope', true);
    b.visitStep('loss', 2, 6);
    const p = stored(storage);
    expect(p.lessons.derivatives?.seen).toEqual([1, 2]);
    expect(p.lessons.loss?.seen).toEqual([1, 2]);
    expect(p.exercises['loss/mse']).toEqual({ wrong: 1, solved: false });
    expect(p.exercises['derivatives/slope']).toEqual({ wrong: 0, solved: true });
    expect(p.last).toEqual({ lessonId: 'loss', step: 2 });
  });

  it('recover a write that overwrote another (a stale read), once the storage event arrives', () => {
    const storage = new MemoryStorage();
    const a = open(storage).store;
    const b = open(storage).store;
    a.visitStep('derivatives', 3, 8);
    const aText = storage.getItem(STORAGE_KEY);
    // Tab b writes on top of what it read before a's write reached it.
    storage.setItem(STORAGE_KEY, JSON.stringify(emptyProgress()));
    b.visitStep('loss', 5, 6);
    expect(storage.getItem(STORAGE_KEY)).not.toBe(aText);
    expect(stored(storage).lessons.derivatives).toBeUndefined();
    const aHeard: number[] = [];
    a.subscribe((p) => aHeard.push(Object.keys(p.lessons).length));
    a.sync(); // the storage event in tab a
    expect(aHeard).toEqual([2]);
    expect(stored(storage).lessons.derivatives?.seen).toEqual([3]);
    expect(stored(storage).lessons.loss?.seen).toEqual([5]);
    // b hears a's write back and has nothing to add: no further write (no ping-pong).
    const before = storage.getItem(STORAGE_KEY);
    b.sync();
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
    expect(b.lesson('derivatives')?.seen).toEqual([3]);
  });

  it('keep a reset made in one tab: the other does not bring the old progress back', () => {
    const storage = new MemoryStorage();
    const a = open(storage).store;
    const b = open(storage).store;
    a.visitStep('l', 1, 3);
    b.sync();
    expect(b.lesson('l')?.seen).toEqual([1]);
    a.reset();
    b.visitStep('m', 2, 4); // b had not heard of the reset yet
    const p = stored(storage);
    expect(p.lessons.l).toBeUndefined();
    expect(p.lessons.m?.seen).toEqual([2]);
    b.sync();
    a.sync();
    expect(a.lesson('l')).toBeUndefined();
    expect(a.lesson('m')?.seen).toEqual([2]);
  });
});

describe('mergeProgress', () => {
  const base = () => emptyProgress(new Date('2026-11-21T10:00:00.000Z'));
  it('is a union of what was earned: steps, answers, finishes', () => {
    const x = base();
    x.lessons.l = { seen: [1, 3], step: 3, stepCount: 4, completedAt: '2026-11-21T11:00:00.000Z' };
    x.exercises['l/a'] = { wrong: 2, solved: false, prediction: 1 };
    const y = base();
    y.updatedAt = '2026-11-21T12:00:00.000Z';
    y.lessons.l = { seen: [2, 3], step: 2, stepCount: 4, completedAt: '2026-11-21T10:30:00.000Z' };
    y.exercises['l/a'] = { wrong: 1, solved: true, revealed: true };
    y.exercises['l/b'] = { wrong: 0, solved: true };
    const m = mergeProgress(x, y);
    expect(m.lessons.l).toEqual({
      seen: [1, 2, 3],
      step: 3,
      stepCount: 4,
      completedAt: '2026-11-21T10:30:00.000Z',
    });
    expect(m.exercises).toEqual({
      'l/a': { wrong: 2, solved: true, prediction: 1, revealed: true },
      'l/b': { wrong: 0, solved: true },
    });
    expect(m.updatedAt).toBe('2026-11-21T12:00:00.000Z');
    // Either order holds the same things.
    expect(mergeProgress(y, x).lessons.l?.seen).toEqual([1, 2, 3]);
    expect(mergeProgress(y, x).exercises).toEqual(m.exercises);
  });

  it('takes the later reset whole', () => {
    const old = base();
    old.lessons.l = { seen: [1], step: 1, stepCount: 2 };
    const fresh = base();
    fresh.replacedAt = '2026-11-21T11:00:00.000Z';
    expect(mergeProgress(old, fresh)).toEqual(fresh);
    expect(mergeProgress(fresh, old)).toEqual(fresh);
    expect(mergeProgress(fresh, old, { ignoreReplaced: true }).lessons.l?.seen).toEqual([1]);
  });
});

describe('an import', () => {
  function file() {
    const f = emptyProgress(new Date('2026-10-01T09:00:00.000Z'));
    f.lessons.derivatives = { seen: [1, 2, 3, 4], step: 4, stepCount: 8 };
    f.lessons.loss = { seen: [1], step: 1, stepCount: 6 };
    f.exercises['derivatives/slope'] = { wrong: 1, solved: true };
    f.last = { lessonId: 'loss', step: 1 };
    return JSON.stringify(f);
  }

  function midLesson() {
    const storage = new MemoryStorage();
    const { store } = open(storage);
    store.visitStep('sigmoid-neuron', 1, 6);
    store.visitStep('sigmoid-neuron', 2, 6);
    store.visitStep('derivatives', 1, 8);
    store.visitStep('derivatives', 6, 8);
    return { storage, store };
  }

  it('previews a merge: what it adds, and that nothing is lost; nothing changes yet', () => {
    const { storage, store } = midLesson();
    const before = storage.getItem(STORAGE_KEY);
    const preview = store.previewImport(file(), 'merge');
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.changes).toEqual([
      { lessonId: 'derivatives', seen: [2, 5], solved: [0, 1], completed: [false, false] },
      { lessonId: 'loss', seen: [0, 1], solved: [0, 0], completed: [false, false] },
    ]);
    // Where the student is stays where they are.
    expect(preview.last).toEqual([
      { lessonId: 'derivatives', step: 6 },
      { lessonId: 'derivatives', step: 6 },
    ]);
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });

  it('previews a replace, including what would be lost', () => {
    const { store } = midLesson();
    const preview = store.previewImport(file(), 'replace');
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.changes).toEqual([
      { lessonId: 'derivatives', seen: [2, 4], solved: [0, 1], completed: [false, false] },
      { lessonId: 'loss', seen: [0, 1], solved: [0, 0], completed: [false, false] },
      { lessonId: 'sigmoid-neuron', seen: [2, 0], solved: [0, 0], completed: [false, false] },
    ]);
    expect(preview.last[1]).toEqual({ lessonId: 'loss', step: 1 });
  });

  it('merges as previewed, and the merged progress is what is stored', () => {
    const { storage, store } = midLesson();
    const preview = store.previewImport(file(), 'merge');
    expect(store.importJson(file(), 'merge').ok).toBe(true);
    if (!preview.ok) return;
    expect(diffProgress(preview.result, store.snapshot)).toEqual([]);
    expect(stored(storage).lessons.derivatives?.seen).toEqual([1, 2, 3, 4, 6]);
    expect(stored(storage).lessons['sigmoid-neuron']?.seen).toEqual([1, 2]);
    expect(stored(storage).last).toEqual({ lessonId: 'derivatives', step: 6 });
  });

  it('replaces as previewed, and another tab follows instead of merging the old progress back', () => {
    const { storage, store } = midLesson();
    const other = open(storage).store;
    expect(store.importJson(file(), 'replace').ok).toBe(true);
    other.sync();
    other.visitStep('loss', 2, 6);
    store.sync();
    expect(store.lesson('sigmoid-neuron')).toBeUndefined();
    expect(store.lesson('loss')?.seen).toEqual([1, 2]);
    expect(stored(storage).lessons['sigmoid-neuron']).toBeUndefined();
  });

  it('of a bad file previews nothing and changes nothing', () => {
    const { storage, store } = midLesson();
    const before = storage.getItem(STORAGE_KEY);
    expect(store.previewImport('{"todo":[]}', 'merge')).toMatchObject({ ok: false });
    expect(store.importJson('{"todo":[]}', 'merge')).toMatchObject({ ok: false });
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });
});

describe('persistent storage', () => {
  it('is asked for once, when the student first has progress', () => {
    const storage = new MemoryStorage();
    let asked = 0;
    const { store } = open(storage, { persist: () => asked++ });
    expect(asked).toBe(0);
    store.visitStep('l', 1, 2);
    store.visitStep('l', 2, 2);
    expect(asked).toBe(1);
    // A later visit with progress already stored asks (once) at start.
    open(storage, { persist: () => asked++ });
    expect(asked).toBe(2);
  });
});
