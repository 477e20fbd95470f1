/**
 * One lesson filling embed.html, telling the page that framed it what the student does. Every
 * message is an object with `type` and the `lesson` id, posted to the parent at the origin named
 * by `parent-origin=` (see ./lesson-frame.ts) and nowhere else:
 *
 * - `gradient-trail:lesson-ready` `{ lesson, title, stepCount, exerciseCount }` — the lesson is shown.
 * - `gradient-trail:step-viewed` `{ lesson, step, stepCount, title }` — a step is shown (the first
 *   one on load, then each move).
 * - `gradient-trail:exercise-answered` `{ lesson, exercise, correct, attempts, solved }` — an answer
 *   was checked; `attempts` counts them all (the wrong ones and the right one).
 * - `gradient-trail:lesson-completed` `{ lesson, score, solved, exerciseCount }` — the student
 *   reached the last step, and again after each answer from then on (the score may have risen);
 *   `score` is solved / exerciseCount, from 0 to 1 (1 for a lesson without exercises).
 * - `gradient-trail:lesson-error` `{ lesson, message }` — the lesson could not be shown.
 * - `gradient-trail:resize` `{ height }` — the document's height, to size the iframe.
 *
 * Progress is kept as on the course's own pages (same origin, same store); a shared lesson's
 * under `shared:<id>`.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { loadLesson } from 'virtual:lessons';
import { define } from '../widgets/shared/base';
import { setStartingValues, states } from '../widgets/shared/reactive';
import { tokens } from '../widgets/shared/tokens';
import { loadWidgets } from '../widgets/loaders';
import { progressContext } from '../lesson/context';
import { ProgressStore, STORAGE_KEY } from '../lesson/progress';
import type { Lesson } from '../lesson/types';
import type { StepChangeDetail } from '../lesson/lesson-runner';
import type { ExerciseEventDetail } from '../lesson/exercise';
import '../lesson/lesson-runner';
import { openSharedLesson } from './shared-lesson';
import type { LessonFrameRequest } from './lesson-frame';
import { safeLocalStorage } from './local-storage';

export const MESSAGE_PREFIX = 'gradient-trail:';

/** The lesson in a frame: loads it, shows it with `<nn-lesson>`, and reports to the parent. */
export class GtLessonFrame extends LitElement {
  static override properties = states({ _lesson: undefined, _error: '', _step: 1 });
  declare _lesson: Lesson | undefined;
  declare _error: string;
  declare _step: number;

  request: LessonFrameRequest = { step: 1 };
  private readonly store = new ProgressStore(safeLocalStorage(), STORAGE_KEY);
  readonly provider = new ContextProvider(this, {
    context: progressContext,
    initialValue: this.store,
  });

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        padding: 0.75rem 1rem 1rem;
        background: var(--_bg);
        color: var(--_fg);
      }
      .error {
        color: var(--_danger);
      }
    `,
  ];

  constructor() {
    super();
    setStartingValues(this);
  }

  /** Posts to the parent at the named origin; with none, nothing is posted. */
  post(type: string, detail: Record<string, unknown>): void {
    const origin = this.request.parentOrigin;
    if (!origin || window.parent === window) return;
    window.parent.postMessage({ type: MESSAGE_PREFIX + type, ...detail }, origin);
  }

  async load(): Promise<void> {
    const { lesson: id, shared, step } = this.request;
    this._step = step;
    let lesson: Lesson | undefined;
    if (shared !== undefined) {
      const opened = await openSharedLesson(shared);
      if (!opened.ok) return this.fail(shared.slice(0, 16), `${opened.title}. ${opened.reason}`);
      lesson = opened.lesson;
    } else {
      try {
        lesson = await loadLesson(id ?? '');
      } catch {
        return this.fail(id ?? '', 'The lesson could not be loaded. Reload the page to try again.');
      }
      if (!lesson) return this.fail(id ?? '', `There is no lesson called “${id}”.`);
    }
    this._lesson = lesson;
    document.title = `${lesson.title} — Gradient Trail`;
    this.post('lesson-ready', {
      lesson: lesson.id,
      title: lesson.title,
      stepCount: lesson.steps.length,
      exerciseCount: lesson.exerciseIds.length,
    });
    this.stepViewed(Math.min(this._step, lesson.steps.length));
    await loadWidgets(lesson.widgets).catch(() => undefined);
  }

  private fail(lesson: string, message: string): void {
    this._error = message;
    document.title = 'Lesson not available — Gradient Trail';
    this.post('lesson-error', { lesson, message });
  }

  private stepViewed(step: number): void {
    const lesson = this._lesson;
    if (!lesson) return;
    this.post('step-viewed', {
      lesson: lesson.id,
      step,
      stepCount: lesson.steps.length,
      title: lesson.steps[step - 1]?.title ?? '',
    });
  }

  private onAttempt(e: CustomEvent<ExerciseEventDetail>): void {
    const { lessonId, exerciseId, correct } = e.detail;
    const state = this.store.exercise(lessonId, exerciseId);
    this.post('exercise-answered', {
      lesson: lessonId,
      exercise: exerciseId,
      correct,
      attempts: state.wrong + (state.solved ? 1 : 0),
      solved: state.solved,
    });
    const lesson = this._lesson;
    if (lesson && this.store.lesson(lesson.id)?.completedAt) this.onComplete();
  }

  private onComplete(): void {
    const lesson = this._lesson;
    if (!lesson) return;
    const summary = this.store.summary(lesson.id, lesson.steps.length, lesson.exerciseIds);
    const total = lesson.exerciseIds.length;
    this.post('lesson-completed', {
      lesson: lesson.id,
      score: total === 0 ? 1 : summary.exercisesSolved / total,
      solved: summary.exercisesSolved,
      exerciseCount: total,
    });
  }

  protected override firstUpdated(_changed: PropertyValues<this>): void {
    new ResizeObserver(() =>
      this.post('resize', { height: document.documentElement.scrollHeight }),
    ).observe(document.body);
  }

  override render() {
    if (this._error)
      return html`<h1>Lesson not available</h1>
        <p class="error">${this._error}</p>`;
    return html`<nn-lesson
      .lesson=${this._lesson}
      .step=${this._step}
      home-href="./#/"
      @nn-step-change=${(e: CustomEvent<StepChangeDetail>) => {
        this._step = e.detail.step;
        this.stepViewed(e.detail.step);
      }}
      @nn-exercise-attempt=${this.onAttempt}
      @nn-lesson-complete=${this.onComplete}
    ></nn-lesson>`;
  }
}

define('gt-lesson-frame', GtLessonFrame);

declare global {
  interface HTMLElementTagNameMap {
    'gt-lesson-frame': GtLessonFrame;
  }
}

export function showLessonFrame(request: LessonFrameRequest): void {
  const root = document.getElementById('frame')!;
  const frame = document.createElement('gt-lesson-frame');
  frame.request = request;
  root.className = 'lesson';
  root.replaceChildren(frame);
  void frame.load();
}
