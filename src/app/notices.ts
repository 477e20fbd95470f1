import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ProgressStore, StoreNotice } from '../lesson/progress';
import { downloadText } from './download';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  text: string;
  actions: NoticeAction[];
  tone: 'info' | 'warn';
}

/**
 * The shell's notices (a new version, a lesson's widgets that did not load, the progress store's
 * news): a list at the bottom of the page, each with its actions and a Dismiss button.
 */
export class NoticeController implements ReactiveController {
  notices: Notice[] = [];
  private lastId = 0;
  /** The notice saying progress is not being saved, while it is shown. */
  private saveNotice = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  notify(text: string, tone: Notice['tone'], actions: NoticeAction[] = []): number {
    const id = ++this.lastId;
    this.notices = [...this.notices, { id, text, tone, actions }];
    this.host.requestUpdate();
    // Plain information fades after a while; warnings and offers (Reload) wait for the student.
    if (tone === 'info' && actions.length === 0) setTimeout(() => this.dismiss(id), 6000);
    return id;
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.host.requestUpdate();
  }

  /** What the progress store has to say, shown where the student is, as it happens. */
  fromStore(notice: StoreNotice, store: ProgressStore, exportProgress: () => void): void {
    const exportAction = { label: 'Export progress', run: exportProgress };
    switch (notice.kind) {
      case 'save-failed':
      case 'unavailable':
        this.dismiss(this.saveNotice);
        this.saveNotice = this.notify(notice.message, 'warn', [exportAction]);
        return;
      case 'save-recovered':
        this.dismiss(this.saveNotice);
        this.saveNotice = 0;
        this.notify(notice.message, 'info');
        return;
      case 'damaged': {
        const damaged = notice.damaged;
        const actions: NoticeAction[] = damaged
          ? [
              {
                label: 'Download it',
                run: () => downloadText(damaged.text, damaged.fileName, 'text/plain'),
              },
            ]
          : [];
        let id = 0;
        if (notice.replaceable)
          actions.push({
            label: 'Replace it',
            run: () => {
              this.dismiss(id);
              store.replaceDamaged();
            },
          });
        id = this.notify(notice.message, 'warn', actions);
        return;
      }
      default:
        this.notify(notice.message, notice.tone);
    }
  }

  render() {
    return html`<div class="notices" role="region" aria-label="Notifications">
      ${this.notices.map(
        (n) => html`
          <div class="notice" role=${n.tone === 'warn' ? 'alert' : 'status'}>
            <span class="text">${n.text}</span>
            <span class="actions">
              ${n.actions.map(
                (a) => html`<button type="button" @click=${a.run}>${a.label}</button>`,
              )}
              <button type="button" aria-label="Dismiss" @click=${() => this.dismiss(n.id)}>
                ✕
              </button>
            </span>
          </div>
        `,
      )}
    </div>`;
  }
}
