/**
 * embed.html's whole-lesson mode, for a learning-management system (LMS) that frames a lesson and
 * wants to hear what the student does:
 *
 *   <iframe src="https://…/embed.html#lesson=sigmoid-neuron&parent-origin=https://lms.example"></iframe>
 *   <iframe src="https://…/embed.html#shared=<payload>&parent-origin=https://lms.example"></iframe>
 *
 * `lesson=` names a course lesson, `shared=` carries a shared lesson (the payload of a studio
 * link, src/lesson/share.ts). With `parent-origin=` (an origin: scheme, host and port) the frame
 * posts the messages of `./lesson-frame-view.ts` to its parent at that origin only; without one, or
 * with one that is not an origin, it posts nothing at all. `step=` opens a step (1-based).
 *
 * This entry is tiny and loads the lesson runtime only when the address asks for a lesson; the
 * one-widget page (src/embed/frame.ts) stands aside for such an address. It lives in the app
 * layer because a lesson needs the lesson runtime, which src/embed may not import.
 */

export interface LessonFrameRequest {
  /** A course lesson's id, or undefined. */
  lesson?: string;
  /** A shared lesson's payload, or undefined. */
  shared?: string;
  /** Where messages go; undefined: nowhere. */
  parentOrigin?: string;
  step: number;
}

/** Whether an embed.html address asks for a whole lesson (`#lesson=…` or `#shared=…`). */
export function isLessonFrameHash(hash: string): boolean {
  return /^#?(lesson|shared)=/.test(hash);
}

/** An origin exactly as `URL` writes one (`https://lms.example:8443`), else undefined. */
export function parseOrigin(text: string | null): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function parseLessonFrameHash(hash: string): LessonFrameRequest | undefined {
  if (!isLessonFrameHash(hash)) return undefined;
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    lesson: params.get('lesson') ?? undefined,
    shared: params.get('shared') ?? undefined,
    parentOrigin: parseOrigin(params.get('parent-origin')),
    step: Math.max(1, Math.floor(Number(params.get('step') ?? 1)) || 1),
  };
}

if (typeof document !== 'undefined' && document.getElementById('frame')) {
  const request = parseLessonFrameHash(location.hash);
  if (request) {
    void import('./lesson-frame-view').then((m) => m.showLessonFrame(request));
  }
}
