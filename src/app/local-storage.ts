/** The page's localStorage, or null where the browser refuses it (blocked cookies, sandboxed frames). */
export function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Ask the browser not to evict the course's storage under pressure (once there is progress). */
export function persistStorage(): Promise<unknown> | undefined {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return undefined;
  return storage.persisted().then((already) => already || storage.persist());
}
