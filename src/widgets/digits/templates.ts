/**
 * The pieces of `<nn-digits>` that are markup: the controls, the drawing pad with its ten bars,
 * the confusion matrix with the digits of an opened cell, a gallery of digits, the hidden units
 * and the test-digit picker. Each is a function of what it shows and the callbacks it calls; the
 * state lives in the element, the numbers in model.ts, the words in describe.ts. Digit pictures
 * are `<canvas data-digit="i">` elements the element paints after each update.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../shared/base';
import { cellHeading, percent } from './describe';
import { CLASSES, cellDigits, topThree, type Evaluation } from './model';

/** Digits shown for an opened cell. */
export const SHOW_DIGITS = 30;

export interface ControlsOptions {
  hidden: number;
  hidden2: number;
  architecture: string;
  status: string;
  phase: string;
  /** Training runs (or starts once the digits are here). */
  playing: boolean;
  onHidden(value: number): void;
  onHidden2(value: number): void;
  onTrain(): void;
  onReset(): void;
  onRetry(): void;
}

const HIDDEN_CHOICES = [16, 32, 64, 128];
const HIDDEN2_CHOICES = [0, 16, 32, 64];

function select(
  id: string,
  label: string,
  value: number,
  choices: number[],
  name: (n: number) => string,
  disabled: boolean,
  onChange: (n: number) => void,
): TemplateResult {
  const list = choices.includes(value) ? choices : [...choices, value].sort((a, b) => a - b);
  return html`<label class="pick" for=${id}
    >${label}
    <select
      id=${id}
      ?disabled=${disabled}
      @change=${(e: Event) => onChange(Number((e.target as HTMLSelectElement).value))}
    >
      ${list.map((n) => html`<option value=${n} ?selected=${n === value}>${name(n)}</option>`)}
    </select></label
  >`;
}

export function controls(o: ControlsOptions): TemplateResult {
  const playing = o.playing;
  const busy = o.phase === 'loading' || o.phase === 'failed';
  return html`
    <div class="controls" part="controls">
      <div class="row">
        ${select('hidden', 'Hidden units', o.hidden, HIDDEN_CHOICES, String, playing, o.onHidden)}
        ${select(
          'hidden2',
          'Second layer',
          o.hidden2,
          HIDDEN2_CHOICES,
          (n) => (n === 0 ? 'none' : `${n} units`),
          playing,
          o.onHidden2,
        )}
      </div>
      <p class="arch">${o.architecture}</p>
      <div class="row buttons">
        <button
          type="button"
          class="primary"
          part="train"
          ?disabled=${o.phase === 'failed' || o.phase === 'done'}
          @click=${o.onTrain}
        >
          ${playing ? 'Pause' : 'Train'}
        </button>
        <button type="button" part="reset" ?disabled=${busy} @click=${o.onReset}>Reset</button>
      </div>
      <p class="status ${o.phase === 'failed' ? 'error' : ''}" part="status" role="status">
        ${o.status}
      </p>
      ${
        o.phase === 'failed'
          ? html`<button type="button" part="retry" @click=${o.onRetry}>Retry</button>`
          : nothing
      }
    </div>
  `;
}

/** Ten probabilities as labelled horizontal bars (the most probable highlighted). */
export function bars(probs: ArrayLike<number> | null, label: string): TemplateResult {
  let best = -1;
  if (probs) for (let d = 0; d < CLASSES; d++) if (best < 0 || probs[d]! > probs[best]!) best = d;
  return html`
    <ol class="bars" aria-label=${label}>
      ${Array.from({ length: CLASSES }, (_, d) => {
        const p = probs ? probs[d]! : 0;
        return html`<li class=${d === best ? 'best' : ''}>
          <span class="digit">${d}</span>
          <span class="track"
            ><span
              class="fill"
              style=${styleProps({ width: `${(Math.max(0, Math.min(1, p)) || 0) * 100}%` })}
            ></span
          ></span>
          <span class="p">${probs ? percent(p) : '–'}</span>
        </li>`;
      })}
    </ol>
  `;
}

export interface PadOptions {
  text: string;
  probs: Float32Array | null;
  empty: boolean;
  onDown(e: PointerEvent): void;
  onMove(e: PointerEvent): void;
  onUp(e: PointerEvent): void;
  onClear(): void;
}

export function pad(o: PadOptions): TemplateResult {
  return html`
    <section class="pad-area" part="pad" aria-labelledby="pad-title">
      <h3 id="pad-title">Draw a digit</h3>
      <div class="pad-row">
        <canvas
          class="pad"
          width="280"
          height="280"
          role="img"
          aria-label="Drawing pad: draw a digit here with a mouse, a finger or a pen"
          @pointerdown=${o.onDown}
          @pointermove=${o.onMove}
          @pointerup=${o.onUp}
          @pointercancel=${o.onUp}
        ></canvas>
        <div class="seen">
          <canvas
            class="digit-img big"
            data-pad-input
            role="img"
            aria-label="The 28 × 28 pixels the network sees"
          ></canvas>
          <span class="caption">What the network sees</span>
          <button type="button" part="clear" ?disabled=${o.empty} @click=${o.onClear}>Clear</button>
        </div>
        ${bars(o.empty ? null : o.probs, 'What the network reads in your drawing')}
      </div>
      <p class="pad-text" aria-live="polite" part="pad-text">${o.text}</p>
    </section>
  `;
}

