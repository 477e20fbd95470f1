import { describe, expect, it } from 'vitest';
import {
  MemoryStorage,
  ProgressStore,
  STORAGE_KEY,
  type StoreNotice,
} from '../../src/lesson/progress';
import { PROGRESS_VERSION, emptyProgress, readProgress } from '../../src/lesson/progress-data';

const clock = () => new Date('2026-11-21T10:00:00.000Z');

function storeWith(text?: string) {
  const storage = new MemoryStorage();
  if (text !== undefined) storage.setItem(STORAGE_KEY, text);
  return { storage, store: new ProgressStore(storage, STORAGE_KEY, clock) };
}

/** The notices a store has sent so far (and goes on sending). */
function noticesOf(store: ProgressStore): StoreNotice[] {
  const notices: StoreNotice[] = [];
  store.onNotice((n) => notices.push(n));
  return notices;
}

describe('ProgressStore', () => {
  it('starts empty and survives a reload (a new store on the same storage)', () => {
    const { storage, store } = storeWith();
    store.visitStep('sigmoid-neuron', 1, 6);
    store.visitStep('sigmoid-neuron', 3, 6);
    store.recordAnswer('sigmoid-neuron', 'sigma-zero', false);
    store.recordAnswer('sigmoid-neuron', 'sigma-zero', true);

    const again = new ProgressStore(storage, STORAGE_KEY, clock);
    expect(noticesOf(again)).toEqual([]);
    expect(again.snapshot.last).toEqual({ lessonId: 'sigmoid-neuron', step: 3 });
    expect(again.lesson('sigmoid-neuron')?.seen).toEqual([1, 3]);
    expect(again.exercise('sigmoid-neuron', 'sigma-zero')).toEqual({ wrong: 1, solved: true });
    expect(again.summary('sigmoid-neuron', 6, ['sigma-zero', 'other'])).toEqual({
      stepsSeen: 2,
      stepCount: 6,
      exercisesSolved: 1,
      exerciseCount: 2,
      completed: false,
    });
  });

  it('stores a versioned document', () => {
    const { storage, store } = storeWith();
    store.visitStep('a', 1, 2);
    const doc = JSON.parse(storage.getItem(STORAGE_KEY)!);
    expect(doc.format).toBe('gradient-trail-progress');
    expect(doc.version).toBe(PROGRESS_VERSION);
  });

  it('does not count answers after an exercise is solved', () => {
    const { store } = storeWith();
    store.recordAnswer('l', 'e', true);
    store.recordAnswer('l', 'e', false);
    expect(store.exercise('l', 'e')).toEqual({ wrong: 0, solved: true });
  });

  it('celebrates a lesson once: completeLesson is true only the first time', () => {
    const { store } = storeWith();
    store.visitStep('l', 2, 2);
    expect(store.completeLesson('l')).toBe(true);
    expect(store.completeLesson('l')).toBe(false);
    expect(store.summary('l', 2, []).completed).toBe(true);
  });

  it.each([
    ['broken JSON', '{"format": "gradient-trail-progress", '],
    ['a foreign document', '{"hello": "world"}'],
    ['a wrong shape', JSON.stringify({ ...emptyProgress(), lessons: { a: { seen: 'all' } } })],
    ['a JSON array', '[1,2,3]'],
  ])('replaces %s with empty progress, keeps a backup and reports it once', (_name, text) => {
    const { storage, store } = storeWith(text);
    expect(store.snapshot.lessons).toEqual({});
    const notices = noticesOf(store);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/could not be read/);
    expect(notices[0]!.message).toMatch(/set aside in this browser's storage/);
    expect(notices[0]!.damaged?.text).toBe(text);
    expect(noticesOf(store)).toEqual([]);
    const backup = [...storage.data.keys()].find((k) => k.startsWith(`${STORAGE_KEY}:damaged:`));
    expect(backup && storage.getItem(backup)).toBe(text);
    // The damaged record was replaced: the next load is clean.
    expect(noticesOf(new ProgressStore(storage, STORAGE_KEY, clock))).toEqual([]);
  });

  it('keeps working in memory when storage throws', () => {
    const throwing = {
      getItem() {
        throw new Error('SecurityError');
      },
      setItem() {
        throw new Error('QuotaExceededError');
      },
      removeItem() {},
    };
    const store = new ProgressStore(throwing, STORAGE_KEY, clock);
    store.visitStep('l', 1, 3);
    expect(store.lesson('l')?.seen).toEqual([1]);
    expect(store.saveProblem).toBe('unavailable');
    expect(noticesOf(store).map((n) => n.kind)).toEqual(['unavailable']);
  });

  it('exports and imports progress between devices', () => {
    const { store } = storeWith();
    store.visitStep('l', 2, 4);
    store.recordPrediction('l', 'p', 1, true);
    const file = store.exportJson();

    const other = storeWith().store;
    expect(other.importJson(file)).toMatchObject({ ok: true });
    expect(other.lesson('l')?.seen).toEqual([2]);
    expect(other.exercise('l', 'p')).toEqual({ wrong: 0, solved: true, prediction: 1 });
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['another app’s file', '{"name":"x"}', /not Gradient Trail progress/],
    [
      'a newer format',
      JSON.stringify({ ...emptyProgress(), version: PROGRESS_VERSION + 1 }),
      /newer version of Gradient Trail/,
    ],
    [
      'a damaged record',
      JSON.stringify({ ...emptyProgress(), exercises: { 'l/e': { wrong: -1, solved: true } } }),
      /damaged at exercises\.l\/e\.wrong/,
    ],
  ])('refuses to import %s and leaves progress untouched', (_name, text, message) => {
    const { storage, store } = storeWith();
    store.visitStep('mine', 1, 3);
    const before = storage.getItem(STORAGE_KEY);
    const result = store.importJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
    expect(store.lesson('mine')?.seen).toEqual([1]);
  });

  it('resets to empty progress and tells subscribers', () => {
    const { store } = storeWith();
    store.visitStep('l', 1, 3);
    const seen: number[] = [];
    store.subscribe((p) => seen.push(Object.keys(p.lessons).length));
    store.reset();
    expect(store.snapshot.lessons).toEqual({});
    expect(seen).toEqual([0]);
  });
});

describe('readProgress', () => {
  it('reads what emptyProgress writes', () => {
    expect(readProgress(JSON.stringify(emptyProgress()))).toMatchObject({ ok: true });
  });
  it('rejects a record without a version', () => {
    const { version: _v, ...rest } = emptyProgress();
    expect(readProgress(JSON.stringify(rest))).toMatchObject({ ok: false });
  });
});
