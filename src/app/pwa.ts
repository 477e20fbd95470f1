import { registerSW } from 'virtual:pwa-register';

export interface PwaCallbacks {
  /** A new version is waiting; `reload` activates it and reloads the page. */
  onNeedRefresh(reload: () => void): void;
  /** The course is cached and will work offline. */
  onOfflineReady(): void;
  /**
   * This visit will not hear `onOfflineReady` after all: the worker could not be registered, or it
   * was installed on an earlier visit (a hard reload leaves the page uncontrolled).
   */
  onNoOfflineNews(): void;
}

/**
 * Whether this visit may end with "ready to work offline": a built site, in a browser with service
 * workers, on a page no worker controls yet (the first visit). Known before the first render, so
 * the header can keep room for the news from the start instead of moving the page when it comes.
 */
export function mayGetOfflineReady(): boolean {
  return (
    !import.meta.env.DEV && 'serviceWorker' in navigator && !navigator.serviceWorker.controller
  );
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
    onRegisteredSW(_url, registration) {
      // Already active although it does not control this page: installed on an earlier visit.
      if (registration?.active && !navigator.serviceWorker.controller) callbacks.onNoOfflineNews();
    },
    onRegisterError() {
      callbacks.onNoOfflineNews();
    },
  });
}
