import { LitElement, html, css } from 'lit';
import { ContextConsumer } from '@lit/context';
import { define } from '../widgets/shared/base';
import { tokens } from '../widgets/shared/tokens';
import { progressContext } from '../lesson/context';

/** Export, import and reset of the student's progress. */
export class GtProgressTools extends LitElement {
  static override properties = { _message: { state: true }, _error: { state: true } };
  declare _message: string;
  declare _error: boolean;

  private readonly progress = new ContextConsumer(this, { context: progressContext });

  constructor() {
    super();
    this._message = '';
    this._error = false;
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        margin-top: 2.5rem;
        padding-top: 1.25rem;
        border-top: 1px solid var(--_border);
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 0.5rem;
      }
      p {
        margin: 0 0 0.75rem;
        color: var(--_muted);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
      }
      .message {
        margin-top: 0.75rem;
        color: var(--_success);
        font-weight: 600;
      }
      .message.error {
        color: var(--_danger);
      }
      dialog {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_fg);
        max-width: min(28rem, 90vw);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      dialog h3 {
        margin-top: 0;
      }
      button.danger {
        background: var(--_danger);
        border-color: var(--_danger);
        color: var(--_bg);
      }
    `,
  ];

  private say(message: string, error = false): void {
    this._message = message;
    this._error = error;
  }

  private exportProgress(): void {
    const store = this.progress.value;
    if (!store) return;
    const blob = new Blob([store.exportJson()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `gradient-trail-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.say('Progress exported. Import the file on another device to carry on there.');
  }

  private async importProgress(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const store = this.progress.value;
    if (!file || !store) return;
    if (file.size > 5_000_000) {
      this.say(
        `“${file.name}” is too large to be a progress file. Your progress is unchanged.`,
        true,
      );
      return;
    }
    const result = store.importJson(await file.text());
    if (result.ok) this.say(`Progress imported from “${file.name}”.`);
    else
      this.say(
        `Could not import “${file.name}”: ${result.message} Your progress is unchanged.`,
        true,
      );
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private confirmReset(): void {
    this.progress.value?.reset();
    this.dialog?.close();
    this.say('Progress reset. The trail starts afresh.');
  }

  override render() {
    return html`
      <section aria-labelledby="tools-title">
        <h2 id="tools-title">Your progress</h2>
        <p>Progress is kept in this browser. Take it to another device with a file.</p>
        <div class="row">
          <button type="button" @click=${this.exportProgress}>Export progress</button>
          <button
            type="button"
            @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#import')?.click()}
          >
            Import progress…
          </button>
          <input
            id="import"
            type="file"
            accept="application/json,.json"
            hidden
            aria-label="Progress file to import"
            @change=${this.importProgress}
          />
          <button type="button" @click=${() => this.dialog?.showModal()}>Reset progress…</button>
        </div>
        <p class="message ${this._error ? 'error' : ''}" role="status" aria-live="polite">
          ${this._message}
        </p>
      </section>
      <dialog aria-labelledby="reset-title">
        <h3 id="reset-title">Reset all progress?</h3>
        <p>
          Steps seen, solved exercises and finished lessons on this device will be cleared. Export
          first if you may want them back.
        </p>
        <div class="row">
          <button type="button" class="danger" @click=${this.confirmReset}>Reset progress</button>
          <button type="button" autofocus @click=${() => this.dialog?.close()}>Cancel</button>
        </div>
      </dialog>
    `;
  }
}

define('gt-progress-tools', GtProgressTools);

declare global {
  interface HTMLElementTagNameMap {
    'gt-progress-tools': GtProgressTools;
  }
}
