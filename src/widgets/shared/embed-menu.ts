import { LitElement, css, html, nothing } from 'lit';
import { tokens } from './tokens';
import { widgetDoc } from '../catalog';
import { iframeSnippet, scriptSnippet, stateOf } from './embed';

/**
 * The "Embed" disclosure every widget carries: copies a script-tag snippet and an iframe snippet
 * that reproduce the widget as it is now (its attributes reflect the reader's changes).
 */
export class NnEmbedMenu extends LitElement {
  static override properties = { _open: { state: true }, _copied: { state: true } };
  declare _open: boolean;
  declare _copied: string;

  /** The widget to describe. */
  target: HTMLElement | undefined;

  constructor() {
    super();
    this._open = false;
    this._copied = '';
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        margin-top: 0.5rem;
        font-size: 0.9rem;
      }
      details > summary {
        cursor: pointer;
        color: var(--_muted);
        width: max-content;
        min-height: 44px;
        display: flex;
        align-items: center;
        list-style: none;
        padding: 0 0.25rem;
      }
      details > summary::-webkit-details-marker {
        display: none;
      }
      details > summary::before {
        content: '</> ';
        font-family: var(--_mono);
        margin-right: 0.35rem;
      }
      .panel {
        display: grid;
        gap: 0.75rem;
        padding: 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      label {
        font-weight: 600;
        display: block;
        margin-bottom: 0.25rem;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        font-family: var(--_mono);
        font-size: 0.8rem;
        min-height: 4.5rem;
        resize: vertical;
        background: var(--_bg);
        color: var(--_fg);
        border: 1px solid var(--_border);
        border-radius: 6px;
        padding: 0.4rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.35rem;
        flex-wrap: wrap;
      }
      .copied {
        color: var(--_success);
        font-weight: 600;
      }
    `,
  ];

  private snippets(): { script: string; iframe: string } | undefined {
    const el = this.target;
    if (!el) return undefined;
    const tag = el.localName;
    const state = stateOf(el);
    const title = widgetDoc(tag)?.summary.split(':')[0] ?? tag;
    const height = Math.max(320, Math.min(1400, el.getBoundingClientRect().height + 24));
    return { script: scriptSnippet(tag, state), iframe: iframeSnippet(tag, state, title, height) };
  }

  private async copy(which: 'script' | 'iframe', text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this._copied = which;
    } catch {
      // Clipboard refused (permissions, insecure page): select the text so Ctrl+C works.
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${which}`);
      area?.focus();
      area?.select();
      this._copied = `${which}-select`;
    }
  }

  override render() {
    const s = this._open ? this.snippets() : undefined;
    return html`
      <details
        @toggle=${(e: Event) => {
          this._open = (e.target as HTMLDetailsElement).open;
          this._copied = '';
        }}
      >
        <summary>Embed</summary>
        ${
          s
            ? html`<div class="panel">
                ${(['script', 'iframe'] as const).map(
                  (which) => html`
                    <div>
                      <label for=${which}
                        >${which === 'script' ? 'Script tag (any web page)' : 'Iframe (sites that strip scripts)'}</label
                      >
                      <textarea id=${which} readonly .value=${s[which]}></textarea>
                      <div class="row">
                        <button type="button" @click=${() => this.copy(which, s[which])}>
                          Copy ${which === 'script' ? 'script tag' : 'iframe'}
                        </button>
                        <span class="copied" role="status"
                          >${
                            this._copied === which
                              ? 'Copied.'
                              : this._copied === `${which}-select`
                                ? 'Selected: press Ctrl+C (⌘C) to copy.'
                                : nothing
                          }</span
                        >
                      </div>
                    </div>
                  `,
                )}
              </div>`
            : nothing
        }
      </details>
    `;
  }
}

if (!customElements.get('nn-embed-menu')) customElements.define('nn-embed-menu', NnEmbedMenu);

declare global {
  interface HTMLElementTagNameMap {
    'nn-embed-menu': NnEmbedMenu;
  }
}
