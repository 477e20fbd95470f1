import { LitElement, html, css, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { define } from '../widgets/shared/define';
import { tokens } from '../widgets/shared/tokens';
import { progressContext } from '../lesson/context';
import type { LessonMeta } from '../lesson/types';
import { lessonHref, studioHref } from './routes';
import './progress-tools';

/**
 * The home page: the lessons in order as a trail, with each one's objectives, time and the
 * student's progress, and a "Continue where you left off" button.
 */
export class GtCourseMap extends LitElement {
  static override properties = {
    lessons: { attribute: false },
  };

  declare lessons: LessonMeta[];

  private readonly progress = new ContextConsumer(this, {
    context: progressContext,
    subscribe: true,
  });
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.lessons = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Redraw when progress changes (import, reset, another tab).
    queueMicrotask(() => {
      this.unsubscribe = this.progress.value?.subscribe(() => this.requestUpdate());
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .hero {
        margin-bottom: 2rem;
      }
      h1 {
        font-size: clamp(1.7rem, 5vw, 2.4rem);
        margin: 0 0 0.5rem;
        line-height: 1.15;
      }
      .lead {
        font-size: 1.1rem;
        color: var(--_muted);
        margin: 0 0 1.25rem;
        max-width: 40rem;
      }
      a.button {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0.5rem 1.1rem;
        border-radius: var(--_radius);
        background: var(--_accent);
        color: var(--_accent-fg);
        text-decoration: none;
        font-weight: 600;
        box-sizing: border-box;
      }
      h2 {
        font-size: 1.3rem;
        margin: 0 0 1rem;
      }
      ol.trail {
        list-style: none;
        margin: 0;
        padding: 0;
        position: relative;
      }
      ol.trail::before {
        content: '';
        position: absolute;
        left: 1.2rem;
        top: 1rem;
        bottom: 1rem;
        border-left: 3px dashed var(--_border);
      }
      ol.trail > li {
        position: relative;
        padding-left: 3.4rem;
        margin-bottom: 1.25rem;
      }
      .marker {
        position: absolute;
        left: 0;
        top: 0.6rem;
        width: 2.4rem;
        height: 2.4rem;
        border-radius: 50%;
        display: grid;
        place-items: center;
        font-weight: 700;
        background: var(--_bg);
        border: 3px solid var(--_accent);
        color: var(--_accent);
        box-sizing: border-box;
      }
      .done .marker {
        background: var(--_success);
        border-color: var(--_success);
        color: var(--_bg);
      }
      .card {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.9rem 1.1rem;
        background: var(--_bg);
      }
      h3 {
        margin: 0 0 0.25rem;
        font-size: 1.15rem;
      }
      h3 a {
        color: var(--_accent);
      }
      .summary {
        margin: 0 0 0.5rem;
      }
      .objectives {
        margin: 0 0 0.5rem;
        padding-left: 1.2rem;
        color: var(--_muted);
        font-size: 0.95rem;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
        font-size: 0.9rem;
        color: var(--_muted);
        align-items: center;
      }
      .facts progress {
        width: 8rem;
        accent-color: var(--_accent);
      }
      .badge {
        color: var(--_success);
        font-weight: 700;
      }
    `,
  ];

  override render() {
    const store = this.progress.value;
    const last = store?.snapshot.last;
    const lastLesson = last && this.lessons.find((l) => l.id === last.lessonId);
    const first = this.lessons[0];
    return html`
      <section class="hero">
        <h1>Learn how neural networks learn</h1>
        <p class="lead">
          From matrices and one sigmoid neuron to backpropagation, one small step at a time, with
          widgets that compute real numbers. Your progress stays on this device.
        </p>
        ${
          lastLesson
            ? html`<a
                class="button"
                href=${lessonHref(lastLesson.id, Math.min(last.step, lastLesson.stepCount))}
                >Continue where you left off: ${lastLesson.title}, step
                ${Math.min(last.step, lastLesson.stepCount)} →</a
              >`
            : first
              ? html`<a class="button" href=${lessonHref(first.id, 1)}
                  >Start with “${first.title}” →</a
                >`
              : nothing
        }
      </section>
      <section aria-labelledby="trail-title">
        <h2 id="trail-title">The trail</h2>
        <ol class="trail">
          ${this.lessons.map((l) => {
            const s = store?.summary(l.id, l.stepCount, l.exerciseIds);
            const stepsSeen = s?.stepsSeen ?? 0;
            return html`
              <li class=${s?.completed ? 'done' : ''}>
                <span class="marker" aria-hidden="true">${s?.completed ? '✓' : l.order}</span>
                <article class="card" aria-labelledby="lesson-${l.id}">
                  <h3 id="lesson-${l.id}">
                    <a href=${lessonHref(l.id, 1)}>Lesson ${l.order}: ${l.title}</a>
                  </h3>
                  <p class="summary">${l.summary}</p>
                  <ul class="objectives" aria-label="Objectives">
                    ${l.objectives.map((o) => html`<li>${o}</li>`)}
                  </ul>
                  <div class="facts">
                    <span>About ${l.minutes} min</span>
                    <span>${stepsSeen} of ${l.stepCount} steps seen</span>
                    <progress
                      max=${l.stepCount}
                      .value=${stepsSeen}
                      aria-label="${l.title}: ${stepsSeen} of ${l.stepCount} steps seen"
                    ></progress>
                    <span
                      >${s?.exercisesSolved ?? 0} of ${l.exerciseIds.length} exercises solved</span
                    >
                    ${s?.completed ? html`<span class="badge">Completed</span>` : nothing}
                  </div>
                </article>
              </li>
            `;
          })}
        </ol>
      </section>
      <gt-progress-tools></gt-progress-tools>
      <p class="teach">
        Teaching? Write a lesson of your own with these widgets and exercises in the
        <a href=${studioHref}>studio</a>, and share it with your class as a link.
      </p>
    `;
  }
}

define('gt-course-map', GtCourseMap);

declare global {
  interface HTMLElementTagNameMap {
    'gt-course-map': GtCourseMap;
  }
}
