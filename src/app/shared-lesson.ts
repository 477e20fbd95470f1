/**
 * Opening a lesson shared by link (`#/shared/<payload>`, or `embed.html#shared=<payload>`): unpack
 * its Markdown (src/lesson/share.ts) and compile it as someone else's text (`untrusted: true`).
 * The compiler is loaded here, lazily: the course map never downloads it.
 *
 * A shared lesson keeps its progress apart from the course's lessons: its id is `shared:<id>`.
 */
import type { Lesson } from '../lesson/types';

export type SharedOpen =
  { ok: true; lesson: Lesson; source: string } | { ok: false; title: string; reason: string };

/** The id a shared lesson's progress is kept under. */
export const sharedLessonId = (id: string) => `shared:${id}`;

/** The shared lesson in `payload`, compiled, or why it cannot be shown. Never throws. */
export async function openSharedLesson(payload: string): Promise<SharedOpen> {
  let share: typeof import('../lesson/share');
  let compiler: typeof import('../lesson/compile');
  try {
    [share, compiler] = await Promise.all([import('../lesson/share'), import('../lesson/compile')]);
  } catch {
    return {
      ok: false,
      title: 'The shared lesson could not be loaded',
      reason: navigator.onLine
        ? 'Part of the course did not download. Reload the page to try again.'
        : 'Part of the course is not on this device yet: open the course once while online.',
    };
  }
  const decoded = await share.decodeLesson(payload);
  if (!decoded.ok)
    return { ok: false, title: 'This link does not open a lesson', reason: decoded.reason };
  try {
    const lesson = compiler.compileLesson(decoded.source, {
      file: 'shared lesson',
      untrusted: true,
    });
    return {
      ok: true,
      lesson: { ...lesson, id: sharedLessonId(lesson.id) },
      source: decoded.source,
    };
  } catch (error) {
    return {
      ok: false,
      title: 'This shared lesson has a mistake',
      reason:
        (error instanceof compiler.LessonError ? error.message : String(error)) +
        ' Ask its author to fix it in the studio and share the link again.',
    };
  }
}

const HANDOVER_KEY = 'gradient-trail:studio-copy';

/** Hands a shared lesson's text to the studio, which opens it as a new draft (see `takeHandover`). */
export function handToStudio(source: string): boolean {
  try {
    sessionStorage.setItem(HANDOVER_KEY, source);
    return true;
  } catch {
    return false;
  }
}

/** The text handed over by `handToStudio`, once; undefined if none. */
export function takeHandover(): string | undefined {
  try {
    const source = sessionStorage.getItem(HANDOVER_KEY);
    sessionStorage.removeItem(HANDOVER_KEY);
    return source ?? undefined;
  } catch {
    return undefined;
  }
}
