import { html, css, nothing, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ContextConsumer } from '@lit/context';
import { NnElement, define, styleProps } from '../widgets/shared/base';
import { tokens } from '../widgets/shared/tokens';
import { proseStyles } from './prose-styles';
import { progressContext } from './context';
import type { Lesson, LessonMeta } from './types';
import './exercise';
import type { NnExercise } from './exercise';

/** Roles whose elements move with the arrow keys themselves (ARIA authoring practices). */
const ARROW_ROLES = new Set([
  'slider',
  'spinbutton',
  'radiogroup',
  'radio',
  'tablist',
  'tab',
  'listbox',
  'option',
  'menu',
  'menubar',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'grid',
  'treegrid',
  'tree',
  'treeitem',
  'combobox',
  'textbox',
  'searchbox',
  'application',
  'region',
]);

/**
 * Whether ← and → belong to whatever has focus rather than to the lesson: a control that handled
 * them (`defaultPrevented` is checked by the caller), a text field, a select, an editable text,
 * a control whose role moves with arrows, a scrolling code block, an open dialog, or a widget's
 * own focused element (`<nn-…>` hosts with their own keyboard handling).
 */
function usesArrows(e: KeyboardEvent): boolean {
  const path = e.composedPath();
  for (const node of path) {
    if (!(node instanceof HTMLElement) && !(node instanceof SVGElement)) continue;
    const tag = node.localName;
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || tag === 'pre') return true;
    if (tag === 'dialog' || (node instanceof HTMLElement && node.isContentEditable)) return true;
    const role = node.getAttribute('role');
    if (role && ARROW_ROLES.has(role)) return true;
  }
  const target = path[0];
  return (
    target instanceof Element &&
    target.localName.startsWith('nn-') &&
    target.localName !== 'nn-lesson' &&
    target.localName !== 'nn-exercise'
  );
}

export interface StepChangeDetail {
  lessonId: string;
  step: number;
}

/**
 * Shows a lesson one step (one `##` section) at a time: Next/Back buttons, ← and → keys, a
 * progress bar, focus on the step heading after each move, and the next lesson on the last step.
 *
 * @summary The step-by-step lesson runner.
 * @event nn-step-change - The student moved to another step. Detail: `{ lessonId, step }`.
 * @event nn-lesson-complete - The student reached the end of the lesson. Detail: `{ lessonId, first }`.
 */
export class NnLesson extends NnElement {
  static override embeddable = false;

  static override properties = {
    lesson: { attribute: false },
    step: { type: Number, reflect: true },
    next: { attribute: false },
    nextHref: { attribute: 'next-href' },
    homeHref: { attribute: 'home-href' },
    _celebrate: { state: true },
  };

  /** The compiled lesson to show. */
  declare lesson: Lesson | undefined;
  /** The current step, 1-based (clamped to the lesson's steps). Default 1. */
  declare step: number;
  /** The lesson after this one, offered on the last step. */
  declare next: LessonMeta | undefined;
  /** Link to the next lesson's first step. */
  declare nextHref: string;
  /** Link back to the course map. Default `#/`. */
  declare homeHref: string;
  declare _celebrate: boolean;

  private readonly progress = new ContextConsumer(this, { context: progressContext });
  private moved = false;
  private stopStatus: (() => void) | undefined;

