/** Hash routes: `#/` is the course map, `#/lesson/<id>/<step>` a lesson step (1-based). */
export type Route =
  | { name: 'map' }
  | { name: 'lesson'; id: string; step: number }
  | { name: 'gallery'; tag?: string }
  /** The instructor studio: write a lesson with a live preview. */
  | { name: 'studio' }
  /** A lesson shared by link: its Markdown, packed (src/lesson/share.ts), and a step (1-based). */
  | { name: 'shared'; payload: string; step: number }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = decode(hash.replace(/^#/, '')) || '/';
  if (path === '/' || path === '') return { name: 'map' };
  const g = /^\/gallery(?:\/(nn-[a-z0-9-]+))?\/?$/.exec(path);
  if (g) return g[1] ? { name: 'gallery', tag: g[1] } : { name: 'gallery' };
  if (/^\/studio\/?$/.test(path)) return { name: 'studio' };
  const s = /^\/shared\/([^/]*)(?:\/(\d+))?\/?$/.exec(path);
  if (s) return { name: 'shared', payload: s[1]!, step: Math.max(1, Number(s[2] ?? 1)) };
  const m = /^\/lesson\/([a-z0-9-]+)(?:\/(\d+))?\/?$/.exec(path);
  if (m) return { name: 'lesson', id: m[1]!, step: Math.max(1, Number(m[2] ?? 1)) };
  return { name: 'not-found', path };
}

/** A broken escape (`#/%E0%A4%A`) is shown as typed, not thrown: it is just a page not found. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function lessonHref(id: string, step = 1): string {
  return `#/lesson/${id}/${step}`;
}

/**
 * The address a lesson step should have: its step within the lesson's `stepCount` steps, written
 * out (`#/lesson/derivatives/99` of 8 steps is `#/lesson/derivatives/8`, `#/lesson/x` is `…/x/1`).
 */
export function canonicalLessonHref(id: string, step: number, stepCount: number): string {
  const last = Math.max(1, Math.floor(stepCount));
  return lessonHref(id, Math.min(Math.max(1, Math.floor(step) || 1), last));
}

export function sharedHref(payload: string, step = 1): string {
  return `#/shared/${payload}/${step}`;
}

export const mapHref = '#/';
export const studioHref = '#/studio';
export const galleryHref = '#/gallery';