export interface GalleryItem {
  index: number;
  truth: number;
  top: { digit: number; p: number }[] | null;
}

/** Digits as buttons: the picture, the true digit, and the network's top three. */
export function gallery(
  items: readonly GalleryItem[],
  picked: number,
  onPick: (index: number) => void,
): TemplateResult {
  return html`<ul class="gallery">
    ${items.map(
      (it) =>
        html`<li>
          <button
            type="button"
            class="thumb ${it.index === picked ? 'picked' : ''}"
            aria-pressed=${it.index === picked ? 'true' : 'false'}
            @click=${() => onPick(it.index)}
          >
            <canvas class="digit-img" data-digit=${it.index} aria-hidden="true"></canvas>
            <span class="visually-hidden">Test digit ${it.index + 1}, a</span>
            <span class="truth">${it.truth}</span>
            ${
              it.top
                ? html`<span class="visually-hidden">; read as</span>
                    <span class="top"
                      >${it.top.map((t) => html`<span>${t.digit} (${percent(t.p)})</span>`)}</span
                    >`
                : nothing
            }
          </button>
        </li>`,
    )}
  </ul>`;
}

export interface PickerOptions {
  index: number;
  count: number;
  text: string;
  onIndex(index: number): void;
}

/** The keyboard path: choose any test digit by number, hear its label and the prediction. */
export function picker(o: PickerOptions): TemplateResult {
  const clamp = (n: number) => Math.max(0, Math.min(o.count - 1, n));
  return html`
    <section class="picker" part="picker" aria-labelledby="picker-title">
      <h3 id="picker-title">Any test digit</h3>
      <div class="row">
        <canvas class="digit-img big" data-digit=${o.index} aria-hidden="true"></canvas>
        <div class="pick-controls">
          <label for="test-index">Test digit number (1 to ${o.count})</label>
          <div class="row">
            <button
              type="button"
              aria-label="Previous test digit"
              @click=${() => o.onIndex(clamp(o.index - 1))}
            >
              ←
            </button>
            <input
              id="test-index"
              type="number"
              min="1"
              max=${o.count}
              .value=${String(o.index + 1)}
              @change=${(e: Event) => {
                const n = Math.round(Number((e.target as HTMLInputElement).value));
                if (Number.isFinite(n)) o.onIndex(clamp(n - 1));
              }}
            />
            <button
              type="button"
              aria-label="Next test digit"
              @click=${() => o.onIndex(clamp(o.index + 1))}
            >
              →
            </button>
          </div>
        </div>
      </div>
      <p class="picker-text" aria-live="polite" part="picker-text">${o.text}</p>
    </section>
  `;
}

export interface DigitsPanelOptions {
  labels: Uint8Array | null;
  evaluation: Evaluation | null;
  probs: Float32Array | null;
  /** The most confidently misclassified test digits (the session sorts them once a reading). */
  mistakes: readonly number[];
  /** Whether the network has trained at all (step > 0). */
  trained: boolean;
  open: { truth: number; read: number } | null;
  picked: number;
  onPick(index: number): void;
  onBack(): void;
}

/** The digits of the opened confusion cell, or else the most confident mistakes. */
export function digitsPanel(o: DigitsPanelOptions): TemplateResult {
  const { labels, evaluation, probs } = o;
  if (!labels || !evaluation || !probs) return html``;
  const items = (indices: readonly number[]): GalleryItem[] =>
    indices.map((index) => ({
      index,
      truth: labels[index]!,
      top: topThree(probs, index * CLASSES),
    }));
  if (o.open) {
    const { truth, read } = o.open;
    const all = cellDigits(labels, evaluation.predicted, truth, read);
    return html`<h3 id="digits-title">${cellHeading(truth, read, all.length)}</h3>
      ${gallery(items(all.slice(0, SHOW_DIGITS)), o.picked, o.onPick)}
      ${
        all.length > SHOW_DIGITS
          ? html`<p class="note">The first ${SHOW_DIGITS} of ${all.length} are shown.</p>`
          : nothing
      }
      <button type="button" @click=${o.onBack}>Back to the mistakes</button>`;
  }
  return html`<h3 id="digits-title">Most confident mistakes</h3>
    ${
      o.trained
        ? gallery(items(o.mistakes), o.picked, o.onPick)
        : html`<p class="note">
            Untrained, the network gets almost everything wrong. Train it first.
          </p>`
    }`;
}