  constructor() {
    super();
    this.lesson = undefined;
    this.step = 1;
    this.next = undefined;
    this.nextHref = '';
    this.homeHref = '#/';
    this._celebrate = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The whole page listens, not only this element: after a fresh deep link or a click on the
    // text, focus is on the body, outside the lesson.
    window.addEventListener('keydown', this.onKey);
    // "Your progress is saved" is said only while it is.
    queueMicrotask(() => {
      if (!this.isConnected) return;
      this.stopStatus = this.progress.value?.subscribeStatus(() => this.requestUpdate());
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    this.stopStatus?.();
    this.stopStatus = undefined;
  }

  static override styles = [
    tokens,
    proseStyles,
    css`
      :host {
        display: block;
      }
      header {
        margin-bottom: 1.25rem;
      }
      /* A step's text is shown before its widgets' code arrives (gt-app sets loading-widgets until
         then). Meanwhile a widget keeps a space, and what follows it waits unseen, so nothing jumps
         when the widget appears; if the code never arrives, the text shows all the same. */
      :host([loading-widgets]) .prose :not(:defined) {
        display: block;
        min-height: 16rem;
      }
      :host([loading-widgets]) .prose :not(:defined) ~ *,
      :host([loading-widgets]) .prose > :has(:not(:defined)) ~ * {
        visibility: hidden;
      }
      /* Where the lesson's first line will be, so nothing moves when it arrives. */
      .loading {
        margin: 0;
      }
      .crumbs {
        margin: 0 0 0.25rem;
        font-size: 0.9rem;
      }
      .crumbs a {
        color: var(--_accent);
      }
      h1 {
        font-size: clamp(1.5rem, 4vw, 2.1rem);
        margin: 0 0 0.75rem;
        line-height: 1.2;
      }
      .meter {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        font-size: 0.95rem;
        color: var(--_muted);
      }
      progress {
        flex: 1;
        height: 0.6rem;
        accent-color: var(--_accent);
      }
      h2 {
        font-size: clamp(1.25rem, 3.2vw, 1.6rem);
        margin: 0 0 1rem;
        line-height: 1.25;
        scroll-margin-top: 5rem;
      }
      h2:focus {
        outline: none;
      }
      h2:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 4px;
      }
      nav {
        display: flex;
        justify-content: space-between;
        gap: 0.75rem;
        margin-top: 2rem;
        padding-top: 1rem;
        border-top: 1px solid var(--_border);
        flex-wrap: wrap;
      }
      nav .spacer {
        flex: 1;
      }
      .keys {
        font-size: 0.85rem;
        color: var(--_muted);
        margin-top: 0.5rem;
      }
      .done {
        margin-top: 1.5rem;
        padding: 1rem 1.2rem;
        border-radius: var(--_radius);
        border: 2px solid var(--_success);
        background: var(--_surface);
        position: relative;
        overflow: hidden;
      }
      .done h3 {
        margin: 0 0 0.5rem;
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      /* Drawn, not an emoji: a machine without an emoji font showed an empty box. */
      .done-mark {
        flex: none;
        width: 1.4em;
        height: 1.4em;
      }
      .done-mark circle {
        fill: var(--_success);
      }
      .done-mark path {
        fill: none;
        stroke: var(--_bg, #fff);
        stroke-width: 2.5;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
      .done .actions {
        display: flex;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin-top: 0.75rem;
      }
      a.button {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0.4rem 0.9rem;
        border-radius: var(--_radius);
        border: 1px solid var(--_accent);
        text-decoration: none;
        color: var(--_accent);
        box-sizing: border-box;
      }
      a.button.primary {
        background: var(--_accent);
        color: var(--_accent-fg);
      }
      .confetti {
        position: absolute;
        inset: 0;
        pointer-events: none;
      }
      .confetti i {
        position: absolute;
        top: -10px;
        width: 8px;
        height: 14px;
        border-radius: 2px;
        animation: fall 1.6s ease-in forwards;
      }
      @keyframes fall {
        to {
          transform: translateY(180px) rotate(540deg);
          opacity: 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .confetti {
          display: none;
        }
      }
    `,
  ];

  private get stepCount(): number {
    return this.lesson?.steps.length ?? 0;
  }

  private get current(): number {
    return Math.min(Math.max(1, Math.round(this.step) || 1), Math.max(1, this.stepCount));
  }

  /** Move to a step (1-based). */
  go(step: number): void {
    const lesson = this.lesson;
    if (!lesson) return;
    const target = Math.min(Math.max(1, step), lesson.steps.length);
    if (target === this.current) return;
    this.moved = true;
    this.step = target;
    this.emit<StepChangeDetail>('nn-step-change', { lessonId: lesson.id, step: target });
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    if (!this.lesson || usesArrows(e)) return;
    e.preventDefault();
    this.go(this.current + (e.key === 'ArrowRight' ? 1 : -1));
  };

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lesson') && changed.get('lesson') !== undefined) {
      this._celebrate = false;
    }
  }

