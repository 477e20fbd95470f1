// The entry point. A deep link to a lesson starts fetching that lesson's text now, alongside the
// app's own code, instead of after it (one round trip less before the student can read).
import { loadLesson } from 'virtual:lessons';
import { parseRoute } from './routes';

const route = parseRoute(location.hash);
// The app loads it again from the module cache, and reports a failure where it happens.
if (route.name === 'lesson') loadLesson(route.id).catch(() => undefined);

import('./app').catch(() => {
  const boot = document.querySelector('gt-app .boot');
  if (boot)
    boot.textContent = navigator.onLine
      ? 'Gradient Trail could not be loaded. Reload the page to try again.'
      : 'Gradient Trail could not be loaded while offline. Connect once, then it works offline.';
});
