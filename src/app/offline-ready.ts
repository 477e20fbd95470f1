import { LitElement, css, html, nothing } from 'lit';
import { define } from '../widgets/shared/base';
import { tokens } from '../widgets/shared/tokens';

/**
 * "Ready to work offline", said once: the first visit, when the service worker has cached the
 * course (src/app/pwa.ts). A small status in the header bar, in the page's flow, so it covers no
 * text and no control (it used to be a toast over the lesson for 6 s). It is announced politely:
 * the live region is on the page before the words arrive. It stays until dismissed; the next
 * visit does not say it again.
 */
export class GtOfflineReady extends LitElement {
  static override properties = { _shown: { state: true } };
  declare _shown: boolean;

  static override styles = [
    tokens,
    css`
      :host {
        display: contents;
      }
      /* Until there is something to say, the live region takes no room in the header bar. */
      [role='status']:empty {
        position: absolute;
      }
      .ready {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        font-size: 0.85rem;
        font-weight: 600;
        padding: 0 0 0 0.6rem;
        border-radius: 999px;
        border: 1px solid var(--_accent);
        color: var(--_fg);
        background: var(--_bg);
      }
      button {
        /* A 44px target without making the pill taller than the header's links. */
        min-width: 44px;
        min-height: 44px;
        margin: -10px 0;
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        cursor: pointer;
        border-radius: 999px;
      }
      button:focus-visible {
        outline: 3px solid var(--_focus, var(--_accent));
        outline-offset: -8px;
      }
    `,
  ];

  constructor() {
    super();
    this._shown = false;
  }

  /** Say it (once the course is cached). */
  show(): void {
    this._shown = true;
  }

  override render() {
    return html`<span role="status"
      >${
        this._shown
          ? html`<span class="ready"
              >Ready to work offline<button
                type="button"
                aria-label="Dismiss: ready to work offline"
                @click=${() => (this._shown = false)}
              >
                <span aria-hidden="true">✕</span>
              </button></span
            >`
          : nothing
      }</span
    >`;
  }
}

define('gt-offline-ready', GtOfflineReady);

declare global {
  interface HTMLElementTagNameMap {
    'gt-offline-ready': GtOfflineReady;
  }
}
