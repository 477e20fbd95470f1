import { LitElement, css, html, nothing } from 'lit';
import { define } from '../widgets/shared/define';
import { tokens } from '../widgets/shared/tokens';
import { mayGetOfflineReady } from './pwa';

/**
 * "Ready to work offline", said once, on the first visit, when the service worker has cached the
 * course (src/app/pwa.ts). A small status in the header bar, in the page's flow, so it covers no
 * text and no control (it used to be a toast over the lesson for 6 s). It is there from the first
 * render of a first visit, saying that the course is being saved, so the page never moves when the
 * news comes; the words change in place and are announced politely. A button dismisses it.
 */
export class GtOfflineReady extends LitElement {
  static override properties = { _state: { state: true } };
  declare _state: 'saving' | 'ready' | 'gone' | 'none';

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
      .pill {
        display: inline-flex;
        align-items: center;
        justify-content: space-between;
        /* As wide for both messages, so the header does not move when the words change. */
        min-width: 14rem;
        box-sizing: border-box;
        gap: 0.25rem;
        font-size: 0.85rem;
        font-weight: 600;
        padding: 0 0 0 0.6rem;
        border-radius: 999px;
        border: 1px solid var(--_accent);
        color: var(--_fg);
        background: var(--_bg);
      }
      /* No news after all (installed on an earlier visit): the words go, their room stays, so
         nothing below moves (on a phone the pill has a line of the header to itself). */
      .gone {
        visibility: hidden;
      }
      .saving {
        border-color: var(--_border);
        font-weight: 400;
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
        outline: 3px solid var(--_focus);
        outline-offset: -8px;
      }
    `,
  ];

  constructor() {
    super();
    this._state = mayGetOfflineReady() ? 'saving' : 'none';
  }

  /** The course is cached: say so. */
  show(): void {
    this._state = 'ready';
  }

  /** No news will come on this visit (see PwaCallbacks.onNoOfflineNews). */
  hide(): void {
    if (this._state === 'saving') this._state = 'gone';
  }

  override render() {
    const state = this._state;
    const text = state === 'ready' ? 'Ready to work offline' : 'Saving for offline use…';
    return html`<span role="status"
      >${
        state === 'none'
          ? nothing
          : html`<span class="pill ${state}" aria-hidden=${state === 'gone' ? 'true' : nothing}
              >${text}<button
                type="button"
                aria-label=${`Dismiss: ${text}`}
                @click=${() => (this._state = 'none')}
              >
                <span aria-hidden="true">✕</span>
              </button></span
            >`
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
