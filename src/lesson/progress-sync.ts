/**
 * How the student's progress is kept: in storage (localStorage) as one versioned JSON document,
 * validated on every read. `ProgressStore` (`./progress.ts`) records steps and answers over it.
 *
 * Nothing a student earns is lost. The rules it keeps:
 * - Every write is checked. A write that fails (storage full, or refused) is reported at once
 *   (`onNotice`), the progress is kept in memory, and the write is tried again on the next change
 *   and every few seconds until it succeeds; that is reported too.
 * - Stored data that cannot be read (broken JSON, wrong shape) is kept before anything replaces
 *   it: copied under a backup key, or, where storage has no room for a second copy, into the
 *   browser's database (`ProgressBackup`, IndexedDB). If no copy can be made it is left as it is,
 *   offered as a download, and replaced only when the student says so (`replaceDamaged`). The
 *   notice says which of these happened, once it has happened. No crash.
 * - Two tabs writing at once lose neither's steps or answers: each write first folds in what
 *   storage holds now (`mergeProgress`: steps seen, answers, finished lessons are unions), and a
 *   tab that hears of another's write (`sync`, on the `storage` event) folds it in and writes
 *   back whatever only it had.
 * - A reset, or an import that replaces progress, stamps the document (`replacedAt`): a merge
 *   takes the later-stamped document whole, so another tab does not bring back what was reset.
 * - Data written by an older version of the site is migrated forward, step by step.
 * - Importing a file that is not ours, or is broken, is refused with a message; the current
 *   progress is untouched. A good file is merged or replaces progress, as the student chooses,
 *   after a preview of what changes (`previewImport`).
 */
import {
  damagedFileName,
  earned,
  emptyProgress,
  hasProgress,
  mergeProgress,
  type Progress,
  readProgress,
} from './progress-data';

/** The subset of the Web Storage API the store needs (localStorage, or a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** For listing kept copies of damaged progress (localStorage has both). */
  readonly length?: number;
  key?(index: number): string | null;
}

/**
 * Somewhere other than the progress's own storage to keep a copy of damaged progress (the
 * browser's IndexedDB: see `./progress-backup`). `keep` resolves once the copy is stored.
 */
export interface ProgressBackup {
  keep(name: string, text: string): Promise<void>;
  list(): Promise<{ name: string; size: number }[]>;
  read(name: string): Promise<string | undefined>;
  remove(name: string): Promise<void>;
}

/** A copy of damaged progress the store kept: in storage under a backup key, or in the database. */
export interface KeptCopy {
  name: string;
  where: 'storage' | 'database';
  /** Its length in characters. */
  size: number;
}

/**
 * Why progress is not being saved right now: storage is `full`; it refused for another reason
 * (`blocked`); it cannot be used at all (`unavailable`, memory only); or damaged data that could
 * not be copied is still in the way (`held`, until `replaceDamaged`).
 */
export type SaveProblem = 'full' | 'blocked' | 'unavailable' | 'held';

/** Something the student should be told, as it happens. */
export interface StoreNotice {
  kind: 'damaged' | 'unavailable' | 'save-failed' | 'save-recovered' | 'damaged-replaced';
  tone: 'warn' | 'info';
  message: string;
  /** Damaged data: its text, to offer as a download (kept in memory for this visit). */
  damaged?: { text: string; fileName: string };
  /** The damaged data could not be copied and is still in place: `replaceDamaged()` may go on. */
  replaceable?: boolean;
}

export interface ProgressStoreOptions {
  /** Progress lives in memory only, by design (the studio's preview): nothing is stored on the device. */
  memoryOnly?: boolean;
  /** Where damaged data goes when storage has no room for a copy (IndexedDB in the app). */
  backup?: ProgressBackup;
  /** Called once the student has progress, once (the app asks `navigator.storage.persist()`). */
  persist?: () => unknown;
  /** Waits between retries of a failed write, in ms; the last repeats. */
  retryDelays?: readonly number[];
  /** A timer: runs `run` after `ms`, returns a cancel function (tests pass their own). */
  setTimer?: (run: () => void, ms: number) => () => void;
}

