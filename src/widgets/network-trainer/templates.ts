/**
 * The trainer's own markup pieces, as functions of plain values and handlers: the playback bar
 * (buttons, the numbers, the engine choice and badge), a notice from training, and the share
 * area. The element keeps the state; the words come from describe.ts.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatNumber, formatPercent } from '../../math/format';
import { compactNumber } from '../../math/trainer-setup';
import { ENGINE_CHOICES, engineLabel } from '../../train/protocol';
import type { EngineChoice } from '../../train/protocol';
import type { SessionNotice, SessionReport } from './controller';
import { epochText } from './describe';

export interface PlaybackView {
  report: SessionReport | null;
  playing: boolean;
  /** Train, Step and Reset can be pressed (also while the engine loads). */
  canTrain: boolean;
  /** Whether there is a test set (else its numbers show "—"). */
  hasTest: boolean;
  /** A regression problem: no accuracy to show. */
  regression: boolean;
  /** Early stopping is on: the validation loss is shown too. */
  validation: boolean;
  engine: EngineChoice;
  hideEngine: boolean;
  /** What the badge says: "not started", "loading…", "from-scratch JS", "tfjs · wasm · main thread"… */
  badge: string;
  badgeTitle: string;
  /** "3,100 epochs/s", or '' before it is measured. */
  speed: string;
  onPlay: () => void;
  onStep: () => void;
  onReset: () => void;
  onEngine: (engine: string) => void;
}

export function playbackBar(v: PlaybackView): TemplateResult {
  const r = v.report;
  return html`<div class="toolbar" part="playback">
    <div class="buttons">
      <button type="button" class="primary" ?disabled=${!v.canTrain} @click=${v.onPlay}>
        ${v.playing ? 'Pause' : r && r.step > 0 ? 'Continue' : 'Train'}
      </button>
      <button type="button" ?disabled=${!v.canTrain} @click=${v.onStep}>Step</button>
      <button type="button" ?disabled=${!v.canTrain} @click=${v.onReset}>Reset</button>
    </div>
    <dl class="stats">
      <div>
        <dt>Epoch</dt>
        <dd class="num" data-value="epoch">${r ? epochText(r.epoch) : '0'}</dd>
      </div>
      <div>
        <dt>Train loss</dt>
        <dd class="num" data-value="train-loss">${r ? formatNumber(r.trainLoss, 3) : '—'}</dd>
      </div>
      <div>
        <dt>Test loss</dt>
        <dd class="num" data-value="test-loss">
          ${r && v.hasTest ? formatNumber(r.testLoss, 3) : '—'}
        </dd>
      </div>
      ${
        v.validation
          ? html`<div>
              <dt>Validation loss</dt>
              <dd class="num" data-value="validation-loss">
                ${r?.validationLoss !== undefined ? formatNumber(r.validationLoss, 3) : '—'}
              </dd>
            </div>`
          : nothing
      }
      ${
        v.regression
          ? nothing
          : html`<div>
              <dt>Test accuracy</dt>
              <dd class="num" data-value="test-accuracy">
                ${r && v.hasTest ? formatPercent(r.testAccuracy) : '—'}
              </dd>
            </div>`
      }
    </dl>
    <div class="backend" part="backend">
      <label for="backend" ?hidden=${v.hideEngine}>Engine</label>
      <select
        id="backend"
        ?hidden=${v.hideEngine}
        @change=${(e: Event) => v.onEngine((e.target as HTMLSelectElement).value)}
      >
        ${ENGINE_CHOICES.map(
          (b) =>
            html`<option value=${b} ?selected=${b === v.engine}>
              ${b === 'auto' ? 'auto (fastest here)' : engineLabel(b)}
            </option>`,
        )}
      </select>
      <span class="badge" title=${v.badgeTitle}> ${v.badge} </span>
      ${v.speed ? html`<span class="rate" data-value="speed">${v.speed}</span>` : nothing}
    </div>
  </div>`;
}

export interface NoticeView {
  notice: SessionNotice;
  learningRate: number;
  onReset: () => void;
  onLearningRate: (rate: number) => void;
  onDismiss: () => void;
}

/** A message from training; after a divergence, Reset and a smaller learning rate are offered. */
export function noticeBox(v: NoticeView): TemplateResult {
  const { notice } = v;
  const diverged = notice.kind === 'diverged';
  const problem = diverged || notice.kind === 'error';
  const smaller = v.learningRate / 10;
  return html`<div
    class="notice ${problem ? 'problem' : ''}"
    part="notice"
    role=${problem ? 'alert' : 'status'}
  >
    <p>
      ${diverged ? html`<strong>Training paused.</strong> ` : nothing}
      ${notice.kind === 'context-lost' ? html`<strong>The GPU stopped answering.</strong> ` : nothing}
      ${notice.message}
    </p>
    <div class="buttons">
      ${
        diverged
          ? html`<button type="button" class="primary" @click=${v.onReset}>Reset</button> ${
                smaller >= 0.00001
                  ? html`<button
                      type="button"
                      @click=${() => v.onLearningRate(Number(smaller.toPrecision(3)))}
                    >
                      Reset with learning rate ${compactNumber(smaller, 3)}
                    </button>`
                  : nothing
              }`
          : nothing
      }
      <button type="button" @click=${v.onDismiss}>Dismiss</button>
    </div>
  </div>`;
}

export interface ShareView {
  hidden: boolean;
  link: string;
  note: string;
  onShare: () => void;
}

/** The share-link button, the link once made, and what happened to it. */
export function shareArea(v: ShareView): TemplateResult {
  return html`<div class="share" part="share" ?hidden=${v.hidden}>
    <button type="button" @click=${v.onShare}>Copy a link to this setup</button>
    ${
      v.link
        ? html`<label class="visually-hidden" for="share-link">Link to this setup</label>
            <input id="share-link" class="link" readonly .value=${v.link} />`
        : nothing
    }
    <p class="note" role="status">${v.note}</p>
  </div>`;
}

export interface PlotOptionsView {
  showTest: boolean;
  discretize: boolean;
  onShowTest: (show: boolean) => void;
  onDiscretize: (discretize: boolean) => void;
}

/** Under the plot, as in Playground: show the test points, and draw the output in flat colours. */
export function plotOptions(v: PlotOptionsView): TemplateResult {
  return html`<div class="plot-options">
    ${checkbox('test-data', 'Show test data', v.showTest, v.onShowTest)}
    ${checkbox('discretize', 'Discretize output', v.discretize, v.onDiscretize)}
  </div>`;
}

/** A checkbox and its words in one label (`.check`). */
function checkbox(
  name: string,
  words: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
): TemplateResult {
  return html`<label class="check">
    <input
      type="checkbox"
      name=${name}
      .checked=${checked}
      @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}
    />
    ${words}
  </label>`;
}
