/**
 * A place for copies of damaged progress outside localStorage: the browser's IndexedDB, whose
 * quota is far larger (a 3 MB record that localStorage has no room to copy fits easily). One
 * database, `gradient-trail`, with one object store, `damaged-progress`, keyed by the copy's name;
 * each value is `{ text, savedAt }`.
 */
import type { ProgressBackup } from './progress';

const DB_NAME = 'gradient-trail';
const STORE = 'damaged-progress';

interface Kept {
  text: string;
  savedAt: string;
}

/** The IndexedDB backup, or undefined where the browser has no IndexedDB. */
export function indexedDbBackup(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): ProgressBackup | undefined {
  if (!factory) return undefined;
  let opening: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      opening = undefined; // the next call tries again
      throw error;
    }));

  /** One request in its own transaction; resolves when the transaction has completed. */
  const run = async <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode, { durability: 'strict' });
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  };

  return {
    async keep(name, text) {
      const value: Kept = { text, savedAt: new Date().toISOString() };
      await run('readwrite', (store) => store.put(value, name));
      // Trust what can be read back, not only the absence of an error.
      const back = (await run('readonly', (store) => store.get(name))) as Kept | undefined;
      if (back?.text !== text) throw new Error('The copy could not be read back');
    },
    async list() {
      const keys = await run('readonly', (store) => store.getAllKeys());
      const values = (await run('readonly', (store) => store.getAll())) as Kept[];
      return keys.map((key, i) => ({ name: String(key), size: values[i]?.text.length ?? 0 }));
    },
    async read(name) {
      const kept = (await run('readonly', (store) => store.get(name))) as Kept | undefined;
      return kept?.text;
    },
    async remove(name) {
      await run('readwrite', (store) => store.delete(name));
    },
  };
}