  override updated(changed: PropertyValues<this>): void {
    const lesson = this.lesson;
    if (!lesson) return;
    // Hand each exercise of the step its spec.
    for (const el of this.renderRoot.querySelectorAll<NnExercise>('nn-exercise[exercise-id]')) {
      const id = el.getAttribute('exercise-id') ?? '';
      // Compared as objects: the studio's preview hands a new spec for the same id after an edit.
      if (el.spec !== lesson.exercises[id]) {
        el.lessonId = lesson.id;
        el.spec = lesson.exercises[id];
      }
    }
    if (changed.has('step') || changed.has('lesson')) {
      const step = this.current;
      this.progress.value?.visitStep(lesson.id, step, lesson.steps.length);
      if (step === lesson.steps.length) this.finish();
      if (this.moved) {
        this.moved = false;
        const heading = this.renderRoot.querySelector<HTMLElement>('h2');
        heading?.focus({ preventScroll: true });
        heading?.scrollIntoView?.({ block: 'start', behavior: 'instant' as ScrollBehavior });
      }
    }
  }

  /** Focus the step heading (the app calls this after navigating by URL). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private finish(): void {
    const lesson = this.lesson;
    if (!lesson) return;
    const first = this.progress.value?.completeLesson(lesson.id) ?? !this._celebrate;
    if (first) this._celebrate = true;
    this.emit('nn-lesson-complete', { lessonId: lesson.id, first });
  }

  override render() {
    const lesson = this.lesson;
    if (!lesson) return html`<p class="loading" role="status">Loading the lesson…</p>`;
    const n = this.current;
    const total = lesson.steps.length;
    const step = lesson.steps[n - 1];
    if (!step) return nothing;
    const last = n === total;
    return html`
      <header>
        <p class="crumbs"><a href=${this.homeHref}>Course map</a> · Lesson ${lesson.order}</p>
        <h1>${lesson.title}</h1>
        <div class="meter">
          <span id="step-label">Step ${n} of ${total}</span>
          <progress max=${total} .value=${n} aria-labelledby="step-label"></progress>
        </div>
      </header>
      <article>
        <h2 tabindex="-1">${unsafeHTML(step.titleHtml)}</h2>
        <div class="prose">${unsafeHTML(step.html)}</div>
        ${last ? this.renderDone(lesson) : nothing}
      </article>
      <nav aria-label="Lesson steps">
        <button type="button" ?disabled=${n === 1} @click=${() => this.go(n - 1)}>← Back</button>
        <span class="spacer"></span>
        ${
          last
            ? nothing
            : html`<button type="button" class="primary" @click=${() => this.go(n + 1)}>
                Next →
              </button>`
        }
      </nav>
      <p class="keys">Tip: the ← and → keys move between steps.</p>
    `;
  }

  private renderDone(lesson: Lesson) {
    const colours = ['#1d4ed8', '#b45309', '#15803d', '#be185d', '#7c3aed'];
    return html`
      <section class="done" aria-labelledby="done-title">
        ${
          this._celebrate
            ? html`<div class="confetti" aria-hidden="true">
                ${Array.from(
                  { length: 24 },
                  (_, i) =>
                    html`<i
                      style=${styleProps({
                        left: `${(i * 37) % 100}%`,
                        background: colours[i % colours.length],
                        animationDelay: `${(i % 6) * 0.08}s`,
                      })}
                    ></i>`,
                )}
              </div>`
            : nothing
        }
        <h3 id="done-title">
          <svg class="done-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="11"></circle>
            <path d="M6.5 12.5l3.5 3.5 7.5-8"></path>
          </svg>
          Lesson complete: ${lesson.title}
        </h3>
        <p>
          You reached the end of this lesson.
          ${
            !this.progress.value || this.progress.value.memoryOnly
              ? 'This is a preview: answers given here are not saved.'
              : this.progress.value?.saveProblem
                ? 'Your progress is not being saved right now: export it to keep it (see the notice on this page).'
                : 'Your progress is saved on this device.'
          }
        </p>
        <div class="actions">
          ${
            this.next
              ? html`<a class="button primary" href=${this.nextHref}
                  >Next lesson: ${this.next.title} →</a
                >`
              : html`<span>That is the last lesson for now.</span>`
          }
          <a class="button" href=${this.homeHref}>Back to the course map</a>
        </div>
      </section>
    `;
  }
}

define('nn-lesson', NnLesson);

declare global {
  interface HTMLElementTagNameMap {
    'nn-lesson': NnLesson;
  }
}
