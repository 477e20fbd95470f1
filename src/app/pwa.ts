import { registerSW } from 'virtual:pwa-register';

export interface PwaCallbacks {
  /** A new version is waiting; `reload` activates it and reloads the page. */
  onNeedRefresh(reload: () => void): void;
  /** The course is cached and will work offline. */
  onOfflineReady(): void;
}

/**
 * Register the service worker in "prompt" mode: a new version never reloads the page on its own
 * (a student mid-exercise would lose their place); the app asks first.
 */
export function startPwa(callbacks: PwaCallbacks): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const update = registerSW({
    onNeedRefresh() {
      callbacks.onNeedRefresh(() => void update(true));
    },
    onOfflineReady() {
      callbacks.onOfflineReady();
    },
  });
}
