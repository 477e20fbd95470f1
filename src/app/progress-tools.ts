import { LitElement, html, css, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { lessons } from 'virtual:lessons';
import { define } from '../widgets/shared/define';
import { setStartingValues, states } from '../widgets/shared/reactive';
import { tokens } from '../widgets/shared/tokens';
import { progressContext } from '../lesson/context';
import type { KeptCopy, ProgressStore } from '../lesson/progress';
import { damagedFileName, type ImportMode, type Progress } from '../lesson/progress-data';
import { downloadText, exportFileName } from './download';
import { describeChange, formatSize, keptStamp, keptWhen, loses } from './progress-words';

/** The two ways to import a file, in the words of the import dialog. */
const IMPORT_MODES: readonly (readonly [ImportMode, string])[] = [
  ['merge', 'Merge: keep your progress and add the file’s'],
  ['replace', 'Replace: use only the file’s progress'],
];

/** A file chosen for import, waiting for the student to choose merge or replace. */
interface PendingImport {
  name: string;
  text: string;
}

/**
 * Export, import and reset of the student's progress, and the copies of damaged progress kept
 * so far. An import shows what would change and asks whether to merge the file with the progress
 * or replace it. `compact` (on a lesson page, under the lesson) leaves out the introduction.
 */
export class GtProgressTools extends LitElement {
  static override properties = {
    compact: { type: Boolean, reflect: true },
    ...states({
      _message: '',
      _error: false,
      _pending: null,
      _mode: 'merge',
      _copies: [],
    }),
  };
  declare compact: boolean;
  declare _message: string;
  declare _error: boolean;
  declare _pending: PendingImport | null;
  declare _mode: ImportMode;
  declare _copies: KeptCopy[];

  private readonly progress = new ContextConsumer(this, {
    context: progressContext,
    subscribe: true,
  });
  private unsubscribe: (() => void)[] = [];

  constructor() {
    super();
    setStartingValues(this);
    this.compact = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    queueMicrotask(() => {
      const store = this.progress.value;
      if (!store || !this.isConnected) return;
      // The preview follows the progress (another tab may write while the dialog is open); the
      // list of kept copies follows the store's saving state (a copy is made as data is set aside).
      this.unsubscribe = [
        store.subscribe(() => this.requestUpdate()),
        store.subscribeStatus(() => void this.loadCopies()),
      ];
      void this.loadCopies();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }

  private async loadCopies(): Promise<void> {
    this._copies = (await this.progress.value?.keptCopies()) ?? [];
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
      :host([compact]) {
        margin: 0 0 1rem;
        padding: 0;
        border: 0;
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 0.5rem;
      }
      :host([compact]) h2 {
        font-size: 1rem;
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
      .message:empty {
        display: none;
      }
      dialog {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_fg);
        max-width: min(32rem, 90vw);
        max-height: 90vh;
        box-sizing: border-box;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      dialog h3 {
        margin-top: 0;
        overflow-wrap: anywhere;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
      }
      label {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        min-height: 44px;
        align-content: center;
        flex-wrap: wrap;
      }
      .changes {
        margin: 0 0 1rem;
        padding-left: 1.25rem;
      }
      .changes .loss {
        color: var(--_danger);
        font-weight: 600;
      }
      button.danger {
        background: var(--_danger);
        border-color: var(--_danger);
        color: var(--_bg);
      }
      .kept {
        margin-top: 1rem;
      }
      .kept h3 {
        font-size: 1rem;
        margin: 0 0 0.25rem;
      }
      .kept ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      .kept li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 0.75rem;
        align-items: center;
      }
    `,
  ];

  private say(message: string, error = false): void {
    this._message = message;
    this._error = error;
  }

  private get store(): ProgressStore | undefined {
    return this.progress.value;
  }

  private exportProgress(): void {
    const store = this.store;
    if (!store) return;
    downloadText(store.exportJson(), exportFileName());
    this.say('Progress exported. Import the file on another device to carry on there.');
  }

  private async chooseFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const store = this.store;
    if (!file || !store) return;
    if (file.size > 5_000_000) {
      this.say(
        `“${file.name}” is too large to be a progress file. Your progress is unchanged.`,
        true,
      );
      return;
    }
    const text = await file.text();
    const preview = store.previewImport(text, 'merge');
    if (!preview.ok) {
      this.say(
        `Could not import “${file.name}”: ${preview.message} Your progress is unchanged.`,
        true,
      );
      return;
    }
    this.say('');
    this._mode = 'merge';
    this._pending = { name: file.name, text };
    await this.updateComplete;
    this.importDialog?.showModal();
  }

  private confirmImport(): void {
    const pending = this._pending;
    const store = this.store;
    this.importDialog?.close();
    if (!pending || !store) return;
    const result = store.importJson(pending.text, this._mode);
    if (!result.ok) {
      this.say(
        `Could not import “${pending.name}”: ${result.message} Your progress is unchanged.`,
        true,
      );
      return;
    }
    this.say(
      this._mode === 'merge'
        ? `Progress from “${pending.name}” merged with yours.`
        : `Your progress was replaced by “${pending.name}”.`,
    );
  }

  private onImportClosed(): void {
    this._pending = null;
    this.renderRoot.querySelector<HTMLButtonElement>('#import-button')?.focus();
  }

  private get importDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('#import-dialog');
  }

  private get resetDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('#reset-dialog');
  }

  private confirmReset(): void {
    this.store?.reset();
    this.resetDialog?.close();
    this.say('Progress reset. The trail starts afresh.');
  }

  private async downloadCopy(copy: KeptCopy): Promise<void> {
    const text = await this.store?.readKeptCopy(copy);
    if (text === undefined) {
      this.say('That copy could not be read from the browser.', true);
      return;
    }
    downloadText(text, damagedFileName(keptStamp(copy)), 'text/plain');
  }

  private async deleteCopy(copy: KeptCopy): Promise<void> {
    await this.store?.removeKeptCopy(copy);
    await this.loadCopies();
    this.say('The copy of the damaged progress was deleted.');
  }

  private lastText(last: Progress['last']): string {
    if (!last) return 'the start of the course';
    const meta = lessons.find((l) => l.id === last.lessonId);
    return `${meta?.title ?? last.lessonId}, step ${last.step}`;
  }

  private renderPreview() {
    const pending = this._pending;
    const store = this.store;
    if (!pending || !store) return nothing;
    const preview = store.previewImport(pending.text, this._mode);
    if (!preview.ok) return html`<p>${preview.message}</p>`;
    const [lastBefore, lastAfter] = preview.last;
    const moves =
      JSON.stringify(lastBefore) !== JSON.stringify(lastAfter)
        ? html`<p>“Continue where you left off” will go to ${this.lastText(lastAfter)}.</p>`
        : nothing;
    if (preview.changes.length === 0)
      return html`<p>Nothing changes: your progress already holds everything in this file.</p>
        ${moves}`;
    return html`
      <p>What changes:</p>
      <ul class="changes">
        ${preview.changes.map((c) => {
          const meta = lessons.find((l) => l.id === c.lessonId);
          const lost = loses(c);
          return html`<li class=${lost ? 'loss' : ''}>
            ${describeChange(c, meta?.title ?? c.lessonId, meta?.stepCount)}${lost ? ' (lost)' : ''}
          </li>`;
        })}
      </ul>
      ${moves}
    `;
  }

  private renderImportDialog() {
    const pending = this._pending;
    return html`
      <dialog id="import-dialog" aria-labelledby="import-title" @close=${this.onImportClosed}>
        ${
          pending
            ? html`
                <h3 id="import-title">Import “${pending.name}”?</h3>
                <fieldset>
                  <legend>How to import</legend>
                  ${IMPORT_MODES.map(
                    ([mode, words]) =>
                      html`<label>
                        <input
                          type="radio"
                          name="mode"
                          value=${mode}
                          .checked=${this._mode === mode}
                          @change=${() => (this._mode = mode)}
                        />
                        ${words}
                      </label>`,
                  )}
                </fieldset>
                <div aria-live="polite">${this.renderPreview()}</div>
                <div class="row">
                  <button
                    type="button"
                    class=${this._mode === 'replace' ? 'danger' : 'primary'}
                    @click=${this.confirmImport}
                  >
                    ${this._mode === 'merge' ? 'Merge' : 'Replace'}
                  </button>
                  <button type="button" @click=${() => this.importDialog?.close()}>Cancel</button>
                </div>
              `
            : html`<h3 id="import-title">Import progress</h3>`
        }
      </dialog>
    `;
  }

  private renderCopies() {
    if (this._copies.length === 0) return nothing;
    return html`
      <section class="kept" aria-labelledby="kept-title">
        <h3 id="kept-title">Damaged progress kept</h3>
        <p>
          Saved progress that could not be read is kept here rather than thrown away. Download it to
          look at it or to ask for help.
        </p>
        <ul>
          ${this._copies.map(
            (c) =>
              html`<li>
                <span
                  >${keptWhen(c)}, ${formatSize(c.size)},
                  ${c.where === 'database' ? 'in the browser’s database' : 'in browser storage'}</span
                >
                <button type="button" @click=${() => this.downloadCopy(c)}>Download</button>
                <button
                  type="button"
                  aria-label="Delete the copy from ${keptWhen(c)}"
                  @click=${() => this.deleteCopy(c)}
                >
                  Delete
                </button>
              </li>`,
          )}
        </ul>
      </section>
    `;
  }

  override render() {
    return html`
      <section aria-labelledby="tools-title">
        <h2 id="tools-title">Your progress</h2>
        ${
          this.compact
            ? nothing
            : html`<p>Progress is kept in this browser. Take it to another device with a file.</p>`
        }
        <div class="row">
          <button type="button" @click=${this.exportProgress}>Export progress</button>
          <button
            id="import-button"
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
            @change=${this.chooseFile}
          />
          <button type="button" @click=${() => this.resetDialog?.showModal()}>
            Reset progress…
          </button>
        </div>
        <p class="message ${this._error ? 'error' : ''}" role="status" aria-live="polite">
          ${this._message}
        </p>
        ${this.renderCopies()}
      </section>
      ${this.renderImportDialog()}
      <dialog id="reset-dialog" aria-labelledby="reset-title">
        <h3 id="reset-title">Reset all progress?</h3>
        <p>
          Steps seen, solved exercises and finished lessons on this device will be cleared. Export
          first if you may want them back.
        </p>
        <div class="row">
          <button type="button" class="danger" @click=${this.confirmReset}>Reset progress</button>
          <button type="button" autofocus @click=${() => this.resetDialog?.close()}>Cancel</button>
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
