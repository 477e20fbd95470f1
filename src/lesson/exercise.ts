import { html, css, nothing, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ContextConsumer } from '@lit/context';
import { NnElement, define } from '../widgets/shared/base';
import { reactive, startingAt, states } from '../widgets/shared/reactive';
import { tokens } from '../widgets/shared/tokens';
import { proseStyles } from './prose-styles';
import { progressContext } from './context';
import type { ExerciseProgress } from './progress-data';
import type { ExerciseSpec } from './types';
import { hintsToShow, isNumericCorrect, parseNumber, solutionShown } from './answers';

export interface ExerciseEventDetail {
  lessonId: string;
  exerciseId: string;
  correct: boolean;
}

type Feedback = { tone: 'info' | 'wrong' | 'right'; text: string } | null;

let uid = 0;

/** The words of some trusted HTML (MathML included: "2×4"), for accessible names. */
function plainText(markup: string): string {
  const t = document.createElement('template');
  t.innerHTML = markup;
  return (t.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * An exercise inside a lesson: a numeric answer, a multiple choice, or "predict, then check".
 * Instant feedback; a hint after each wrong attempt; the worked answer after a few attempts;
 * solved state remembered through the progress store (when one is provided).
 *
 * @summary A checked exercise with hints and a worked answer.
 * @event nn-exercise-attempt - Each checked answer. Detail: `{ lessonId, exerciseId, correct }`.
 * @event nn-exercise-solved - The first right answer (or committed prediction). Same detail.
 * @csspart card - The exercise's box.
 */
export class NnExercise extends NnElement {
  static override embeddable = false;

  static override properties = {
    ...reactive({ spec: undefined }, { attribute: false }),
    /** The lesson the exercise belongs to (for stored progress). */
    lessonId: startingAt({ attribute: 'lesson-id' }, () => ''),
    /** The exercise's id within the lesson. */
    exerciseId: startingAt({ attribute: 'exercise-id' }, () => ''),
    ...states({ _state: { wrong: 0, solved: false }, _feedback: null, _choice: null }),
  };

  /** The exercise, as compiled from the lesson (set by `<nn-lesson>`). */
  declare spec: ExerciseSpec | undefined;
  declare lessonId: string;
  declare exerciseId: string;
  declare _state: ExerciseProgress;
  declare _feedback: Feedback;
  declare _choice: number | null;

  private readonly idBase = `ex${++uid}`;
  private readonly progress = new ContextConsumer(this, {
    context: progressContext,
    subscribe: true,
  });

  static override styles = [
    tokens,
    proseStyles,
    css`
      :host {
        display: block;
        margin: 1.5rem 0;
      }
      .card {
        border: 2px solid var(--_border);
        border-left: 6px solid var(--_accent);
        border-radius: var(--_radius);
        padding: 1rem 1.1rem;
        background: var(--_bg);
      }
      .card.solved {
        border-left-color: var(--_success);
      }
      .label {
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--_muted);
        font-weight: 700;
        margin: 0 0 0.4rem;
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .badge {
        color: var(--_success);
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        min-width: 0;
      }
      legend {
        padding: 0;
        margin-bottom: 0.5rem;
      }
      .choices {
        display: grid;
        gap: 0.4rem;
        margin: 0.5rem 0 0.75rem;
      }
      .choice {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        padding: 0.45rem 0.6rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        min-height: 44px;
        box-sizing: border-box;
        cursor: pointer;
      }
      .choice input {
        width: 1.2rem;
        height: 1.2rem;
        margin: 0;
        flex: none;
      }
      .choice :is(p) {
        margin: 0;
      }
      .answer-row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.5rem;
      }
      input[type='text'] {
        font: inherit;
        min-height: 44px;
        box-sizing: border-box;
        padding: 0.3rem 0.6rem;
        width: 10rem;
        max-width: 100%;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_fg);
      }
      input[aria-invalid='true'] {
        border-color: var(--_danger);
      }
      .feedback {
        margin: 0.6rem 0 0;
        font-weight: 600;
      }
      .feedback.wrong {
        color: var(--_danger);
      }
      .feedback.right {
        color: var(--_success);
      }
      .hint,
      .solution {
        margin-top: 0.75rem;
        padding: 0.6rem 0.8rem;
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .hint .box-title,
      .solution .box-title {
        display: block;
        margin-bottom: 0.25rem;
      }
      .reveal {
        margin-top: 1rem;
      }
      .link {
        background: none;
        border: none;
        color: var(--_accent);
        text-decoration: underline;
        padding: 0.2rem 0;
        min-height: 44px;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('spec') || changed.has('lessonId') || changed.has('exerciseId'))
      this.syncFromStore();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncFromStore();
    // Progress can change under the exercise: an import, or the same lesson in another tab.
    queueMicrotask(() => {
      if (!this.isConnected) return;
      this.stopSync = this.progress.value?.subscribe(() => this.syncFromStore());
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSync?.();
    this.stopSync = undefined;
  }

  private stopSync: (() => void) | undefined;

  private get id_(): string {
    return this.spec?.id ?? this.exerciseId;
  }

  private syncFromStore(): void {
    const store = this.progress.value;
    if (!store || !this.spec) return;
    this._state = store.exercise(this.lessonId, this.id_);
    if (
      this.spec.kind !== 'numeric' &&
      this._state.prediction !== undefined &&
      this.spec.kind === 'predict'
    ) {
      this._choice = this._state.prediction;
    }
  }

  private record(correct: boolean, prediction?: number): void {
    const wasSolved = this._state.solved;
    const store = this.progress.value;
    if (store) {
      if (prediction !== undefined)
        store.recordPrediction(this.lessonId, this.id_, prediction, correct);
      else store.recordAnswer(this.lessonId, this.id_, correct);
      this._state = store.exercise(this.lessonId, this.id_);
    } else {
      const s = { ...this._state };
      if (prediction !== undefined) {
        s.prediction = prediction;
        s.solved = true;
        if (!correct) s.wrong += 1;
      } else if (!s.solved) {
        if (correct) s.solved = true;
        else s.wrong += 1;
      }
      this._state = s;
    }
    const detail: ExerciseEventDetail = { lessonId: this.lessonId, exerciseId: this.id_, correct };
    this.emit('nn-exercise-attempt', detail);
    if (!wasSolved && this._state.solved) this.emit('nn-exercise-solved', detail);
  }

  private onNumeric(e: Event): void {
    e.preventDefault();
    const spec = this.spec;
    if (spec?.kind !== 'numeric' || this._state.solved) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=text]');
    const parsed = parseNumber(input?.value ?? '');
    if (!parsed.ok) {
      this._feedback = { tone: 'info', text: parsed.message };
      return;
    }
    const correct = isNumericCorrect(spec, parsed.value);
    this.record(correct);
    this._feedback = correct
      ? { tone: 'right', text: `Correct: ${input?.value.trim()} is right.` }
      : { tone: 'wrong', text: `Not quite: ${input?.value.trim()} is not the answer.` };
  }

  private onChoice(e: Event): void {
    e.preventDefault();
    const spec = this.spec;
    if (!spec || spec.kind === 'numeric') return;
    if (this._choice === null) {
      this._feedback = {
        tone: 'info',
        text: spec.kind === 'predict' ? 'Pick your prediction first.' : 'Pick an answer first.',
      };
      return;
    }
    const correct = this._choice === spec.answer;
    if (spec.kind === 'predict') {
      if (this._state.prediction !== undefined) return;
      this.record(correct, this._choice);
      this._feedback = correct
        ? { tone: 'right', text: 'Your prediction was right. See for yourself below.' }
        : { tone: 'wrong', text: 'Not what happens. See for yourself below, then read why.' };
      return;
    }
    if (this._state.solved) return;
    this.record(correct);
    this._feedback = correct
      ? { tone: 'right', text: 'Correct!' }
      : { tone: 'wrong', text: 'Not quite. Try another answer.' };
  }

  private showSolution(): void {
    this.progress.value?.revealSolution(this.lessonId, this.id_);
    this._state = { ...this._state, revealed: true };
  }

  override render() {
    const spec = this.spec;
    if (!spec) return html`<div class="card" part="card">Loading exercise…</div>`;
    const s = this._state;
    const kindLabel =
      spec.kind === 'numeric'
        ? 'Exercise'
        : spec.kind === 'choice'
          ? 'Quiz'
          : 'Predict, then check';
    const committed = spec.kind === 'predict' && s.prediction !== undefined;
    const hintCount =
      spec.kind === 'predict' ? 0 : hintsToShow(s.solved ? 0 : s.wrong, spec.hints.length);
    const solution =
      spec.kind === 'predict'
        ? committed
        : solutionShown(s.wrong, spec.attempts, s.solved) || Boolean(s.revealed);
    return html`
      <div
        role="group"
        class="card ${s.solved ? 'solved' : ''}"
        part="card"
        aria-labelledby="${this.idBase}-label"
      >
        <p class="label" id="${this.idBase}-label">
          ${kindLabel}${s.solved ? html`<span class="badge">✓ ${spec.kind === 'predict' ? 'done' : 'solved'}</span>` : nothing}
        </p>
        ${spec.kind === 'numeric' ? this.renderNumeric(spec) : this.renderChoices(spec, committed)}
        <p class="feedback ${this._feedback?.tone ?? ''}" role="status" aria-live="polite">
          ${this._feedback?.text ?? (s.solved && spec.kind !== 'predict' ? 'Solved.' : '')}
        </p>
        ${
          spec.kind !== 'predict' && spec.hints.length > 0
            ? spec.hints
                .slice(0, hintCount)
                .map(
                  (h, i) =>
                    html`<div class="hint prose">
                      <strong class="box-title"
                        >Hint${spec.hints.length > 1 ? ` ${i + 1}` : ''}</strong
                      >${unsafeHTML(h)}
                    </div>`,
                )
            : nothing
        }
        ${committed ? html`<div class="reveal">${unsafeHTML(spec.reveal)}</div>` : nothing}
        ${
          solution
            ? html`<div class="solution prose">
                <strong class="box-title">${s.solved ? 'Why' : 'Worked answer'}</strong
                >${unsafeHTML(spec.solution)}
              </div>`
            : spec.kind !== 'predict' && s.wrong > 0
              ? html`<button class="link" type="button" @click=${this.showSolution}>
                  Show the worked answer
                </button>`
              : nothing
        }
      </div>
    `;
  }

  private renderNumeric(spec: Extract<ExerciseSpec, { kind: 'numeric' }>) {
    const invalid = this._feedback?.tone === 'info';
    return html`
      <div class="prose" id="${this.idBase}-prompt">${unsafeHTML(spec.prompt)}</div>
      <form class="answer-row" @submit=${this.onNumeric} novalidate>
        <input
          type="text"
          inputmode="decimal"
          autocomplete="off"
          spellcheck="false"
          aria-labelledby="${this.idBase}-prompt"
          aria-invalid=${invalid ? 'true' : 'false'}
          ?readonly=${this._state.solved}
          @input=${() => {
            if (this._feedback?.tone === 'info') this._feedback = null;
          }}
        />
        <button class="primary" type="submit" ?disabled=${this._state.solved}>Check</button>
      </form>
    `;
  }

  private renderChoices(spec: Exclude<ExerciseSpec, { kind: 'numeric' }>, committed: boolean) {
    const locked = spec.kind === 'predict' ? committed : this._state.solved;
    const selected = locked && spec.kind === 'choice' ? spec.answer : this._choice;
    const name = `${this.idBase}-choice`;
    return html`
      <form @submit=${this.onChoice}>
        <fieldset ?disabled=${locked}>
          <legend class="prose">${unsafeHTML(spec.prompt)}</legend>
          <div class="choices">
            ${spec.choices.map(
              (c, i) => html`
                <label class="choice">
                  <input
                    type="radio"
                    name=${name}
                    aria-label=${plainText(c)}
                    .checked=${selected === i}
                    @change=${() => {
                      this._choice = i;
                      if (this._feedback?.tone === 'info') this._feedback = null;
                    }}
                  />
                  <span class="prose">${unsafeHTML(c)}</span>
                </label>
              `,
            )}
          </div>
          <button class="primary" type="submit">
            ${spec.kind === 'predict' ? 'Commit my prediction' : 'Check'}
          </button>
        </fieldset>
      </form>
    `;
  }

  override updated(): void {
    // Restore the typed/selected answer of a solved numeric exercise after a reload.
    if (this.spec?.kind === 'numeric' && this._state.solved) {
      const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=text]');
      if (input && input.value === '') input.value = String(this.spec.answer);
    }
  }
}

define('nn-exercise', NnExercise);

declare global {
  interface HTMLElementTagNameMap {
    'nn-exercise': NnExercise;
  }
}