const RETRY_DELAYS = [2000, 4000, 8000, 15000];

function defaultTimer(run: () => void, ms: number): () => void {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
}

function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return (
    e?.name === 'QuotaExceededError' || e?.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e?.code === 22
  );
}

const SAVE_FAILED: Record<'full' | 'blocked', string> = {
  full: 'Progress is not being saved: storage is full — export it now. It is kept in this tab, and saving is tried again with each step and every few seconds.',
  blocked:
    'Progress is not being saved: the browser refused to store it — export it now. It is kept in this tab, and saving is tried again with each step and every few seconds.',
};

type Listener = (progress: Progress) => void;

/** Progress kept in storage by the rules above; the operations on it are `ProgressStore`'s. */
export class SyncedProgress {
  protected progress: Progress;
  private readonly listeners = new Set<Listener>();
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();
  private readonly statusListeners = new Set<(problem: SaveProblem | null) => void>();
  /** Notices from before anyone listened (start-up), handed to the first listener. */
  private queued: StoreNotice[] = [];
  /** The stored text as last read or written here: another tab's write shows as a difference. */
  private savedText: string | null = null;
  /** The progress holds something storage does not. */
  private dirty = false;
  /** Storage can be used at all (reading it did not throw). */
  private usable = true;
  /** Unreadable stored text that is not yet copied anywhere: it must not be overwritten. */
  private held: string | null = null;
  private failure: 'full' | 'blocked' | null = null;
  private retries = 0;
  private cancelRetry: (() => void) | null = null;
  private persistAsked = false;
  private readonly backup: ProgressBackup | undefined;
  /** Nothing is stored on the device, by design (see `ProgressStoreOptions.memoryOnly`). */
  readonly memoryOnly: boolean;
  private readonly persist: (() => unknown) | undefined;
  private readonly retryDelays: readonly number[];
  private readonly setTimer: (run: () => void, ms: number) => () => void;

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly key: string,
    protected readonly now: () => Date,
    options: ProgressStoreOptions,
  ) {
    this.memoryOnly = options.memoryOnly ?? false;
    this.backup = options.backup;
    this.persist = options.persist;
    this.retryDelays = options.retryDelays?.length ? options.retryDelays : RETRY_DELAYS;
    this.setTimer = options.setTimer ?? defaultTimer;
    this.progress = this.load();
    this.flush();
  }

  /** Read from storage; damaged data is kept (see `setAside`) before it is replaced. */
  private load(): Progress {
    let text: string | null;
    try {
      if (!this.storage) throw new Error('no storage');
      text = this.storage.getItem(this.key);
    } catch {
      this.usable = false;
      this.notify({
        kind: 'unavailable',
        tone: 'warn',
        message:
          'Your browser does not let this page store progress; it will last until you close the tab. Export it to keep it.',
      });
      return emptyProgress(this.now());
    }
    if (text === null) return emptyProgress(this.now());
    const read = readProgress(text);
    if (read.ok) {
      this.savedText = text;
      if (hasProgress(read.progress)) this.askPersistence();
      return read.progress;
    }
    this.setAside(text, read.message, 'progress starts afresh');
    return emptyProgress(this.now());
  }

  /**
   * Keep unreadable stored text before anything replaces it: under a backup key in the same
   * storage if there is room, else in `backup` (asynchronously; until then it is held in place).
   * If neither works it stays in place until the student chooses (`replaceDamaged`). The notice
   * is sent once the outcome is known, and says what happened.
   */
  private setAside(text: string, reason: string, then: string): void {
    const storage = this.storage!;
    const stamp = this.now().toISOString();
    const name = `${this.key}:damaged:${stamp}`;
    const damaged = { text, fileName: damagedFileName(stamp) };
    const why = `Your saved progress could not be read (${reason.replace(/\.$/, '')}).`;
    let full = false;
    try {
      storage.setItem(name, text);
      if (storage.getItem(name) === text) {
        this.dirty = true;
        this.notify({
          kind: 'damaged',
          tone: 'warn',
          damaged,
          message: `${why} A copy was set aside in this browser's storage as “${name}”, and ${then}.`,
        });
        return;
      }
    } catch (error) {
      full = isQuotaError(error);
    }
    this.held = text;
    const fail = () => {
      if (this.held !== text) return;
      this.notify({
        kind: 'damaged',
        tone: 'warn',
        damaged,
        replaceable: true,
        message: `${why} No copy of it could be made in this browser, so it is left as it was, and progress is not saved until you choose: download it to keep it, then replace it.`,
      });
    };
    if (!this.backup) return fail();
    this.backup.keep(name, text).then(() => {
      if (this.held !== text) return;
      this.held = null;
      this.dirty = true;
      this.notify({
        kind: 'damaged',
        tone: 'warn',
        damaged,
        message: `${why} ${full ? 'There was no room for a copy in storage' : 'Storage would not take a copy'}, so a copy was kept in this browser's database (IndexedDB) as “${name}”, and ${then}.`,
      });
      this.flush();
      this.emitStatus();
    }, fail);
    this.emitStatus();
  }

  /** Damaged data that could not be copied is replaced by the progress: saving starts again. */
  replaceDamaged(): void {
    if (this.held === null) return;
    this.held = null;
    this.dirty = true;
    this.savedText = null;
    this.flush();
    this.notify({
      kind: 'damaged-replaced',
      tone: 'info',
      message: 'The damaged progress was replaced; progress is saved from now on.',
    });
    this.emitStatus();
  }

  /** Tell the student something: now if someone listens, else when the first listener comes. */
  private notify(notice: StoreNotice): void {
    if (this.noticeListeners.size === 0) this.queued.push(notice);
    for (const l of this.noticeListeners) l(notice);
  }

  /** Hear the store's notices, starting with those from before anyone listened. */
  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    const queued = this.queued;
    this.queued = [];
    for (const n of queued) listener(n);
    return () => this.noticeListeners.delete(listener);
  }

  /** Why progress is not being saved now, or null when it is. */
  get saveProblem(): SaveProblem | null {
    if (!this.usable) return 'unavailable';
    if (this.held !== null) return 'held';
    return this.failure;
  }

  /** Hear when `saveProblem` changes. */
  subscribeStatus(listener: (problem: SaveProblem | null) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private emitStatus(): void {
    const problem = this.saveProblem;
    for (const l of this.statusListeners) l(problem);
  }

  get snapshot(): Progress {
    return this.progress;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l(this.progress);
  }

  /**
   * Fold in what storage holds now (another tab's writes). Returns whether the progress changed.
   * Afterwards `dirty` says whether storage lacks something the progress has.
   */
  protected pull(): boolean {
    if (!this.usable || this.held !== null) return false;
    let text: string | null;
    try {
      text = this.storage!.getItem(this.key);
    } catch {
      return false;
    }
    if (text === this.savedText) return false;
    this.savedText = text;
    if (text === null) {
      // Removed elsewhere (site data cleared in another tab): what this tab has is written back.
      this.dirty = hasProgress(this.progress);
      return false;
    }
    const read = readProgress(text);
    if (!read.ok) {
      this.savedText = null;
      this.setAside(text, read.message, 'the progress of this tab was saved in its place');
      return false;
    }
    const merged = mergeProgress(read.progress, this.progress);
    const changed = JSON.stringify(merged) !== JSON.stringify(this.progress);
    this.progress = merged;
    this.dirty = earned(merged) !== earned(read.progress);
    return changed;
  }

  /** Write the progress if storage lacks something of it; a failure is reported and retried. */
  private flush(): void {
    if (!this.usable || this.held !== null) return;
    if (!this.dirty) {
      if (this.failure) this.recovered();
      return;
    }
    const text = JSON.stringify(this.progress);
    try {
      this.storage!.setItem(this.key, text);
    } catch (error) {
      this.failed(isQuotaError(error) ? 'full' : 'blocked');
      return;
    }
    this.savedText = text;
    this.dirty = false;
    if (this.failure) this.recovered();
    if (hasProgress(this.progress)) this.askPersistence();
  }

  private failed(reason: 'full' | 'blocked'): void {
    if (this.failure === null) {
      this.failure = reason;
      this.retries = 0;
      this.notify({ kind: 'save-failed', tone: 'warn', message: SAVE_FAILED[reason] });
      this.emitStatus();
    }
    if (this.cancelRetry) return;
    const delay = this.retryDelays[Math.min(this.retries, this.retryDelays.length - 1)]!;
    this.retries++;
    this.cancelRetry = this.setTimer(() => {
      this.cancelRetry = null;
      this.sync();
    }, delay);
  }

  private recovered(): void {
    this.failure = null;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.notify({
      kind: 'save-recovered',
      tone: 'info',
      message: 'Progress is being saved again.',
    });
    this.emitStatus();
  }

  private askPersistence(): void {
    if (this.persistAsked || !this.persist) return;
    this.persistAsked = true;
    try {
      void Promise.resolve(this.persist()).catch(() => undefined);
    } catch {
      /* a browser without the Storage API: nothing to ask */
    }
  }

  /**
   * Catch up with storage: fold in another tab's writes, write back what only this tab has, and
   * retry a write that failed. The app calls it on every `storage` event; the retry timer too.
   */
  sync(): void {
    const changed = this.pull();
    this.flush();
    if (changed) this.emit();
  }

  protected commit(mutate: (p: Progress) => void): void {
    this.pull();
    const next: Progress = structuredClone(this.progress);
    mutate(next);
    next.updatedAt = this.now().toISOString();
    this.progress = next;
    this.dirty = true;
    this.flush();
    this.emit();
  }

  /** Progress replaced whole (an import, a reset): written and announced at once. */
  protected replaceWith(next: Progress): void {
    this.progress = next;
    this.dirty = true;
    this.flush();
    this.emit();
  }

  /** The copies of damaged progress kept so far, in storage and in the database. */
  async keptCopies(): Promise<KeptCopy[]> {
    const copies: KeptCopy[] = [];
    const prefix = `${this.key}:damaged:`;
    const storage = this.storage;
    try {
      if (storage?.key && typeof storage.length === 'number') {
        for (let i = 0; i < storage.length; i++) {
          const name = storage.key(i);
          if (name?.startsWith(prefix))
            copies.push({ name, where: 'storage', size: storage.getItem(name)?.length ?? 0 });
        }
      }
    } catch {
      /* storage cannot be read: nothing kept there to list */
    }
    try {
      for (const c of (await this.backup?.list()) ?? []) {
        if (c.name.startsWith(prefix)) copies.push({ ...c, where: 'database' });
      }
    } catch {
      /* the database cannot be opened: nothing to list */
    }
    return copies.sort((a, b) => a.name.localeCompare(b.name));
  }

  async readKeptCopy(copy: KeptCopy): Promise<string | undefined> {
    if (copy.where === 'database') return this.backup?.read(copy.name);
    return this.storage?.getItem(copy.name) ?? undefined;
  }

  /** Delete a kept copy (the student asked to). Storage freed may let a failing write through. */
  async removeKeptCopy(copy: KeptCopy): Promise<void> {
    if (copy.where === 'database') await this.backup?.remove(copy.name);
    else this.storage?.removeItem(copy.name);
    this.sync();
  }
}

/** A KeyValueStorage in memory (tests, and browsers that block storage). */
export class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
}
