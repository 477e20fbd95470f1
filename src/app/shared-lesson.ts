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
